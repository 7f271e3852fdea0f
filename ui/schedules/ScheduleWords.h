// How the Schedules page words a schedule's parts, the same in the list, the editor's preview
// and the week view.
#pragma once

#include "schedule/Occurrences.h"
#include "schedule/Schedule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace panelx {

class ScheduleWords {
    Q_DECLARE_TR_FUNCTIONS(ScheduleWords)
public:
    // "Record", "Start", "Stop".
    static QString action(ScheduleAction action);
    // When an occurrence starts on the viewer's clock ("Tue 1 Dec 2026, 20:00"), followed by the
    // time in the schedule's zone when that differs ("… (14:00 America/New_York)").
    static QString occurrence(const Occurrence &occurrence, const QByteArray &scheduleZoneId,
        const QByteArray &viewerZoneId);
};

} // namespace panelx
