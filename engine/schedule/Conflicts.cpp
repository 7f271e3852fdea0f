#include "Conflicts.h"

#include "dvr/DvrPolicy.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>
#include <vector>

namespace panelx {

namespace {

// One occurrence of an enabled schedule within the horizon.
struct Item {
    int schedule = 0; // index into the schedules given
    int channel = 0; // the schedule's channel, numbered from 0 in order of appearance
    Occurrence occurrence;
};

// A stretch of time an item holds something (a channel on or off, a recorder, a transcoder);
// `key` (from 0) says which: the same key held twice at once counts once.
struct Span {
    int item = 0;
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    int key = 0;
};

struct Event {
    qint64 atUtcMs = 0;
    bool starts = false;
    int span = 0;
};

// Start and end instants in time order; at one instant ends come first (ranges are half-open),
// then the spans in the order given, so the same schedules always give the same conflicts.
std::vector<Event> eventsOf(const std::vector<Span> &spans)
{
    std::vector<Event> events;
    events.reserve(spans.size() * 2);
    for (int i = 0; i < int(spans.size()); ++i) {
        events.push_back({spans[i].fromUtcMs, true, i});
        events.push_back({spans[i].toUtcMs, false, i});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.atUtcMs != b.atUtcMs)
            return a.atUtcMs < b.atUtcMs;
        return a.starts != b.starts ? b.starts : a.span < b.span;
    });
    return events;
}

// The spans in progress during a sweep, removable in constant time.
class ActiveSpans {
public:
    explicit ActiveSpans(std::size_t count) : m_position(count, -1) { }
    void add(int span)
    {
        m_position[span] = int(m_spans.size());
        m_spans.push_back(span);
    }
    void remove(int span)
    {
        const int at = m_position[span];
        m_position[m_spans.back()] = at;
        m_spans[at] = m_spans.back();
        m_spans.pop_back();
        m_position[span] = -1;
    }
    const std::vector<int> &spans() const { return m_spans; }

private:
    std::vector<int> m_position;
    std::vector<int> m_spans;
};

// A stretch during which more of the `keys` keys were held at once than the limit, with every
// item that held one during it.
struct Episode {
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    int peak = 0;
    std::vector<int> items;
};

std::vector<Episode> overCapacity(const std::vector<Span> &spans, int keys, int limit)
{
    std::vector<Episode> episodes;
    if (limit <= 0)
        return episodes;
    ActiveSpans active(spans.size());
    std::vector<int> heldByKey(std::size_t(keys), 0);
    int distinct = 0;
    std::optional<Episode> open;
    for (const Event &event : eventsOf(spans)) {
        const Span &span = spans[event.span];
        if (!event.starts) {
            active.remove(event.span);
            if (--heldByKey[span.key] == 0)
                --distinct;
            if (open && distinct <= limit) {
                open->toUtcMs = event.atUtcMs;
                episodes.push_back(std::move(*open));
                open.reset();
            }
            continue;
        }
        active.add(event.span);
        if (heldByKey[span.key]++ == 0)
            ++distinct;
        if (open) {
            open->items.push_back(span.item);
            open->peak = std::max(open->peak, distinct);
        } else if (distinct > limit) {
            open = Episode {event.atUtcMs, 0, distinct, {}};
            for (int held : active.spans())
                open->items.push_back(spans[held].item);
        }
    }
    return episodes;
}

// The enabled schedules' occurrences that meet the coming week, and what the checks need of
// their channels, numbered from 0 so the sweeps index arrays instead of hashing ids.
struct Week {
    Week(const QList<Schedule> &schedules, const ConflictLimits &limits, qint64 nowUtcMs)
        : schedules(schedules), limits(limits), nowUtcMs(nowUtcMs),
          endUtcMs(nowUtcMs + Conflicts::kHorizonMs)
    {
        QHash<qint64, int> numbers;
        for (int s = 0; s < int(schedules.size()); ++s) {
            if (!schedules[s].enabled)
                continue;
            const qint64 channelId = schedules[s].channelId;
            auto number = numbers.find(channelId);
            if (number == numbers.end()) {
                number = numbers.insert(channelId, int(channelIds.size()));
                channelIds.push_back(channelId);
                loads.push_back(limits.channels.value(channelId));
            }
            for (const Occurrence &occurrence :
                Occurrences::overlapping(schedules[s], nowUtcMs, endUtcMs))
                items.push_back({s, *number, occurrence});
        }
    }

