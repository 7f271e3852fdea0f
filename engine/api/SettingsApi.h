// /api/v1/settings: the settings the window's Settings page edits, read and changed through
// the same Settings value and its validate().
#pragma once

#include "ApiRoute.h"

namespace panelx::api {

QList<Route> settingsRoutes();

} // namespace panelx::api
