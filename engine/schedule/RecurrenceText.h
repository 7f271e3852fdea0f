// A schedule's recurrence in words for the list and the editor: "Weekdays at 20:00
// (Europe/Berlin)", "Every Saturday and Sunday at 14:00", "Once on 1 Dec 2026 at 20:00", with
// "… until 31 Mar 2027" when it ends. In the language of the installed translator; weekday and
// month names from the default QLocale.
#pragma once

#include "schedule/Schedule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace panelx {

class RecurrenceText {
    Q_DECLARE_TR_FUNCTIONS(RecurrenceText)
public:
    // The zone is named when it differs from viewerZoneId (the zone the reader's clock shows).
    static QString describe(const Schedule &schedule, const QByteArray &viewerZoneId);
};

} // namespace panelx
