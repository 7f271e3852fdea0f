// Paints a recording's state as a coloured badge and beside it, while it records, a progress bar
// of the time recorded against the time planned; for a stopped, failed or partial recording,
// the reason or what is missing, elided to the column (the tooltip has it whole).
#pragma once

#include "dvr/Recording.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace panelx {

class RecordingStateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor badgeColour(RecordingState state);
};

} // namespace panelx
