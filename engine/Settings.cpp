#include "Settings.h"

#include "ViewerAddress.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace panelx {

namespace {
const QString kDataDirKey = QStringLiteral("engine/dataDir");
const QString kPortKey = QStringLiteral("engine/httpPort");
const QString kListenKey = QStringLiteral("engine/listen");
// Before the listen scope: true meant every address (IPv6 too), false loopback.
const QString kOldListenOnLanKey = QStringLiteral("engine/listenOnLan");
const QString kRemoteAdminKey = QStringLiteral("engine/remoteAdmin");
const QString kConnectionsPerAddressKey = QStringLiteral("engine/connectionsPerAddress");
const QString kPublicUrlKey = QStringLiteral("engine/publicUrl");
const QString kSegmentDurationKey = QStringLiteral("channels/defaultSegmentDurationMs");
const QString kBufferKey = QStringLiteral("channels/defaultBufferMs");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kDvrQuotaKey = QStringLiteral("dvr/quotaBytes");
const QString kDvrKeepDaysKey = QStringLiteral("dvr/keepDays");
const QString kDvrAutoCleanupKey = QStringLiteral("dvr/autoCleanup");
const QString kScheduleMaxRecordingsKey = QStringLiteral("schedules/maxRecordings");
const QString kScheduleMaxTranscodesKey = QStringLiteral("schedules/maxTranscodes");

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

    if (store.contains(kListenKey)) {
        s.listen = listenScopeFromName(store.value(kListenKey).toString()).value_or(s.listen);
    } else if (store.contains(kOldListenOnLanKey)) {
        // "Local network" becomes IPv4 only: IPv6 listening is now a choice of its own.
        s.listen
            = store.value(kOldListenOnLanKey).toBool() ? ListenScope::Lan : ListenScope::Loopback;
    }
    s.remoteAdmin = store.value(kRemoteAdminKey, false).toBool();
    const int perAddress = store.value(kConnectionsPerAddressKey).toInt(&ok);
    if (ok && perAddress >= 1 && perAddress <= kMaxConnectionsPerAddress)
        s.connectionsPerAddress = perAddress;

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

    const qint64 quota = store.value(kDvrQuotaKey).toLongLong(&ok);
    if (ok && quota >= kMinDvrQuotaBytes)
        s.dvr.quotaBytes = quota;
    const int keepDays = store.value(kDvrKeepDaysKey).toInt(&ok);
    if (ok && keepDays >= 0 && keepDays <= kMaxDvrKeepDays)
        s.dvr.keepDays = keepDays;
    s.dvr.autoCleanup = store.value(kDvrAutoCleanupKey, true).toBool();

