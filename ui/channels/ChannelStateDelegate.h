// Paints a channel's state as a coloured badge, so a failing channel stands out in a long list.
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
};

} // namespace panelx
