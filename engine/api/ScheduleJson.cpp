#include "ScheduleJson.h"

#include "schedule/RecurrenceText.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace panelx::api {

namespace {

const QString kId = QStringLiteral("id");
const QString kTitle = QStringLiteral("title");
const QString kBefore = QStringLiteral("before");
const QString kAfter = QStringLiteral("after");
const QStringList kPaddingFields {kBefore, kAfter};

qint64 unixSeconds(qint64 utcMs)
{
    return utcMs / 1000;
}

QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

http::ApiResponse unusable(const QString &field, const QString &sentence)
{
    return http::apiError(422, sentence, field);
}

} // namespace

const QString ScheduleJson::kChannel = schedulefield::channel;
const QString ScheduleJson::kEnabled = QStringLiteral("enabled");
const QString ScheduleJson::kForce = QStringLiteral("force");
const QStringList ScheduleJson::kWritableFields {schedulefield::name, schedulefield::action,
    schedulefield::channel, kTitle, schedulefield::start, schedulefield::timeZone,
    schedulefield::minutes, schedulefield::repeat, schedulefield::weekdays, schedulefield::until,
    schedulefield::padding, kEnabled, kForce};

std::optional<http::ApiResponse> ScheduleJson::apply(
    const JsonBody &body, Schedule *schedule, QString *channel)
{
    http::ApiResponse refused;
    QString action = scheduleActionName(schedule->action);
    QString start = localStart(schedule->firstDate, schedule->startTime);
    QString timeZone = QString::fromUtf8(schedule->timeZoneId);
    QString repeat = recurrenceName(schedule->recurrence);
    QStringList weekdays = schedule->weekdays.names();
    QString until = schedule->lastDate.toString(Qt::ISODate);
    if (!body.read(schedulefield::name, &schedule->name, &refused)
        || !body.read(schedulefield::action, &action, &refused)
        || !body.readReference(schedulefield::channel, channel, &refused)
        || !body.read(kTitle, &schedule->title, &refused)
        || !body.read(schedulefield::start, &start, &refused)
        || !body.read(schedulefield::timeZone, &timeZone, &refused)
        || !body.readMinutes(schedulefield::minutes, &schedule->durationMinutes, &refused)
        || !body.read(schedulefield::repeat, &repeat, &refused)
        || !body.read(schedulefield::weekdays, &weekdays, &refused)
        || (!body.isNull(schedulefield::until)
            && !body.read(schedulefield::until, &until, &refused))
        || !body.read(kEnabled, &schedule->enabled, &refused))
        return refused;
    if (body.isNull(schedulefield::until))
        until.clear();
    const auto padding = body.object(schedulefield::padding, kPaddingFields, &refused);
    if (!padding || !padding->readMinutes(kBefore, &schedule->paddingBeforeMinutes, &refused)
        || !padding->readMinutes(kAfter, &schedule->paddingAfterMinutes, &refused))
        return refused;

    if (body.has(schedulefield::action)) {
        schedule->action = scheduleActionFromName(action);
        if (schedule->action == ScheduleAction::Invalid)
            return unusable(schedulefield::action,
                tr("“%1” is not something a schedule does: use record, start or stop.")
                    .arg(action));
    }
    if (body.has(schedulefield::repeat)) {
        schedule->recurrence = recurrenceFromName(repeat);
        if (schedule->recurrence == Recurrence::Invalid)
            return unusable(schedulefield::repeat,
                tr("“%1” is not a way to repeat: use once, daily or weekly.").arg(repeat));
    }
    if (body.has(schedulefield::start)) {
        // The local date and time in the schedule's zone, with no offset; a date the calendar
        // does not have is left invalid for the validator's sentence.
        static const QRegularExpression shape(
            QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}(?::\\d{2})?)$"));
        const QRegularExpressionMatch match = shape.match(start);
        if (!match.hasMatch())
            return unusable(schedulefield::start,
                tr("“%1” is not a local date and time: give the first start as "
                   "\"2026-12-01T20:00\", with no offset (it is meant in \"timeZone\").")
                    .arg(start));
        schedule->firstDate = QDate::fromString(match.captured(1), Qt::ISODate);
        const QString time = match.captured(2);
        schedule->startTime = QTime::fromString(
            time, time.size() > 5 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    }
    if (body.has(schedulefield::timeZone))
        schedule->timeZoneId = timeZone.toUtf8();
    if (body.has(schedulefield::weekdays)) {
        QStringList unknown;
        schedule->weekdays = Weekdays::fromNames(weekdays, &unknown);
        if (!unknown.isEmpty())
            return unusable(schedulefield::weekdays,
                tr("“%1” is not a weekday: use mon, tue, wed, thu, fri, sat or sun.")
                    .arg(unknown.first()));
    }
    if (body.has(schedulefield::until)) {
        schedule->lastDate = QDate();
        if (!until.isEmpty()) {
            static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
            schedule->lastDate = QDate::fromString(until, Qt::ISODate);
            if (!shape.match(until).hasMatch() || !schedule->lastDate.isValid())
                return unusable(schedulefield::until,
                    tr("“%1” is not a date in the calendar: give the last date as "
                       "\"2027-03-31\", or null for no end.")
                        .arg(until));
        }
    }
    return std::nullopt;
}

