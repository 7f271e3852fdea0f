#include "ingest/StreamParameters.h"

#include <array>

namespace panelx {

namespace {

// ISO/IEC 14496-3 sampling_frequency_index.
constexpr std::array<int, 13> kAdtsSampleRates
    = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

void apply(AVCodecParameters &parameters, int width, int height, int sampleRate, int channels)
{
    if (parameters.codec_type == AVMEDIA_TYPE_VIDEO) {
        parameters.width = width;
        parameters.height = height;
    } else {
        parameters.sample_rate = sampleRate;
        av_channel_layout_uninit(&parameters.ch_layout);
        av_channel_layout_default(&parameters.ch_layout, channels);
    }
}

} // namespace

StreamParameters::StreamParameters(const AVCodecParameters &opened)
    : m_current(avcodec_parameters_alloc())
{
    if (!m_current || avcodec_parameters_copy(m_current.get(), &opened) < 0)
        m_current.reset(); // out of memory: parameters() is null and the source fails to open
    // libavcodec's AAC parser leaves sample rate and channels alone (HE-AAC makes the ADTS
    // header's values unreliable for a decoder); the header is read below instead.
    if (opened.codec_id != AV_CODEC_ID_AAC) {
        m_parser.reset(av_parser_init(opened.codec_id));
        m_parserContext.reset(avcodec_alloc_context3(nullptr));
        if (!m_parserContext)
            m_parser.reset();
        if (m_parser)
            m_parser->flags |= PARSER_FLAG_COMPLETE_FRAMES;
    }
}

bool StreamParameters::parse(const AVPacket &packet, Seen *seen)
{
    if (!m_current || packet.size <= 0)
        return false;
    const AVMediaType type = m_current->codec_type;
    if (m_current->codec_id == AV_CODEC_ID_AAC) {
        // ADTS: a 12-bit sync word, then the rate index and the channel configuration
        // (0 means a programme config element, which names no count here).
        const uint8_t *h = packet.data;
        if (packet.size < 7 || h[0] != 0xff || (h[1] & 0xf0) != 0xf0)
            return false;
        const int rateIndex = (h[2] >> 2) & 0x0f;
        const int config = ((h[2] & 0x01) << 2) | (h[3] >> 6);
        if (rateIndex >= int(kAdtsSampleRates.size()) || config == 0)
            return false;
        seen->sampleRate = kAdtsSampleRates[rateIndex];
        seen->channels = config == 7 ? 8 : config;
        return true;
    }
    // Picture size can only change at a keyframe, which carries the new parameter sets.
    if (!m_parser || (type == AVMEDIA_TYPE_VIDEO && !(packet.flags & AV_PKT_FLAG_KEY)))
        return false;
    uint8_t *out = nullptr;
    int outSize = 0;
    av_parser_parse2(m_parser.get(), m_parserContext.get(), &out, &outSize, packet.data,
        packet.size, packet.pts, packet.dts, packet.pos);
    if (type == AVMEDIA_TYPE_VIDEO) {
        seen->width = m_parser->width > 0 ? m_parser->width : m_parserContext->width;
        seen->height = m_parser->height > 0 ? m_parser->height : m_parserContext->height;
        return seen->width > 0 && seen->height > 0;
    }
    seen->sampleRate = m_parserContext->sample_rate;
    seen->channels = m_parserContext->ch_layout.nb_channels;
    return seen->sampleRate > 0 && seen->channels > 0;
}

bool StreamParameters::update(const AVPacket &packet)
{
    Seen seen;
    if (!parse(packet, &seen))
        return false;
    if (!m_haveSeen) {
        m_haveSeen = true;
        m_seen = seen;
        // A stream that appeared after open (a PMT update) was never probed: the bitstream is
        // all that describes it.
        const bool unknown = m_current->codec_type == AVMEDIA_TYPE_VIDEO
            ? m_current->width <= 0
            : m_current->sample_rate <= 0;
        if (unknown)
            apply(*m_current, seen.width, seen.height, seen.sampleRate, seen.channels);
        return false;
    }
    if (seen == m_seen)
        return false;
    m_seen = seen;
    AvCodecParametersPtr changed(avcodec_parameters_alloc());
    if (!changed || avcodec_parameters_copy(changed.get(), m_current.get()) < 0)
        return false; // out of memory: carry on with what was known
    apply(*changed, seen.width, seen.height, seen.sampleRate, seen.channels);
    m_previous = std::move(m_current);
    m_current = std::move(changed);
    return true;
}

} // namespace panelx
