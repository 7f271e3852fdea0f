#include "TimelineBar.h"

#include "ThumbnailCache.h"

#include <QDateTime>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>
#include <algorithm>

namespace panelx {

namespace {
constexpr int kMarginX = 6; // room for the playhead's marker at the ends
constexpr int kTrackTop = 4;
constexpr int kTrackHeight = 18;
constexpr int kRecordingStripe = 5;
constexpr int kMinTickGapPx = 8;
constexpr int kMinLabelGapPx = 70;
constexpr qint64 kMinSelectionMs = 1000;
const QColor kBufferColour(0x60, 0x7d, 0x8b);
const QColor kGapColour(0x26, 0x32, 0x38);
const QColor kRecordingColour(0xc6, 0x28, 0x28);
const QColor kLiveColour(0xc6, 0x28, 0x28);

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}
} // namespace

TimelineBar::TimelineBar(QWidget *parent)
    : QWidget(parent), m_preview(new QFrame(this, Qt::ToolTip | Qt::FramelessWindowHint)),
      m_previewStill(new QLabel(m_preview)), m_previewTime(new QLabel(m_preview))
{
    setObjectName(QStringLiteral("timeline"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Click or drag to watch from that moment; Shift+drag to select a range to "
                  "record"));
    setCursor(Qt::PointingHandCursor);
    m_preview->setObjectName(QStringLiteral("timelinePreview"));
    m_preview->setFrameShape(QFrame::Box);
    m_previewTime->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(m_preview);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->setSpacing(2);
    layout->addWidget(m_previewStill);
    layout->addWidget(m_previewTime);
}

QSize TimelineBar::sizeHint() const
{
    return {600, minimumSizeHint().height()};
}

QSize TimelineBar::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {200, kTrackTop + kTrackHeight + 8 + metrics.height() + 2};
}

void TimelineBar::setSpan(qint64 oldestUtcMs, qint64 nowUtcMs, qint64 liveUtcMs)
{
    if (oldestUtcMs == m_fromUtcMs && nowUtcMs == m_toUtcMs && liveUtcMs == m_liveUtcMs)
        return;
    m_fromUtcMs = oldestUtcMs;
    m_toUtcMs = std::max(nowUtcMs, oldestUtcMs);
    m_liveUtcMs = liveUtcMs;
    invalidate();
}

void TimelineBar::setGaps(const QList<RecordingGap> &gaps)
{
    if (gaps == m_gaps)
        return;
    m_gaps = gaps;
    invalidate();
}

void TimelineBar::setRecordings(const QList<Recording> &recordings)
{
    m_recordings.clear();
    for (const Recording &recording : recordings)
        m_recordings.append({recording.startUtcMs, recording.endUtcMs});
    invalidate();
}

void TimelineBar::setPlayhead(std::optional<qint64> utcMs)
{
    if (utcMs == m_playheadUtcMs)
        return;
    m_playheadUtcMs = utcMs;
    update();
}

void TimelineBar::setThumbnails(ThumbnailCache *cache, qint64 channelId, qint64 stepMs)
{
    if (m_thumbnails != cache) {
        if (m_thumbnails)
            disconnect(m_thumbnails, nullptr, this, nullptr);
        m_thumbnails = cache;
        if (cache)
            connect(cache, &ThumbnailCache::ready, this, [this](qint64 channelId, qint64) {
                if (m_preview->isVisible() && channelId == m_channelId)
                    showPreview(m_previewX);
            });
    }
    m_channelId = channelId;
    m_stillStepMs = std::max<qint64>(1000, stepMs);
}

void TimelineBar::clear()
{
    m_fromUtcMs = m_toUtcMs = m_liveUtcMs = 0;
    m_gaps.clear();
    m_recordings.clear();
    m_playheadUtcMs.reset();
    m_dragUtcMs.reset();
    m_drag = Drag::None;
    hidePreview();
    clearSelection();
    invalidate();
}

