// Command-line handling: `panelx` opens the desktop window, `panelx --headless` runs the same
// engine as a service, `panelx ctl` controls either (app/ctl). Everything else lives in engine/
// and ui/.
#include "Ctl.h"
#include "Engine.h"
#include "Settings.h"
#include "ViewerAddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

#ifdef PANELX_HAS_UI
#include "DesktopApp.h"
#include <QApplication>
#endif

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM reach the event loop through a socket pair, so the engine stops on its own
// thread: open segments are closed and indexed before the process exits.
void installStopSignals(QObject *context, std::function<void()> onStop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, onStop] {
        char byte;
        [[maybe_unused]] auto readBytes = ::read(signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        onStop();
    });
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

#ifdef PANELX_HAS_UI
// The window needs a QApplication, the service must not create one: decide before either exists.
bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "--help") == 0
            || std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--version") == 0
            || std::strcmp(argv[i], "-v") == 0)
            return true;
    }
    return false;
}
#endif

QString logLine(const panelx::ChannelConfig &channel, const panelx::ChannelStatus &status)
{
    QString line = QStringLiteral("channel \"%1\": %2")
                       .arg(channel.name, panelx::channelStateName(status.state).toLower());
    if (status.state == panelx::ChannelState::Live) {
        QStringList parts;
        if (!status.videoCodec.isEmpty())
            parts << QStringLiteral("%1 %2x%3 %4 fps")
                         .arg(status.videoCodec)
                         .arg(status.width)
                         .arg(status.height)
                         .arg(status.frameRate, 0, 'f', 2);
        if (!status.audioCodec.isEmpty())
            parts << status.audioCodec;
        line += QStringLiteral(" (%1)").arg(parts.join(QStringLiteral(", ")));
    }
    if (!status.message.isEmpty())
        line += QStringLiteral(" — ") + status.message;
    return line;
}

int runHeadless(const panelx::EngineOptions &options)
{
    panelx::Engine engine(options);
    QObject::connect(&engine, &panelx::Engine::started, [&engine] {
        qInfo().noquote() << "PanelX" << PANELX_VERSION << "serving" << engine.playlistUrl()
                          << "— data in" << engine.dataDir();
    });
    QObject::connect(&engine, &panelx::Engine::startFailed, [](const QString &reason) {
        qCritical().noquote() << "PanelX could not start:" << reason;
        QCoreApplication::exit(1);
    });
    // Statuses also carry periodic measurements; the log gets only changes of state or reason.
    QHash<qint64, QPair<panelx::ChannelState, QString>> logged;
    QObject::connect(&engine, &panelx::Engine::channelStatusChanged,
        [&engine, &logged](const panelx::ChannelStatus &status) {
            const auto key = qMakePair(status.state, status.message);
            if (logged.value(status.channelId) == key)
                return;
            logged.insert(status.channelId, key);
            for (const auto &channel : engine.channels())
                if (channel.id == status.channelId)
                    qInfo().noquote() << logLine(channel, status);
        });
    QObject::connect(
        &engine, &panelx::Engine::requestFailed, [](const QString &what, const QString &reason) {
            qWarning().noquote() << what << "failed:" << reason;
        });
    QObject::connect(&engine, &panelx::Engine::stopped, [] {
        qInfo().noquote() << "PanelX stopped";
        QCoreApplication::quit();
    });
    installStopSignals(&engine, [&engine] { engine.stop(); });
    QMetaObject::invokeMethod(&engine, &panelx::Engine::start, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("PanelX"));
    QCoreApplication::setApplicationName(QStringLiteral("PanelX"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PANELX_VERSION));
    if (argc >= 2 && std::strcmp(argv[1], "ctl") == 0)
        return panelx::ctl::runCtl(argc, argv);
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd hh:mm:ss} %{type}: %{message}"));

    std::unique_ptr<QCoreApplication> app;
#ifdef PANELX_HAS_UI
    if (wantsHeadless(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
#else
    app = std::make_unique<QCoreApplication>(argc, argv);
#endif

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "PanelX Desktop: live channels to HLS for the devices on your network."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption headlessOption(QStringLiteral("headless"),
        QCoreApplication::translate(
            "main", "Run the engine and the viewer server with no window."));
    QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Keep the database and segments in <dir>."),
        QStringLiteral("dir"));
    QCommandLineOption portOption(QStringLiteral("port"),
        QCoreApplication::translate("main", "Serve viewers on TCP port <port> (default 8080)."),
        QStringLiteral("port"));
    QCommandLineOption publicUrlOption(QStringLiteral("public-url"),
        QCoreApplication::translate("main",
            "Give viewers URLs starting with <url> (http(s)://host[:port]) instead of this "
            "computer's network address, e.g. behind a port forward or a reverse proxy."),
        QStringLiteral("url"));
    QCommandLineOption listenOption(QStringLiteral("listen"),
        QCoreApplication::translate("main",
            "Serve viewers on <address> only: an address of this computer, 127.0.0.1, or "
            "0.0.0.0 (every IPv4 address) or :: (IPv4 and IPv6). Overrides the saved setting."),
        QStringLiteral("address"));
    parser.addOptions({headlessOption, dataDirOption, portOption, publicUrlOption, listenOption});
#ifdef PANELX_HAS_UI
    QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
        QStringLiteral("Save a screenshot of every page to <dir>."), QStringLiteral("dir"));
    screenshotsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotsOption);
#endif
    parser.process(*app);

    panelx::EngineOptions options;
    options.dataDir = parser.isSet(dataDirOption)
        ? parser.value(dataDirOption)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535) {
            qCritical().noquote() << QCoreApplication::translate(
                "main", "--port needs a number from 0 to 65535, not “%1”.")
                                         .arg(parser.value(portOption));
            return 2;
        }
        options.httpPort = static_cast<quint16>(port);
    }
    if (parser.isSet(publicUrlOption)) {
        QString problem;
        options.publicUrl
            = panelx::ViewerAddress::normalizePublicUrl(parser.value(publicUrlOption), &problem);
        if (options.publicUrl.isEmpty()) {
            qCritical().noquote() << QStringLiteral("--public-url “%1”: %2")
                                         .arg(parser.value(publicUrlOption), problem);
            return 2;
        }
    }

    if (parser.isSet(listenOption)) {
        const QHostAddress address(parser.value(listenOption));
        if (address.isNull()) {
            qCritical().noquote() << QCoreApplication::translate("main",
                "--listen needs an IP address of this computer, such as 127.0.0.1, 0.0.0.0 or "
                "::, not “%1”.")
                                         .arg(parser.value(listenOption));
            return 2;
        }
        options.listenAddress = address;
    }

    // The saved settings (the window's Settings page, the admin API) apply to both faces; what
    // the command line gives wins for this run.
    panelx::CommandLineChoices fromCommandLine;
    fromCommandLine.dataDir = parser.isSet(dataDirOption);
    fromCommandLine.port = parser.isSet(portOption);
    fromCommandLine.publicUrl = parser.isSet(publicUrlOption);
    fromCommandLine.listen = parser.isSet(listenOption);
    if (parser.isSet(headlessOption)) {
        panelx::Settings::prepareStartup(options, fromCommandLine);
        return runHeadless(options);
    }
#ifdef PANELX_HAS_UI
    return panelx::runDesktop(options, fromCommandLine, parser.value(screenshotsOption));
#else
    qCritical().noquote() << "This build has no desktop window; run with --headless.";
    return 2;
#endif
}
