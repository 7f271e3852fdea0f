#include "PageLayout.h"

#include <QAbstractItemView>
#include <QFrame>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace panelx {

QVBoxLayout *makeTitledScrollingPage(QWidget *page, const QString &title)
{
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);

    auto *heading = new QLabel(title, content);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);
    return layout;
}

QWidget *withMessage(QWidget *field, QLabel *message)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return box;
}

qint64 selectedId(const QAbstractItemView *view, const QSortFilterProxyModel *sorted, int idRole)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return sorted->mapToSource(rows.first()).data(idRole).toLongLong();
}

void selectSourceRow(QAbstractItemView *view, const QSortFilterProxyModel *sorted, int sourceRow)
{
    if (sourceRow < 0)
        return;
    const QModelIndex index = sorted->mapFromSource(sorted->sourceModel()->index(sourceRow, 0));
    view->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->setCurrentIndex(index);
}

} // namespace panelx
