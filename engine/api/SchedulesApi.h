// /api/v1/schedules: list, add, show, change, switch and delete schedules, their next
// occurrences and the week's conflicts, through the same Engine calls (and so the same
// validation and conflict check) the window uses.
#pragma once

#include "ApiRoute.h"

namespace panelx::api {

QList<Route> scheduleRoutes();

} // namespace panelx::api
