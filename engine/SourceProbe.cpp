#include "SourceProbe.h"

#include "ingest/PacketSource.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace panelx {

SourceProbeResult probeSource(const QString &url, int timeoutMs, SourceControl &control)
{
    SourceProbeResult result;
    SourceOptions options;
    options.openTimeoutMs = timeoutMs;
    options.readTimeoutMs = timeoutMs;
    const std::unique_ptr<PacketSource> source = makePacketSource(url, control, options);
    QString error;
    const bool opened = source->open(&error);
    if (control.stopRequested()) {
        result.cancelled = true;
        result.error = QStringLiteral("cancelled");
        return result;
    }
    if (!opened) {
        result.error = error;
        return result;
    }
    for (const SourceStream &stream : source->streams()) {
        const AVCodecParameters *parameters = stream.codecpar;
        if (parameters->codec_type == AVMEDIA_TYPE_VIDEO && result.videoCodec.isEmpty()) {
            result.videoCodec = QString::fromUtf8(avcodec_get_name(parameters->codec_id));
            result.width = parameters->width;
            result.height = parameters->height;
            if (stream.frameRate.num > 0 && stream.frameRate.den > 0)
                result.frameRate = av_q2d(stream.frameRate);
        } else if (parameters->codec_type == AVMEDIA_TYPE_AUDIO && result.audioCodec.isEmpty()) {
            result.audioCodec = QString::fromUtf8(avcodec_get_name(parameters->codec_id));
            result.audioChannels = parameters->ch_layout.nb_channels;
            result.sampleRate = parameters->sample_rate;
        }
    }
    result.ok = true;
    return result;
}

} // namespace panelx
