#include "ChannelsApi.h"

#include "AbrApi.h"
#include "Engine.h"
#include "JsonBody.h"
#include "Settings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace panelx::api {

namespace {

const QString kName = QStringLiteral("name");
const QString kUrl = QStringLiteral("url");
const QString kEnabled = QStringLiteral("enabled");
const QString kSegmentSeconds = QStringLiteral("segmentSeconds");
const QString kBufferMinutes = QStringLiteral("bufferMinutes");
const QStringList kWritableFields {
    kName, kUrl, kEnabled, kSegmentSeconds, kBufferMinutes, kAbrField};

// The validator's field names as the API spells them.
QString apiField(const QString &validatorField)
{
    if (validatorField == channelfield::sourceUrl)
        return kUrl;
    if (validatorField == channelfield::segmentDurationMs)
        return kSegmentSeconds;
    if (validatorField == channelfield::bufferMs)
        return kBufferMinutes;
    return validatorField;
}

// `value` × `factor` rounded; absurd values are kept absurd (not wrapped), so the validator
// refuses them with its range message.
qint64 scaled(double value, double factor)
{
    constexpr double kLimit = 1e15;
    const double product = value * factor;
    if (!(product > -kLimit && product < kLimit))
        return product < 0 ? qint64(-kLimit) : qint64(kLimit);
    return std::llround(product);
}

int toInt(qint64 value)
{
    return int(std::clamp<qint64>(
        value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

QJsonObject statusJson(const ChannelStatus &status)
{
    return {
        {QStringLiteral("state"), channelStateName(status.state).toLower()},
        {QStringLiteral("message"), status.message},
        {QStringLiteral("inputBitrate"), status.inputBitrate},
        {QStringLiteral("frameRate"), status.frameRate},
        {QStringLiteral("videoCodec"), status.videoCodec},
        {QStringLiteral("width"), status.width},
        {QStringLiteral("height"), status.height},
        {QStringLiteral("audioCodec"), status.audioCodec},
        {QStringLiteral("viewers"), status.viewers},
        {QStringLiteral("bufferBytes"), status.bufferBytes},
        {QStringLiteral("packetsDropped"), status.packetsDropped},
        {QStringLiteral("rungs"), rungsJson(status.rungs)},
    };
}

// Applies the body's fields to `channel`; false with *refusal set when one has the wrong type.
bool applyFields(const JsonBody &body, ChannelConfig *channel, http::ApiResponse *refusal)
{
    double segmentSeconds = channel->segmentDurationMs / 1000.0;
    double bufferMinutes = channel->bufferMs / 60000.0;
    if (!body.read(kName, &channel->name, refusal) || !body.read(kUrl, &channel->sourceUrl, refusal)
        || !body.read(kEnabled, &channel->enabled, refusal)
        || !body.read(kSegmentSeconds, &segmentSeconds, refusal)
        || !body.read(kBufferMinutes, &bufferMinutes, refusal)
        || !readAbr(body, &channel->abr, refusal))
        return false;
    if (body.has(kSegmentSeconds))
        channel->segmentDurationMs = toInt(scaled(segmentSeconds, 1000));
    if (body.has(kBufferMinutes))
        channel->bufferMs = scaled(bufferMinutes, 60000);
    return true;
}

http::ApiResponse refusal(const ChannelChange &change)
{
    switch (change.outcome) {
    case ChannelChange::Outcome::NotFound:
        return http::apiError(404, change.error);
    case ChannelChange::Outcome::Refused:
        return http::apiError(409, change.error);
    case ChannelChange::Outcome::Failed:
        return http::apiError(500, change.error);
    case ChannelChange::Outcome::Invalid:
    case ChannelChange::Outcome::Done:
        break;
    }
    // A value that is wrong in itself comes before a clash with another channel.
    QList<FieldError> shown;
    for (const FieldError &problem : change.problems)
        if (!problem.conflict)
            shown.append(problem);
    const bool conflict = shown.isEmpty();
    if (conflict)
        shown = change.problems;
    QStringList sentences;
    for (const FieldError &problem : shown)
        sentences << problem.message;
    return http::apiError(conflict ? 409 : 422, sentences.join(QLatin1Char(' ')),
        shown.size() == 1 ? apiField(shown.first().field) : QString());
}

http::ApiResponse listChannels(const RouteCall &call)
{
    QJsonArray list;
    for (const ChannelConfig &channel : call.engine.channels())
        list.append(channelJson(call.engine, channel));
    return jsonAnswer(200, {{QStringLiteral("channels"), list}});
}

http::ApiResponse addChannel(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, kWritableFields, &refused);
    if (!body)
        return refused;
    // The same defaults as the window's add-channel dialog: the saved settings.
    const Settings defaults = Settings::load();
    ChannelConfig channel;
    channel.segmentDurationMs = defaults.segmentDurationMs;
    channel.bufferMs = defaults.bufferMs;
    if (!applyFields(*body, &channel, &refused))
        return refused;
    const ChannelChange change = call.engine.createChannel(channel);
    if (!change.ok())
        return refusal(change);
    http::ApiResponse answer = jsonAnswer(201, channelJson(call.engine, change.channel));
    answer.headers.append(
        {"Location", QByteArray(kBasePath) + "/channels/" + QByteArray::number(change.channel.id)});
    return answer;
}

http::ApiResponse showChannel(const RouteCall &call)
{
    const auto channel = findChannel(call.engine, call.parameter);
    if (!channel)
        return channelNotFound(call.parameter);
    return jsonAnswer(200, channelJson(call.engine, *channel));
}

http::ApiResponse changeChannel(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, kWritableFields, &refused);
    if (!body)
        return refused;
    auto channel = findChannel(call.engine, call.parameter);
    if (!channel)
        return channelNotFound(call.parameter);
    if (!applyFields(*body, &*channel, &refused))
        return refused;
    const ChannelChange change = call.engine.saveChannel(*channel);
    return change.ok() ? jsonAnswer(200, channelJson(call.engine, change.channel))
                       : refusal(change);
}

http::ApiResponse deleteChannel(const RouteCall &call)
{
    const auto channel = findChannel(call.engine, call.parameter);
    if (!channel)
        return channelNotFound(call.parameter);
    const ChannelChange change = call.engine.deleteChannel(channel->id);
    return change.ok() ? http::ApiResponse {204, {}, {}} : refusal(change);
}

auto enableChannel(bool enabled)
{
    return [enabled](const RouteCall &call) {
        const auto channel = findChannel(call.engine, call.parameter);
        if (!channel)
            return channelNotFound(call.parameter);
        const ChannelChange change = call.engine.enableChannel(channel->id, enabled);
        return change.ok() ? jsonAnswer(200, channelJson(call.engine, change.channel))
                           : refusal(change);
    };
}

} // namespace

std::optional<ChannelConfig> findChannel(const Engine &engine, const QString &idOrSlug)
{
    bool numeric = false;
    const qint64 id = idOrSlug.toLongLong(&numeric);
    const QList<ChannelConfig> channels = engine.channels();
    for (const ChannelConfig &channel : channels)
        if (numeric && channel.id == id)
            return channel;
    for (const ChannelConfig &channel : channels)
        if (channel.slug == idOrSlug)
            return channel;
    return std::nullopt;
}

http::ApiResponse channelNotFound(const QString &idOrSlug, const QString &field)
{
    return http::apiError(404,
        QCoreApplication::translate("ChannelsApi",
            "There is no channel “%1”. List the channels with GET /api/v1/channels and use an "
            "id or slug from there.")
            .arg(idOrSlug),
        field);
}

QJsonObject channelJson(const Engine &engine, const ChannelConfig &channel)
{
    return {
        {QStringLiteral("id"), channel.id},
        {kName, channel.name},
        {QStringLiteral("slug"), channel.slug},
        {kUrl, channel.sourceUrl},
        {kEnabled, channel.enabled},
        {kSegmentSeconds, channel.segmentDurationMs / 1000.0},
        {kBufferMinutes, channel.bufferMs / 60000.0},
        {kAbrField, abrJson(channel.abr)},
        {QStringLiteral("liveUrl"), engine.liveUrl(channel)},
        {QStringLiteral("status"), statusJson(engine.status(channel.id))},
    };
}

QList<Route> channelRoutes()
{
    const QString one = QStringLiteral("/channels/{channel}");
    return {
        {"GET", QStringLiteral("/channels"), listChannels},
        {"POST", QStringLiteral("/channels"), addChannel},
        {"GET", one, showChannel},
        {"PATCH", one, changeChannel},
        {"DELETE", one, deleteChannel},
        {"POST", one + QStringLiteral("/start"), enableChannel(true)},
        {"POST", one + QStringLiteral("/stop"), enableChannel(false)},
    };
}

} // namespace panelx::api
