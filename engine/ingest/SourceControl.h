// Bounds every blocking libav call of one ingest: a deadline per operation and a stop flag,
// both seen by libav through the AVIOInterruptCB, plus interruptible waits (backoff, pacing)
// that wake at once when the ingest is stopped.
#pragma once

extern "C" {
#include <libavformat/avio.h>
}

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace panelx {

class SourceControl {
public:
    using Clock = std::chrono::steady_clock;

    SourceControl() = default;
    SourceControl(const SourceControl &) = delete;
    SourceControl &operator=(const SourceControl &) = delete;

    // Hand this to AVFormatContext::interrupt_callback; it must outlive the context.
    AVIOInterruptCB interruptCallback() { return {&SourceControl::onInterrupt, this}; }

    void requestStop();
    void clearStop();
    bool stopRequested() const { return m_stop.load(std::memory_order_relaxed); }

    // Arms a deadline for the next blocking operation (0 = none).
    void setDeadline(int timeoutMs);
    // True once the interrupt callback ended an operation because its deadline passed. Sticky
    // until cleared: libav latches the error (udp's reader thread may meet the deadline and
    // the demuxer report it a read later), so the cause is kept for the whole session.
    bool timedOut() const { return m_timedOut.load(std::memory_order_relaxed); }
    void clearTimedOut() { m_timedOut.store(false, std::memory_order_relaxed); }

    // Waits until `when` unless stopped first. Returns false when stopped.
    bool waitUntil(Clock::time_point when);
    bool waitFor(std::chrono::milliseconds duration) { return waitUntil(Clock::now() + duration); }

private:
    static int onInterrupt(void *opaque);

    std::atomic<bool> m_stop {false};
    std::atomic<bool> m_timedOut {false};
    std::atomic<int64_t> m_deadlineUs {0}; // av_gettime_relative() clock, 0 = none
    std::mutex m_waitMutex;
    std::condition_variable m_wake;
};

} // namespace panelx
