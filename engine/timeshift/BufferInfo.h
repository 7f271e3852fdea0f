// What a channel's buffer holds now: the span the timeline draws, the catch-up window viewers can
// ask for, and the admin API's GET /api/v1/channels/{id}/buffer.
#pragma once

#include "dvr/Recording.h"

#include <QList>
#include <QMetaType>
#include <QtGlobal>

namespace panelx {

struct BufferInfo {
    qint64 channelId = 0;
    qint64 oldestUtcMs = 0; // start of the oldest segment kept
    qint64 newestUtcMs = 0; // end of the newest segment
    QList<RecordingGap> gaps; // stretches the source was down, oldest first
    qint64 bytes = 0; // the source rendition's segments in the buffer
    int segments = 0;

    bool isEmpty() const { return segments == 0; }
    bool operator==(const BufferInfo &) const = default;
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::BufferInfo)
