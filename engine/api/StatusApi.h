// /api/v1/status: the version, uptime, every channel's state and the storage in use.
#pragma once

#include "ApiRoute.h"

namespace panelx::api {

QList<Route> statusRoutes();

} // namespace panelx::api
