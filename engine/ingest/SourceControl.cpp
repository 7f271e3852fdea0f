#include "ingest/SourceControl.h"

extern "C" {
#include <libavutil/time.h>
}

namespace panelx {

void SourceControl::requestStop()
{
    {
        // Taken so a waiter between its predicate check and its wait cannot miss the wake-up.
        std::lock_guard lock(m_waitMutex);
        m_stop.store(true);
    }
    m_wake.notify_all();
}

void SourceControl::clearStop()
{
    std::lock_guard lock(m_waitMutex);
    m_stop.store(false);
}

void SourceControl::setDeadline(int timeoutMs)
{
    m_deadlineUs.store(timeoutMs > 0 ? av_gettime_relative() + int64_t(timeoutMs) * 1000 : 0,
        std::memory_order_relaxed);
}

bool SourceControl::waitUntil(Clock::time_point when)
{
    std::unique_lock lock(m_waitMutex);
    return !m_wake.wait_until(lock, when, [this] { return m_stop.load(); });
}

int SourceControl::onInterrupt(void *opaque)
{
    auto *self = static_cast<SourceControl *>(opaque);
    if (self->m_stop.load(std::memory_order_relaxed))
        return 1;
    const int64_t deadline = self->m_deadlineUs.load(std::memory_order_relaxed);
    if (deadline != 0 && av_gettime_relative() > deadline) {
        self->m_timedOut.store(true, std::memory_order_relaxed);
        return 1;
    }
    return 0;
}

} // namespace panelx
