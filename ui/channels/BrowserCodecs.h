// Which source codecs browsers and many phones cannot play (MPEG-2 and HEVC video, MP2 and
// (E-)AC-3 audio, as the ingest names them with avcodec_get_name), and the Channels page's hint
// that the ladder, which encodes H.264 and AAC, reaches every device. Pure.
#pragma once

#include "ChannelTypes.h"

#include <QString>
#include <QStringList>

namespace panelx::browsercodecs {

// The status's codecs that browsers cannot play, in words ("MPEG-2 video", "MP2 audio");
// empty when they all play (or none is known yet).
QStringList unplayable(const ChannelStatus &status);
// "Browsers and many phones cannot play MPEG-2 video; turn the ladder on to reach every
// device." — empty when the channel's ladder is on or its codecs play everywhere.
QString ladderHint(const ChannelConfig &channel, const ChannelStatus &status);

} // namespace panelx::browsercodecs
