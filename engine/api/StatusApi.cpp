#include "StatusApi.h"

#include "ChannelsApi.h"
#include "Engine.h"
#include "JsonBody.h"

#include <QJsonArray>
#include <QTimeZone>

namespace panelx::api {

namespace {

http::ApiResponse status(const RouteCall &call)
{
    const Engine &engine = call.engine;
    QJsonArray channels;
    for (const ChannelConfig &channel : engine.channels())
        channels.append(channelJson(engine, channel));
    const StorageUse storage = engine.storageUse();
    return jsonAnswer(200,
        {
            {QStringLiteral("version"), QStringLiteral(PANELX_VERSION)},
            {QStringLiteral("uptimeSeconds"), engine.uptimeSeconds()},
            {QStringLiteral("viewerUrl"), engine.viewerBaseUrl()},
            // Xtream catch-up requests give their start as a wall-clock time in this zone.
            {QStringLiteral("timeZone"), QString::fromUtf8(QTimeZone::systemTimeZoneId())},
            {QStringLiteral("channels"), channels},
            {QStringLiteral("storage"),
                QJsonObject {
                    {QStringLiteral("dataDir"), engine.dataDir()},
                    {QStringLiteral("bufferBytes"), storage.bufferBytes},
                    {QStringLiteral("freeBytes"), storage.freeBytes},
                    {QStringLiteral("totalBytes"), storage.totalBytes},
                }},
        });
}

} // namespace

QList<Route> statusRoutes()
{
    return {{"GET", QStringLiteral("/status"), status}};
}

} // namespace panelx::api
