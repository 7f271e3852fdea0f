#include "transcode/Transcoder.h"

#include "av/AvError.h"
#include "hls/Playlist.h"
#include "hls/SegmentGrid.h"
#include "hls/SegmentStore.h"
#include "transcode/CodecString.h"
#include "transcode/RenditionDirectory.h"
#include "transcode/RungEncoder.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

#include <QDebug>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cmath>

namespace panelx {

namespace {

constexpr int kAudioSampleRate = 48'000;
// A frame this little before a segment boundary still starts the segment (timestamps in a
// coarse time base round down).
constexpr int64_t kBoundaryToleranceUs = 1'000;
// Measured bitrate over this many of the newest segments.
constexpr int kBitrateSegments = 10;
constexpr qint64 kReportIntervalMs = 1000;

int64_t toUs(int64_t value, AVRational timeBase)
{
    return av_rescale_q(value, timeBase, AV_TIME_BASE_Q);
}

qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString speedText(double speed)
{
    return QString::number(speed, 'f', 2) + QStringLiteral("×");
}

} // namespace

struct Transcoder::RungTrack {
    struct Sample {
        qint64 steadyMs = 0;
        int64_t mediaUs = 0;
        qint64 busyMs = 0;
        qint64 frames = 0;
        qint64 videoBytes = 0;
    };
    RungEncoder *encoder = nullptr; // null for a skipped rung
    std::deque<Sample> samples;
    QList<SegmentInfo> segments; // the newest kBitrateSegments, oldest first
    qint64 behindSinceMs = -1;
    bool committed = false; // a first segment is in the store
};

Transcoder::Transcoder(SegmentStore &store, TranscoderOptions options)
    : m_store(store), m_options(std::move(options)), m_packet(makeAvPacket()),
      m_frame(makeAvFrame()), m_filtered(makeAvFrame())
{
}

Transcoder::~Transcoder()
{
    sessionEnded();
}

QList<RungStatus> Transcoder::rungs() const
{
    const std::lock_guard lock(m_statusMutex);
    return m_status;
}

void Transcoder::refuse(const QString &reason)
{
    {
        const std::lock_guard lock(m_statusMutex);
        m_status.clear();
        m_tracks.clear();
        for (const QString &name : ladder::normalisedRungs(m_options.abr.rungs)) {
            RungStatus status;
            status.rendition = name;
            status.state = RungState::Skipped;
            status.targetBitrate = ladder::rung(name)->videoBitrate;
            status.message = reason;
            m_status.append(status);
            m_tracks.push_back(std::make_unique<RungTrack>());
        }
    }
    qWarning().noquote() << "Channel" << m_options.channelId << "ladder:" << reason;
    const std::lock_guard lock(m_publishMutex);
    publish(true);
}

bool Transcoder::sessionStarted(const IngestSession &session, QString *error)
{
    sessionEnded();
    m_realTime = session.realTime;
    const SourceStream *video = nullptr;
    const SourceStream *audio = nullptr;
    for (const SourceStream &stream : session.streams) {
        if (stream.codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !video)
            video = &stream;
        else if (stream.codecpar->codec_type == AVMEDIA_TYPE_AUDIO && !audio)
            audio = &stream;
    }
    SourceVideo source;
    if (video) {
        const AVCodecParameters &par = *video->codecpar;
        source.width = par.width;
        source.height = par.height;
        source.sampleAspectNum = par.sample_aspect_ratio.num;
        source.sampleAspectDen = par.sample_aspect_ratio.den;
        source.interlaced
            = par.field_order != AV_FIELD_PROGRESSIVE && par.field_order != AV_FIELD_UNKNOWN;
        source.frameRate = video->frameRate.num > 0 ? av_q2d(video->frameRate) : 0;
    }
    m_plan = ladder::plan(source, m_options.abr, QThread::idealThreadCount(), video != nullptr);
    if (!m_plan.runs()) {
        *error = m_plan.refusal;
        refuse(*error);
        return false;
    }
    if (!openVideo(*video, error) || (audio && !openAudio(*audio, error))) {
        refuse(*error);
        endSession();
        return false;
    }

    // The ladder's first number: no rung has to go back, the others skip forward to it.
    qint64 firstSequence = 0;
    for (const PlannedRung &rung : m_plan.rungs) {
        if (rung.state == RungState::Skipped)
            continue;
        if (const auto last = m_store.last(m_options.channelId, rung.spec.name))
            firstSequence = std::max(firstSequence, last->sequence + 1);
    }
    m_grid = std::make_shared<SegmentGrid>(firstSequence, session.realTime);

    const double fps = m_frameRate.num > 0 ? av_q2d(m_frameRate) : 25.0;
    const int gopFrames = std::max(1, int(std::lround(fps * m_options.targetDurationMs / 1000.0)));
    {
        const std::lock_guard lock(m_statusMutex);
        m_status.clear();
        m_tracks.clear();
        m_published.clear();
    }
    QList<RungStatus> statuses;
    std::vector<std::unique_ptr<RungTrack>> tracks;
    for (const PlannedRung &rung : m_plan.rungs) {
        RungStatus status;
        status.rendition = rung.spec.name;
        status.state = rung.state;
        status.width = rung.width;
        status.height = rung.height;
        status.frameRate = fps;
        status.targetBitrate = rung.spec.videoBitrate;
        status.message = rung.message;
        statuses.append(status);
        tracks.push_back(std::make_unique<RungTrack>());
        if (rung.state == RungState::Skipped)
            continue;
        RungEncoderSetup setup;
        setup.channelId = m_options.channelId;
        setup.rung = rung;
        setup.preset = m_options.abr.preset;
        setup.timeBase = m_videoTimeBase;
        setup.frameRate = m_frameRate;
        setup.gopFrames = gopFrames;
        setup.audio = m_audioParameters.get();
        setup.audioTimeBase = m_audioTimeBase;
        setup.realTime = session.realTime;
        setup.segmenter.rendition = rung.spec.name;
        setup.segmenter.targetDurationMs = m_options.targetDurationMs;
        setup.segmenter.bufferMs = m_options.bufferMs;
        setup.segmenter.applyRetention = m_options.applyRetention;
        setup.segmenter.utcNowMs = m_options.utcNowMs;
        setup.segmenter.grid = m_grid;
        setup.segmenter.onCommitted = [this](const SegmentInfo &info) { onRungCommitted(info); };
        setup.onProgress = [this] { onRungProgress(); };
        m_encoders.push_back(std::make_unique<RungEncoder>(m_store, std::move(setup)));
        tracks.back()->encoder = m_encoders.back().get();
    }
    // A rung that scales another's pictures is fed by that rung, not by dispatchFrame.
    for (qsizetype i = 0; i < m_plan.rungs.size(); ++i) {
        if (const int from = m_plan.rungs.at(i).scaledFrom; from >= 0)
            tracks.at(from)->encoder->feed(tracks.at(i)->encoder);
    }
    {
        const std::lock_guard lock(m_statusMutex);
        m_status = statuses;
        m_tracks = std::move(tracks);
    }
    for (const auto &encoder : m_encoders) {
        if (!encoder->start(error)) {
            refuse(*error);
            endSession();
            return false;
        }
    }
    m_open = true;
    const std::lock_guard lock(m_publishMutex);
    publish(true);
    return true;
}

bool Transcoder::openVideo(const SourceStream &stream, QString *error)
{
    const AVCodec *codec = avcodec_find_decoder(stream.codecpar->codec_id);
    if (!codec) {
        *error = QStringLiteral("this libavcodec cannot decode the source's %1 video, so the "
                                "ladder cannot run — turn the ladder off for this channel")
                     .arg(QLatin1String(avcodec_get_name(stream.codecpar->codec_id)));
        return false;
    }
    m_videoDecoder.reset(avcodec_alloc_context3(codec));
    avcodec_parameters_to_context(m_videoDecoder.get(), stream.codecpar);
    m_videoDecoder->pkt_timebase = stream.timeBase;
    m_videoDecoder->thread_count = 0;
    m_videoDecoder->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    const int ret = avcodec_open2(m_videoDecoder.get(), codec, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("the source's %1 video decoder did not open (%2) — turn the "
                                "ladder off for this channel")
                     .arg(QLatin1String(avcodec_get_name(stream.codecpar->codec_id)),
                         avErrorString(ret));
        return false;
    }
    m_videoIndex = stream.index;
    m_videoTimeBase = stream.timeBase;
    m_frameRate = stream.frameRate;
    return true;
}

bool Transcoder::openAudio(const SourceStream &stream, QString *error)
{
    m_audioIndex = stream.index;
    m_audioParameters.reset(avcodec_parameters_alloc());
    if (stream.codecpar->codec_id == AV_CODEC_ID_AAC) {
        // Already what every player takes: carried as it is.
        avcodec_parameters_copy(m_audioParameters.get(), stream.codecpar);
        m_audioTimeBase = stream.timeBase;
        const std::lock_guard lock(m_statusMutex);
        m_audioCodecs = codecstring::mp4a(stream.codecpar->profile);
        return true;
    }
    const QString name = QLatin1String(avcodec_get_name(stream.codecpar->codec_id));
    const AVCodec *decoder = avcodec_find_decoder(stream.codecpar->codec_id);
    const AVCodec *encoder = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!decoder || !encoder) {
        *error = QStringLiteral("this libavcodec cannot %1, so the ladder cannot run — turn "
                                "the ladder off for this channel")
                     .arg(!decoder ? QStringLiteral("decode the source's %1 audio").arg(name)
                                   : QStringLiteral("encode AAC audio"));
        return false;
    }
    m_audioDecoder.reset(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(m_audioDecoder.get(), stream.codecpar);
    m_audioDecoder->pkt_timebase = stream.timeBase;
    int ret = avcodec_open2(m_audioDecoder.get(), decoder, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("the source's %1 audio decoder did not open (%2) — turn the "
                                "ladder off for this channel")
                     .arg(name, avErrorString(ret));
        return false;
    }
    m_audioEncoder.reset(avcodec_alloc_context3(encoder));
    AVCodecContext *aac = m_audioEncoder.get();
    aac->sample_fmt = AV_SAMPLE_FMT_FLTP;
    aac->sample_rate = kAudioSampleRate;
    av_channel_layout_default(&aac->ch_layout, ladder::kAudioChannels);
    aac->bit_rate = ladder::kAudioBitrate;
    aac->time_base = {1, kAudioSampleRate};
    aac->profile = FF_PROFILE_AAC_LOW;
    ret = avcodec_open2(aac, encoder, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("the AAC encoder did not open (%1) — turn the ladder off for "
                                "this channel")
                     .arg(avErrorString(ret));
        return false;
    }
    avcodec_parameters_from_context(m_audioParameters.get(), aac);
    m_audioTimeBase = aac->time_base;
    m_audioFifo = av_audio_fifo_alloc(aac->sample_fmt, aac->ch_layout.nb_channels, aac->frame_size);
    const std::lock_guard lock(m_statusMutex);
    m_audioCodecs = codecstring::mp4a(FF_PROFILE_AAC_LOW);
    return m_audioFifo != nullptr;
}

void Transcoder::packetReceived(const AVPacket &packet)
{
    if (!m_open)
        return;
    if (packet.stream_index == m_videoIndex) {
        // A session joined mid-GOP (a ladder turned on while the channel runs) decodes from
        // the first keyframe on.
        m_videoKeySeen = m_videoKeySeen || (packet.flags & AV_PKT_FLAG_KEY);
        if (m_videoKeySeen)
            decodeVideo(&packet);
    } else if (packet.stream_index == m_audioIndex && !m_audioDecoder)
        sendAudio(packet);
    else if (packet.stream_index == m_audioIndex)
        decodeAudio(&packet);
}

void Transcoder::decodeVideo(const AVPacket *packet)
{
    if (avcodec_send_packet(m_videoDecoder.get(), packet) < 0 && packet)
        return; // a broken packet (or one before the first keyframe): the next ones decode
    while (avcodec_receive_frame(m_videoDecoder.get(), m_frame.get()) >= 0) {
        m_frame->pts = m_frame->best_effort_timestamp;
        filterVideo(m_frame.get());
        av_frame_unref(m_frame.get());
    }
    if (!packet)
        filterVideo(nullptr);
}

bool Transcoder::openDeinterlacer(const AVFrame &frame)
{
    m_deinterlaceGraph.reset(avfilter_graph_alloc());
    const QString source
        = QStringLiteral("video_size=%1x%2:pix_fmt=%3:time_base=%4/%5:pixel_aspect=%6/%7")
              .arg(frame.width)
              .arg(frame.height)
              .arg(frame.format)
              .arg(m_videoTimeBase.num)
              .arg(m_videoTimeBase.den)
              .arg(std::max(frame.sample_aspect_ratio.num, 1))
              .arg(std::max(frame.sample_aspect_ratio.den, 1));
    AVFilterContext *bwdif = nullptr;
    const bool ok = avfilter_graph_create_filter(&m_filterSource, avfilter_get_by_name("buffer"),
                        "in", source.toUtf8().constData(), nullptr, m_deinterlaceGraph.get())
            >= 0
        && avfilter_graph_create_filter(&bwdif, avfilter_get_by_name("bwdif"), "bwdif",
               "mode=send_frame:parity=auto:deint=all", nullptr, m_deinterlaceGraph.get())
            >= 0
        && avfilter_graph_create_filter(&m_filterSink, avfilter_get_by_name("buffersink"), "out",
               nullptr, nullptr, m_deinterlaceGraph.get())
            >= 0
        && avfilter_link(m_filterSource, 0, bwdif, 0) >= 0
        && avfilter_link(bwdif, 0, m_filterSink, 0) >= 0
        && avfilter_graph_config(m_deinterlaceGraph.get(), nullptr) >= 0;
    if (!ok) {
        qWarning().noquote() << "Channel" << m_options.channelId
                             << "ladder: the deinterlacer (bwdif) did not start; frames are "
                                "encoded as they are";
        m_deinterlaceGraph.reset();
        m_filterSource = m_filterSink = nullptr;
        m_plan.deinterlace = false;
    }
    return ok;
}

void Transcoder::filterVideo(AVFrame *frame)
{
    if (!m_plan.deinterlace) {
        if (frame)
            dispatchFrame(frame);
        return;
    }
    if (!m_deinterlaceGraph && (!frame || !openDeinterlacer(*frame))) {
        if (frame)
            dispatchFrame(frame);
        return;
    }
    if (av_buffersrc_add_frame_flags(m_filterSource, frame, AV_BUFFERSRC_FLAG_KEEP_REF) < 0)
        return;
    while (av_buffersink_get_frame(m_filterSink, m_filtered.get()) >= 0) {
        dispatchFrame(m_filtered.get());
        av_frame_unref(m_filtered.get());
    }
}

void Transcoder::dispatchFrame(AVFrame *frame)
{
    if (frame->pts == AV_NOPTS_VALUE)
        return;
    const int64_t ptsUs = toUs(frame->pts, m_videoTimeBase);
    if (m_lastPtsUs != AV_NOPTS_VALUE && ptsUs <= m_lastPtsUs)
        return; // the encoders need increasing timestamps
    m_lastPtsUs = ptsUs;
    // Keyframes at the same instants in every rung: the first frame at or after each multiple
    // of the segment duration from the session's first frame.
    const int64_t targetUs = int64_t(m_options.targetDurationMs) * 1000;
    bool keyframe = false;
    if (m_firstPtsUs == AV_NOPTS_VALUE) {
        m_firstPtsUs = ptsUs;
        m_nextKeyUs = ptsUs;
    }
    if (ptsUs >= m_nextKeyUs - kBoundaryToleranceUs) {
        keyframe = true;
        const int64_t passed = (ptsUs + kBoundaryToleranceUs - m_firstPtsUs) / targetUs;
        m_nextKeyUs = m_firstPtsUs + (passed + 1) * targetUs;
    }
    for (const auto &encoder : m_encoders) {
        if (encoder->isShed() || encoder->isFed())
            continue;
        AvFramePtr copy(av_frame_clone(frame));
        if (copy)
            encoder->pushFrame(std::move(copy), keyframe);
    }
}

void Transcoder::decodeAudio(const AVPacket *packet)
{
    if (avcodec_send_packet(m_audioDecoder.get(), packet) < 0 && packet)
        return;
    AVCodecContext *aac = m_audioEncoder.get();
    while (avcodec_receive_frame(m_audioDecoder.get(), m_frame.get()) >= 0) {
        AVFrame *decoded = m_frame.get();
        if (m_audioNextPts == AV_NOPTS_VALUE) {
            const int64_t pts = decoded->best_effort_timestamp;
            if (pts == AV_NOPTS_VALUE) {
                av_frame_unref(decoded);
                continue;
            }
            m_audioNextPts = av_rescale_q(pts, m_audioDecoder->pkt_timebase, aac->time_base);
        }
        if (!m_resampler) {
            SwrContext *swr = nullptr;
            AVChannelLayout in {};
            if (decoded->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
                av_channel_layout_default(&in, decoded->ch_layout.nb_channels);
            else
                av_channel_layout_copy(&in, &decoded->ch_layout);
            swr_alloc_set_opts2(&swr, &aac->ch_layout, aac->sample_fmt, aac->sample_rate, &in,
                AVSampleFormat(decoded->format), decoded->sample_rate, 0, nullptr);
            av_channel_layout_uninit(&in);
            m_resampler.reset(swr);
            if (!swr || swr_init(swr) < 0) {
                m_resampler.reset();
                av_frame_unref(decoded);
                continue;
            }
        }
        AvFramePtr converted = makeAvFrame();
        av_channel_layout_copy(&converted->ch_layout, &aac->ch_layout);
        converted->format = aac->sample_fmt;
        converted->sample_rate = aac->sample_rate;
        if (swr_convert_frame(m_resampler.get(), converted.get(), decoded) >= 0) {
            av_audio_fifo_write(
                m_audioFifo, reinterpret_cast<void **>(converted->data), converted->nb_samples);
        }
        av_frame_unref(decoded);
        encodeAudio(false);
    }
    if (!packet)
        encodeAudio(true);
}

void Transcoder::encodeAudio(bool flush)
{
    AVCodecContext *aac = m_audioEncoder.get();
    while (av_audio_fifo_size(m_audioFifo) >= aac->frame_size
        || (flush && av_audio_fifo_size(m_audioFifo) > 0)) {
        AvFramePtr frame = makeAvFrame();
        frame->nb_samples = std::min(av_audio_fifo_size(m_audioFifo), aac->frame_size);
        av_channel_layout_copy(&frame->ch_layout, &aac->ch_layout);
        frame->format = aac->sample_fmt;
        frame->sample_rate = aac->sample_rate;
        if (av_frame_get_buffer(frame.get(), 0) < 0)
            return;
        av_audio_fifo_read(m_audioFifo, reinterpret_cast<void **>(frame->data), frame->nb_samples);
        frame->pts = m_audioNextPts;
        m_audioNextPts += frame->nb_samples;
        if (avcodec_send_frame(aac, frame.get()) < 0)
            continue;
        while (avcodec_receive_packet(aac, m_packet.get()) >= 0) {
            sendAudio(*m_packet);
            av_packet_unref(m_packet.get());
        }
    }
    if (flush && avcodec_send_frame(aac, nullptr) >= 0) {
        while (avcodec_receive_packet(aac, m_packet.get()) >= 0) {
            sendAudio(*m_packet);
            av_packet_unref(m_packet.get());
        }
    }
}

void Transcoder::sendAudio(const AVPacket &packet)
{
    for (const auto &encoder : m_encoders) {
        if (encoder->isShed())
            continue;
        AvPacketPtr copy(av_packet_clone(&packet));
        if (copy)
            encoder->pushAudio(std::move(copy));
    }
}

void Transcoder::sessionEnded()
{
    if (m_open) {
        decodeVideo(nullptr);
        if (m_audioDecoder)
            decodeAudio(nullptr);
    }
    endSession();
}

void Transcoder::endSession()
{
    const bool wasOpen = m_open;
    m_open = false;
    for (const auto &encoder : m_encoders)
        encoder->finish();
    {
        // The rung threads are gone; the last figures stay for rungs().
        const std::lock_guard lock(m_statusMutex);
        for (const auto &track : m_tracks)
            track->encoder = nullptr;
    }
    m_encoders.clear();
    m_grid.reset();
    m_videoDecoder.reset();
    m_deinterlaceGraph.reset();
    m_filterSource = m_filterSink = nullptr;
    m_audioDecoder.reset();
    m_audioEncoder.reset();
    m_resampler.reset();
    if (m_audioFifo) {
        av_audio_fifo_free(m_audioFifo);
        m_audioFifo = nullptr;
    }
    m_audioParameters.reset();
    m_audioNextPts = AV_NOPTS_VALUE;
    m_videoIndex = m_audioIndex = -1;
    m_firstPtsUs = m_nextKeyUs = m_lastPtsUs = AV_NOPTS_VALUE;
    m_videoKeySeen = false;
    if (wasOpen && m_options.directory)
        m_options.directory->setLive(m_options.channelId, {});
    {
        const std::lock_guard lock(m_statusMutex);
        m_published.clear();
        m_audioCodecs.clear();
    }
    if (wasOpen) {
        const std::lock_guard lock(m_publishMutex);
        publish(true); // the last figures
    }
}

void Transcoder::onRungCommitted(const SegmentInfo &info)
{
    {
        const std::lock_guard lock(m_statusMutex);
        for (qsizetype i = 0; i < m_status.size(); ++i) {
            if (m_status[i].rendition != info.rendition)
                continue;
            RungTrack &track = *m_tracks[i];
            track.committed = true;
            track.segments.append(info);
            if (track.segments.size() > kBitrateSegments)
                track.segments.removeFirst();
        }
    }
    if (m_options.onCommitted)
        m_options.onCommitted(info);
    onRungProgress();
}

void Transcoder::onRungProgress()
{
    const std::lock_guard publishLock(m_publishMutex);
    {
        const std::lock_guard lock(m_statusMutex);
        updateStatus();
    }
    publish(false);
}

void Transcoder::updateStatus()
{
    const qint64 now = steadyNowMs();
    QString behindMessage;
    for (qsizetype i = 0; i < m_status.size(); ++i) {
        RungStatus &status = m_status[i];
        RungTrack &track = *m_tracks[i];
        // Measured as the master playlist's AVERAGE-BANDWIDTH is (0 until it can be).
        status.measuredBitrate = playlist::measureBandwidth(track.segments, 0).averageBitsPerSecond;
        if (!track.encoder || status.state == RungState::Shed)
            continue;
        const RungEncoder::Figures figures = track.encoder->figures();
        status.framesDropped = figures.framesDropped;
        track.samples.push_back(
            {now, figures.mediaUs, figures.busyMs, figures.framesEncoded, figures.videoBytes});
        while (
            track.samples.size() > 2 && now - track.samples[1].steadyMs >= m_options.speedWindowMs)
            track.samples.pop_front();
        const RungTrack::Sample &first = track.samples.front();
        const RungTrack::Sample &last = track.samples.back();
        const bool windowFull = last.steadyMs - first.steadyMs >= m_options.speedWindowMs;
        if (last.steadyMs > first.steadyMs)
            status.encodedFps
                = (last.frames - first.frames) * 1000.0 / (last.steadyMs - first.steadyMs);
        if (last.mediaUs > first.mediaUs)
            status.videoBitrate
                = (last.videoBytes - first.videoBytes) * 8'000'000 / (last.mediaUs - first.mediaUs);
        // Speed against the time the rung was busy: a rung that keeps up with a live source
        // shows how much faster than real time it could go, not 1.0.
        const bool measured = last.busyMs > first.busyMs;
        if (measured)
            status.speed = (last.mediaUs - first.mediaUs) / 1000.0 / (last.busyMs - first.busyMs);
        if (status.state == RungState::Starting && track.committed)
            status.state = RungState::Running;
        // A window not yet full (after a shed cleared them) or in which the rung encoded
        // nothing (the source paused or ended) says nothing new about its speed: its state
        // stays what it was.
        if (!measured || !windowFull)
            continue;
        const bool behind = m_realTime && status.speed < m_options.minSpeed;
        if (!behind) {
            track.behindSinceMs = -1;
            if (status.state == RungState::Behind) {
                status.state = RungState::Running;
                status.message.clear();
            }
            continue;
        }
        if (track.behindSinceMs < 0)
            track.behindSinceMs = now;
        status.state = RungState::Behind;
        status.message = QStringLiteral("%1 falls behind at %2 real time — remove a rung or "
                                        "choose a faster preset")
                             .arg(status.rendition, speedText(status.speed));
        if (now - track.behindSinceMs >= m_options.behindForMs && behindMessage.isEmpty())
            behindMessage = status.message;
    }
    if (behindMessage.isEmpty())
        return;
    // Shed the lowest rung still running, as long as another one is left.
    int running = 0;
    qsizetype lowest = -1;
    for (qsizetype i = 0; i < m_status.size(); ++i) {
        if (m_tracks[i]->encoder && m_status[i].state != RungState::Shed
            && m_status[i].state != RungState::Skipped) {
            ++running;
            lowest = i;
        }
    }
    if (running < 2)
        return;
    m_tracks[lowest]->encoder->shed();
    m_status[lowest].state = RungState::Shed;
    m_status[lowest].message = QStringLiteral("shed: %1").arg(behindMessage);
    m_status[lowest].encodedFps = 0;
    m_status[lowest].speed = 0;
    qWarning().noquote() << "Channel" << m_options.channelId << "ladder:" << behindMessage
                         << "— shedding" << m_status[lowest].rendition;
    for (const auto &track : m_tracks) {
        track->behindSinceMs = -1;
        track->samples.clear();
    }
}

QList<RenditionInfo> Transcoder::liveRenditions() const
{
    QList<RenditionInfo> live;
    for (qsizetype i = 0; i < m_status.size(); ++i) {
        const RungStatus &status = m_status[i];
        const RungTrack &track = *m_tracks[i];
        if (!track.encoder || !track.committed || status.state == RungState::Shed
            || status.state == RungState::Skipped)
            continue;
        RenditionInfo info;
        info.rendition = status.rendition;
        info.width = status.width;
        info.height = status.height;
        info.frameRate = status.frameRate;
        QStringList codecs {track.encoder->figures().codecs};
        if (!m_audioCodecs.isEmpty())
            codecs.append(m_audioCodecs);
        info.codecs = codecs.join(QLatin1Char(','));
        info.bandwidth
            = status.targetBitrate + (m_audioCodecs.isEmpty() ? 0 : ladder::kAudioBitrate);
        live.append(info);
    }
    return live;
}

void Transcoder::publish(bool force)
{
    QList<RungStatus> statuses;
    QList<RenditionInfo> live;
    bool liveChanged = false;
    {
        const std::lock_guard lock(m_statusMutex);
        statuses = m_status;
        live = liveRenditions();
        liveChanged = live != m_published;
        if (liveChanged)
            m_published = live;
    }
    if (liveChanged && m_options.directory)
        m_options.directory->setLive(m_options.channelId, live);
    // Figures about once a second; a change of state at once.
    const qint64 now = steadyNowMs();
    bool statesChanged = statuses.size() != m_reported.size();
    for (qsizetype i = 0; !statesChanged && i < statuses.size(); ++i)
        statesChanged = statuses[i].state != m_reported[i].state
            || statuses[i].message != m_reported[i].message;
    if (!force && !statesChanged && now - m_reportedAtMs < kReportIntervalMs)
        return;
    m_reported = statuses;
    m_reportedAtMs = now;
    if (m_options.onRungs)
        m_options.onRungs(statuses);
}

} // namespace panelx
