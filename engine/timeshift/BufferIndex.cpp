#include "BufferIndex.h"

#include "hls/SegmentStore.h"

#include <limits>

namespace panelx::timeshift {

BufferIndex::BufferIndex(const SegmentStore &store) : m_store(store) { }

std::shared_ptr<BufferIndex::Slot> BufferIndex::slot(const Key &key)
{
    std::lock_guard lock(m_slotsMutex);
    std::shared_ptr<Slot> &slot = m_slots[key];
    if (!slot)
        slot = std::make_shared<Slot>();
    return slot;
}

std::shared_ptr<const BufferSnapshot> BufferIndex::read(const Key &key, qint64 fromUtcMs) const
{
    return BufferSnapshot::build(
        m_store.byTime(key.first, key.second, fromUtcMs, std::numeric_limits<qint64>::max()));
}

std::shared_ptr<const BufferSnapshot> BufferIndex::snapshot(
    const ChannelConfig &channel, const QString &rendition, qint64 nowUtcMs)
{
    const Key key(channel.id, rendition);
    const std::shared_ptr<Slot> held = slot(key);
    std::lock_guard lock(held->mutex);
    const qint64 cutoff = nowUtcMs - channel.bufferMs;
    const std::optional<SegmentInfo> newest = m_store.last(channel.id, rendition);
    const qint64 newestSequence = newest ? newest->sequence : kNone;
    // Read whole: on first use, with another buffer length (older segments may come back), or
    // when the store no longer continues what was seen (segments removed, numbers started over).
    if (!held->snapshot || held->bufferMs != channel.bufferMs
        || newestSequence < held->newestSequence) {
        held->snapshot = read(key, cutoff);
        held->bufferMs = channel.bufferMs;
        held->newestSequence = newestSequence;
        return held->snapshot;
    }
    const BufferSnapshot &current = *held->snapshot;
    if (newestSequence > held->newestSequence) {
        held->snapshot = BufferSnapshot::extend(current,
            m_store.bySequence(channel.id, rendition, held->newestSequence + 1, newestSequence),
            cutoff);
        held->newestSequence = newestSequence;
    } else if (!current.isEmpty()
        && current.segments().first().startUtcMs + current.segments().first().durationMs
            <= cutoff) {
        held->snapshot = BufferSnapshot::extend(current, {}, cutoff);
    }
    return held->snapshot;
}

void BufferIndex::forgetChannel(qint64 channelId)
{
    std::lock_guard lock(m_slotsMutex);
    m_slots.removeIf([channelId](const auto &entry) { return entry.key().first == channelId; });
}

} // namespace panelx::timeshift
