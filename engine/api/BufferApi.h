// /api/v1/channels/{channel}/buffer: what a channel's timeshift buffer holds (the span viewers
// can go back over, its gaps and size) and the catch-up URL templates IPTV apps are given.
#pragma once

#include "ApiRoute.h"

namespace panelx::api {

QList<Route> bufferRoutes();

} // namespace panelx::api
