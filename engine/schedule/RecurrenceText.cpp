#include "RecurrenceText.h"

#include <QLocale>

namespace panelx {

namespace {

QString dateText(const QDate &date)
{
    return QLocale().toString(date, RecurrenceText::tr("d MMM yyyy"));
}

// "Monday", "Monday and Friday", "Monday, Wednesday and Friday".
QString weekdayList(const QList<int> &days)
{
    QStringList names;
    for (int day : days)
        names.append(QLocale().dayName(day, QLocale::LongFormat));
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return RecurrenceText::tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

} // namespace

QString RecurrenceText::describe(const Schedule &schedule, const QByteArray &viewerZoneId)
{
    const QString time = schedule.startTime.toString(
        schedule.startTime.second() ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    QString text;
    switch (schedule.recurrence) {
    case Recurrence::Invalid:
        return {};
    case Recurrence::Once:
        text = tr("Once on %1 at %2").arg(dateText(schedule.firstDate), time);
        break;
    case Recurrence::Daily:
        text = tr("Daily at %1").arg(time);
        break;
    case Recurrence::Weekly:
        if (schedule.weekdays == Weekdays::all())
            text = tr("Daily at %1").arg(time);
        else if (schedule.weekdays == Weekdays::mondayToFriday())
            text = tr("Weekdays at %1").arg(time);
        else
            text = tr("Every %1 at %2").arg(weekdayList(schedule.weekdays.days()), time);
        break;
    }
    if (schedule.timeZoneId != viewerZoneId)
        text = QStringLiteral("%1 (%2)").arg(text, QString::fromUtf8(schedule.timeZoneId));
    if (schedule.recurrence != Recurrence::Once && schedule.lastDate.isValid())
        text = tr("%1 until %2").arg(text, dateText(schedule.lastDate));
    return text;
}

} // namespace panelx
