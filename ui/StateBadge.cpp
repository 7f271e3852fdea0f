#include "StateBadge.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionViewItem>

namespace panelx {

namespace {
constexpr int kPaddingX = 8;
constexpr int kPaddingY = 2;
} // namespace

QRect paintStateBadge(QPainter *painter, const QStyleOptionViewItem &option, const QColor &colour,
    const QString &text)
{
    // Selection and focus background first, without the text: the badge replaces it.
    QStyleOptionViewItem background = option;
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(text) + 2 * kPaddingX;
    const int height = metrics.height() + 2 * kPaddingY;
    QRect badge(0, 0, width, height);
    badge.moveCenter(option.rect.center());
    badge.moveLeft(option.rect.left() + kStateBadgeMargin);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
    return badge;
}

QSize stateBadgeCellSize(const QFontMetrics &metrics, const QString &text)
{
    return {metrics.horizontalAdvance(text) + 2 * (kPaddingX + kStateBadgeMargin),
        metrics.height() + 2 * (kPaddingY + kStateBadgeMargin)};
}

} // namespace panelx
