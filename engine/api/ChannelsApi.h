// /api/v1/channels: list, add, show, change, delete, start and stop channels through the same
// Engine calls and ChannelValidator the window uses.
#pragma once

#include "ApiRoute.h"
#include "ChannelTypes.h"

#include <QJsonObject>

namespace panelx::api {

QList<Route> channelRoutes();
// A channel as the API shows it, with its live state.
QJsonObject channelJson(const Engine &engine, const ChannelConfig &channel);

} // namespace panelx::api
