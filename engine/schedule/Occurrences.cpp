#include "Occurrences.h"

#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace panelx {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01
// Farther than any zone's offset from UTC has ever been (tz data has -15:56 and +15:13), so a
// local time and every instant that may show it lie within this of each other.
constexpr qint64 kOffsetSlackMs = 16 * 60 * kMinuteMs;

// A local wall clock as milliseconds since 1970-01-01T00:00 on that clock.
qint64 localMs(const QDate &date, const QTime &time)
{
    return (date.toJulianDay() - kEpochJulianDay) * kDayMs + time.msecsSinceStartOfDay();
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

QDate dateOfMs(qint64 ms)
{
    return QDate::fromJulianDay(kEpochJulianDay + floorDiv(ms, kDayMs));
}

// One zone's offsets over a stretch of UTC, read from QTimeZone once: Qt 6.4 turns a local time
// in a spring-forward gap into an invalid QDateTime and picks the later instant of an ambiguous
// one, so local times are resolved here from the transitions instead.
class ZoneSpan {
public:
    struct Instant {
        qint64 utcMs = 0;
        qint64 offsetMs = 0;
        bool shifted = false;
    };

    ZoneSpan(const QTimeZone &zone, qint64 fromUtcMs, qint64 toUtcMs)
        : m_fromUtcMs(fromUtcMs), m_toUtcMs(toUtcMs),
          m_offsetBeforeMs(
              zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(fromUtcMs, Qt::UTC)) * 1000LL)
    {
        const auto transitions
            = zone.transitions(QDateTime::fromMSecsSinceEpoch(fromUtcMs, Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(toUtcMs, Qt::UTC));
        m_transitions.reserve(transitions.size());
        for (const QTimeZone::OffsetData &transition : transitions)
            m_transitions.push_back(
                {transition.atUtc.toMSecsSinceEpoch(), transition.offsetFromUtc * 1000LL});
    }

    bool covers(qint64 fromUtcMs, qint64 toUtcMs) const
    {
        return m_fromUtcMs <= fromUtcMs && toUtcMs <= m_toUtcMs;
    }

    // The zone's offset at an instant the span covers.
    qint64 offsetAt(qint64 utcMs) const
    {
        const auto after = std::upper_bound(m_transitions.begin(), m_transitions.end(), utcMs,
            [](qint64 ms, const Transition &t) { return ms < t.atUtcMs; });
        return offsetOfPiece(std::size_t(after - m_transitions.begin()));
    }

    // The instant a local time means; the span must cover it by kOffsetSlackMs either side.
    // Ambiguous (the clock fell back over it): the earlier instant. Nonexistent (the clock
    // sprang forward over it): the instant of the jump.
    Instant resolve(qint64 local) const
    {
        // Pieces of constant offset: piece k runs from transition k-1 (or the span's start) to
        // transition k; only those within the slack of `local` can show it.
        const auto first = std::upper_bound(m_transitions.begin(), m_transitions.end(),
            local - kOffsetSlackMs, [](qint64 ms, const Transition &t) { return ms < t.atUtcMs; });
        std::size_t k = std::size_t(first - m_transitions.begin());
        for (std::size_t piece = k; piece <= m_transitions.size(); ++piece) {
            const qint64 offset = offsetOfPiece(piece);
            const qint64 utc = local - offset;
            const bool afterStart = piece == 0 || utc >= m_transitions[piece - 1].atUtcMs;
            const bool beforeEnd
                = piece == m_transitions.size() || utc < m_transitions[piece].atUtcMs;
            if (afterStart && beforeEnd)
                return {utc, offset, false};
            if (piece < m_transitions.size()
                && m_transitions[piece].atUtcMs > local + kOffsetSlackMs)
                break;
        }
        // In a gap: the transition that jumped from before `local` to after it.
        for (std::size_t piece = std::max<std::size_t>(k, 1); piece <= m_transitions.size();
             ++piece) {
            const Transition &jump = m_transitions[piece - 1];
            if (jump.atUtcMs + offsetOfPiece(piece - 1) <= local
                && local < jump.atUtcMs + jump.offsetAfterMs)
                return {jump.atUtcMs, jump.offsetAfterMs, true};
        }
        // Not reached for a span that covers `local`; keep the offset before as a last resort.
        return {local - m_offsetBeforeMs, m_offsetBeforeMs, false};
    }

private:
    struct Transition {
        qint64 atUtcMs = 0;
        qint64 offsetAfterMs = 0;
    };
    qint64 offsetOfPiece(std::size_t piece) const
    {
        return piece == 0 ? m_offsetBeforeMs : m_transitions[piece - 1].offsetAfterMs;
    }

    qint64 m_fromUtcMs = 0;
    qint64 m_toUtcMs = 0;
    qint64 m_offsetBeforeMs = 0;
    std::vector<Transition> m_transitions;
};

// The years schedules live in. Qt 6.4 lists transitions from the tz data's explicit table,
// which ends in 2037 (Lord Howe's then ends in a false one at 2038-01-19T03:14:07Z); later
// stretches are read a chunk at a time.
constexpr qint64 kTableFromUtcMs = 946'684'800'000LL; // 2000-01-01
constexpr qint64 kTableToUtcMs = 2'145'916'800'000LL; // 2038-01-01

struct Zone {
    QTimeZone zone;
    std::optional<ZoneSpan> table; // none: not a zone schedules may use
};

// A zone and its offsets over the table's years, read once per zone and thread, so thousands
// of schedules in a few zones look at the tz data a few times. The tz data does not change
// while the program runs (Qt itself reads each zone's file once per process).
const Zone &zoneFor(const QByteArray &ianaId)
{
    thread_local std::map<QByteArray, Zone> zones;
    auto found = zones.find(ianaId);
    if (found != zones.end())
        return found->second;
    Zone entry;
    if (isKnownTimeZone(ianaId)) {
        entry.zone = QTimeZone(ianaId);
        entry.table.emplace(entry.zone, kTableFromUtcMs, kTableToUtcMs);
    }
    return zones.emplace(ianaId, std::move(entry)).first->second;
}

bool hasOccurrences(const Schedule &schedule)
{
    return schedule.firstDate.isValid() && schedule.startTime.isValid()
        && schedule.recurrence != Recurrence::Invalid
        && !(schedule.recurrence == Recurrence::Weekly && schedule.weekdays.isEmpty());
}

// Calls visit(occurrence) for the schedule's occurrences on local dates from fromDate on, in
// start order, until it returns false or there are no more. Outside the table's years, zone
// offsets are read for a few days at first, then for longer stretches.
template<typename Visit>
void forEachOccurrence(const Schedule &schedule, QDate fromDate, Visit visit)
{
    if (!hasOccurrences(schedule))
        return;
    const Zone &zone = zoneFor(schedule.timeZoneId);
    if (!zone.table)
        return;
    const bool once = schedule.recurrence == Recurrence::Once;
    const QDate last = once ? schedule.firstDate : schedule.lastDate; // null: no end
    QDate day = std::max(fromDate, schedule.firstDate);
    const bool record = schedule.action == ScheduleAction::Record;
    const qint64 durationMs = qint64(schedule.durationMinutes) * kMinuteMs;
    const qint64 beforeMs = record ? qint64(schedule.paddingBeforeMinutes) * kMinuteMs : 0;
    const qint64 afterMs = record ? qint64(schedule.paddingAfterMinutes) * kMinuteMs : 0;
    const qint64 startOfDayMs = schedule.startTime.msecsSinceStartOfDay();
    qint64 previousStart = std::numeric_limits<qint64>::min();
    qint64 chunkDays = 8;
    while (last.isNull() || day <= last) {
        QDate chunkEnd = day.addDays(chunkDays);
        if (!last.isNull())
            chunkEnd = std::min(chunkEnd, last.addDays(1));
        const qint64 fromUtcMs = localMs(day, QTime(0, 0)) - kOffsetSlackMs;
        const qint64 toUtcMs = localMs(chunkEnd, QTime(0, 0)) + kOffsetSlackMs;
        std::optional<ZoneSpan> outside;
        if (!zone.table->covers(fromUtcMs, toUtcMs))
            outside.emplace(zone.zone, fromUtcMs, toUtcMs);
        const ZoneSpan &span = outside ? *outside : *zone.table;
        for (; day < chunkEnd; day = day.addDays(1)) {
            if (schedule.recurrence == Recurrence::Weekly
                && !schedule.weekdays.contains(day.dayOfWeek()))
                continue;
            const qint64 local = localMs(day, QTime(0, 0)) + startOfDayMs;
            const ZoneSpan::Instant instant = span.resolve(local);
            if (instant.utcMs <= previousStart)
                continue; // a jump of a whole day moved two dates onto one instant
            previousStart = instant.utcMs;
            Occurrence occurrence;
            occurrence.scheduleId = schedule.id;
            occurrence.startUtcMs = instant.utcMs;
            occurrence.endUtcMs = instant.utcMs + durationMs;
            occurrence.paddedStartUtcMs = occurrence.startUtcMs - beforeMs;
            occurrence.paddedEndUtcMs = occurrence.endUtcMs + afterMs;
            const qint64 shown = instant.utcMs + instant.offsetMs;
            occurrence.localDate = instant.shifted ? dateOfMs(shown) : day;
            occurrence.localTime = instant.shifted
                ? QTime::fromMSecsSinceStartOfDay(int(shown - floorDiv(shown, kDayMs) * kDayMs))
                : schedule.startTime;
            occurrence.utcOffsetSeconds = int(instant.offsetMs / 1000);
            occurrence.shifted = instant.shifted;
            if (!visit(occurrence))
                return;
        }
        chunkDays = std::min<qint64>(chunkDays * 4, 400);
    }
}

// The first local date worth looking at for occurrences that may still matter at utcMs:
// local dates differ from UTC ones by at most a day, and a jump over a day moves one more.
QDate earliestDate(qint64 utcMs)
{
    return dateOfMs(utcMs).addDays(-2);
}

} // namespace

