#include "RecordingStateDelegate.h"

#include "RecordingTableModel.h"
#include "StateBadge.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace panelx {

namespace {
// Room beside the badge for the progress bar ("0:12:34 / 1:00:00") or the reason.
constexpr int kDetailWidthChars = 36;
} // namespace

QColor RecordingStateDelegate::badgeColour(RecordingState state)
{
    switch (state) {
    case RecordingState::Recording:
        return QColor(0xc6, 0x28, 0x28); // red, like a recorder's lamp
    case RecordingState::Scheduled:
        return QColor(0x15, 0x65, 0xc0); // blue
    case RecordingState::Finished:
        return QColor(0x2e, 0x7d, 0x32); // green
    case RecordingState::Partial:
    case RecordingState::Stopped:
        return QColor(0xef, 0x8f, 0x00); // amber
    case RecordingState::Failed:
        return QColor(0x6d, 0x1b, 0x1b); // dark red
    case RecordingState::Invalid:
        break;
    }
    return QColor(0x75, 0x75, 0x75); // grey
}

void RecordingStateDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const auto state
        = static_cast<RecordingState>(index.data(RecordingTableModel::StateRole).toInt());
    const QRect badge
        = paintStateBadge(painter, cell, badgeColour(state), RecordingTableModel::stateText(state));
    QRect rest = option.rect.adjusted(0, kStateBadgeMargin, -kStateBadgeMargin, -kStateBadgeMargin);
    rest.setLeft(badge.right() + 1 + kStateBadgeMargin);
    if (rest.width() <= 0)
        return;

    const QVariant progress = index.data(RecordingTableModel::ProgressRole);
    if (progress.isValid()) {
        QStyleOptionProgressBar bar;
        bar.initFrom(option.widget);
        bar.rect = rest;
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = qRound(std::clamp(progress.toDouble(), 0.0, 1.0) * 1000);
        bar.text = index.data(RecordingTableModel::ProgressTextRole).toString();
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        bar.state |= QStyle::State_Horizontal;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
        return;
    }
    const QString detail = index.data(RecordingTableModel::DetailRole).toString();
    if (detail.isEmpty())
        return;
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(option.font).elidedText(detail, Qt::ElideRight, rest.width()));
    painter->restore();
}

QSize RecordingStateDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const auto state
        = static_cast<RecordingState>(index.data(RecordingTableModel::StateRole).toInt());
    QSize size = stateBadgeCellSize(metrics, RecordingTableModel::stateText(state));
    size.rwidth() += kDetailWidthChars * metrics.averageCharWidth();
    return size;
}

} // namespace panelx