void TimelineBar::clearSelection()
{
    if (!m_selection)
        return;
    m_selection.reset();
    update();
    emit selectionChanged();
}

QRect TimelineBar::trackRect() const
{
    return {kMarginX, kTrackTop, std::max(0, width() - 2 * kMarginX), kTrackHeight};
}

TimelineScale TimelineBar::scale() const
{
    return TimelineScale(m_fromUtcMs, m_toUtcMs, trackRect().width());
}

int TimelineBar::xAt(qint64 utcMs) const
{
    return trackRect().left() + qRound(scale().xAt(utcMs));
}

qint64 TimelineBar::timeAtX(int x) const
{
    return scale().timeAt(x - trackRect().left());
}

QString TimelineBar::previewText() const
{
    return m_preview->isVisible() ? m_previewTime->text() : QString();
}

bool TimelineBar::previewHasStill() const
{
    return m_preview->isVisible() && m_previewStill->isVisible();
}

qint64 TimelineBar::stillSecondAt(int x) const
{
    const qint64 stepMs = std::max<qint64>(1000, m_stillStepMs);
    return floorDiv(floorDiv(timeAtX(x), stepMs) * stepMs, 1000);
}

void TimelineBar::invalidate()
{
    m_background = QPixmap();
    update();
}

void TimelineBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

void TimelineBar::paintBackground()
{
    const qreal ratio = devicePixelRatioF();
    m_background = QPixmap(size() * ratio);
    m_background.setDevicePixelRatio(ratio);
    m_background.fill(Qt::transparent);
    QPainter painter(&m_background);
    const QRect track = trackRect();
    painter.fillRect(track, palette().color(QPalette::Mid));
    const TimelineScale geometry = scale();
    if (!geometry.isValid())
        return;
    const auto xOf = [&](qint64 utcMs) { return track.left() + geometry.xAt(utcMs); };
    const auto span = [&](qint64 from, qint64 to, int top, int height) {
        return QRectF(QPointF(xOf(from), track.top() + top),
            QPointF(std::max(xOf(to), xOf(from) + 1), track.top() + top + height));
    };
    // The buffer up to the live edge; what lies after it is not there yet.
    painter.fillRect(span(m_fromUtcMs, m_liveUtcMs, 0, track.height()), kBufferColour);
    for (const RecordingGap &gap : std::as_const(m_gaps)) {
        const QRectF area = span(gap.fromUtcMs, gap.toUtcMs, 0, track.height());
        painter.fillRect(area, kGapColour);
        painter.fillRect(area, QBrush(palette().color(QPalette::Mid), Qt::BDiagPattern));
    }
    for (const Range &recording : std::as_const(m_recordings)) {
        if (recording.toUtcMs <= m_fromUtcMs || recording.fromUtcMs >= m_toUtcMs)
            continue;
        painter.fillRect(
            span(recording.fromUtcMs, recording.toUtcMs, 0, kRecordingStripe), kRecordingColour);
    }
    // Ticks and their local times under the track.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    painter.setPen(palette().color(QPalette::WindowText));
    for (const TimelineTick &tick :
        geometry.ticks(kMinTickGapPx, kMinLabelGapPx, QTimeZone::systemTimeZone())) {
        const qreal x = xOf(tick.utcMs);
        const bool labelled = !tick.label.isEmpty();
        painter.drawLine(
            QPointF(x, track.bottom() + 1), QPointF(x, track.bottom() + (labelled ? 7 : 4)));
        if (!labelled)
            continue;
        const int textWidth = metrics.horizontalAdvance(tick.label);
        const qreal left = std::clamp(x - textWidth / 2.0, 0.0, qreal(width() - textWidth));
        painter.drawText(QPointF(left, track.bottom() + 8 + metrics.ascent()), tick.label);
    }
}

