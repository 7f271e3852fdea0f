#include "Schedule.h"

#include "dvr/DvrPolicy.h"

#include <QTimeZone>

#include <utility>

namespace panelx {

namespace {

constexpr std::pair<ScheduleAction, const char *> kActionNames[] = {
    {ScheduleAction::Record, "record"},
    {ScheduleAction::Start, "start"},
    {ScheduleAction::Stop, "stop"},
};

constexpr std::pair<Recurrence, const char *> kRecurrenceNames[] = {
    {Recurrence::Once, "once"},
    {Recurrence::Daily, "daily"},
    {Recurrence::Weekly, "weekly"},
};

// Qt::Monday (index 0) to Qt::Sunday.
constexpr const char *kWeekdayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

template<typename Enum, std::size_t N>
QString nameOf(const std::pair<Enum, const char *> (&names)[N], Enum value)
{
    for (const auto &[candidate, name] : names)
        if (candidate == value)
            return QString::fromLatin1(name);
    return {};
}

template<typename Enum, std::size_t N>
Enum valueOf(const std::pair<Enum, const char *> (&names)[N], const QString &name)
{
    for (const auto &[value, text] : names)
        if (name == QLatin1String(text))
            return value;
    return Enum::Invalid;
}

} // namespace

QString scheduleActionName(ScheduleAction action)
{
    return nameOf(kActionNames, action);
}

ScheduleAction scheduleActionFromName(const QString &name)
{
    return valueOf(kActionNames, name);
}

QString recurrenceName(Recurrence recurrence)
{
    return nameOf(kRecurrenceNames, recurrence);
}

Recurrence recurrenceFromName(const QString &name)
{
    return valueOf(kRecurrenceNames, name);
}

bool isKnownTimeZone(const QByteArray &ianaId)
{
    // Qt reads a name it has no zone for and without a '/' as a POSIX TZ rule, so "Berlin"
    // would be a valid zone: UTC under that name. Qt's own list (which has UTC and the
    // UTC±hh:mm offsets) and Area/Location names (links such as Asia/Calcutta too) count.
    return QTimeZone::isTimeZoneIdAvailable(ianaId)
        || (ianaId.contains('/') && QTimeZone(ianaId).isValid());
}

QList<int> Weekdays::days() const
{
    QList<int> list;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        if (contains(day))
            list.append(day);
    return list;
}

QStringList Weekdays::names() const
{
    QStringList list;
    for (int day : days())
        list.append(QString::fromLatin1(kWeekdayNames[day - 1]));
    return list;
}

Weekdays Weekdays::fromNames(const QStringList &names, QStringList *unknown)
{
    Weekdays set;
    for (const QString &name : names) {
        int found = 0;
        for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
            if (name.compare(QLatin1String(kWeekdayNames[day - 1]), Qt::CaseInsensitive) == 0)
                found = day;
        if (found)
            set.add(found);
        else if (unknown)
            unknown->append(name);
    }
    return set;
}

QList<FieldError> ScheduleValidator::validate(const Schedule &schedule)
{
    QList<FieldError> errors;
    const auto problem = [&errors](const QString &field, const QString &message) {
        errors.append({field, message});
    };

    const QString name = schedule.name.trimmed();
    if (name.isEmpty())
        problem(schedulefield::name,
            tr("Give the schedule a name, for example “News at eight”, so the list and the "
               "history can show it."));
    else if (name.size() > Schedule::kMaxNameLength)
        problem(schedulefield::name,
            tr("A schedule's name has at most %1 characters; shorten it.")
                .arg(Schedule::kMaxNameLength));

    if (schedule.action == ScheduleAction::Invalid)
        problem(schedulefield::action,
            tr("Choose what the schedule does: record a channel, start it or stop it."));

    if (schedule.channelId <= 0)
        problem(schedulefield::channel, tr("Choose the channel the schedule acts on."));

    if (!schedule.firstDate.isValid())
        problem(schedulefield::start,
            tr("Choose a first date that exists in the calendar, for example 2026-12-01."));
    if (!schedule.startTime.isValid())
        problem(schedulefield::start,
            tr("Enter the start time as hours and minutes, for example 20:00."));

    if (schedule.timeZoneId.isEmpty())
        problem(schedulefield::timeZone,
            tr("Choose the time zone the start time is meant in, for example Europe/Berlin."));
    else if (!isKnownTimeZone(schedule.timeZoneId))
        problem(schedulefield::timeZone,
            tr("“%1” is not a time zone this system knows. Use an IANA name such as "
               "Europe/Berlin, America/New_York or UTC.")
                .arg(QString::fromUtf8(schedule.timeZoneId)));

    if (schedule.action == ScheduleAction::Record) {
        const QString minutesProblem = DvrPolicy::checkMinutes(schedule.durationMinutes);
        if (!minutesProblem.isEmpty())
            problem(schedulefield::minutes, minutesProblem);
    } else if (schedule.durationMinutes < 0
        || schedule.durationMinutes > Schedule::kMaxSwitchMinutes) {
        problem(schedulefield::minutes,
            tr("A channel is started or stopped for 0 to %1 minutes (0: switch it and leave it); "
               "%2 is outside that.")
                .arg(Schedule::kMaxSwitchMinutes)
                .arg(schedule.durationMinutes));
    }

    switch (schedule.recurrence) {
    case Recurrence::Invalid:
        problem(
            schedulefield::repeat, tr("Choose how the schedule repeats: once, daily or weekly."));
        break;
    case Recurrence::Once:
        if (!schedule.lastDate.isNull())
            problem(schedulefield::until,
                tr("A schedule that runs once has no last date; make it daily or weekly, or "
                   "leave the last date empty."));
        break;
    case Recurrence::Daily:
    case Recurrence::Weekly:
        if (schedule.recurrence == Recurrence::Weekly && schedule.weekdays.isEmpty())
            problem(
                schedulefield::weekdays, tr("Tick at least one weekday for a weekly schedule."));
        if (schedule.firstDate.isValid() && schedule.lastDate.isValid()) {
            if (schedule.lastDate < schedule.firstDate)
                problem(schedulefield::until,
                    tr("The last date (%1) is before the first date (%2); choose a later one, or "
                       "leave it empty to repeat without end.")
                        .arg(schedule.lastDate.toString(Qt::ISODate),
                            schedule.firstDate.toString(Qt::ISODate)));
            else if (schedule.recurrence == Recurrence::Weekly && !schedule.weekdays.isEmpty()) {
                bool any = false;
                for (QDate day = schedule.firstDate; day <= schedule.lastDate && !any;
                     day = day.addDays(1))
                    any = schedule.weekdays.contains(day.dayOfWeek());
                if (!any)
                    problem(schedulefield::until,
                        tr("None of the ticked weekdays falls between %1 and %2, so the "
                           "schedule would never run; tick another weekday or choose a later "
                           "last date.")
                            .arg(schedule.firstDate.toString(Qt::ISODate),
                                schedule.lastDate.toString(Qt::ISODate)));
            }
        }
        break;
    }

    const bool padded = schedule.paddingBeforeMinutes != 0 || schedule.paddingAfterMinutes != 0;
    if (schedule.action != ScheduleAction::Record && padded)
        problem(schedulefield::padding,
            tr("Only recordings have padding; set it to 0 for starting or stopping a channel."));
    else if (schedule.paddingBeforeMinutes < 0
        || schedule.paddingBeforeMinutes > Schedule::kMaxPaddingMinutes
        || schedule.paddingAfterMinutes < 0
        || schedule.paddingAfterMinutes > Schedule::kMaxPaddingMinutes)
        problem(schedulefield::padding,
            tr("Padding before and after is 0 to %1 minutes each; for more, make the recording "
               "longer.")
                .arg(Schedule::kMaxPaddingMinutes));
    return errors;
}

} // namespace panelx
