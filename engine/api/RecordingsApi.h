// /api/v1/recordings: list (with the DVR's use of the disk), record, show, rename or keep, stop,
// extend and delete recordings through the same Engine calls (and so the same DvrPolicy rules)
// the window uses.
#pragma once

#include "ApiRoute.h"
#include "dvr/Recording.h"

#include <QJsonObject>

namespace panelx::api {

QList<Route> recordingRoutes();
// A recording as the API shows it: times in unix seconds, its channel, where to play it.
QJsonObject recordingJson(const Engine &engine, const Recording &recording);

} // namespace panelx::api
