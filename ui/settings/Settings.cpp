#include "Settings.h"

#include "ViewerAddress.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace panelx {

namespace {
const QString kDataDirKey = QStringLiteral("engine/dataDir");
const QString kPortKey = QStringLiteral("engine/httpPort");
const QString kListenOnLanKey = QStringLiteral("engine/listenOnLan");
const QString kPublicUrlKey = QStringLiteral("engine/publicUrl");
const QString kSegmentDurationKey = QStringLiteral("channels/defaultSegmentDurationMs");
const QString kBufferKey = QStringLiteral("channels/defaultBufferMs");
const QString kLanguageKey = QStringLiteral("ui/language");

struct RunningSettings {
    bool set = false;
    Settings settings;
    CommandLineChoices fromCommandLine;
};
// Written once on the GUI thread before the window exists, read by the Settings page.
RunningSettings &runningSettings()
{
    static RunningSettings instance;
    return instance;
}
} // namespace

QString Settings::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Settings Settings::load(QSettings &store)
{
    Settings s;
    const QString dataDir = store.value(kDataDirKey).toString().trimmed();
    if (!dataDir.isEmpty() && QDir::isAbsolutePath(dataDir))
        s.dataDir = QDir::cleanPath(dataDir);

    bool ok = false;
    const uint port = store.value(kPortKey).toUInt(&ok);
    if (ok && port >= kMinHttpPort && port <= 65535)
        s.httpPort = static_cast<quint16>(port);

    if (store.contains(kListenOnLanKey))
        s.listenOnLan = store.value(kListenOnLanKey).toBool();

    QString problem;
    s.publicUrl
        = ViewerAddress::normalizePublicUrl(store.value(kPublicUrlKey).toString(), &problem);

    const int segmentMs = store.value(kSegmentDurationKey).toInt(&ok);
    if (ok && segmentMs >= kMinSegmentDurationMs && segmentMs <= kMaxSegmentDurationMs)
        s.segmentDurationMs = segmentMs;

    const qint64 bufferMs = store.value(kBufferKey).toLongLong(&ok);
    if (ok && bufferMs >= 0 && bufferMs <= kMaxBufferMs)
        s.bufferMs = bufferMs;

    s.language = languageFromCode(store.value(kLanguageKey).toString());
    return s;
}

Settings Settings::load()
{
    QSettings store;
    return load(store);
}

void Settings::save(QSettings &store) const
{
    store.setValue(kDataDirKey, dataDir);
    store.setValue(kPortKey, httpPort);
    store.setValue(kListenOnLanKey, listenOnLan);
    QString problem;
    store.setValue(kPublicUrlKey, ViewerAddress::normalizePublicUrl(publicUrl, &problem));
    store.setValue(kSegmentDurationKey, segmentDurationMs);
    store.setValue(kBufferKey, bufferMs);
    store.setValue(kLanguageKey, languageCode(language));
    store.sync();
}

void Settings::save() const
{
    QSettings store;
    save(store);
}

QList<Settings::Problem> Settings::validate() const
{
    QList<Problem> problems;
    const QString dir = dataDir.trimmed();
    if (dir.isEmpty())
        problems.append({Field::DataDir,
            tr("Choose a folder for the data: PanelX keeps its "
               "database and the channels' buffers there.")});
    else if (!QDir::isAbsolutePath(dir))
        problems.append({Field::DataDir,
            tr("Give the full path of the data folder, starting "
               "with /, for example %1.")
                .arg(defaultDataDir())});
    if (httpPort < kMinHttpPort)
        problems.append({Field::HttpPort,
            tr("Ports below %1 need administrator rights. Choose "
               "a port from %1 to 65535, such as %2.")
                .arg(kMinHttpPort)
                .arg(kDefaultHttpPort)});
    if (!publicUrl.trimmed().isEmpty()) {
        QString problem;
        if (ViewerAddress::normalizePublicUrl(publicUrl, &problem).isEmpty())
            problems.append({Field::PublicUrl, problem});
    }
    if (segmentDurationMs < kMinSegmentDurationMs || segmentDurationMs > kMaxSegmentDurationMs)
        problems.append({Field::SegmentDuration,
            tr("Segments must last from %1 to %2 seconds.")
                .arg(kMinSegmentDurationMs / 1000)
                .arg(kMaxSegmentDurationMs / 1000)});
    if (bufferMs < 0 || bufferMs > kMaxBufferMs)
        problems.append({Field::Buffer,
            tr("The buffer can hold from 0 to %1 hours.").arg(kMaxBufferMs / 3600000)});
    return problems;
}