    ScheduleAction action(int item) const { return schedules[items[item].schedule].action; }
    const Occurrence &occurrence(int item) const { return items[item].occurrence; }
    int channels() const { return int(channelIds.size()); }

    const QList<Schedule> &schedules;
    const ConflictLimits &limits;
    const qint64 nowUtcMs;
    const qint64 endUtcMs;
    std::vector<Item> items;
    std::vector<qint64> channelIds; // by channel number
    std::vector<ConflictChannel> loads; // by channel number
};

class ConflictWriter {
public:
    explicit ConflictWriter(const Week &week) : m_week(week) { }

    // Item indices in start order, each once.
    std::vector<int> ordered(std::vector<int> involved) const
    {
        std::sort(involved.begin(), involved.end(), [this](int a, int b) {
            const qint64 startA = m_week.occurrence(a).startUtcMs;
            const qint64 startB = m_week.occurrence(b).startUtcMs;
            return startA != startB ? startA < startB : a < b;
        });
        involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
        return involved;
    }

    // A conflict of `kind` among `involved` (ordered item indices), without its message yet.
    Conflict make(
        ConflictKind kind, const std::vector<int> &involved, qint64 fromUtcMs, qint64 toUtcMs) const
    {
        Conflict conflict;
        conflict.kind = kind;
        conflict.fromUtcMs = fromUtcMs;
        conflict.toUtcMs = toUtcMs;
        conflict.occurrences.reserve(qsizetype(involved.size()));
        for (int item : involved)
            conflict.occurrences.append(m_week.occurrence(item));
        for (int schedule : schedulesOf(involved))
            conflict.scheduleIds.append(m_week.schedules[schedule].id);
        return conflict;
    }

    // "“News”, “Sport”": the schedules of `involved`; of many, the first few and the count.
    QString names(const std::vector<int> &involved) const
    {
        constexpr qsizetype kNamed = 5;
        const QList<int> schedules = schedulesOf(involved);
        QStringList list;
        for (qsizetype i = 0; i < std::min(kNamed, schedules.size()); ++i)
            list.append(Conflicts::tr("“%1”").arg(m_week.schedules[schedules[i]].name));
        const QString named = list.join(QStringLiteral(", "));
        return schedules.size() <= kNamed
            ? named
            : Conflicts::tr("%1 and others (%2 schedules in all)").arg(named).arg(schedules.size());
    }

    // The instant on the clock of the first schedule involved, with its zone.
    QString when(qint64 utcMs, const std::vector<int> &involved) const
    {
        const QByteArray &zone
            = m_week.schedules[m_week.items[involved.front()].schedule].timeZoneId;
        return QStringLiteral("%1 (%2)").arg(QLocale().toString(Occurrences::wallClock(zone, utcMs),
                                                 Conflicts::tr("ddd d MMM yyyy, HH:mm")),
            QString::fromUtf8(zone));
    }

    QString channelName(int channel) const
    {
        const QString name = m_week.loads[std::size_t(channel)].name;
        return name.isEmpty()
            ? Conflicts::tr("channel %1").arg(m_week.channelIds[std::size_t(channel)])
            : Conflicts::tr("“%1”").arg(name);
    }

private:
    // The schedules (indices) of `involved`, each once, in order of first appearance.
    QList<int> schedulesOf(const std::vector<int> &involved) const
    {
        QList<int> schedules;
        QSet<int> seen;
        for (int item : involved) {
            const int schedule = m_week.items[item].schedule;
            if (!seen.contains(schedule)) {
                seen.insert(schedule);
                schedules.append(schedule);
            }
        }
        return schedules;
    }

    const Week &m_week;
};

// Ranges of one instant still take a millisecond, so a sweep sees them.
qint64 endOf(const Occurrence &occurrence)
{
    return std::max(occurrence.paddedEndUtcMs, occurrence.paddedStartUtcMs + 1);
}

