#include "SchedulesApi.h"

#include "ChannelsApi.h"
#include "Engine.h"
#include "JsonBody.h"
#include "ScheduleJson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <QUrlQuery>
#include <algorithm>

namespace panelx::api {

namespace {

const QString kCount = QStringLiteral("count");
constexpr int kDefaultCount = 5;
constexpr int kMaxCount = 100;

// The zone the recurrence sentences are written for: the one PanelX's computer shows, so the
// schedule's own zone is named when it is another.
QByteArray viewerZone()
{
    return QTimeZone::systemTimeZoneId();
}

QJsonObject channelReference(const Engine &engine, qint64 channelId)
{
    QJsonObject channel {{QStringLiteral("id"), channelId}};
    if (const auto config = findChannel(engine, QString::number(channelId))) {
        channel.insert(QStringLiteral("slug"), config->slug);
        channel.insert(QStringLiteral("name"), config->name);
    }
    return channel;
}

QJsonObject scheduleJson(const Engine &engine, const Schedule &schedule)
{
    return ScheduleJson::withFigures(
        ScheduleJson::schedule(
            schedule, channelReference(engine, schedule.channelId), viewerZone()),
        engine.scheduleFigures(schedule.id));
}

http::ApiResponse answer(const Engine &engine, const ScheduleChange &change, int status = 200)
{
    switch (change.outcome) {
    case ScheduleChange::Outcome::Done:
        return jsonAnswer(status, scheduleJson(engine, change.schedule));
    case ScheduleChange::Outcome::Invalid:
        return ScheduleJson::invalid(change.problems);
    case ScheduleChange::Outcome::Conflicting:
        return ScheduleJson::conflicting(change.conflicts);
    case ScheduleChange::Outcome::NotFound:
        return http::apiError(404, change.error);
    case ScheduleChange::Outcome::Failed:
        break;
    }
    return http::apiError(500, change.error);
}

// The schedule the path names; nullopt with *notFound set when it names none.
std::optional<Schedule> find(const RouteCall &call, http::ApiResponse *notFound)
{
    bool numeric = false;
    const qint64 id = call.parameter.toLongLong(&numeric);
    std::optional<Schedule> schedule;
    if (numeric)
        schedule = call.engine.schedule(id);
    if (!schedule)
        *notFound = http::apiError(404,
            QCoreApplication::translate("SchedulesApi",
                "There is no schedule “%1” (it may have been deleted). List the schedules "
                "with GET /api/v1/schedules and use an id from there.")
                .arg(call.parameter));
    return schedule;
}

// The body applied to *schedule, its channel looked up; a refusal otherwise.
std::optional<http::ApiResponse> apply(
    const RouteCall &call, const JsonBody &body, Schedule *schedule)
{
    QString channelName;
    if (const auto refused = ScheduleJson::apply(body, schedule, &channelName))
        return refused;
    if (body.has(ScheduleJson::kChannel)) {
        const auto channel = findChannel(call.engine, channelName);
        if (!channel)
            return channelNotFound(channelName, ScheduleJson::kChannel);
        schedule->channelId = channel->id;
    }
    return std::nullopt;
}

http::ApiResponse listSchedules(const RouteCall &call)
{
    QJsonArray list;
    for (const Schedule &schedule : call.engine.schedules())
        list.append(scheduleJson(call.engine, schedule));
    return jsonAnswer(200, {{QStringLiteral("schedules"), list}});
}

http::ApiResponse addSchedule(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, ScheduleJson::kWritableFields, &refused);
    if (!body)
        return refused;
    Schedule schedule;
    schedule.timeZoneId = viewerZone();
    bool force = false;
    if (!body->read(ScheduleJson::kForce, &force, &refused))
        return refused;
    if (const auto refusal = apply(call, *body, &schedule))
        return *refusal;
    if (!body->has(ScheduleJson::kChannel))
        return http::apiError(422,
            QCoreApplication::translate("SchedulesApi",
                "Say which channel the schedule acts on, for example {\"channel\": \"news\"}: "
                "an id or slug from GET /api/v1/channels."),
            ScheduleJson::kChannel);
    const ScheduleChange change = call.engine.createSchedule(schedule, force);
    http::ApiResponse created = answer(call.engine, change, 201);
    if (change.ok())
        created.headers.append({"Location",
            QByteArray(kBasePath) + "/schedules/" + QByteArray::number(change.schedule.id)});
    return created;
}

http::ApiResponse showSchedule(const RouteCall &call)
{
    http::ApiResponse notFound;
    const auto schedule = find(call, &notFound);
    return schedule ? jsonAnswer(200, scheduleJson(call.engine, *schedule)) : notFound;
}

http::ApiResponse changeSchedule(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto body = JsonBody::parse(call.request.body, ScheduleJson::kWritableFields, &refused);
    if (!body)
        return refused;
    auto schedule = find(call, &refused);
    if (!schedule)
        return refused;
    bool force = false;
    if (!body->read(ScheduleJson::kForce, &force, &refused))
        return refused;
    if (const auto refusal = apply(call, *body, &*schedule))
        return *refusal;
    // Switching a schedule on or off changes no plan of its own: it is not checked again.
    QStringList fields = ScheduleJson::kWritableFields;
    fields.removeAll(ScheduleJson::kEnabled);
    fields.removeAll(ScheduleJson::kForce);
    const bool onlySwitched = body->has(ScheduleJson::kEnabled)
        && std::none_of(
            fields.cbegin(), fields.cend(), [&](const QString &field) { return body->has(field); });
    return answer(call.engine,
        onlySwitched ? call.engine.enableSchedule(schedule->id, schedule->enabled)
                     : call.engine.saveSchedule(*schedule, force));
}

http::ApiResponse deleteSchedule(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto schedule = find(call, &refused);
    if (!schedule)
        return refused;
    const ScheduleChange change = call.engine.deleteSchedule(schedule->id);
    return change.ok() ? http::ApiResponse {204, {}, {}} : answer(call.engine, change);
}

http::ApiResponse showOccurrences(const RouteCall &call)
{
    http::ApiResponse refused;
    const auto schedule = find(call, &refused);
    if (!schedule)
        return refused;
    const QUrlQuery query(QString::fromUtf8(call.request.query));
    int count = kDefaultCount;
    if (query.hasQueryItem(kCount)) {
        bool number = false;
        count = query.queryItemValue(kCount).toInt(&number);
        if (!number || count < 1 || count > kMaxCount)
            return http::apiError(422,
                QCoreApplication::translate("SchedulesApi",
                    "“count” is how many occurrences to list, a whole number from 1 to %1, "
                    "for example ?count=10.")
                    .arg(kMaxCount),
                kCount);
    }
    QJsonArray occurrences;
    for (const Occurrence &occurrence :
        Occurrences::next(*schedule, QDateTime::currentMSecsSinceEpoch(), count))
        occurrences.append(ScheduleJson::occurrence(occurrence));
    return jsonAnswer(200,
        {{QStringLiteral("schedule"), schedule->id},
            {QStringLiteral("timeZone"), QString::fromUtf8(schedule->timeZoneId)},
            {QStringLiteral("occurrences"), occurrences}});
}

http::ApiResponse showConflicts(const RouteCall &call)
{
    QJsonArray conflicts;
    for (const Conflict &conflict : call.engine.scheduleConflicts())
        conflicts.append(ScheduleJson::conflict(conflict));
    return jsonAnswer(200, {{QStringLiteral("conflicts"), conflicts}});
}

} // namespace

QList<Route> scheduleRoutes()
{
    const QString one = QStringLiteral("/schedules/{schedule}");
    return {
        {"GET", QStringLiteral("/schedules"), listSchedules},
        {"POST", QStringLiteral("/schedules"), addSchedule},
        // Before the one schedule's routes, whose pattern "conflicts" would also match.
        {"GET", QStringLiteral("/schedules/conflicts"), showConflicts},
        {"GET", one, showSchedule},
        {"PATCH", one, changeSchedule},
        {"DELETE", one, deleteSchedule},
        {"GET", one + QStringLiteral("/occurrences"), showOccurrences},
    };
}

} // namespace panelx::api
