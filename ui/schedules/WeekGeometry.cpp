#include "WeekGeometry.h"

#include "schedule/Occurrences.h"

#include <QDateTime>

#include <cmath>

namespace panelx {

namespace {
constexpr qreal kMsPerDay = 24.0 * 3600 * 1000;
constexpr int kMsPerMinute = 60'000;
} // namespace

WeekGeometry::WeekGeometry(
    QDate firstDay, QByteArray viewerZoneId, QSizeF size, qreal gutterWidth, qreal headerHeight)
    : m_firstDay(firstDay), m_zoneId(std::move(viewerZoneId)),
      m_grid(gutterWidth, headerHeight, qMax<qreal>(0, size.width() - gutterWidth),
          qMax<qreal>(0, size.height() - headerHeight))
{
}

QRectF WeekGeometry::dayColumn(int day) const
{
    return QRectF(m_grid.left() + day * dayWidth(), m_grid.top(), dayWidth(), m_grid.height());
}

QRectF WeekGeometry::dayHeader(int day) const
{
    return QRectF(m_grid.left() + day * dayWidth(), 0, dayWidth(), m_grid.top());
}

qreal WeekGeometry::yOf(QTime time, bool endOfDay) const
{
    const qreal ms = endOfDay ? kMsPerDay : time.msecsSinceStartOfDay();
    return m_grid.top() + ms / kMsPerDay * m_grid.height();
}

WeekGeometry::WallClock WeekGeometry::wallClockOf(qint64 utcMs) const
{
    const QDateTime local = Occurrences::wallClock(m_zoneId, utcMs);
    return {local.date(), local.time()};
}

QList<QRectF> WeekGeometry::blocks(qint64 startUtcMs, qint64 endUtcMs) const
{
    const WallClock start = wallClockOf(startUtcMs);
    if (endUtcMs <= startUtcMs) {
        const qint64 day = m_firstDay.daysTo(start.date);
        if (day < 0 || day >= kDays)
            return {};
        const qreal top = qMin(yOf(start.time), m_grid.bottom() - kInstantHeight);
        return {QRectF(dayColumn(int(day)).left(), top, dayWidth(), kInstantHeight)};
    }
    WallClock end = wallClockOf(endUtcMs);
    // An end at midnight closes the day before: it draws no sliver on the next one.
    const bool endsAtMidnight = end.time == QTime(0, 0);
    if (endsAtMidnight)
        end.date = end.date.addDays(-1);
    QList<QRectF> result;
    const QDate from = qMax(start.date, m_firstDay);
    const QDate to = qMin(end.date, lastDay());
    for (QDate date = from; date <= to; date = date.addDays(1)) {
        const qreal top = date == start.date ? yOf(start.time) : m_grid.top();
        const qreal bottom = date == end.date ? yOf(end.time, endsAtMidnight) : m_grid.bottom();
        const QRectF column = dayColumn(int(m_firstDay.daysTo(date)));
        result.append(QRectF(column.left(), qMin(top, bottom), column.width(), qAbs(bottom - top)));
    }
    return result;
}

std::optional<QRectF> WeekGeometry::nowLine(qint64 utcMs) const
{
    const WallClock now = wallClockOf(utcMs);
    const qint64 day = m_firstDay.daysTo(now.date);
    if (day < 0 || day >= kDays)
        return std::nullopt;
    const QRectF column = dayColumn(int(day));
    return QRectF(column.left(), yOf(now.time), column.width(), 0);
}

std::optional<WeekGeometry::WallClock> WeekGeometry::wallClockAt(QPointF point) const
{
    if (!m_grid.contains(point) || m_grid.isEmpty())
        return std::nullopt;
    const int day = qBound(0, int((point.x() - m_grid.left()) / dayWidth()), kDays - 1);
    const qreal fraction = (point.y() - m_grid.top()) / m_grid.height();
    const int minute = qBound(0, int(std::floor(fraction * 24 * 60)), 24 * 60 - 1);
    return WallClock {
        m_firstDay.addDays(day), QTime::fromMSecsSinceStartOfDay(minute * kMsPerMinute)};
}

} // namespace panelx