QString Settings::checkDataDir(const QString &path)
{
    const QString dir = QDir::cleanPath(path.trimmed());
    if (dir.isEmpty() || !QDir::isAbsolutePath(dir))
        return {}; // validate() already says so
    QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return tr("“%1” is a file, not a folder. Choose a folder.").arg(dir);
    if (info.exists()) {
        // isWritable() can be wrong on network file systems and with ACLs: try for real.
        QTemporaryFile probe(dir + QStringLiteral("/.panelx-write-test-XXXXXX"));
        if (!probe.open())
            return tr("PanelX cannot write to “%1”. Choose a folder you own, or change its "
                      "permissions.")
                .arg(dir);
        return {};
    }
    // It will be created at the next start: the nearest existing parent must allow that.
    QFileInfo parent(info.absolutePath());
    while (!parent.exists() && parent.absoluteFilePath() != QStringLiteral("/"))
        parent.setFile(parent.absolutePath());
    if (!parent.isDir() || !parent.isWritable())
        return tr("“%1” does not exist and PanelX cannot create it inside “%2”. Choose a folder "
                  "in your home folder.")
            .arg(dir, parent.absoluteFilePath());
    return {};
}

QStringList Settings::changesNeedingRestart(const Settings &running) const
{
    QStringList names;
    if (QDir::cleanPath(dataDir) != QDir::cleanPath(running.dataDir))
        names << tr("data folder");
    if (httpPort != running.httpPort)
        names << tr("viewer port");
    if (listenOnLan != running.listenOnLan)
        names << tr("who can watch");
    if (publicUrl.trimmed() != running.publicUrl.trimmed())
        names << tr("public URL");
    if (language != running.language)
        names << tr("language");
    return names;
}

void Settings::applyTo(EngineOptions &options) const
{
    options.dataDir = dataDir;
    options.httpPort = httpPort;
    options.listenAddress
        = listenOnLan ? QHostAddress(QHostAddress::Any) : QHostAddress(QHostAddress::LocalHost);
    QString problem;
    options.publicUrl = ViewerAddress::normalizePublicUrl(publicUrl, &problem);
}

Settings Settings::prepareStartup(EngineOptions &options, CommandLineChoices fromCommandLine)
{
    Settings settings = load();
    if (fromCommandLine.dataDir)
        settings.dataDir = options.dataDir;
    if (fromCommandLine.port)
        settings.httpPort = options.httpPort;
    if (fromCommandLine.publicUrl)
        settings.publicUrl = options.publicUrl;
    settings.applyTo(options);
    RunningSettings &r = runningSettings();
    r.set = true;
    r.settings = settings;
    r.fromCommandLine = fromCommandLine;
    return settings;
}

Settings Settings::running()
{
    const RunningSettings &r = runningSettings();
    return r.set ? r.settings : load();
}

CommandLineChoices Settings::fromCommandLine()
{
    return runningSettings().fromCommandLine;
}

QString Settings::languageCode(UiLanguage language)
{
    switch (language) {
    case UiLanguage::English:
        return QStringLiteral("en");
    case UiLanguage::German:
        return QStringLiteral("de");
    case UiLanguage::System:
        break;
    }
    return {};
}

UiLanguage Settings::languageFromCode(const QString &code)
{
    if (code == QLatin1String("en"))
        return UiLanguage::English;
    if (code == QLatin1String("de"))
        return UiLanguage::German;
    return UiLanguage::System;
}

} // namespace panelx
