// Where a moment lies on the week view: seven day columns side by side, each the 24 hours of the
// viewer's wall clock from top to bottom, under a header row and right of a column of hour
// labels. Pure — the first day, the zone and the size come in, no clock inside — so the view
// paints and hit-tests with it and tests/ui_week_geometry holds its mapping as tables.
#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QTime>

#include <optional>

namespace panelx {

class WeekGeometry {
public:
    static constexpr int kDays = 7;
    // A start or stop that is not held has no length; it is drawn this tall to be seen and hit.
    static constexpr qreal kInstantHeight = 6;

    struct WallClock {
        QDate date;
        QTime time;
        bool operator==(const WallClock &) const = default;
    };

    // `firstDay` is the leftmost column; times are shown on the wall clock of `viewerZoneId`.
    WeekGeometry(QDate firstDay, QByteArray viewerZoneId, QSizeF size, qreal gutterWidth,
        qreal headerHeight);

    QDate firstDay() const { return m_firstDay; }
    QDate lastDay() const { return m_firstDay.addDays(kDays - 1); }
    // The days' columns: below the header, right of the hour labels.
    QRectF grid() const { return m_grid; }
    qreal dayWidth() const { return m_grid.width() / kDays; }
    qreal hourHeight() const { return m_grid.height() / 24; }
    // Column `day` (0 = firstDay) of the grid; its header cell is above it.
    QRectF dayColumn(int day) const;
    QRectF dayHeader(int day) const;
    // The height of a time of day in every column (24:00 is the bottom: pass `endOfDay`).
    qreal yOf(QTime time, bool endOfDay = false) const;

    // The rectangles that cover [startUtcMs, endUtcMs) on the wall clock: one per day it
    // touches, clipped to the week; none when it lies outside. An instant (start == end) gets
    // one of kInstantHeight. Across a fall-back hour, a day's part spans from the earlier to the
    // later of the two wall-clock times.
    QList<QRectF> blocks(qint64 startUtcMs, qint64 endUtcMs) const;
    // Where the "now" line is drawn: the horizontal line through `utcMs` in its day's column.
    std::optional<QRectF> nowLine(qint64 utcMs) const;
    // The wall clock at a point of the grid, to the minute; none outside it.
    std::optional<WallClock> wallClockAt(QPointF point) const;

private:
    WallClock wallClockOf(qint64 utcMs) const;

    QDate m_firstDay;
    QByteArray m_zoneId;
    QRectF m_grid;
};

} // namespace panelx
