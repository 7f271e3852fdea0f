// How the window writes a length of time, the same in the player and the tables.
#pragma once

#include <QString>
#include <QtGlobal>

namespace panelx {

// "01:02:03" (hours always shown, so times line up); negative counts as zero.
QString clockText(qint64 ms);

} // namespace panelx