void TimelineBar::paintEvent(QPaintEvent *)
{
    if (m_background.isNull() || m_background.size() != size() * devicePixelRatioF())
        paintBackground();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_background);
    const TimelineScale geometry = scale();
    if (!geometry.isValid())
        return;
    const QRect track = trackRect();
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_selection) {
        const QRectF area(QPointF(xAt(m_selection->fromUtcMs), track.top() - 2),
            QPointF(xAt(m_selection->toUtcMs), track.bottom() + 3));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(110);
        painter.fillRect(area, fill);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
        painter.drawRect(area);
    }
    // The live edge.
    painter.setPen(QPen(kLiveColour, 2));
    const int liveX = xAt(m_liveUtcMs);
    painter.drawLine(liveX, track.top() - 2, liveX, track.bottom() + 2);
    // The playhead, or where a drag would take it: a line with a marker on top.
    const std::optional<qint64> head = m_dragUtcMs ? m_dragUtcMs : m_playheadUtcMs;
    if (head) {
        const qreal x = xAt(*head);
        painter.setPen(QPen(Qt::black, 3));
        painter.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()));
        painter.setPen(QPen(Qt::white, 1.5));
        painter.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()));
        QPainterPath marker;
        marker.moveTo(x - 5, 0);
        marker.lineTo(x + 5, 0);
        marker.lineTo(x, 6);
        marker.closeSubpath();
        painter.setPen(QPen(Qt::black, 1));
        painter.setBrush(Qt::white);
        painter.drawPath(marker);
    }
}

void TimelineBar::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !scale().isValid()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int x = qRound(event->position().x());
    const qint64 at = timeAtX(x);
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Select;
        m_selectAnchorUtcMs = at;
        m_selection = Range {at, at};
    } else {
        m_drag = Drag::Seek;
        m_dragUtcMs = at;
    }
    showPreview(x);
    update();
}

void TimelineBar::mouseMoveEvent(QMouseEvent *event)
{
    const int x = qRound(event->position().x());
    const qint64 at = timeAtX(x);
    if (m_drag == Drag::Seek) {
        m_dragUtcMs = at;
        update();
    } else if (m_drag == Drag::Select) {
        m_selection = Range {std::min(m_selectAnchorUtcMs, at), std::max(m_selectAnchorUtcMs, at)};
        update();
    }
    if (scale().isValid())
        showPreview(x);
}

void TimelineBar::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    const qint64 at = timeAtX(qRound(event->position().x()));
    if (drag == Drag::Seek) {
        m_dragUtcMs.reset();
        update();
        emit seekRequested(at);
        return;
    }
    m_selection = Range {std::min(m_selectAnchorUtcMs, at), std::max(m_selectAnchorUtcMs, at)};
    // A Shift+click without a drag clears the selection.
    if (m_selection->toUtcMs - m_selection->fromUtcMs < kMinSelectionMs)
        m_selection.reset();
    update();
    emit selectionChanged();
}

void TimelineBar::leaveEvent(QEvent *event)
{
    hidePreview();
    QWidget::leaveEvent(event);
}

void TimelineBar::hideEvent(QHideEvent *event)
{
    hidePreview();
    QWidget::hideEvent(event);
}

void TimelineBar::showPreview(int x)
{
    m_previewX = x;
    m_previewUtcMs = timeAtX(x);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(m_previewUtcMs);
    m_previewTime->setText(local.toString(QStringLiteral("HH:mm:ss")));
    QPixmap still;
    if (m_thumbnails)
        still = m_thumbnails->thumbnail(m_channelId, stillSecondAt(x));
    m_previewStill->setPixmap(still);
    m_previewStill->setVisible(!still.isNull());
    m_preview->adjustSize();
    const QPoint anchor = mapToGlobal(QPoint(x, 0));
    m_preview->move(anchor.x() - m_preview->width() / 2, anchor.y() - m_preview->height() - 4);
    m_preview->show();
}

void TimelineBar::hidePreview()
{
    m_preview->hide();
}

} // namespace panelx
