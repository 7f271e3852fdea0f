#include "BufferApi.h"

#include "ChannelsApi.h"
#include "Engine.h"
#include "JsonBody.h"
#include "timeshift/BufferInfo.h"
#include "timeshift/CatchupRequest.h"

#include <QDateTime>
#include <QJsonArray>

namespace panelx::api {

namespace {

QString isoUtc(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

double seconds(qint64 durationMs)
{
    return durationMs / 1000.0;
}

QJsonObject catchupJson(const timeshift::CatchupTemplates &templates)
{
    return {
        {QStringLiteral("flussonic"), templates.flussonic},
        {QStringLiteral("flussonicTs"), templates.flussonicTs},
        {QStringLiteral("timeshift"), templates.timeshift},
        {QStringLiteral("shift"), templates.shift},
        {QStringLiteral("xtream"), templates.xtream},
    };
}

QJsonObject bufferJson(const BufferInfo &buffer)
{
    QJsonObject json {
        {QStringLiteral("channel"), buffer.channelId},
        {QStringLiteral("seconds"), 0},
        {QStringLiteral("segments"), buffer.segments},
        {QStringLiteral("bytes"), buffer.bytes},
    };
    QJsonArray gaps;
    for (const RecordingGap &gap : buffer.gaps)
        gaps.append(QJsonObject {{QStringLiteral("from"), isoUtc(gap.fromUtcMs)},
            {QStringLiteral("to"), isoUtc(gap.toUtcMs)},
            {QStringLiteral("seconds"), seconds(gap.durationMs())}});
    json.insert(QStringLiteral("gaps"), gaps);
    // An empty buffer has no times: nothing is held, not something held at the epoch.
    if (!buffer.isEmpty()) {
        json.insert(QStringLiteral("oldest"), isoUtc(buffer.oldestUtcMs));
        json.insert(QStringLiteral("newest"), isoUtc(buffer.newestUtcMs));
        json.insert(QStringLiteral("oldestUtcMs"), buffer.oldestUtcMs);
        json.insert(QStringLiteral("newestUtcMs"), buffer.newestUtcMs);
        json.insert(QStringLiteral("seconds"), seconds(buffer.newestUtcMs - buffer.oldestUtcMs));
    }
    return json;
}

http::ApiResponse showBuffer(const RouteCall &call)
{
    const auto channel = findChannel(call.engine, call.parameter);
    const auto buffer = channel ? call.engine.channelBuffer(channel->id) : std::nullopt;
    if (!buffer)
        return channelNotFound(call.parameter);
    QJsonObject json = bufferJson(*buffer);
    json.insert(QStringLiteral("catchup"),
        catchupJson(
            timeshift::catchupTemplates(call.engine.viewerBaseUrl(), channel->slug, channel->id)));
    return jsonAnswer(200, json);
}

} // namespace

QList<Route> bufferRoutes()
{
    return {{"GET", QStringLiteral("/channels/{channel}/buffer"), showBuffer}};
}

} // namespace panelx::api
