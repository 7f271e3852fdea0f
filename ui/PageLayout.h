// The frame every page of the window shares: a scrolling column with the page's title on top;
// and the shape of a form field with its message.
#pragma once

#include <QString>

class QAbstractItemView;
class QLabel;
class QSortFilterProxyModel;
class QVBoxLayout;
class QWidget;

namespace panelx {

// Gives `page` a frameless scroll area holding a column that starts with `title` in large bold
// type; returns that column for the page's content (parented to the scrolled widget).
QVBoxLayout *makeTitledScrollingPage(QWidget *page, const QString &title);

// A form field with the label that shows its problem right under it, as one widget for a
// QFormLayout row.
QWidget *withMessage(QWidget *field, QLabel *message);

// A page's table shows its model through `sorted`: the `idRole` value of the selected row in
// the source model (0 when nothing is selected), and selecting the source model's `sourceRow`
// (nothing happens for a negative row).
qint64 selectedId(const QAbstractItemView *view, const QSortFilterProxyModel *sorted, int idRole);
void selectSourceRow(QAbstractItemView *view, const QSortFilterProxyModel *sorted, int sourceRow);

} // namespace panelx
