#include "http/MasterPlaylists.h"

#include "transcode/RenditionDirectory.h"

namespace panelx::http {

playlist::Variant masterVariant(
    const QString &uri, const RenditionInfo &rendition, std::span<const SegmentInfo> segments)
{
    const playlist::Bandwidth bandwidth = playlist::measureBandwidth(segments, rendition.bandwidth);
    playlist::Variant variant;
    variant.uri = uri;
    variant.bandwidth = bandwidth.peakBitsPerSecond;
    variant.averageBandwidth = bandwidth.averageBitsPerSecond;
    variant.codecs = rendition.codecs;
    variant.width = rendition.width;
    variant.height = rendition.height;
    variant.frameRate = rendition.frameRate;
    return variant;
}

Answer masterAnswer(const QList<playlist::Variant> &variants, qint64 viewerOf)
{
    Answer answer;
    answer.contentType = QByteArrayLiteral("application/vnd.apple.mpegurl");
    answer.cacheControl = QByteArrayLiteral("no-cache");
    answer.viewerOf = viewerOf;
    answer.body = playlist::renderMaster(variants);
    return answer;
}

} // namespace panelx::http
