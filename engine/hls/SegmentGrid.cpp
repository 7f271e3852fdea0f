#include "hls/SegmentGrid.h"

namespace panelx {

SegmentGrid::SegmentGrid(qint64 firstSequence, bool followsWallClock)
    : m_nextSequence(firstSequence)
{
    m_anchor.restart(followsWallClock);
}

void SegmentGrid::observe(int64_t mediaUs, qint64 arrivalUtcMs)
{
    const std::lock_guard lock(m_mutex);
    m_anchor.observe(mediaUs, arrivalUtcMs);
}

SegmentGrid::Slot SegmentGrid::place(int64_t startUs, qint64 durationMs)
{
    const std::lock_guard lock(m_mutex);
    if (const auto found = m_slots.find(startUs); found != m_slots.end())
        return found->second;
    const WallClockAnchor::Placement placement = m_anchor.place(startUs, durationMs);
    Slot slot;
    slot.sequence = m_nextSequence++;
    slot.startUtcMs = placement.startUtcMs;
    slot.durationMs = durationMs;
    slot.discontinuity = placement.discontinuity;
    m_slots.emplace(startUs, slot);
    while (m_slots.size() > kRemembered)
        m_slots.erase(m_slots.begin());
    return slot;
}

} // namespace panelx
