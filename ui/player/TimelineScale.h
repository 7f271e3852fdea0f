// The timeline's geometry: wall-clock time to x and back over the span the channel's buffer
// holds, and where its hour and minute ticks go in local time. Pure, so it is tested without a
// widget.
#pragma once

#include <QList>
#include <QString>
#include <QTimeZone>
#include <QtGlobal>

namespace panelx {

struct TimelineTick {
    qint64 utcMs = 0;
    QString label; // local "HH:mm" ("HH:mm:ss" below a minute's step); empty on minor ticks
    bool operator==(const TimelineTick &) const = default;
};

class TimelineScale {
public:
    TimelineScale() = default;
    // The span from `fromUtcMs` (x = 0) to `toUtcMs` (x = widthPx).
    TimelineScale(qint64 fromUtcMs, qint64 toUtcMs, int widthPx);

    qint64 fromUtcMs() const { return m_fromUtcMs; }
    qint64 toUtcMs() const { return m_toUtcMs; }
    int widthPx() const { return m_widthPx; }
    // An empty span or no width maps everything to x = 0 and back to the span's start.
    bool isValid() const { return m_toUtcMs > m_fromUtcMs && m_widthPx > 0; }

    // Times outside the span sit at its ends.
    double xAt(qint64 utcMs) const;
    // x outside [0, width] reads as the span's ends.
    qint64 timeAt(double x) const;

    // The shortest of the steps (10 s … 24 h) whose ticks lie at least `minGapPx` apart.
    qint64 stepMs(int minGapPx) const;
    // Ticks every stepMs(minTickGapPx) at whole multiples of the step in `zone`'s local time;
    // those at multiples of the label step (stepMs(minLabelGapPx), a multiple of the tick step)
    // carry their local time as a label. Oldest first, all within the span.
    QList<TimelineTick> ticks(int minTickGapPx, int minLabelGapPx, const QTimeZone &zone) const;

private:
    qint64 m_fromUtcMs = 0;
    qint64 m_toUtcMs = 0;
    int m_widthPx = 0;
};

} // namespace panelx
