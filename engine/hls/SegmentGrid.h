// The segment grid a ladder's rungs share, so segment N of every rung has the same sequence
// number, wall-clock start and duration. One WallClockAnchor places the ladder's segments:
// the first rung to close a segment starting at a media time decides its placement and
// number, and every other rung that closes a segment starting there gets the same. Thread-safe:
// each rung's segmenter runs on its own thread.
#pragma once

#include "hls/WallClockAnchor.h"

#include <QtGlobal>
#include <cstdint>
#include <map>
#include <mutex>

namespace panelx {

class SegmentGrid {
public:
    struct Slot {
        qint64 sequence = 0; // the least number SegmentStore::commit may give it
        qint64 startUtcMs = 0;
        qint64 durationMs = 0;
        bool discontinuity = false; // the wall-clock placement was re-anchored
    };

    // firstSequence: the number of the ladder's first segment (the largest next number of
    // its rungs, so no rung has to skip back). followsWallClock as WallClockAnchor::restart.
    SegmentGrid(qint64 firstSequence, bool followsWallClock);

    // As WallClockAnchor::observe; any rung may report.
    void observe(int64_t mediaUs, qint64 arrivalUtcMs);
    // The slot of the segment that starts at media time startUs: placed (lasting durationMs)
    // by the first rung that asks, the same for every later one.
    Slot place(int64_t startUs, qint64 durationMs);

private:
    // Slots older than this many segments are forgotten: no rung is that far behind another.
    static constexpr size_t kRemembered = 256;

    std::mutex m_mutex;
    WallClockAnchor m_anchor;
    std::map<int64_t, Slot> m_slots; // by start media time
    qint64 m_nextSequence = 0;
};

} // namespace panelx
