// Serving benchmark helper: fills a SegmentStore with N segment files of a given size for one
// channel "bench" and serves them with the engine's HttpServer until SIGINT/SIGTERM. Prints
// one line "READY port=<p> root=<segment root> channel=<id> segments=<first>-<last>" so
// bench/serving.sh can point nginx at the same files under the same URLs.
#include "ChannelDirectory.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>

using namespace panelx;

int main(int argc, char *argv[])
{
    // Block the stop signals before any thread starts, so only sigwait below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("Serves generated segment files with PanelX's HTTP server.");
    parser.addHelpOption();
    parser.addOptions({
        {"port", "Port to listen on (0 = any free port).", "port", "0"},
        {"epoll", "Epoll loops (see --threads) instead of a thread per connection."},
        {"threads", "Epoll loops with --epoll (0 = one per core).", "n", "1"},
        {"segments", "Number of segment files.", "n", "20"},
        {"size", "Bytes per segment file.", "bytes", "1048576"},
        {"data-dir", "Folder for the database and segments (default: a temporary one).", "dir"},
    });
    parser.process(app);

    QTemporaryDir temp;
    const QString dataDir = parser.isSet("data-dir") ? parser.value("data-dir") : temp.path();
    QDir().mkpath(dataDir);
    Database db(dataDir + "/bench.sqlite");
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(error));
        return 1;
    }
    SegmentStore store(db, dataDir + "/segments");
    ChannelConfig channel;
    channel.id = 1;
    channel.name = "Bench";
    channel.slug = "bench";
    channel.sourceUrl = kDemoSourceUrl;
    ChannelDirectory directory;
    directory.put(channel);

    const int count = parser.value("segments").toInt();
    const qint64 size = parser.value("size").toLongLong();
    QByteArray payload(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (qint64 i = 0; i + 4 <= size; i += 4)
        *reinterpret_cast<quint32 *>(payload.data() + i) = generator.generate();
    qint64 first = -1;
    qint64 last = -1;
    const qint64 startUtcMs = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        SegmentInfo info;
        info.channelId = channel.id;
        info.startUtcMs = startUtcMs + i * 4000;
        info.durationMs = 4000;
        QFile file(store.tempPath(channel.id, kSourceRendition));
        if (!store.prepareTempPath(channel.id, kSourceRendition, &error)
            || !file.open(QIODevice::WriteOnly) || file.write(payload) != size) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
        file.close();
        if (!store.commit(info, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        first = first < 0 ? info.sequence : first;
        last = info.sequence;
    }

    HttpServerOptions options;
    options.threads = parser.value("threads").toInt();
    options.threadPerConnection = !parser.isSet("epoll");
    HttpServer server(store, directory, options);
    if (!server.start(QHostAddress::LocalHost, quint16(parser.value("port").toUInt()), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("READY port=%u root=%s channel=%lld segments=%lld-%lld\n", server.port(),
        qPrintable(store.rootDir()), channel.id, first, last);
    std::fflush(stdout);

    int received = 0;
    sigwait(&stopSignals, &received);
    server.stop();
    return 0;
}
