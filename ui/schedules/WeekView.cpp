#include "WeekView.h"

#include "ChannelColour.h"
#include "schedule/Occurrences.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QTimer>
#include <QToolTip>

namespace panelx {

namespace {
constexpr int kMinuteMs = 60'000;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
const QColor kConflictColour(0xd3, 0x2f, 0x2f);
const QColor kNowColour(0xe5, 0x39, 0x35);
constexpr int kMinHourHeight = 12;
constexpr int kPreferredHourHeight = 22;
constexpr int kMinDayWidth = 60;
constexpr int kPreferredDayWidth = 110;

QString timeText(qint64 utcMs)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().time(), QLocale::ShortFormat);
}

bool involved(const Conflict &conflict, const Occurrence &occurrence)
{
    for (const Occurrence &other : conflict.occurrences)
        if (other.scheduleId == occurrence.scheduleId && other.startUtcMs == occurrence.startUtcMs)
            return true;
    return false;
}
} // namespace

WeekView::WeekView(QWidget *parent)
    : QWidget(parent), m_firstDay(QDate::currentDate()), m_minuteTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("weekView"));
    setMouseTracking(false);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_minuteTimer->setInterval(kMinuteMs);
    connect(m_minuteTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_minuteTimer->start();
}

void WeekView::setFirstDay(QDate day)
{
    if (day == m_firstDay || !day.isValid())
        return;
    m_firstDay = day;
    rebuild();
}

void WeekView::setPlan(const QList<Schedule> &schedules, const QList<Conflict> &conflicts,
    const QHash<qint64, QString> &channelNames)
{
    m_schedules = schedules;
    m_conflicts = conflicts;
    m_channelNames = channelNames;
    rebuild();
}

void WeekView::rebuild()
{
    m_blocks.clear();
    // A day's margin on both sides, whatever the zone's offsets; the geometry then keeps what
    // meets the week's wall-clock days.
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const qint64 fromUtcMs = QDateTime(m_firstDay, QTime(0, 0), zone).toMSecsSinceEpoch() - kDayMs;
    const qint64 toUtcMs = fromUtcMs + (WeekGeometry::kDays + 2) * kDayMs;
    // Which occurrences meet the week's days does not depend on the size.
    const WeekGeometry week(m_firstDay, QTimeZone::systemTimeZoneId(), QSizeF(), 0, 0);
    for (const Schedule &schedule : std::as_const(m_schedules)) {
        const QString channel = m_channelNames.value(schedule.channelId);
        for (const Occurrence &occurrence :
            Occurrences::overlapping(schedule, fromUtcMs, toUtcMs)) {
            if (week.blocks(occurrence.startUtcMs, occurrence.endUtcMs).isEmpty())
                continue;
            Block block;
            block.scheduleId = schedule.id;
            block.startUtcMs = occurrence.startUtcMs;
            block.endUtcMs = occurrence.endUtcMs;
            block.label = schedule.name;
            block.colour = channelColour(schedule.channelId);
            block.enabled = schedule.enabled;
            QStringList tip {schedule.name, channel};
            tip.append(occurrence.isInstant() ? timeText(occurrence.startUtcMs)
                                              : tr("%1 – %2").arg(timeText(occurrence.startUtcMs),
                                                  timeText(occurrence.endUtcMs)));
            if (!schedule.enabled)
                tip.append(tr("Disabled"));
            for (const Conflict &conflict : std::as_const(m_conflicts)) {
                if (involved(conflict, occurrence)) {
                    block.conflicted = true;
                    tip.append(conflict.message);
                }
            }
            block.toolTip = tip.join(QLatin1Char('\n'));
            m_blocks.append(block);
        }
    }
    // Conflicts are drawn last, so they stay visible over what they collide with.
    std::stable_partition(
        m_blocks.begin(), m_blocks.end(), [](const Block &block) { return !block.conflicted; });
    update();
}

qreal WeekView::gutterWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("00:00")) + 12;
}

qreal WeekView::headerHeight() const
{
    return fontMetrics().height() + 10;
}

WeekGeometry WeekView::geometryNow() const
{
    return WeekGeometry(
        m_firstDay, QTimeZone::systemTimeZoneId(), size(), gutterWidth(), headerHeight());
}

