#include "TimelineScale.h"

#include <QDateTime>
#include <algorithm>
#include <array>
#include <cmath>

namespace panelx {

namespace {
constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60 * kSecondMs;
constexpr qint64 kHourMs = 60 * kMinuteMs;
// Each divides a day, so ticks at multiples of it fall on the same local times every day.
constexpr std::array<qint64, 15> kStepsMs = {10 * kSecondMs, 30 * kSecondMs, kMinuteMs,
    2 * kMinuteMs, 5 * kMinuteMs, 10 * kMinuteMs, 15 * kMinuteMs, 30 * kMinuteMs, kHourMs,
    2 * kHourMs, 3 * kHourMs, 4 * kHourMs, 6 * kHourMs, 12 * kHourMs, 24 * kHourMs};

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}
} // namespace

TimelineScale::TimelineScale(qint64 fromUtcMs, qint64 toUtcMs, int widthPx)
    : m_fromUtcMs(fromUtcMs), m_toUtcMs(std::max(fromUtcMs, toUtcMs)),
      m_widthPx(std::max(0, widthPx))
{
}

double TimelineScale::xAt(qint64 utcMs) const
{
    if (!isValid())
        return 0;
    const qint64 clamped = std::clamp(utcMs, m_fromUtcMs, m_toUtcMs);
    return double(clamped - m_fromUtcMs) * m_widthPx / double(m_toUtcMs - m_fromUtcMs);
}

qint64 TimelineScale::timeAt(double x) const
{
    if (!isValid())
        return m_fromUtcMs;
    const double clamped = std::clamp(x, 0.0, double(m_widthPx));
    return m_fromUtcMs + std::llround(clamped * double(m_toUtcMs - m_fromUtcMs) / m_widthPx);
}

qint64 TimelineScale::stepMs(int minGapPx) const
{
    if (!isValid())
        return kStepsMs.back();
    const double pxPerMs = double(m_widthPx) / double(m_toUtcMs - m_fromUtcMs);
    for (const qint64 step : kStepsMs)
        if (step * pxPerMs >= minGapPx)
            return step;
    return kStepsMs.back();
}

QList<TimelineTick> TimelineScale::ticks(
    int minTickGapPx, int minLabelGapPx, const QTimeZone &zone) const
{
    QList<TimelineTick> result;
    if (!isValid())
        return result;
    const qint64 tickStep = stepMs(minTickGapPx);
    qint64 labelStep = stepMs(std::max(minTickGapPx, minLabelGapPx));
    // The label step must fall on ticks: the next step that is a multiple of the tick step.
    for (const qint64 step : kStepsMs) {
        if (step >= labelStep && step % tickStep == 0) {
            labelStep = step;
            break;
        }
    }
    const QString format
        = labelStep < kMinuteMs ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    // Local time = UTC + the zone's offset at that moment; a daylight-saving change inside the
    // span shifts the ticks after it with the clock, as a wall clock would (an hour repeated in
    // autumn is ticked once).
    const auto localMs = [&zone](qint64 utcMs) {
        return utcMs
            + qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, zone))) * kSecondMs;
    };
    const qint64 offsetAtStartMs = localMs(m_fromUtcMs) - m_fromUtcMs;
    qint64 local = floorDiv(localMs(m_fromUtcMs) + tickStep - 1, tickStep) * tickStep;
    for (;; local += tickStep) {
        const qint64 guess = local - offsetAtStartMs;
        const qint64 utcMs = local - (localMs(guess) - guess);
        if (utcMs > m_toUtcMs)
            break;
        // Local times the change skips map onto moments already ticked.
        if (utcMs < m_fromUtcMs || (!result.isEmpty() && utcMs <= result.last().utcMs))
            continue;
        TimelineTick tick;
        tick.utcMs = utcMs;
        if (floorDiv(local, labelStep) * labelStep == local)
            tick.label = QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(format);
        result.append(tick);
    }
    return result;
}

} // namespace panelx