QDateTime Occurrence::localStart() const
{
    return QDateTime(localDate, localTime, Qt::OffsetFromUTC, utcOffsetSeconds);
}

QDateTime Occurrences::wallClock(const QByteArray &ianaId, qint64 utcMs)
{
    const Zone &zone = zoneFor(ianaId);
    if (!zone.table)
        return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    const qint64 offsetMs = zone.table->covers(utcMs, utcMs)
        ? zone.table->offsetAt(utcMs)
        : zone.zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC)) * 1000LL;
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::OffsetFromUTC, int(offsetMs / 1000));
}

QList<Occurrence> Occurrences::next(const Schedule &schedule, qint64 afterUtcMs, int count)
{
    QList<Occurrence> found;
    if (count <= 0)
        return found;
    forEachOccurrence(schedule, earliestDate(afterUtcMs), [&](const Occurrence &occurrence) {
        if (occurrence.startUtcMs > afterUtcMs)
            found.append(occurrence);
        return found.size() < count;
    });
    return found;
}

QList<Occurrence> Occurrences::overlapping(
    const Schedule &schedule, qint64 fromUtcMs, qint64 toUtcMs)
{
    QList<Occurrence> found;
    if (toUtcMs <= fromUtcMs)
        return found;
    // An occurrence that meets `from` started at most its padded length before it.
    const qint64 reachMs = qint64(schedule.durationMinutes + schedule.paddingBeforeMinutes
                               + schedule.paddingAfterMinutes)
        * kMinuteMs;
    forEachOccurrence(schedule, earliestDate(fromUtcMs - std::max<qint64>(reachMs, 0)),
        [&](const Occurrence &occurrence) {
            if (occurrence.paddedStartUtcMs >= toUtcMs)
                return false;
            if (occurrence.paddedEndUtcMs > fromUtcMs || occurrence.paddedStartUtcMs >= fromUtcMs)
                found.append(occurrence);
            return true;
        });
    return found;
}

std::optional<Occurrence> Occurrences::inProgressAt(const Schedule &schedule, qint64 nowUtcMs)
{
    std::optional<Occurrence> latest;
    for (const Occurrence &occurrence : overlapping(schedule, nowUtcMs, nowUtcMs + 1))
        if (occurrence.startUtcMs <= nowUtcMs && nowUtcMs < occurrence.paddedEndUtcMs)
            latest = occurrence;
    return latest;
}

QList<Occurrence> Occurrences::missedBetween(
    const Schedule &schedule, qint64 fromUtcMs, qint64 toUtcMs)
{
    QList<Occurrence> missed;
    if (toUtcMs <= fromUtcMs)
        return missed;
    forEachOccurrence(schedule, earliestDate(fromUtcMs), [&](const Occurrence &occurrence) {
        if (occurrence.startUtcMs >= toUtcMs)
            return false;
        if (occurrence.startUtcMs > fromUtcMs && occurrence.paddedEndUtcMs <= toUtcMs)
            missed.append(occurrence);
        return true;
    });
    return missed;
}

} // namespace panelx