void findStartStop(const Week &week, const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    // Only channels that are both stopped and started or recorded can conflict.
    std::vector<char> stopped(std::size_t(week.channels()), 0);
    std::vector<char> running(std::size_t(week.channels()), 0);
    for (int i = 0; i < int(week.items.size()); ++i) {
        std::vector<char> &kind = week.action(i) == ScheduleAction::Stop ? stopped : running;
        kind[std::size_t(week.items[i].channel)] = 1;
    }
    std::vector<Span> spans; // key: channel; on (start, record) or off (stop) by action
    for (int i = 0; i < int(week.items.size()); ++i) {
        const std::size_t channel = std::size_t(week.items[i].channel);
        if (stopped[channel] && running[channel])
            spans.push_back({i, week.occurrence(i).paddedStartUtcMs, endOf(week.occurrence(i)),
                week.items[i].channel});
    }
    struct Held {
        std::vector<int> on;
        std::vector<int> off;
    };
    std::vector<Held> byChannel(std::size_t(week.channels()));
    for (const Event &event : eventsOf(spans)) {
        const Span &span = spans[event.span];
        const bool off = week.action(span.item) == ScheduleAction::Stop;
        Held &held = byChannel[std::size_t(span.key)];
        std::vector<int> &own = off ? held.off : held.on;
        if (!event.starts) {
            own.erase(std::find(own.begin(), own.end(), event.span));
            continue;
        }
        const std::vector<int> &other = off ? held.on : held.off;
        if (!other.empty()) {
            // Until the first of the two sides ends (an instant: at once).
            std::vector<int> involved {span.item};
            const qint64 until = week.occurrence(span.item).paddedEndUtcMs;
            qint64 otherUntil = event.atUtcMs;
            for (int held : other) {
                involved.push_back(spans[held].item);
                otherUntil = std::max(otherUntil, week.occurrence(spans[held].item).paddedEndUtcMs);
            }
            involved = writer.ordered(std::move(involved));
            Conflict conflict = writer.make(ConflictKind::StartStop, involved, event.atUtcMs,
                std::max(event.atUtcMs, std::min(until, otherUntil)));
            conflict.message
                = Conflicts::tr("%1 would stop and start %2 at the same time, at %3. Change one "
                                "of the times, or let the stop begin after the other ends.")
                      .arg(writer.names(involved), writer.channelName(span.key),
                          writer.when(event.atUtcMs, involved));
            conflicts.append(conflict);
        }
        own.push_back(event.span);
    }
}

void findRecordings(const Week &week, const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    const int limit = week.limits.maxRecordings;
    if (limit <= 0)
        return;
    std::vector<Span> spans; // key: the recording itself
    for (int i = 0; i < int(week.items.size()); ++i)
        if (week.action(i) == ScheduleAction::Record)
            spans.push_back({i, week.occurrence(i).paddedStartUtcMs,
                week.occurrence(i).paddedEndUtcMs, int(spans.size())});
    for (Episode &episode : overCapacity(spans, int(spans.size()), limit)) {
        const std::vector<int> involved = writer.ordered(std::move(episode.items));
        Conflict conflict
            = writer.make(ConflictKind::Recordings, involved, episode.fromUtcMs, episode.toUtcMs);
        conflict.message = Conflicts::tr("%1 recordings would run at once at %2, but at most %3 "
                                         "may: %4. Move one of them, or raise the maximum in "
                                         "Settings.")
                               .arg(episode.peak)
                               .arg(writer.when(episode.fromUtcMs, involved))
                               .arg(limit)
                               .arg(writer.names(involved));
        conflicts.append(conflict);
    }
}

