#include "AdminApi.h"

#include "AbrApi.h"
#include "AdminToken.h"
#include "BufferApi.h"
#include "ChannelsApi.h"
#include "Engine.h"
#include "RecordingsApi.h"
#include "SchedulesApi.h"
#include "SettingsApi.h"
#include "StatusApi.h"

#include <QUrl>

namespace panelx {

namespace {

// The path's segments after the base, decoded; nullopt when the path is not under the base.
std::optional<QStringList> segmentsUnderBase(const QByteArray &path)
{
    const QByteArray base(api::kBasePath);
    if (path != base && !path.startsWith(base + '/'))
        return std::nullopt;
    QStringList segments;
    for (const QByteArray &part : path.mid(base.size()).split('/'))
        if (!part.isEmpty())
            segments << QUrl::fromPercentEncoding(part);
    return segments;
}

// Does `pattern` ("/channels/{channel}/start") match `segments`? Sets *parameter to the
// segment its "{…}" matched.
bool matches(const QString &pattern, const QStringList &segments, QString *parameter)
{
    const QStringList parts = pattern.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts[i].startsWith(u'{'))
            *parameter = segments[i];
        else if (parts[i] != segments[i])
            return false;
    }
    return true;
}

// Only the loopback addresses proper count as this computer: the rest of 127.0.0.0/8 is where
// tests and benchmarks play the other computers of a network.
bool isThisComputer(const QHostAddress &peer)
{
    return peer == QHostAddress(QHostAddress::LocalHost)
        || peer == QHostAddress(QHostAddress::LocalHostIPv6);
}

} // namespace

AdminApi::AdminApi(Engine &engine, const AdminToken &token)
    : m_engine(engine), m_token(token), m_routes(routes())
{
}

QList<api::Route> AdminApi::routes()
{
    return api::statusRoutes() + api::channelRoutes() + api::abrRoutes() + api::bufferRoutes()
        + api::recordingRoutes() + api::scheduleRoutes() + api::settingsRoutes();
}

http::ApiResponse AdminApi::handle(const http::ApiRequest &request, qint64 nowMs)
{
    // Before the token: an address that may not administer at all learns nothing by guessing.
    if (!isThisComputer(request.peer) && !m_engine.remoteAdmin())
        return http::apiError(403,
            tr("Remote administration is off: call the admin API from the computer PanelX "
               "runs on, or switch on remote administration in the settings."));

    if (const int waitS = m_guard.retryAfterSeconds(request.peer, nowMs); waitS > 0) {
        http::ApiResponse answer = http::apiError(429,
            tr("Too many wrong admin tokens from your address: wait %n second(s), then try "
               "again with the token from the data folder's admin-token file.",
                nullptr, waitS));
        answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(waitS)});
        return answer;
    }

    static const QByteArray kScheme = "Bearer ";
    const QByteArray authorization = request.authorization.trimmed();
    const bool bearer = authorization.size() > kScheme.size()
        && authorization.first(kScheme.size()).compare(kScheme, Qt::CaseInsensitive) == 0;
    if (!bearer || !m_token.matches(authorization.mid(kScheme.size()).trimmed())) {
        m_guard.recordFailure(request.peer, nowMs);
        http::ApiResponse answer = http::apiError(401,
            bearer ? tr("The admin token is wrong. Use the one in the admin-token file in "
                        "PanelX's data folder (or shown in Settings); it changes when it is "
                        "regenerated.")
                   : tr("The admin API needs a token: send the header \"Authorization: Bearer "
                        "<token>\" with the token from the admin-token file in PanelX's data "
                        "folder (or shown in Settings)."));
        answer.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return answer;
    }
    m_guard.recordSuccess(request.peer);
    return route(request);
}

http::ApiResponse AdminApi::route(const http::ApiRequest &request)
{
    const auto segments = segmentsUnderBase(request.path);
    QByteArrayList allowed;
    if (segments) {
        for (const api::Route &candidate : m_routes) {
            QString parameter;
            if (!matches(candidate.pattern, *segments, &parameter))
                continue;
            if (candidate.method == request.method)
                return candidate.answer({m_engine, request, parameter});
            if (!allowed.contains(candidate.method))
                allowed.append(candidate.method);
        }
    }
    if (allowed.isEmpty())
        return http::apiError(404,
            tr("There is no admin API resource at %1. The resources are listed in PanelX's "
               "docs/api.md, under /api/v1.")
                .arg(QString::fromUtf8(request.path)));
    http::ApiResponse answer = http::apiError(405,
        tr("%1 is not allowed on %2; use %3.")
            .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path),
                QString::fromLatin1(allowed.join(", "))));
    answer.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
    return answer;
}

} // namespace panelx
