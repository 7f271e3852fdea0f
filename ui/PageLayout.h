// The frame every page of the window shares: a scrolling column with the page's title on top.
#pragma once

#include <QString>

class QVBoxLayout;
class QWidget;

namespace panelx {

// Gives `page` a frameless scroll area holding a column that starts with `title` in large bold
// type; returns that column for the page's content (parented to the scrolled widget).
QVBoxLayout *makeTitledScrollingPage(QWidget *page, const QString &title);

} // namespace panelx