QSize WeekView::minimumSizeHint() const
{
    return QSize(int(gutterWidth()) + WeekGeometry::kDays * kMinDayWidth,
        int(headerHeight()) + 24 * kMinHourHeight);
}

QSize WeekView::sizeHint() const
{
    return QSize(int(gutterWidth()) + WeekGeometry::kDays * kPreferredDayWidth,
        int(headerHeight()) + 24 * kPreferredHourHeight);
}

std::optional<WeekView::Block> WeekView::blockAt(QPointF point) const
{
    const WeekGeometry geometry = geometryNow();
    for (auto it = m_blocks.crbegin(); it != m_blocks.crend(); ++it)
        for (const QRectF &rect : geometry.blocks(it->startUtcMs, it->endUtcMs))
            if (rect.contains(point))
                return *it;
    return std::nullopt;
}

void WeekView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const WeekGeometry geometry = geometryNow();
    paintGrid(painter, geometry);
    paintBlocks(painter, geometry);
    paintNow(painter, geometry);
}

void WeekView::paintGrid(QPainter &painter, const WeekGeometry &geometry)
{
    const QRectF grid = geometry.grid();
    const QColor line = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::Text);
    const QDate today = QDate::currentDate();
    for (int day = 0; day < WeekGeometry::kDays; ++day) {
        const QDate date = geometry.firstDay().addDays(day);
        QFont font = painter.font();
        font.setBold(date == today);
        painter.setFont(font);
        painter.setPen(text);
        painter.drawText(geometry.dayHeader(day), Qt::AlignCenter,
            QLocale().toString(date, QStringLiteral("ddd d MMM")));
        if (date.dayOfWeek() >= Qt::Saturday)
            painter.fillRect(geometry.dayColumn(day), palette().color(QPalette::AlternateBase));
        painter.setPen(line);
        painter.drawLine(geometry.dayColumn(day).topLeft(), geometry.dayColumn(day).bottomLeft());
    }
    QFont font = painter.font();
    font.setBold(false);
    painter.setFont(font);
    const qreal labelStep = geometry.hourHeight() < fontMetrics().height() ? 3 : 1;
    for (int hour = 0; hour < 24; ++hour) {
        const qreal y = geometry.yOf(QTime(hour, 0));
        painter.setPen(line);
        painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y));
        if (hour % int(labelStep) != 0)
            continue;
        painter.setPen(text);
        painter.drawText(QRectF(0, y, grid.left() - 6, geometry.hourHeight()),
            Qt::AlignRight | Qt::AlignTop, QTime(hour, 0).toString(QStringLiteral("HH:mm")));
    }
    painter.setPen(line);
    painter.drawRect(grid);
}

void WeekView::paintBlocks(QPainter &painter, const WeekGeometry &geometry)
{
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Block &block : std::as_const(m_blocks)) {
        const QColor fill = block.conflicted ? kConflictColour : block.colour;
        for (QRectF rect : geometry.blocks(block.startUtcMs, block.endUtcMs)) {
            rect.adjust(2, 0, -2, 0);
            painter.setPen(fill.darker(150));
            painter.setBrush(block.enabled ? QBrush(fill) : QBrush(fill, Qt::BDiagPattern));
            painter.drawRoundedRect(rect, 3, 3);
            if (rect.height() < fontMetrics().height())
                continue;
            painter.setPen(block.conflicted ? Qt::white : Qt::black);
            painter.drawText(rect.adjusted(3, 1, -3, -1),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, block.label);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void WeekView::paintNow(QPainter &painter, const WeekGeometry &geometry)
{
    const auto line = geometry.nowLine(QDateTime::currentMSecsSinceEpoch());
    if (!line)
        return;
    painter.setPen(QPen(kNowColour, 2));
    painter.drawLine(line->topLeft(), line->topRight());
    painter.setBrush(kNowColour);
    painter.drawEllipse(line->topLeft(), 4, 4);
}

void WeekView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        if (const auto block = blockAt(event->position()))
            emit editRequested(block->scheduleId);
    QWidget::mousePressEvent(event);
}

void WeekView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !blockAt(event->position()))
        if (const auto wallClock = geometryNow().wallClockAt(event->position()))
            emit newRequested(wallClock->date, wallClock->time);
    QWidget::mouseDoubleClickEvent(event);
}

bool WeekView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto block = blockAt(help->pos()))
            QToolTip::showText(help->globalPos(), block->toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace panelx
