#include "ChannelStateDelegate.h"

#include "ChannelTableModel.h"
#include "StateBadge.h"

#include <QPainter>

namespace panelx {

namespace {
// The reason widens the column up to about this many characters; longer ones are elided and
// the tooltip has them whole.
constexpr int kReasonWidthChars = 48;
} // namespace

QColor ChannelStateDelegate::badgeColour(ChannelState state)
{
    switch (state) {
    case ChannelState::Live:
        return QColor(0x2e, 0x7d, 0x32); // green
    case ChannelState::Starting:
    case ChannelState::Reconnecting:
        return QColor(0xef, 0x8f, 0x00); // amber
    case ChannelState::Failed:
        return QColor(0xc6, 0x28, 0x28); // red
    case ChannelState::Stopped:
    case ChannelState::Invalid:
        break;
    }
    return QColor(0x75, 0x75, 0x75); // grey
}

void ChannelStateDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const auto state = static_cast<ChannelState>(index.data(ChannelTableModel::StateRole).toInt());
    const QRect badge
        = paintStateBadge(painter, cell, badgeColour(state), ChannelTableModel::stateText(state));

    // The reason in plain words beside the badge: a colour alone does not say what to fix.
    const QString reason = index.data(ChannelTableModel::ReasonRole).toString();
    QRect reasonRect = option.rect.adjusted(0, 0, -kStateBadgeMargin, 0);
    reasonRect.setLeft(badge.right() + 1 + kStateBadgeMargin);
    if (!reason.isEmpty() && reasonRect.width() > 0) {
        const QFontMetrics metrics(option.font);
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(reasonRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(reason, Qt::ElideRight, reasonRect.width()));
        painter->restore();
    }
}

QSize ChannelStateDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const auto state = static_cast<ChannelState>(index.data(ChannelTableModel::StateRole).toInt());
    QSize size = cellSize(metrics, ChannelTableModel::stateText(state));
    const QString reason = index.data(ChannelTableModel::ReasonRole).toString();
    if (!reason.isEmpty())
        size.rwidth() += qMin(
            metrics.horizontalAdvance(reason), kReasonWidthChars * metrics.averageCharWidth());
    return size;
}

QSize ChannelStateDelegate::cellSize(const QFontMetrics &metrics, const QString &text)
{
    return stateBadgeCellSize(metrics, text);
}

} // namespace panelx
