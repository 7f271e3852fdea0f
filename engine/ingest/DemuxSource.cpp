#include "ingest/DemuxSource.h"

#include "av/AvError.h"

extern "C" {
#include <libavutil/avutil.h>
#include <libavutil/mathematics.h>
}

#include <QUrl>

#include <algorithm>

namespace panelx {

namespace {

QString schemeOf(const QString &url)
{
    if (isFileUrl(url))
        return QStringLiteral("file");
    return url.left(url.indexOf(QLatin1Char(':'))).toLower();
}

} // namespace

DemuxSource::DemuxSource(QString url, SourceControl &control, SourceOptions options)
    : m_url(std::move(url)), m_control(control), m_options(options)
{
}

QString DemuxSource::describe() const
{
    return describeUrlTarget(m_url);
}

AvDictionary DemuxSource::optionsFor(const QString &url, int attempt)
{
    AvDictionary options;
    const QString scheme = schemeOf(url);
    if (scheme == QLatin1String("udp") || scheme == QLatin1String("rtp")) {
        // A kernel buffer and a user-space FIFO (filled by libav's own reader thread) ride out
        // disk stalls; ~770 KB of FIFO is over a second of a 5 Mb/s stream and keeps the
        // per-channel memory small. An overrun loses packets, not the channel.
        options.set("buffer_size", 4 * 1024 * 1024);
        options.set("fifo_size", 4096);
        options.set("overrun_nonfatal", 1);
    } else if (scheme == QLatin1String("rtsp") || scheme == QLatin1String("rtsps")) {
        // TCP passes firewalls and NAT and loses nothing; cameras that refuse it get UDP on
        // the next attempt.
        options.set("rtsp_transport", attempt % 2 == 0 ? "tcp" : "udp");
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("hls")) {
        // Short hiccups are bridged inside libav without a discontinuity; longer outages reach
        // the read deadline and the ingest's own reconnect.
        options.set("reconnect", 1);
        options.set("reconnect_streamed", 1);
        options.set("reconnect_delay_max", 4);
        options.set("user_agent", "PanelX/" PANELX_VERSION);
    } else if (scheme.startsWith(QLatin1String("rtmp"))) {
        options.set("rtmp_live", "live");
    }
    // A source whose streams could not all be described in the default look (5 s) gets a
    // longer one on each retry, up to 20 s: slow-starting audio, sparse keyframes.
    if (attempt > 0) {
        const int64_t analyzeUs = std::min<int64_t>(5'000'000LL << attempt, 20'000'000);
        options.set("analyzeduration", analyzeUs);
        options.set("probesize", std::min<int64_t>(5'000'000LL << attempt, 50'000'000));
    }
    return options;
}

QString DemuxSource::errorText(int error, int timeoutMs) const
{
    if (m_control.timedOut())
        return describeTimeout(m_url, timeoutMs);
    return describeAvError(error, m_url);
}

bool DemuxSource::open(QString *error)
{
    installAvLogCapture();
    clearLastAvLogError();
    m_streams.clear();
    m_tracks.clear();
    m_retired.clear();
    m_pending.reset();
    m_firstDtsUs = AV_NOPTS_VALUE;
    m_control.clearTimedOut();

    AVFormatContext *context = avformat_alloc_context();
    if (!context) {
        *error = describeAvError(AVERROR(ENOMEM), m_url);
        return false;
    }
    context->interrupt_callback = m_control.interruptCallback();
    AvDictionary options = optionsFor(m_url, m_options.attempt);
    m_control.setDeadline(m_options.openTimeoutMs);
    const QByteArray url = m_url.toUtf8();
    // On failure avformat_open_input frees the context and nulls the pointer.
    int ret = avformat_open_input(&context, url.constData(), nullptr, options.address());
    m_context.reset(context);
    if (ret < 0) {
        *error = errorText(ret, m_options.openTimeoutMs);
        return false;
    }

    ret = avformat_find_stream_info(m_context.get(), nullptr);
    if (ret < 0) {
        *error = errorText(ret, m_options.openTimeoutMs);
        return false;
    }
    m_control.setDeadline(0);

    // One video stream (libav's pick of the best) and every audio stream; the rest (data,
    // subtitles, further video programmes) is discarded in the demuxer so it costs nothing.
    const int bestVideo
        = av_find_best_stream(m_context.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    adoptNewStreams(bestVideo);
    for (Track &track : m_tracks)
        track.described = true;
    describeStreams();
    if (m_streams.empty()) {
        *error = describeAvError(AVERROR_STREAM_NOT_FOUND, m_url);
        return false;
    }
    // find_stream_info succeeds even when it ran out of time or data before it learnt a
    // stream's format; the muxer would then refuse every segment. Retry instead.
    for (const SourceStream &stream : m_streams) {
        const AVCodecParameters &par = *stream.codecpar;
        const bool audio = par.codec_type == AVMEDIA_TYPE_AUDIO;
        if (audio ? (par.sample_rate > 0 && par.ch_layout.nb_channels > 0)
                  : (par.width > 0 && par.height > 0))
            continue;
        *error = QStringLiteral("could not learn the format of its %1 stream (%2) from the first "
                                "seconds; trying again with a longer look")
                     .arg(audio ? QStringLiteral("audio") : QStringLiteral("video"),
                         QString::fromUtf8(avcodec_get_name(par.codec_id)));
        return false;
    }

    // Files, and inputs with a length that can be read faster than real time, are paced.
    m_seekable = m_context->pb && (m_context->pb->seekable & AVIO_SEEKABLE_NORMAL);
    m_paced = m_options.paceFiles
        && (isFileUrl(m_url)
            || (m_seekable && m_context->duration != AV_NOPTS_VALUE && m_context->duration > 0));
    return true;
}

void DemuxSource::describeStreams()
{
    m_streams.clear();
    for (size_t i = 0; i < m_tracks.size(); ++i) {
        const Track &track = m_tracks[i];
        if (!track.parameters || !track.described || !track.parameters->parameters())
            continue;
        const AVStream *stream = m_context->streams[i];
        AVRational frameRate = stream->avg_frame_rate;
        if (frameRate.num <= 0 || frameRate.den <= 0)
            frameRate = stream->r_frame_rate;
        const AVCodecParameters *parameters = track.parameters->parameters();
        m_streams.push_back({int(i), parameters, track.timeBase,
            parameters->codec_type == AVMEDIA_TYPE_VIDEO ? frameRate : AVRational {0, 1}});
    }
}

bool DemuxSource::listedByAProgram(int index) const
{
    if (m_context->nb_programs == 0)
        return true;
    for (unsigned p = 0; p < m_context->nb_programs; ++p) {
        const AVProgram *program = m_context->programs[p];
        for (unsigned k = 0; k < program->nb_stream_indexes; ++k) {
            if (int(program->stream_index[k]) == index)
                return true;
        }
    }
    return false;
}

void DemuxSource::adoptNewStreams(int bestVideo)
{
    const bool atOpen = m_tracks.empty();
    bool haveVideo = false;
    for (size_t i = 0; i < m_tracks.size(); ++i) {
        Track &track = m_tracks[i];
        if (!track.parameters)
            continue;
        // A PMT update that replaced a stream (a codec change is a new PID) no longer lists
        // it; its parameters stay valid for the session that is ending.
        if (!listedByAProgram(int(i))) {
            m_context->streams[i]->discard = AVDISCARD_ALL;
            m_retired.push_back(std::move(track.parameters));
            continue;
        }
        if (m_context->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
            haveVideo = true;
    }
    for (unsigned i = unsigned(m_tracks.size()); i < m_context->nb_streams; ++i) {
        AVStream *stream = m_context->streams[i];
        Track &track = m_tracks.emplace_back();
        track.timeBase = stream->time_base;
        const AVMediaType type = stream->codecpar->codec_type;
        const bool wanted
            = (type == AVMEDIA_TYPE_VIDEO && (atOpen ? int(i) == bestVideo : !haveVideo))
            || (type == AVMEDIA_TYPE_AUDIO && stream->codecpar->codec_id != AV_CODEC_ID_NONE);
        if (!wanted) {
            stream->discard = AVDISCARD_ALL;
            continue;
        }
        haveVideo = haveVideo || type == AVMEDIA_TYPE_VIDEO;
        track.parameters = std::make_unique<StreamParameters>(*stream->codecpar);
    }
}

bool DemuxSource::joinsNow(int index) const
{
    // Added streams join together, at the added video's first packet when there is one: the
    // session's segments start at its keyframes anyway, and the others' packets before it
    // have taught their parameters.
    if (m_context->streams[index]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
        return true;
    for (size_t i = 0; i < m_tracks.size(); ++i) {
        if (m_tracks[i].parameters && !m_tracks[i].described
            && m_context->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
            return false;
    }
    return true;
}

ReadResult DemuxSource::read(AVPacket *packet, QString *error)
{
    const bool pending = m_pending != nullptr;
    if (pending) {
        av_packet_move_ref(packet, m_pending.get());
        m_pending.reset();
    }
    while (!pending) {
        m_control.setDeadline(m_options.readTimeoutMs);
        const int ret = av_read_frame(m_context.get(), packet);
        // Disarmed between reads: libav's UDP reader thread also polls the callback, and must
        // not end the session because this thread spent a while writing a segment.
        m_control.setDeadline(0);
        if (ret < 0) {
            if (m_control.stopRequested())
                return ReadResult::Stopped;
            *error = errorText(ret, m_options.readTimeoutMs);
            return ret == AVERROR_EOF ? ReadResult::Ended : ReadResult::Failed;
        }
        if (packet->stream_index >= int(m_tracks.size()))
            adoptNewStreams();
        Track &track = m_tracks[packet->stream_index];
        // Discarded streams can still deliver a packet that was queued before the discard.
        if (!track.parameters) {
            av_packet_unref(packet);
            continue;
        }
        // New parameters, or the first packet of streams added after open: a new session
        // starts with this packet.
        const bool changed = track.parameters->update(*packet);
        if (!track.described && !joinsNow(packet->stream_index)) {
            av_packet_unref(packet);
            continue;
        }
        if (changed || !track.described) {
            for (Track &joining : m_tracks)
                joining.described = joining.parameters != nullptr;
            describeStreams();
            m_pending = makeAvPacket();
            av_packet_move_ref(m_pending.get(), packet);
            return ReadResult::StreamsChanged;
        }
        break;
    }

    if (m_paced && packet->dts != AV_NOPTS_VALUE) {
        const int64_t dtsUs
            = av_rescale_q(packet->dts, m_tracks[packet->stream_index].timeBase, AV_TIME_BASE_Q);
        if (m_firstDtsUs == AV_NOPTS_VALUE) {
            m_firstDtsUs = dtsUs;
            m_pacingStart = SourceControl::Clock::now();
        }
        const auto due = m_pacingStart + std::chrono::microseconds(dtsUs - m_firstDtsUs);
        if (due > SourceControl::Clock::now() + std::chrono::milliseconds(1)
            && !m_control.waitUntil(due))
            return ReadResult::Stopped;
    }
    return ReadResult::Packet;
}

} // namespace panelx
