// A schedule's history (one entry per occurrence run, failed or missed) and the figures the list
// shows of it. Value types that cross threads in the engine's signals.
#pragma once

#include "schedule/Occurrences.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace panelx {

struct ScheduleRun {
    enum class Result { Invalid = 0, Done, Failed, Missed };
    qint64 id = 0; // 0 until stored
    qint64 scheduleId = 0;
    qint64 plannedUtcMs = 0; // the occurrence's (padded) start
    qint64 actualUtcMs = 0; // 0 when missed
    Result result = Result::Done;
    QString reason; // Failed, Missed: why, in a sentence; Done: what was done ("recording 12")
    qint64 recordingId = 0; // records

    bool operator==(const ScheduleRun &) const = default;
};

// "done", "failed", "missed" (API and database); Invalid for others.
QString scheduleRunResultName(ScheduleRun::Result result);
ScheduleRun::Result scheduleRunResultFromName(const QString &name);

struct ScheduleFigures {
    int runs = 0; // entries in the history: done, failed and missed
    int failures = 0; // failed and missed
    std::optional<ScheduleRun> lastRun; // the newest entry
    std::optional<Occurrence> nextRun; // none when disabled or over
    bool conflicted = false; // involved in a conflict of the coming week
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::ScheduleRun)