    const int maxRecordings = store.value(kScheduleMaxRecordingsKey).toInt(&ok);
    if (ok && maxRecordings >= 1 && maxRecordings <= ScheduleSettings::kMaxAtOnce)
        s.schedules.maxRecordings = maxRecordings;
    const int maxTranscodes = store.value(kScheduleMaxTranscodesKey).toInt(&ok);
    if (ok && maxTranscodes >= 1 && maxTranscodes <= ScheduleSettings::kMaxAtOnce)
        s.schedules.maxTranscodes = maxTranscodes;
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
    store.setValue(kListenKey, listenScopeName(listen));
    store.remove(kOldListenOnLanKey);
    store.setValue(kRemoteAdminKey, remoteAdmin);
    store.setValue(kConnectionsPerAddressKey, connectionsPerAddress);
    QString problem;
    store.setValue(kPublicUrlKey, ViewerAddress::normalizePublicUrl(publicUrl, &problem));
    store.setValue(kSegmentDurationKey, segmentDurationMs);
    store.setValue(kBufferKey, bufferMs);
    store.setValue(kLanguageKey, languageCode(language));
    store.setValue(kDvrQuotaKey, dvr.quotaBytes);
    store.setValue(kDvrKeepDaysKey, dvr.keepDays);
    store.setValue(kDvrAutoCleanupKey, dvr.autoCleanup);
    store.setValue(kScheduleMaxRecordingsKey, schedules.maxRecordings);
    store.setValue(kScheduleMaxTranscodesKey, schedules.maxTranscodes);
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
    if (connectionsPerAddress < 1 || connectionsPerAddress > kMaxConnectionsPerAddress)
        problems.append({Field::ConnectionsPerAddress,
            tr("Each viewer address may hold from 1 to %1 connections; %2 suits TVs and "
               "phones, more a reverse proxy that carries every viewer.")
                .arg(kMaxConnectionsPerAddress)
                .arg(kDefaultConnectionsPerAddress)});
    if (segmentDurationMs < kMinSegmentDurationMs || segmentDurationMs > kMaxSegmentDurationMs)
        problems.append({Field::SegmentDuration,
            tr("Segments must last from %1 to %2 seconds.")
                .arg(kMinSegmentDurationMs / 1000)
                .arg(kMaxSegmentDurationMs / 1000)});
    if (bufferMs < 0 || bufferMs > kMaxBufferMs)
        problems.append({Field::Buffer,
            tr("The buffer can hold from 0 to %1 hours.").arg(kMaxBufferMs / 3600000)});
    if (dvr.quotaBytes < kMinDvrQuotaBytes)
        problems.append({Field::DvrQuota,
            tr("The DVR quota must be at least %1 GB; recordings of any length need room.")
                .arg(kMinDvrQuotaBytes / 1'000'000'000.0)});
    if (dvr.keepDays < 0 || dvr.keepDays > kMaxDvrKeepDays)
        problems.append({Field::DvrKeepDays,
            tr("Keep recordings from 1 to %1 days, or 0 to keep them until you delete them.")
                .arg(kMaxDvrKeepDays)});
    if (schedules.maxRecordings < 1 || schedules.maxRecordings > ScheduleSettings::kMaxAtOnce)
        problems.append({Field::ScheduleMaxRecordings,
            tr("Schedules may record from 1 to %1 channels at once; count what the disk can write.")
                .arg(ScheduleSettings::kMaxAtOnce)});
    if (schedules.maxTranscodes < 1 || schedules.maxTranscodes > ScheduleSettings::kMaxAtOnce)
        problems.append({Field::ScheduleMaxTranscodes,
            tr("Schedules may run from 1 to %1 ABR transcodes at once; count one per CPU core "
               "to spare.")
                .arg(ScheduleSettings::kMaxAtOnce)});
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

QStringList Settings::restartKeys(const Settings &running) const
{
    QStringList keys;
    if (QDir::cleanPath(dataDir) != QDir::cleanPath(running.dataDir))
        keys << QStringLiteral("dataDir");
    if (httpPort != running.httpPort)
        keys << QStringLiteral("httpPort");
    if (listen != running.listen)
        keys << QStringLiteral("listen");
    if (publicUrl.trimmed() != running.publicUrl.trimmed())
        keys << QStringLiteral("publicUrl");
    if (connectionsPerAddress != running.connectionsPerAddress)
        keys << QStringLiteral("connectionsPerAddress");
    if (language != running.language)
        keys << QStringLiteral("language");
    return keys;
}

QStringList Settings::changesNeedingRestart(const Settings &running) const
{
    const QHash<QString, QString> words {
        {QStringLiteral("dataDir"), tr("data folder")},
        {QStringLiteral("httpPort"), tr("viewer port")},
        {QStringLiteral("listen"), tr("who can watch")},
        {QStringLiteral("publicUrl"), tr("public URL")},
        {QStringLiteral("connectionsPerAddress"), tr("connections per address")},
        {QStringLiteral("language"), tr("language")},
    };
    QStringList names;
    for (const QString &key : restartKeys(running))
        names << words.value(key);
    return names;
}

void Settings::applyTo(EngineOptions &options) const
{
    options.dataDir = dataDir;
    options.httpPort = httpPort;
    options.listenAddress = listenAddress(listen);
    QString problem;
    options.publicUrl = ViewerAddress::normalizePublicUrl(publicUrl, &problem);
    options.remoteAdmin = remoteAdmin;
    options.connectionsPerAddress = connectionsPerAddress;
    options.dvr = dvr;
    options.schedules = schedules;
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
    // --listen names an address, not a scope: it stays as given.
    const QHostAddress listenAddress = options.listenAddress;
    settings.applyTo(options);
    if (fromCommandLine.listen)
        options.listenAddress = listenAddress;
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

QString Settings::listenScopeName(ListenScope scope)
{
    switch (scope) {
    case ListenScope::Loopback:
        return QStringLiteral("loopback");
    case ListenScope::LanIpv6:
        return QStringLiteral("lan-ipv6");
    case ListenScope::Lan:
        break;
    }
    return QStringLiteral("lan");
}

std::optional<ListenScope> Settings::listenScopeFromName(const QString &name)
{
    for (ListenScope scope : {ListenScope::Loopback, ListenScope::Lan, ListenScope::LanIpv6})
        if (name == listenScopeName(scope))
            return scope;
    return std::nullopt;
}

QHostAddress Settings::listenAddress(ListenScope scope)
{
    switch (scope) {
    case ListenScope::Loopback:
        return QHostAddress(QHostAddress::LocalHost);
    case ListenScope::LanIpv6:
        return QHostAddress(QHostAddress::Any); // dual-stack ::
    case ListenScope::Lan:
        break;
    }
    return QHostAddress(QHostAddress::AnyIPv4);
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
