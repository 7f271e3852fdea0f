#include "AbrApi.h"

#include "JsonBody.h"
#include "transcode/Ladder.h"

#include <algorithm>

namespace panelx::api {

namespace {

const QString kEnabled = QStringLiteral("enabled");
const QString kRungs = QStringLiteral("rungs");
const QString kPreset = QStringLiteral("preset");

QString rungStateKey(RungState state)
{
    switch (state) {
    case RungState::Starting:
        return QStringLiteral("starting");
    case RungState::Running:
        return QStringLiteral("running");
    case RungState::Behind:
        return QStringLiteral("behind");
    case RungState::Shed:
        return QStringLiteral("shed");
    case RungState::Skipped:
        return QStringLiteral("skipped");
    case RungState::Invalid:
        break;
    }
    return QStringLiteral("unknown");
}

http::ApiResponse catalogue(const RouteCall &)
{
    QJsonArray rungs;
    for (const RungSpec &spec : ladder::catalogue())
        rungs.append(QJsonObject {
            {QStringLiteral("name"), spec.name},
            {QStringLiteral("height"), spec.height},
            {QStringLiteral("videoBitrate"), spec.videoBitrate},
            {QStringLiteral("maxRate"), spec.maxRate()},
            {QStringLiteral("bufferSize"), spec.bufferSize()},
            {QStringLiteral("profile"), spec.profile},
        });
    return jsonAnswer(200,
        {
            {kRungs, rungs},
            {QStringLiteral("presets"), QJsonArray::fromStringList(ladder::presets())},
            {QStringLiteral("audioBitrate"), ladder::kAudioBitrate},
            {QStringLiteral("default"), abrJson(AbrConfig {})},
        });
}

} // namespace

QList<Route> abrRoutes()
{
    return {{"GET", QStringLiteral("/abr"), catalogue}};
}

QJsonObject abrJson(const AbrConfig &abr)
{
    return {
        {kEnabled, abr.enabled},
        {kRungs, QJsonArray::fromStringList(abr.rungs)},
        {kPreset, abr.preset},
    };
}

bool readAbr(const JsonBody &body, AbrConfig *abr, http::ApiResponse *refusal)
{
    if (!body.has(kAbrField))
        return true;
    const auto fields = body.object(kAbrField, {kEnabled, kRungs, kPreset}, refusal);
    if (!fields)
        return false;
    QStringList rungs = abr->rungs;
    if (!fields->read(kEnabled, &abr->enabled, refusal)
        || !fields->read(kRungs, &rungs, refusal, QStringLiteral("[\"720p\", \"360p\"]"))
        || !fields->read(kPreset, &abr->preset, refusal))
        return false;
    if (fields->has(kRungs)) {
        const bool known = std::all_of(rungs.cbegin(), rungs.cend(),
            [](const QString &name) { return ladder::rung(name).has_value(); });
        abr->rungs = known ? ladder::normalisedRungs(rungs) : rungs;
    }
    return true;
}

QJsonObject rungStatusJson(const RungStatus &rung)
{
    return {
        {QStringLiteral("rendition"), rung.rendition},
        {QStringLiteral("state"), rungStateKey(rung.state)},
        {QStringLiteral("width"), rung.width},
        {QStringLiteral("height"), rung.height},
        {QStringLiteral("frameRate"), rung.frameRate},
        {QStringLiteral("targetBitrate"), rung.targetBitrate},
        {QStringLiteral("videoBitrate"), rung.videoBitrate},
        {QStringLiteral("measuredBitrate"), rung.measuredBitrate},
        {QStringLiteral("encodedFps"), rung.encodedFps},
        {QStringLiteral("speed"), rung.speed},
        {QStringLiteral("framesDropped"), rung.framesDropped},
        {QStringLiteral("message"), rung.message},
    };
}

QJsonArray rungsJson(const QList<RungStatus> &rungs)
{
    QJsonArray list;
    for (const RungStatus &rung : rungs)
        list.append(rungStatusJson(rung));
    return list;
}

} // namespace panelx::api
