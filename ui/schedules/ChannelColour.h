// The colour a channel's schedules have in the list and the week view: fixed per channel, and
// never red, which marks conflicts.
#pragma once

#include <QColor>

namespace panelx {

QColor channelColour(qint64 channelId);

} // namespace panelx
