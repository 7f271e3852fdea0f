#include "SettingsApi.h"

#include "Engine.h"
#include "JsonBody.h"
#include "Settings.h"
#include "ViewerAddress.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QSettings>
#include <cmath>

namespace panelx::api {

namespace {

const QString kDataDir = QStringLiteral("dataDir");
const QString kHttpPort = QStringLiteral("httpPort");
const QString kListen = QStringLiteral("listen");
const QString kPublicUrl = QStringLiteral("publicUrl");
const QString kSegmentSeconds = QStringLiteral("segmentSeconds");
const QString kBufferMinutes = QStringLiteral("bufferMinutes");
const QString kRemoteAdmin = QStringLiteral("remoteAdmin");
const QString kConnectionsPerAddress = QStringLiteral("connectionsPerAddress");
const QString kLanguage = QStringLiteral("language");
const QString kDvr = QStringLiteral("dvr");
const QStringList kWritableFields {kDataDir, kHttpPort, kListen, kPublicUrl, kConnectionsPerAddress,
    kSegmentSeconds, kBufferMinutes, kRemoteAdmin, kLanguage, kDvr};
const QString kQuotaBytes = QStringLiteral("quotaBytes");
const QString kKeepDays = QStringLiteral("keepDays");
const QString kAutoCleanup = QStringLiteral("autoCleanup");
const QStringList kDvrFields {kQuotaBytes, kKeepDays, kAutoCleanup};

QString apiField(Settings::Field field)
{
    switch (field) {
    case Settings::Field::DataDir:
        return kDataDir;
    case Settings::Field::HttpPort:
        return kHttpPort;
    case Settings::Field::PublicUrl:
        return kPublicUrl;
    case Settings::Field::ConnectionsPerAddress:
        return kConnectionsPerAddress;
    case Settings::Field::SegmentDuration:
        return kSegmentSeconds;
    case Settings::Field::Buffer:
        return kBufferMinutes;
    case Settings::Field::DvrQuota:
        return kDvr + QLatin1Char('.') + kQuotaBytes;
    case Settings::Field::DvrKeepDays:
        return kDvr + QLatin1Char('.') + kKeepDays;
    case Settings::Field::ScheduleMaxRecordings:
        return QStringLiteral("schedules.maxRecordings");
    case Settings::Field::ScheduleMaxTranscodes:
        return QStringLiteral("schedules.maxTranscodes");
    case Settings::Field::Language:
        break;
    }
    return kLanguage;
}

QJsonObject settingsJson(const Settings &settings)
{
    const QString language = Settings::languageCode(settings.language);
    return {
        {kDataDir, settings.dataDir},
        {kHttpPort, settings.httpPort},
        {kListen, Settings::listenScopeName(settings.listen)},
        {kPublicUrl, settings.publicUrl},
        {kConnectionsPerAddress, settings.connectionsPerAddress},
        {kSegmentSeconds, settings.segmentDurationMs / 1000.0},
        {kBufferMinutes, settings.bufferMs / 60000.0},
        {kRemoteAdmin, settings.remoteAdmin},
        {kLanguage, language.isEmpty() ? QStringLiteral("system") : language},
        {kDvr,
            QJsonObject {{kQuotaBytes, settings.dvr.quotaBytes}, {kKeepDays, settings.dvr.keepDays},
                {kAutoCleanup, settings.dvr.autoCleanup}}},
    };
}

http::ApiResponse invalidValue(const QString &field, const QString &sentence)
{
    return http::apiError(422, sentence, field);
}

// A whole number in [minimum, maximum] from a JSON number; nullopt when it is not one.
std::optional<qint64> wholeNumber(double value, double factor, double minimum, double maximum)
{
    const double scaled = value * factor;
    if (!(scaled >= minimum && scaled <= maximum))
        return std::nullopt;
    return std::llround(scaled);
}

// The body applied to `settings`; a refusal (400 wrong type, 422 bad value) otherwise.
std::optional<http::ApiResponse> apply(const JsonBody &body, Settings *settings)
{
    http::ApiResponse refused;
    double port = settings->httpPort;
    double perAddress = settings->connectionsPerAddress;
    double segmentSeconds = settings->segmentDurationMs / 1000.0;
    double bufferMinutes = settings->bufferMs / 60000.0;
    QString listen = Settings::listenScopeName(settings->listen);
    QString language = Settings::languageCode(settings->language);
    if (!body.read(kDataDir, &settings->dataDir, &refused) || !body.read(kHttpPort, &port, &refused)
        || !body.read(kListen, &listen, &refused)
        || !body.read(kPublicUrl, &settings->publicUrl, &refused)
        || !body.read(kConnectionsPerAddress, &perAddress, &refused)
        || !body.read(kSegmentSeconds, &segmentSeconds, &refused)
        || !body.read(kBufferMinutes, &bufferMinutes, &refused)
        || !body.read(kRemoteAdmin, &settings->remoteAdmin, &refused)
        || !body.read(kLanguage, &language, &refused))
        return refused;
    const auto dvr = body.object(kDvr, kDvrFields, &refused);
    double quotaBytes = double(settings->dvr.quotaBytes);
    double keepDays = settings->dvr.keepDays;
    if (!dvr || !dvr->read(kQuotaBytes, &quotaBytes, &refused)
        || !dvr->read(kKeepDays, &keepDays, &refused)
        || !dvr->read(kAutoCleanup, &settings->dvr.autoCleanup, &refused))
        return refused;

    if (body.has(kHttpPort)) {
        // Out-of-range ports are left to validate() (it knows the lowest allowed); only what
        // cannot be a port at all is refused here.
        const auto value = wholeNumber(port, 1, 0, 65535);
        if (!value || *value != port)
            return invalidValue(kHttpPort,
                Settings::tr("The port must be a whole number from %1 to 65535.")
                    .arg(Settings::kMinHttpPort));
        settings->httpPort = quint16(*value);
    }
    if (body.has(kConnectionsPerAddress)) { // a whole number; validate() words the range
        const auto value = wholeNumber(perAddress, 1, 1, kMaxConnectionsPerAddress);
        settings->connectionsPerAddress = value && *value == perAddress ? int(*value) : -1;
    }
    // Whole numbers; validate() words the ranges (-1 is outside both).
    if (dvr->has(kQuotaBytes)) {
        const auto value = wholeNumber(quotaBytes, 1, 0, 1e18);
        settings->dvr.quotaBytes = value && *value == quotaBytes ? *value : -1;
    }
    if (dvr->has(kKeepDays)) {
        const auto value = wholeNumber(keepDays, 1, 0, Settings::kMaxDvrKeepDays + 1);
        settings->dvr.keepDays = value && *value == keepDays ? int(*value) : -1;
    }
    if (body.has(kSegmentSeconds))
        settings->segmentDurationMs
            = int(wholeNumber(segmentSeconds, 1000, -1, kMaxSegmentDurationMs + 1).value_or(-1));
    if (body.has(kBufferMinutes))
        settings->bufferMs = wholeNumber(bufferMinutes, 60000, -1, kMaxBufferMs + 1).value_or(-1);
    const auto scope = Settings::listenScopeFromName(listen);
    if (!scope)
        return invalidValue(kListen,
            Settings::tr("“%1” is not a listening scope: use loopback (this computer only), "
                         "lan (the local network, IPv4) or lan-ipv6 (IPv4 and IPv6).")
                .arg(listen));
    settings->listen = *scope;
    if (language == QLatin1String("system"))
        language.clear();
    if (!language.isEmpty()
        && Settings::languageCode(Settings::languageFromCode(language)).isEmpty())
        return invalidValue(kLanguage,
            Settings::tr("“%1” is not a language PanelX speaks: use system, en or de.")
                .arg(language));
    settings->language = Settings::languageFromCode(language);

    if (const auto problems = settings->validate(); !problems.isEmpty())
        return invalidValue(apiField(problems.first().field), problems.first().message);
    if (body.has(kDataDir))
        if (const QString problem = Settings::checkDataDir(settings->dataDir); !problem.isEmpty())
            return invalidValue(kDataDir, problem);
    return std::nullopt;
}

http::ApiResponse showSettings(const RouteCall &)
{
    return jsonAnswer(200, settingsJson(Settings::load()));
}

http::ApiResponse changeSettings(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, kWritableFields, &refused);
    if (!body)
        return refused;
    Settings settings = Settings::load();
    if (const auto refusal = apply(*body, &settings))
        return *refusal;
    settings.dataDir = QDir::cleanPath(settings.dataDir.trimmed());
    QString problem;
    settings.publicUrl = ViewerAddress::normalizePublicUrl(settings.publicUrl, &problem);
    QSettings store;
    settings.save(store);
    if (store.status() != QSettings::NoError)
        return http::apiError(500,
            Settings::tr("The settings could not be written to %1. Check that the disk is not "
                         "full and that the file belongs to the user PanelX runs as.")
                .arg(store.fileName()));
    call.engine.setRemoteAdmin(settings.remoteAdmin);
    call.engine.setDvrSettings(settings.dvr);
    // What the command line set for this run stays so after a restart too (if started the
    // same way): only the rest waits for one.
    const CommandLineChoices fromCommandLine = Settings::fromCommandLine();
    const QHash<QString, bool> commandLineKeys {{kDataDir, fromCommandLine.dataDir},
        {kHttpPort, fromCommandLine.port}, {kPublicUrl, fromCommandLine.publicUrl},
        {kListen, fromCommandLine.listen}};
    QJsonArray restartNeeded;
    for (const QString &key : settings.restartKeys(Settings::running()))
        if (!commandLineKeys.value(key))
            restartNeeded.append(key);
    return jsonAnswer(200,
        {{QStringLiteral("settings"), settingsJson(settings)},
            {QStringLiteral("restartNeeded"), restartNeeded}});
}

} // namespace

QList<Route> settingsRoutes()
{
    return {
        {"GET", QStringLiteral("/settings"), showSettings},
        {"PATCH", QStringLiteral("/settings"), changeSettings},
    };
}

} // namespace panelx::api
