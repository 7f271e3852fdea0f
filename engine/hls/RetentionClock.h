// The "now" that retention measures a segment's age against. A forward step of the system clock
// (a wrong NTP answer, a typo in the date) must not make the whole buffer look old at once, so
// steps are detected against a clock that never jumps, logged, and not obeyed for the segments
// stored before them.
#pragma once

#include <QtGlobal>
#include <functional>

namespace panelx {

struct StoreClocks {
    std::function<qint64()> wallUtcMs; // the system clock, which segments are stamped with
    // Never jumps and keeps counting while the machine is suspended (CLOCK_BOOTTIME), so a
    // night in standby is time that passed, not a step.
    std::function<qint64()> steadyMs;
    static StoreClocks system();
};

class RetentionClock {
public:
    // Differences below this between the two clocks' advance are NTP slewing and scheduling
    // noise, not a step.
    static constexpr qint64 kStepToleranceMs = 2000;

    explicit RetentionClock(StoreClocks clocks);

    // Reads both clocks; a step since the last reading is logged and remembered.
    void update();
    // Segments that ended before this instant are older than bufferMs (as of the last update).
    qint64 cutoffUtcMs(qint64 bufferMs) const;

private:
    StoreClocks m_clocks;
    bool m_started = false;
    qint64 m_lastWallUtcMs = 0;
    qint64 m_lastSteadyMs = 0;
    qint64 m_unobeyedStepMs = 0; // forward steps not counted as age
    // The wall clock just before the first of those steps: segments stamped earlier predate it.
    qint64 m_stepAtUtcMs = 0;
};

} // namespace panelx
