// The coloured, rounded state badge that the tables of the window paint in their state column
// (channels, recordings), so a state looks the same wherever it is shown.
#pragma once

#include <QColor>
#include <QRect>
#include <QSize>
#include <QString>

class QFontMetrics;
class QPainter;
class QStyleOptionViewItem;

namespace panelx {

// The cell's background (selection, focus) without its text, then `text` in white on a
// `colour` badge at the cell's left. `option` is the delegate's, filled by initStyleOption().
// Returns the badge's rectangle, for what is painted beside it.
QRect paintStateBadge(QPainter *painter, const QStyleOptionViewItem &option, const QColor &colour,
    const QString &text);
// The cell size that shows `text` as a whole badge.
QSize stateBadgeCellSize(const QFontMetrics &metrics, const QString &text);
// The space kept between the badge and the cell's edges or what is painted beside it.
inline constexpr int kStateBadgeMargin = 4;

} // namespace panelx
