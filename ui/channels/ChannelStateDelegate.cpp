#include "ChannelStateDelegate.h"

#include "ChannelTableModel.h"

#include <QApplication>
#include <QPainter>

namespace panelx {

namespace {
constexpr int kPaddingX = 8;
constexpr int kPaddingY = 2;
constexpr int kMargin = 4;
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
    // Selection and focus background first, without the text: the badge replaces it.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const auto state = static_cast<ChannelState>(index.data(ChannelTableModel::StateRole).toInt());
    const QString text = ChannelTableModel::stateText(state);
    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(text) + 2 * kPaddingX;
    const int height = metrics.height() + 2 * kPaddingY;
    QRect badge(0, 0, width, height);
    badge.moveCenter(option.rect.center());
    badge.moveLeft(option.rect.left() + kMargin);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColour(state));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    painter->drawText(badge, Qt::AlignCenter, text);

    // The reason in plain words beside the badge: a colour alone does not say what to fix.
    const QString reason = index.data(ChannelTableModel::ReasonRole).toString();
    QRect reasonRect = option.rect.adjusted(0, 0, -kMargin, 0);
    reasonRect.setLeft(badge.right() + 1 + kMargin);
    if (!reason.isEmpty() && reasonRect.width() > 0) {
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(reasonRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(reason, Qt::ElideRight, reasonRect.width()));
    }
    painter->restore();
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
    return {metrics.horizontalAdvance(text) + 2 * (kPaddingX + kMargin),
        metrics.height() + 2 * (kPaddingY + kMargin)};
}

} // namespace panelx
