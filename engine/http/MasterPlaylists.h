// What the live, timeshift and recording areas share to answer with a master playlist of a
// channel's ladder: each variant made from what the ladder says of its rendition and the
// segments its playlist lists.
#pragma once

#include "ChannelTypes.h"
#include "hls/Playlist.h"
#include "http/Answer.h"

#include <QList>
#include <QString>
#include <span>

namespace panelx {

struct RenditionInfo;

namespace http {

// `rendition`'s entry, its media playlist at `uri`: picture, frame rate and codecs from the
// directory, BANDWIDTH and AVERAGE-BANDWIDTH measured over `segments` (the configured
// bandwidth before there are playlist::kMinSegmentsToMeasure of them).
playlist::Variant masterVariant(
    const QString &uri, const RenditionInfo &rendition, std::span<const SegmentInfo> segments);

// A master playlist as an answer (200, the playlist type, revalidated on every request).
Answer masterAnswer(const QList<playlist::Variant> &variants, qint64 viewerOf);

} // namespace http
} // namespace panelx
