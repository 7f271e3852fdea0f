// When a schedule runs: its occurrences as UTC instants, computed in the schedule's own zone
// (docs/schedules.md has the rules). Pure functions of the schedule and the instants given — no
// clock inside — so the runner, the conflict check, the API and the editor's preview agree, and
// tests/schedule_occurrences holds them as tables.
#pragma once

#include "schedule/Schedule.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>

#include <optional>

namespace panelx {

struct Occurrence {
    qint64 scheduleId = 0;
    qint64 startUtcMs = 0; // when the action runs
    // startUtcMs + the duration (elapsed time, also across a DST change); equal to startUtcMs
    // for a start or stop that is not held (0 minutes).
    qint64 endUtcMs = 0;
    // Records: the range with the padding before and after; otherwise start and end.
    qint64 paddedStartUtcMs = 0;
    qint64 paddedEndUtcMs = 0;
    // The wall clock at the start in the schedule's zone, and the zone's offset then.
    QDate localDate;
    QTime localTime;
    int utcOffsetSeconds = 0;
    // The schedule's local time did not exist that day (the clock sprang forward over it): the
    // occurrence runs at the first instant after the jump, so localTime is later than planned.
    bool shifted = false;

    bool isInstant() const { return endUtcMs == startUtcMs; }
    // The local start with its offset ("2026-12-01T20:00:00+01:00" in ISO form).
    QDateTime localStart() const;
    bool operator==(const Occurrence &) const = default;
};

class Occurrences {
public:
    // The first `count` occurrences that start after afterUtcMs (strictly), in start order.
    // None for a schedule that does not validate; disabled schedules have occurrences too.
    static QList<Occurrence> next(const Schedule &schedule, qint64 afterUtcMs, int count);

    // The occurrence that started at or before nowUtcMs and has not ended (its padding after
    // included): after downtime it runs now for what is left of it. Never one that is not held.
    static std::optional<Occurrence> inProgressAt(const Schedule &schedule, qint64 nowUtcMs);

    // Occurrences that started after fromUtcMs and had ended (padding included) by toUtcMs —
    // those downtime between the two swallowed whole. One still in progress at toUtcMs is
    // inProgressAt's; one not held that starts exactly at toUtcMs is due, not missed.
    static QList<Occurrence> missedBetween(
        const Schedule &schedule, qint64 fromUtcMs, qint64 toUtcMs);

    // The wall clock in a schedule's zone at an instant, with the zone's offset then (UTC for a
    // zone schedules may not use).
    static QDateTime wallClock(const QByteArray &ianaId, qint64 utcMs);

    // Occurrences whose padded range meets [fromUtcMs, toUtcMs) (one not held: whose start
    // lies in it), in start order: what a conflict check or a week view covers.
    static QList<Occurrence> overlapping(
        const Schedule &schedule, qint64 fromUtcMs, qint64 toUtcMs);
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::Occurrence)
