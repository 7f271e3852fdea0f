// Schedules, their occurrences and conflicts as the admin API writes and reads them (docs/api.md):
// pure mappings between JSON and the schedule types, so the routes only look things up and
// tests/schedule_json holds the shapes without a server.
#pragma once

#include "JsonBody.h"
#include "schedule/Conflicts.h"
#include "schedule/Occurrences.h"
#include "schedule/Schedule.h"
#include "schedule/ScheduleRun.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace panelx::api {

class ScheduleJson {
    Q_DECLARE_TR_FUNCTIONS(ScheduleJson)
public:
    static const QString kChannel;
    static const QString kEnabled;
    static const QString kForce;
    // What a POST or PATCH body may hold: the schedule's fields and "force".
    static const QStringList kWritableFields;

    // Applies the body's schedule fields to *schedule (what the body leaves out stays) and puts
    // its "channel" (an id or slug, for the caller to look up) in *channel. nullopt when done;
    // otherwise the refusal: 400 for a wrong type, 422 for a value that cannot be a schedule's
    // (a start that is no local date and time, an unknown weekday, an impossible last date).
    // Whether the whole makes a schedule is ScheduleValidator's to say.
    static std::optional<http::ApiResponse> apply(
        const JsonBody &body, Schedule *schedule, QString *channel);

    // "2026-12-01T20:00" (seconds only when not 0): the local start the API reads back.
    static QString localStart(const QDate &date, const QTime &time);

    // The schedule's own fields, as a body sets them ("channel" is `channel`, an object naming
    // it), plus "id", "created" (unix seconds) and "recurrence" (the sentence).
    static QJsonObject schedule(
        const Schedule &schedule, const QJsonObject &channel, const QByteArray &viewerZoneId);
    // `schedule` with its figures: "runs", "failures", "lastRun" and "nextRun" (null when none)
    // and "conflicted".
    static QJsonObject withFigures(QJsonObject schedule, const ScheduleFigures &figures);
    // An entry of a schedule's history; times in unix seconds, "actual" null when missed.
    static QJsonObject run(const ScheduleRun &run);
    // When an occurrence runs: unix seconds (UTC) and the wall clock in the schedule's zone.
    static QJsonObject occurrence(const Occurrence &occurrence);
    static QJsonObject conflict(const Conflict &conflict);
    // "startStop", "recordings", "transcodes", "quota".
    static QString conflictKindName(ConflictKind kind);

    // 422 for what ScheduleValidator (or the engine, for the channel) found: every sentence, and
    // the field when one is at fault.
    static http::ApiResponse invalid(const QList<FieldError> &problems);
    // 409 for a schedule that would collide with others: their sentences and the conflicts.
    static http::ApiResponse conflicting(const QList<Conflict> &conflicts);
};

} // namespace panelx::api
