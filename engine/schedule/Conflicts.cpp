#include "Conflicts.h"

#include "dvr/DvrPolicy.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <vector>

namespace panelx {

namespace {

// One occurrence of an enabled schedule within the horizon.
struct Item {
    int schedule = 0; // index into the schedules given
    Occurrence occurrence;
};

// A stretch of time an item holds something (a channel on or off, a recorder, a transcoder);
// `key` says which: the same key held twice at once counts once.
struct Span {
    int item = 0;
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    qint64 key = 0;
};

struct Event {
    qint64 atUtcMs = 0;
    bool starts = false;
    int span = 0;
};

// Start and end instants in time order; at one instant ends come first (ranges are half-open).
std::vector<Event> eventsOf(const std::vector<Span> &spans)
{
    std::vector<Event> events;
    events.reserve(spans.size() * 2);
    for (int i = 0; i < int(spans.size()); ++i) {
        events.push_back({spans[i].fromUtcMs, true, i});
        events.push_back({spans[i].toUtcMs, false, i});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.atUtcMs != b.atUtcMs ? a.atUtcMs < b.atUtcMs : (!a.starts && b.starts);
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

// A stretch during which more keys were held at once than the limit, with every item that held
// one during it.
struct Episode {
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    int peak = 0;
    std::vector<int> items;
};

std::vector<Episode> overCapacity(const std::vector<Span> &spans, int limit)
{
    std::vector<Episode> episodes;
    if (limit <= 0)
        return episodes;
    ActiveSpans active(spans.size());
    QHash<qint64, int> heldByKey;
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

class ConflictWriter {
public:
    ConflictWriter(const QList<Schedule> &schedules, const std::vector<Item> &items,
        const ConflictLimits &limits)
        : m_schedules(schedules), m_items(items), m_limits(limits)
    {
    }

    // Item indices in start order, each once.
    std::vector<int> ordered(std::vector<int> involved) const
    {
        std::sort(involved.begin(), involved.end(), [this](int a, int b) {
            return m_items[a].occurrence.startUtcMs != m_items[b].occurrence.startUtcMs
                ? m_items[a].occurrence.startUtcMs < m_items[b].occurrence.startUtcMs
                : a < b;
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
        for (int item : involved) {
            conflict.occurrences.append(m_items[item].occurrence);
            const qint64 id = m_schedules[m_items[item].schedule].id;
            if (!conflict.scheduleIds.contains(id))
                conflict.scheduleIds.append(id);
        }
        return conflict;
    }

    // "“News”, “Sport”": the schedules of `involved`, each once.
    QString names(const std::vector<int> &involved) const
    {
        QStringList list;
        QList<int> seen;
        for (int item : involved) {
            const int schedule = m_items[item].schedule;
            if (seen.contains(schedule))
                continue;
            seen.append(schedule);
            list.append(Conflicts::tr("“%1”").arg(m_schedules[schedule].name));
        }
        return list.join(QStringLiteral(", "));
    }

    // The instant on the clock of the first schedule involved, with its zone.
    QString when(qint64 utcMs, const std::vector<int> &involved) const
    {
        const Schedule &schedule = m_schedules[m_items[involved.front()].schedule];
        const QDateTime local
            = QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone(schedule.timeZoneId));
        return QStringLiteral("%1 (%2)").arg(
            QLocale().toString(local, Conflicts::tr("ddd d MMM yyyy, HH:mm")),
            QString::fromUtf8(schedule.timeZoneId));
    }

    QString channelName(qint64 channelId) const
    {
        const QString name = m_limits.channels.value(channelId).name;
        return name.isEmpty() ? Conflicts::tr("channel %1").arg(channelId)
                              : Conflicts::tr("“%1”").arg(name);
    }

private:
    const QList<Schedule> &m_schedules;
    const std::vector<Item> &m_items;
    const ConflictLimits &m_limits;
};

// Ranges of one instant still take a millisecond, so a sweep sees them.
qint64 endOf(const Occurrence &occurrence)
{
    return std::max(occurrence.paddedEndUtcMs, occurrence.paddedStartUtcMs + 1);
}

void findStartStop(const QList<Schedule> &schedules, const std::vector<Item> &items,
    const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    std::vector<Span> spans; // key: channel; on (start, record) or off (stop) by action
    for (int i = 0; i < int(items.size()); ++i) {
        const Schedule &schedule = schedules[items[i].schedule];
        spans.push_back({i, items[i].occurrence.paddedStartUtcMs, endOf(items[i].occurrence),
            schedule.channelId});
    }
    struct Held {
        std::vector<int> on;
        std::vector<int> off;
    };
    QHash<qint64, Held> byChannel;
    for (const Event &event : eventsOf(spans)) {
        const Span &span = spans[event.span];
        const bool off = schedules[items[span.item].schedule].action == ScheduleAction::Stop;
        Held &held = byChannel[span.key];
        std::vector<int> &own = off ? held.off : held.on;
        if (!event.starts) {
            own.erase(std::find(own.begin(), own.end(), event.span));
            continue;
        }
        const std::vector<int> &other = off ? held.on : held.off;
        if (!other.empty()) {
            // Until the first of the two sides ends (an instant: at once).
            std::vector<int> involved {span.item};
            qint64 until = items[span.item].occurrence.paddedEndUtcMs;
            qint64 otherUntil = event.atUtcMs;
            for (int held : other) {
                involved.push_back(spans[held].item);
                otherUntil
                    = std::max(otherUntil, items[spans[held].item].occurrence.paddedEndUtcMs);
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

void findRecordings(const QList<Schedule> &schedules, const std::vector<Item> &items,
    const ConflictLimits &limits, const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    std::vector<Span> spans;
    for (int i = 0; i < int(items.size()); ++i)
        if (schedules[items[i].schedule].action == ScheduleAction::Record)
            spans.push_back(
                {i, items[i].occurrence.paddedStartUtcMs, items[i].occurrence.paddedEndUtcMs, i});
    for (Episode &episode : overCapacity(spans, limits.maxRecordings)) {
        const std::vector<int> involved = writer.ordered(std::move(episode.items));
        Conflict conflict
            = writer.make(ConflictKind::Recordings, involved, episode.fromUtcMs, episode.toUtcMs);
        conflict.message = Conflicts::tr("%1 recordings would run at once at %2, but at most %3 "
                                         "may: %4. Move one of them, or raise the maximum in "
                                         "Settings.")
                               .arg(episode.peak)
                               .arg(writer.when(episode.fromUtcMs, involved))
                               .arg(limits.maxRecordings)
                               .arg(writer.names(involved));
        conflicts.append(conflict);
    }
}

void findTranscodes(const QList<Schedule> &schedules, const std::vector<Item> &items,
    const ConflictLimits &limits, qint64 horizonEndUtcMs, const ConflictWriter &writer,
    QList<Conflict> &conflicts)
{
    if (limits.maxTranscodes <= 0)
        return;
    // A start that is not held keeps the channel running until its next stop.
    QHash<qint64, std::vector<qint64>> stops;
    for (const Item &item : items) {
        const Schedule &schedule = schedules[item.schedule];
        if (schedule.action == ScheduleAction::Stop)
            stops[schedule.channelId].push_back(item.occurrence.startUtcMs);
    }
    for (std::vector<qint64> &instants : stops)
        std::sort(instants.begin(), instants.end());
    std::vector<Span> spans; // key: channel
    for (int i = 0; i < int(items.size()); ++i) {
        const Schedule &schedule = schedules[items[i].schedule];
        if (schedule.action == ScheduleAction::Stop
            || !limits.channels.value(schedule.channelId).abr)
            continue;
        const Occurrence &occurrence = items[i].occurrence;
        qint64 until = occurrence.paddedEndUtcMs;
        if (schedule.action == ScheduleAction::Start && occurrence.isInstant()) {
            until = horizonEndUtcMs;
            const auto found = stops.constFind(schedule.channelId);
            if (found != stops.constEnd()) {
                const auto next
                    = std::upper_bound(found->begin(), found->end(), occurrence.startUtcMs);
                if (next != found->end())
                    until = *next;
            }
        }
        if (until > occurrence.paddedStartUtcMs)
            spans.push_back({i, occurrence.paddedStartUtcMs, until, schedule.channelId});
    }
    for (Episode &episode : overCapacity(spans, limits.maxTranscodes)) {
        const std::vector<int> involved = writer.ordered(std::move(episode.items));
        Conflict conflict
            = writer.make(ConflictKind::Transcodes, involved, episode.fromUtcMs, episode.toUtcMs);
        conflict.message = Conflicts::tr("%1 channels would transcode ABR at once at %2, but "
                                         "this machine is set up for at most %3: %4. Move one "
                                         "of them, or raise the maximum in Settings.")
                               .arg(episode.peak)
                               .arg(writer.when(episode.fromUtcMs, involved))
                               .arg(limits.maxTranscodes)
                               .arg(writer.names(involved));
        conflicts.append(conflict);
    }
}

void findQuota(const QList<Schedule> &schedules, const std::vector<Item> &items,
    const ConflictLimits &limits, qint64 nowUtcMs, qint64 horizonEndUtcMs,
    const ConflictWriter &writer, QList<Conflict> &conflicts)
{
    if (!limits.freeQuotaBytes)
        return;
    std::vector<int> records;
    for (int i = 0; i < int(items.size()); ++i)
        if (schedules[items[i].schedule].action == ScheduleAction::Record)
            records.push_back(i);
    std::sort(records.begin(), records.end(), [&items](int a, int b) {
        return items[a].occurrence.paddedStartUtcMs != items[b].occurrence.paddedStartUtcMs
            ? items[a].occurrence.paddedStartUtcMs < items[b].occurrence.paddedStartUtcMs
            : a < b;
    });
    QHash<qint64, qint64> coveredUntil; // by channel: the end of its recorded time so far
    double totalBytes = 0;
    std::vector<int> beyond; // from the first recording that does not fit on
    for (int item : records) {
        const Occurrence &occurrence = items[item].occurrence;
        const qint64 channel = schedules[items[item].schedule].channelId;
        const qint64 from = std::max({occurrence.paddedStartUtcMs, nowUtcMs,
            coveredUntil.value(channel, std::numeric_limits<qint64>::min())});
        const qint64 to = std::min(occurrence.paddedEndUtcMs, horizonEndUtcMs);
        if (to <= from)
            continue;
        coveredUntil[channel] = to;
        totalBytes
            += double(limits.channels.value(channel).bytesPerMinute) * double(to - from) / 60'000;
        if (totalBytes > double(*limits.freeQuotaBytes) || !beyond.empty())
            beyond.push_back(item);
    }
    if (beyond.empty())
        return;
    const qint64 fromUtcMs = std::max(items[beyond.front()].occurrence.paddedStartUtcMs, nowUtcMs);
    beyond = writer.ordered(std::move(beyond));
    Conflict conflict = writer.make(ConflictKind::Quota, beyond, fromUtcMs, horizonEndUtcMs);
    conflict.message = Conflicts::tr("The recordings of the coming 7 days need about %1, but only "
                                     "%2 of the DVR quota is free; from %3 on they do not fit: "
                                     "%4. Delete recordings you no longer need, record less, or "
                                     "raise the DVR quota in Settings.")
                           .arg(DvrPolicy::formatBytes(qint64(totalBytes)),
                               DvrPolicy::formatBytes(std::max<qint64>(0, *limits.freeQuotaBytes)),
                               writer.when(fromUtcMs, beyond), writer.names(beyond));
    conflicts.append(conflict);
}

} // namespace

QList<Conflict> Conflicts::find(
    const QList<Schedule> &schedules, const ConflictLimits &limits, qint64 nowUtcMs)
{
    const qint64 horizonEndUtcMs = nowUtcMs + kHorizonMs;
    std::vector<Item> items;
    for (int s = 0; s < int(schedules.size()); ++s) {
        if (!schedules[s].enabled)
            continue;
        for (const Occurrence &occurrence :
            Occurrences::overlapping(schedules[s], nowUtcMs, horizonEndUtcMs))
            items.push_back({s, occurrence});
    }
    QList<Conflict> conflicts;
    const ConflictWriter writer(schedules, items, limits);
    findStartStop(schedules, items, writer, conflicts);
    findRecordings(schedules, items, limits, writer, conflicts);
    findTranscodes(schedules, items, limits, horizonEndUtcMs, writer, conflicts);
    findQuota(schedules, items, limits, nowUtcMs, horizonEndUtcMs, writer, conflicts);
    return conflicts;
}

} // namespace panelx
