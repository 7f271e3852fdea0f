#include "hls/RetentionClock.h"

#include "ChannelTypes.h"

#include <QDateTime>
#include <QtDebug>

#include <algorithm>
#include <ctime>

namespace panelx {

namespace {

QString describeMs(qint64 ms)
{
    if (ms >= 3'600'000)
        return QStringLiteral("%1 h").arg(double(ms) / 3'600'000.0, 0, 'f', 1);
    if (ms >= 60'000)
        return QStringLiteral("%1 min").arg(double(ms) / 60'000.0, 0, 'f', 1);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

StoreClocks StoreClocks::system()
{
    StoreClocks clocks;
    clocks.wallUtcMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    clocks.steadyMs = [] {
        timespec now {};
#ifdef CLOCK_BOOTTIME
        clock_gettime(CLOCK_BOOTTIME, &now);
#else
        clock_gettime(CLOCK_MONOTONIC, &now);
#endif
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    };
    return clocks;
}

RetentionClock::RetentionClock(StoreClocks clocks) : m_clocks(std::move(clocks)) { }

void RetentionClock::update()
{
    const qint64 wallUtcMs = m_clocks.wallUtcMs();
    const qint64 steadyMs = m_clocks.steadyMs();
    if (m_started) {
        const qint64 stepMs = (wallUtcMs - m_lastWallUtcMs) - (steadyMs - m_lastSteadyMs);
        if (stepMs > kStepToleranceMs) {
            if (m_unobeyedStepMs == 0)
                m_stepAtUtcMs = wallUtcMs - stepMs;
            m_unobeyedStepMs += stepMs;
            qWarning().noquote() << QStringLiteral(
                "The system clock jumped forward by %1. Retention does not "
                "count the jump as age: segments stored before it are kept "
                "for their full buffer time. Check the clock (NTP) if this "
                "was not intended.")
                                        .arg(describeMs(stepMs));
        } else if (stepMs < -kStepToleranceMs) {
            // Going back only keeps segments longer, so it is followed.
            m_unobeyedStepMs = std::max<qint64>(0, m_unobeyedStepMs + stepMs);
            qInfo().noquote()
                << QStringLiteral("The system clock went back by %1.").arg(describeMs(-stepMs));
        }
    }
    m_started = true;
    m_lastWallUtcMs = wallUtcMs;
    m_lastSteadyMs = steadyMs;
    // Once even the longest buffer has outlived the step, every segment stored before it has
    // gone by its own age and the wall clock alone is right again.
    if (m_unobeyedStepMs > 0 && wallUtcMs - m_unobeyedStepMs - kMaxBufferMs >= m_stepAtUtcMs)
        m_unobeyedStepMs = 0;
}

qint64 RetentionClock::cutoffUtcMs(qint64 bufferMs) const
{
    bufferMs = std::max<qint64>(bufferMs, 0);
    if (m_unobeyedStepMs > 0) {
        // Segments from before the step are aged by the steady clock. Until they have all
        // gone, nothing stamped after the step can be older than the buffer either.
        const qint64 steadyCutoffUtcMs = m_lastWallUtcMs - m_unobeyedStepMs - bufferMs;
        if (steadyCutoffUtcMs < m_stepAtUtcMs)
            return steadyCutoffUtcMs;
    }
    return m_lastWallUtcMs - bufferMs;
}

} // namespace panelx
