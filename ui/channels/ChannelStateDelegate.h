// Paints a channel's state as a coloured badge, so a failing channel stands out in a long list,
// and beside it the reason a reconnecting or failed channel gives, elided to the column.
#pragma once

#include "ChannelTypes.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace panelx {

class ChannelStateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor badgeColour(ChannelState state);
    // The cell size that shows `text` as a whole badge.
    static QSize cellSize(const QFontMetrics &metrics, const QString &text);
};

} // namespace panelx
