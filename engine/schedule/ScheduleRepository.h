// The schedules table and their runs' history. The rules (validation, conflicts, when they run)
// live in ScheduleValidator, Conflicts and Occurrences; this only stores.
#pragma once

#include "schedule/Schedule.h"
#include "schedule/ScheduleRun.h"

#include <QList>
#include <optional>

namespace panelx {

class Database;

class ScheduleRepository {
public:
    explicit ScheduleRepository(Database &db) : m_db(db) { }

    // Ordered by name (ignoring case), then id.
    QList<Schedule> all() const;
    // Stores a new schedule, fills its id and makes the runner answer for its occurrences from
    // watchedFromUtcMs on; false with a sentence on failure.
    bool insert(Schedule &schedule, qint64 watchedFromUtcMs, QString *error);
    // Stores every field of schedule.id. A changed schedule's earlier occurrences were planned
    // otherwise, so the runner answers for them from watchedFromUtcMs on.
    bool update(const Schedule &schedule, qint64 watchedFromUtcMs, QString *error);
    // The schedule and its history.
    bool remove(qint64 id, QString *error);

    // From when the runner answers for the schedule's occurrences: the later of when it was
    // last stored, changed or enabled and the newest run in its history. 0 for an unknown id.
    qint64 watchedFrom(qint64 id) const;

    // Adds to the history and fills run.id.
    bool addRun(ScheduleRun &run, QString *error);
    // Newest planned first, at most `limit` (all when limit <= 0).
    QList<ScheduleRun> runs(qint64 scheduleId, int limit) const;
    // The entry of the occurrence planned at plannedUtcMs (so it is not run twice).
    std::optional<ScheduleRun> runAt(qint64 scheduleId, qint64 plannedUtcMs) const;
    // The runner has handled the schedule's occurrences up to utcMs (a held start or stop switched
    // back then): after a restart it answers only for later ones. Never moves back.
    bool advanceWatchedFrom(qint64 id, qint64 utcMs, QString *error);
    // Runs, failures and the last run; the caller adds what needs a clock or the other schedules.
    ScheduleFigures figures(qint64 scheduleId) const;

private:
    Database &m_db;
};

} // namespace panelx
