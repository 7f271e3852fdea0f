#include "RecordingsApi.h"

#include "ChannelsApi.h"
#include "Engine.h"
#include "JsonBody.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace panelx::api {

namespace {

const QString kChannel = QStringLiteral("channel");
const QString kTitle = QStringLiteral("title");
const QString kStart = QStringLiteral("start");
const QString kMinutes = QStringLiteral("minutes");
const QString kKeep = QStringLiteral("keep");

qint64 unixSeconds(qint64 utcMs)
{
    return utcMs / 1000;
}

QJsonObject usageJson(const DvrUsage &usage)
{
    QJsonArray nextCleanup;
    for (const qint64 id : usage.nextCleanup)
        nextCleanup.append(id);
    return {
        {QStringLiteral("pinnedBytes"), usage.pinnedBytes},
        {QStringLiteral("quotaBytes"), usage.quotaBytes},
        {QStringLiteral("bufferBytes"), usage.bufferBytes},
        {QStringLiteral("diskFreeBytes"), usage.diskFreeBytes},
        {QStringLiteral("nextCleanup"), nextCleanup},
    };
}

http::ApiResponse refusal(const RecordingChange &change)
{
    switch (change.outcome) {
    case RecordingChange::Outcome::Invalid:
        return http::apiError(422, change.error, change.field);
    case RecordingChange::Outcome::NotFound:
        return http::apiError(404, change.error, change.field);
    case RecordingChange::Outcome::Refused:
        return http::apiError(409, change.error, change.field);
    case RecordingChange::Outcome::Failed:
    case RecordingChange::Outcome::Done:
        break;
    }
    return http::apiError(500, change.error);
}

http::ApiResponse answer(const Engine &engine, const RecordingChange &change, int status = 200)
{
    return change.ok() ? jsonAnswer(status, recordingJson(engine, change.recording))
                       : refusal(change);
}

// The recording the path names; nullopt with *notFound set when it names none.
std::optional<Recording> find(const RouteCall &call, http::ApiResponse *notFound)
{
    bool numeric = false;
    const qint64 id = call.parameter.toLongLong(&numeric);
    std::optional<Recording> recording;
    if (numeric)
        recording = call.engine.recording(id);
    if (!recording)
        *notFound = http::apiError(404,
            QCoreApplication::translate("RecordingsApi",
                "There is no recording “%1” (it may have been deleted). List the "
                "recordings with GET /api/v1/recordings and use an id from there.")
                .arg(call.parameter));
    return recording;
}

http::ApiResponse listRecordings(const RouteCall &call)
{
    QJsonArray list;
    for (const Recording &recording : call.engine.recordings())
        list.append(recordingJson(call.engine, recording));
    return jsonAnswer(200,
        {{QStringLiteral("recordings"), list},
            {QStringLiteral("usage"), usageJson(call.engine.dvrUsage())}});
}

http::ApiResponse addRecording(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body
        = JsonBody::parse(call.request.body, {kChannel, kTitle, kStart, kMinutes}, &refused);
    if (!body)
        return refused;
    QString channelName;
    RecordingRequest request;
    double start = 0;
    // Whether the minutes are in range is the Recorder's to say (DvrPolicy's sentence).
    if (!body->readReference(kChannel, &channelName, &refused)
        || !body->read(kTitle, &request.title, &refused) || !body->read(kStart, &start, &refused)
        || !body->readMinutes(kMinutes, &request.minutes, &refused))
        return refused;
    if (!body->has(kChannel))
        return http::apiError(422,
            QCoreApplication::translate("RecordingsApi",
                "Say which channel to record, for example {\"channel\": \"news\"}: an id "
                "or slug from GET /api/v1/channels."),
            kChannel);
    const auto channel = findChannel(call.engine, channelName);
    if (!channel)
        return channelNotFound(channelName, kChannel);
    request.channelId = channel->id;
    // Up to the year 33658: beyond that it is no time PanelX could record at.
    if (body->has(kStart) && !(start > 0 && start < 1e12))
        return http::apiError(422,
            QCoreApplication::translate("RecordingsApi",
                "“start” is a time in unix seconds, for example 1767225600 for 1 January "
                "2026 00:00 UTC; leave it out to start now."),
            kStart);
    request.startUtcMs = std::llround(start * 1000);

    const RecordingChange change = call.engine.createRecording(request);
    http::ApiResponse created = answer(call.engine, change, 201);
    if (change.ok())
        created.headers.append({"Location",
            QByteArray(kBasePath) + "/recordings/" + QByteArray::number(change.recording.id)});
    return created;
}

http::ApiResponse showRecording(const RouteCall &call)
{
    http::ApiResponse notFound;
    const auto recording = find(call, &notFound);
    return recording ? jsonAnswer(200, recordingJson(call.engine, *recording)) : notFound;
}

http::ApiResponse changeRecording(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, {kTitle, kKeep}, &refused);
    if (!body)
        return refused;
    const auto recording = find(call, &refused);
    if (!recording)
        return refused;
    QString title;
    bool keep = false;
    if (!body->read(kTitle, &title, &refused) || !body->read(kKeep, &keep, &refused))
        return refused;
    return answer(call.engine,
        call.engine.editRecording(recording->id,
            body->has(kTitle) ? std::optional(title) : std::nullopt,
            body->has(kKeep) ? std::optional(keep) : std::nullopt));
}

