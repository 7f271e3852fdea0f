#include "hls/WallClockAnchor.h"

#include <algorithm>
#include <cstdlib>

namespace panelx {

void WallClockAnchor::restart(bool followsWallClock)
{
    m_window.clear();
    m_followsWallClock = followsWallClock;
    m_placed = false;
    m_nextStartUtcMs = 0;
    m_offsetAtLastPlacementMs = 0;
}

void WallClockAnchor::observe(int64_t mediaUs, qint64 arrivalUtcMs)
{
    // A clock stepped back gives smaller offsets, which evict the older ones here; a step
    // forward ages them out of the window below.
    const qint64 offsetMs = arrivalUtcMs - mediaUs / 1000;
    while (!m_window.empty() && m_window.back().offsetMs >= offsetMs)
        m_window.pop_back();
    m_window.push_back({arrivalUtcMs, offsetMs});
    while (m_window.front().arrivalUtcMs < arrivalUtcMs - kWindowMs)
        m_window.pop_front();
}

WallClockAnchor::Placement WallClockAnchor::place(int64_t startUs, qint64 durationMs)
{
    Placement placement;
    const qint64 offsetMs
        = m_window.empty() ? m_offsetAtLastPlacementMs : m_window.front().offsetMs;
    const qint64 estimateUtcMs = startUs / 1000 + offsetMs;
    if (!m_placed) {
        placement.startUtcMs = estimateUtcMs;
    } else if (!m_followsWallClock || std::abs(offsetMs - m_offsetAtLastPlacementMs) > kSettledMs) {
        placement.startUtcMs = m_nextStartUtcMs;
    } else {
        const qint64 errorMs = estimateUtcMs - m_nextStartUtcMs;
        if (std::abs(errorMs) > kReanchorMs) {
            placement.startUtcMs = estimateUtcMs;
            placement.discontinuity = true;
        } else {
            placement.startUtcMs = m_nextStartUtcMs + std::clamp(errorMs, -kMaxSlewMs, kMaxSlewMs);
        }
    }
    m_placed = true;
    m_offsetAtLastPlacementMs = offsetMs;
    m_nextStartUtcMs = placement.startUtcMs + durationMs;
    return placement;
}

} // namespace panelx