QString ScheduleJson::localStart(const QDate &date, const QTime &time)
{
    if (!date.isValid() || !time.isValid())
        return {};
    return date.toString(Qt::ISODate) + QLatin1Char('T')
        + time.toString(time.second() ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

QJsonObject ScheduleJson::schedule(
    const Schedule &schedule, const QJsonObject &channel, const QByteArray &viewerZoneId)
{
    return {
        {kId, schedule.id},
        {schedulefield::name, schedule.name},
        {schedulefield::action, scheduleActionName(schedule.action)},
        {schedulefield::channel, channel},
        {kTitle, schedule.title},
        {schedulefield::start, localStart(schedule.firstDate, schedule.startTime)},
        {schedulefield::timeZone, QString::fromUtf8(schedule.timeZoneId)},
        {schedulefield::minutes, schedule.durationMinutes},
        {schedulefield::repeat, recurrenceName(schedule.recurrence)},
        {schedulefield::weekdays, QJsonArray::fromStringList(schedule.weekdays.names())},
        {schedulefield::until, dateOrNull(schedule.lastDate)},
        {schedulefield::padding,
            QJsonObject {
                {kBefore, schedule.paddingBeforeMinutes}, {kAfter, schedule.paddingAfterMinutes}}},
        {kEnabled, schedule.enabled},
        {QStringLiteral("created"), unixSeconds(schedule.createdUtcMs)},
        {QStringLiteral("recurrence"), RecurrenceText::describe(schedule, viewerZoneId)},
    };
}

QJsonObject ScheduleJson::withFigures(QJsonObject schedule, const ScheduleFigures &figures)
{
    schedule.insert(QStringLiteral("runs"), figures.runs);
    schedule.insert(QStringLiteral("failures"), figures.failures);
    schedule.insert(QStringLiteral("lastRun"),
        figures.lastRun ? QJsonValue(run(*figures.lastRun)) : QJsonValue(QJsonValue::Null));
    schedule.insert(QStringLiteral("nextRun"),
        figures.nextRun ? QJsonValue(occurrence(*figures.nextRun)) : QJsonValue(QJsonValue::Null));
    schedule.insert(QStringLiteral("conflicted"), figures.conflicted);
    return schedule;
}

QJsonObject ScheduleJson::run(const ScheduleRun &run)
{
    return {
        {QStringLiteral("planned"), unixSeconds(run.plannedUtcMs)},
        {QStringLiteral("actual"),
            run.actualUtcMs ? QJsonValue(unixSeconds(run.actualUtcMs))
                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("result"), scheduleRunResultName(run.result)},
        {QStringLiteral("reason"), run.reason},
        {QStringLiteral("recording"),
            run.recordingId ? QJsonValue(run.recordingId) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject ScheduleJson::occurrence(const Occurrence &occurrence)
{
    return {
        {QStringLiteral("schedule"), occurrence.scheduleId},
        {QStringLiteral("start"), unixSeconds(occurrence.startUtcMs)},
        {QStringLiteral("end"), unixSeconds(occurrence.endUtcMs)},
        {QStringLiteral("paddedStart"), unixSeconds(occurrence.paddedStartUtcMs)},
        {QStringLiteral("paddedEnd"), unixSeconds(occurrence.paddedEndUtcMs)},
        {QStringLiteral("local"), occurrence.localStart().toString(Qt::ISODate)},
        {QStringLiteral("shifted"), occurrence.shifted},
    };
}

QString ScheduleJson::conflictKindName(ConflictKind kind)
{
    switch (kind) {
    case ConflictKind::StartStop:
        return QStringLiteral("startStop");
    case ConflictKind::Recordings:
        return QStringLiteral("recordings");
    case ConflictKind::Transcodes:
        return QStringLiteral("transcodes");
    case ConflictKind::Quota:
        return QStringLiteral("quota");
    case ConflictKind::Invalid:
        break;
    }
    return {};
}

QJsonObject ScheduleJson::conflict(const Conflict &conflict)
{
    QJsonArray schedules;
    for (const qint64 id : conflict.scheduleIds)
        schedules.append(id);
    QJsonArray occurrences;
    for (const Occurrence &involved : conflict.occurrences)
        occurrences.append(occurrence(involved));
    return {
        {QStringLiteral("kind"), conflictKindName(conflict.kind)},
        {QStringLiteral("message"), conflict.message},
        {QStringLiteral("schedules"), schedules},
        {QStringLiteral("from"), unixSeconds(conflict.fromUtcMs)},
        {QStringLiteral("to"), unixSeconds(conflict.toUtcMs)},
        {QStringLiteral("occurrences"), occurrences},
    };
}

http::ApiResponse ScheduleJson::invalid(const QList<FieldError> &problems)
{
    QStringList sentences;
    QStringList fields;
    for (const FieldError &problem : problems) {
        sentences << problem.message;
        if (!fields.contains(problem.field))
            fields << problem.field;
    }
    return http::apiError(
        422, sentences.join(QLatin1Char(' ')), fields.size() == 1 ? fields.first() : QString());
}

http::ApiResponse ScheduleJson::conflicting(const QList<Conflict> &conflicts)
{
    QStringList sentences;
    QJsonArray list;
    for (const Conflict &each : conflicts) {
        sentences << each.message;
        list.append(conflict(each));
    }
    return jsonAnswer(409,
        {{QStringLiteral("error"),
             tr("The schedule collides with others: %1 Change it, or send \"force\": true to "
                "save it anyway.")
                 .arg(sentences.join(QLatin1Char(' ')))},
            {QStringLiteral("conflicts"), list}});
}

} // namespace panelx::api