http::ApiResponse deleteRecording(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto recording = find(call, &refused);
    if (!recording)
        return refused;
    const RecordingChange change = call.engine.deleteRecording(recording->id);
    return change.ok() ? http::ApiResponse {204, {}, {}} : refusal(change);
}

http::ApiResponse stopRecording(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto recording = find(call, &refused);
    if (!recording)
        return refused;
    return answer(call.engine, call.engine.stopRecording(recording->id));
}

http::ApiResponse extendRecording(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, {kMinutes}, &refused);
    if (!body)
        return refused;
    const auto recording = find(call, &refused);
    if (!recording)
        return refused;
    int minutes = 0;
    if (!body->readMinutes(kMinutes, &minutes, &refused))
        return refused;
    if (!body->has(kMinutes))
        return http::apiError(422,
            QCoreApplication::translate("RecordingsApi",
                "Say by how many minutes to extend the recording, for example "
                "{\"minutes\": 30}."),
            kMinutes);
    return answer(call.engine, call.engine.extendRecording(recording->id, minutes));
}

} // namespace

QJsonObject recordingJson(const Engine &engine, const Recording &recording)
{
    QJsonObject channel {{QStringLiteral("id"), recording.channelId}};
    const auto config = findChannel(engine, QString::number(recording.channelId));
    if (config) {
        channel.insert(QStringLiteral("slug"), config->slug);
        channel.insert(QStringLiteral("name"), config->name);
    }
    QJsonArray gaps;
    for (const RecordingGap &gap : recording.gaps)
        gaps.append(QJsonObject {{kStart, unixSeconds(gap.fromUtcMs)},
            {QStringLiteral("end"), unixSeconds(gap.toUtcMs)}});
    return {
        {QStringLiteral("id"), recording.id},
        {kChannel, channel},
        {kTitle, recording.title},
        {QStringLiteral("state"), recordingStateName(recording.state)},
        {QStringLiteral("reason"), recording.reason},
        {kStart, unixSeconds(recording.startUtcMs)},
        {QStringLiteral("end"), unixSeconds(recording.endUtcMs)},
        {QStringLiteral("durationSeconds"), (recording.durationMs() + 500) / 1000},
        {QStringLiteral("sizeBytes"), recording.sizeBytes},
        {QStringLiteral("gaps"), gaps},
        {kKeep, recording.keep},
        {QStringLiteral("created"), unixSeconds(recording.createdUtcMs)},
        {QStringLiteral("playlistUrl"), engine.recordingPlaylistUrl(recording.id)},
        {QStringLiteral("mp4Url"), engine.recordingMp4Url(recording.id)},
    };
}

QList<Route> recordingRoutes()
{
    const QString one = QStringLiteral("/recordings/{recording}");
    return {
        {"GET", QStringLiteral("/recordings"), listRecordings},
        {"POST", QStringLiteral("/recordings"), addRecording},
        {"GET", one, showRecording},
        {"PATCH", one, changeRecording},
        {"DELETE", one, deleteRecording},
        {"POST", one + QStringLiteral("/stop"), stopRecording},
        {"POST", one + QStringLiteral("/extend"), extendRecording},
    };
}

} // namespace panelx::api
