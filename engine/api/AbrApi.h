// A channel's adaptive-bitrate ladder in the admin API: the "abr" object of a channel, its rungs'
// live figures, and /api/v1/abr, the catalogue of rungs and presets clients choose from.
#pragma once

#include "ApiRoute.h"
#include "ChannelTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace panelx::api {

class JsonBody;

inline const QString kAbrField = QStringLiteral("abr");

QList<Route> abrRoutes();

// {"enabled": false, "rungs": ["1080p", …], "preset": "veryfast"}
QJsonObject abrJson(const AbrConfig &abr);
// Applies the body's "abr" object (any of its fields) to *abr; false with *refusal set when it is
// not an object, has an unknown field or one of the wrong type. Rung names the catalogue knows
// are normalised ("720" -> "720p", highest first); unknown ones are kept for the channel
// validator to refuse with its sentence.
bool readAbr(const JsonBody &body, AbrConfig *abr, http::ApiResponse *refusal);
// One rung's live figures; "state" is a fixed lower-case English word (starting, running,
// behind, shed, skipped) that clients may compare against.
QJsonObject rungStatusJson(const RungStatus &rung);
QJsonArray rungsJson(const QList<RungStatus> &rungs);

} // namespace panelx::api
