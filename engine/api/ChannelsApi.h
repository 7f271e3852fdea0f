// /api/v1/channels: list, add, show, change, delete, start and stop channels through the same
// Engine calls and ChannelValidator the window uses.
#pragma once

#include "ApiRoute.h"
#include "ChannelTypes.h"

#include <QJsonObject>
#include <optional>

namespace panelx::api {

QList<Route> channelRoutes();
// A channel as the API shows it, with its live state.
QJsonObject channelJson(const Engine &engine, const ChannelConfig &channel);
// The channel an API call names by id or slug (other resources refer to channels so too).
std::optional<ChannelConfig> findChannel(const Engine &engine, const QString &idOrSlug);
// The 404 for a name findChannel does not know; `field` names the body field that held it.
http::ApiResponse channelNotFound(const QString &idOrSlug, const QString &field = {});

} // namespace panelx::api
