// Places a real-time source's segments on the wall clock (EXT-X-PROGRAM-DATE-TIME) from
// observations of when its media arrived. Pure: it holds no clock, so it is tested with
// invented times.
//
// offset = arrival wall time - media time. Packets of a live source never arrive before they
// were made, only late (network, buffering, a burst of old packets at connect), so the true
// offset is the smallest one seen; taken over a sliding window of arrival time it follows a
// source clock that runs slow, and drops observations made before a clock step. Each segment
// continues its predecessor on the timeline; the gap to the estimate is closed by a small
// slew per segment, or, when larger than kReanchorMs (a clock step, a reconnect), by
// re-anchoring the segment and marking it a discontinuity.
#pragma once

#include <QtGlobal>
#include <cstdint>
#include <deque>

namespace panelx {

class WallClockAnchor {
public:
    // Observations older than this (in arrival time) no longer count towards the minimum;
    // longer than a bursty source's period (an HLS source fetches 10 s segments at once).
    static constexpr qint64 kWindowMs = 30'000;
    // A gap to the estimate larger than this re-anchors with a discontinuity.
    static constexpr qint64 kReanchorMs = 1'000;
    // The most a segment's start moves against its predecessor's end: well under the 0.5 s
    // that players and validators accept as continuous PROGRAM-DATE-TIME.
    static constexpr qint64 kMaxSlewMs = 200;
    // The estimate moved more than this since the previous segment: the source is still
    // bursting (or the clock just stepped), so the segment continues unchanged and the
    // correction waits for a settled estimate.
    static constexpr qint64 kSettledMs = 500;

    struct Placement {
        qint64 startUtcMs = 0;
        bool discontinuity = false; // re-anchored: the jump must be marked
    };

    // followsWallClock false (media processed faster than real time): the first segment is
    // anchored and later ones only continue it.
    void restart(bool followsWallClock);
    // A packet with this media time (any fixed origin) arrived at this wall-clock time.
    void observe(int64_t mediaUs, qint64 arrivalUtcMs);
    // The wall-clock start of the next segment, which starts at media time startUs and lasts
    // durationMs; the next placement continues from its end. Needs one observation first.
    Placement place(int64_t startUs, qint64 durationMs);

private:
    struct Observation {
        qint64 arrivalUtcMs = 0;
        qint64 offsetMs = 0;
    };
    // Ascending offsets, ascending arrival: the front is the window's minimum.
    std::deque<Observation> m_window;
    bool m_followsWallClock = true;
    bool m_placed = false;
    qint64 m_nextStartUtcMs = 0;
    qint64 m_offsetAtLastPlacementMs = 0;
};

} // namespace panelx