void findTranscodes(const Week &week, const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    const int limit = week.limits.maxTranscodes;
    if (limit <= 0)
        return;
    // A start that is not held keeps the channel running until its next stop.
    std::vector<std::vector<qint64>> stops(std::size_t(week.channels()));
    for (int i = 0; i < int(week.items.size()); ++i)
        if (week.action(i) == ScheduleAction::Stop)
            stops[std::size_t(week.items[i].channel)].push_back(week.occurrence(i).startUtcMs);
    for (std::vector<qint64> &instants : stops)
        std::sort(instants.begin(), instants.end());
    std::vector<Span> spans; // key: channel
    for (int i = 0; i < int(week.items.size()); ++i) {
        const int channel = week.items[i].channel;
        if (week.action(i) == ScheduleAction::Stop || !week.loads[std::size_t(channel)].abr)
            continue;
        const Occurrence &occurrence = week.occurrence(i);
        qint64 until = occurrence.paddedEndUtcMs;
        if (week.action(i) == ScheduleAction::Start && occurrence.isInstant()) {
            const std::vector<qint64> &instants = stops[std::size_t(channel)];
            const auto next
                = std::upper_bound(instants.begin(), instants.end(), occurrence.startUtcMs);
            until = next != instants.end() ? *next : week.endUtcMs;
        }
        if (until > occurrence.paddedStartUtcMs)
            spans.push_back({i, occurrence.paddedStartUtcMs, until, channel});
    }
    for (Episode &episode : overCapacity(spans, week.channels(), limit)) {
        const std::vector<int> involved = writer.ordered(std::move(episode.items));
        Conflict conflict
            = writer.make(ConflictKind::Transcodes, involved, episode.fromUtcMs, episode.toUtcMs);
        conflict.message = Conflicts::tr("%1 channels would transcode ABR at once at %2, but "
                                         "this machine is set up for at most %3: %4. Move one "
                                         "of them, or raise the maximum in Settings.")
                               .arg(episode.peak)
                               .arg(writer.when(episode.fromUtcMs, involved))
                               .arg(limit)
                               .arg(writer.names(involved));
        conflicts.append(conflict);
    }
}

void findQuota(const Week &week, const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    if (!week.limits.freeQuotaBytes)
        return;
    const qint64 freeBytes = *week.limits.freeQuotaBytes;
    std::vector<std::pair<qint64, int>> records; // padded start, item
    for (int i = 0; i < int(week.items.size()); ++i)
        if (week.action(i) == ScheduleAction::Record)
            records.push_back({week.occurrence(i).paddedStartUtcMs, i});
    std::sort(records.begin(), records.end());
    // By channel: the end of its recorded time so far.
    std::vector<qint64> coveredUntil(std::size_t(week.channels()), week.nowUtcMs);
    double totalBytes = 0;
    std::vector<int> beyond; // from the first recording that does not fit on
    for (const auto &[paddedStartUtcMs, item] : records) {
        const std::size_t channel = std::size_t(week.items[item].channel);
        const qint64 from = std::max(paddedStartUtcMs, coveredUntil[channel]);
        const qint64 to = std::min(week.occurrence(item).paddedEndUtcMs, week.endUtcMs);
        if (to <= from)
            continue;
        coveredUntil[channel] = to;
        totalBytes += double(week.loads[channel].bytesPerMinute) * double(to - from) / 60'000;
        if (totalBytes > double(freeBytes) || !beyond.empty())
            beyond.push_back(item);
    }
    if (beyond.empty())
        return;
    const qint64 fromUtcMs
        = std::max(week.occurrence(beyond.front()).paddedStartUtcMs, week.nowUtcMs);
    beyond = writer.ordered(std::move(beyond));
    Conflict conflict = writer.make(ConflictKind::Quota, beyond, fromUtcMs, week.endUtcMs);
    conflict.message = Conflicts::tr("The recordings of the coming 7 days need about %1, but only "
                                     "%2 of the DVR quota is free; from %3 on they do not fit: "
                                     "%4. Delete recordings you no longer need, record less, or "
                                     "raise the DVR quota in Settings.")
                           .arg(DvrPolicy::formatBytes(qint64(totalBytes)),
                               DvrPolicy::formatBytes(std::max<qint64>(0, freeBytes)),
                               writer.when(fromUtcMs, beyond), writer.names(beyond));
    conflicts.append(conflict);
}

} // namespace

QList<Conflict> Conflicts::find(
    const QList<Schedule> &schedules, const ConflictLimits &limits, qint64 nowUtcMs)
{
    const Week week(schedules, limits, nowUtcMs);
    const ConflictWriter writer(week);
    QList<Conflict> conflicts;
    findStartStop(week, writer, conflicts);
    findRecordings(week, writer, conflicts);
    findTranscodes(week, writer, conflicts);
    findQuota(week, writer, conflicts);
    return conflicts;
}

} // namespace panelx
