#include "ScheduleWords.h"

#include <QLocale>

namespace panelx {

QString ScheduleWords::action(ScheduleAction action)
{
    switch (action) {
    case ScheduleAction::Record:
        return tr("Record");
    case ScheduleAction::Start:
        return tr("Start");
    case ScheduleAction::Stop:
        return tr("Stop");
    case ScheduleAction::Invalid:
        break;
    }
    return {};
}

QString ScheduleWords::occurrence(
    const Occurrence &occurrence, const QByteArray &scheduleZoneId, const QByteArray &viewerZoneId)
{
    const QDateTime local = Occurrences::wallClock(viewerZoneId, occurrence.startUtcMs);
    QString text = QLocale().toString(local, tr("ddd d MMM yyyy, HH:mm"));
    if (scheduleZoneId != viewerZoneId) {
        const QString there = local.date() == occurrence.localDate
            ? QLocale().toString(occurrence.localTime, QStringLiteral("HH:mm"))
            : QLocale().toString(occurrence.localStart(), tr("ddd HH:mm"));
        text = tr("%1 (%2 %3)").arg(text, there, QString::fromUtf8(scheduleZoneId));
    }
    return text;
}

} // namespace panelx
