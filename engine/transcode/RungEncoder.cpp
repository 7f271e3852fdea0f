#include "transcode/RungEncoder.h"

#include "av/AvError.h"
#include "transcode/CodecString.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

#include <QThread>
#include <chrono>
#include <future>

#include <sys/resource.h>
#include <unistd.h>

namespace panelx {

namespace {

// Frames waiting for the encoder of a file fed as fast as it goes (the feeder waits when the
// queue is full): enough to ride out a slow frame, and memory stays small (1080p frames are
// 3 MB).
constexpr int kQueueFrames = 6;
// A live source's frames wait up to this long before frames are dropped: a rung at nice 5
// can lose the cores for a moment to another program starting (a browser takes both for a
// second), and a burst of dropped frames stalls Chromium's own HLS player.
constexpr int kLiveQueueMs = 1000;
constexpr auto kProgressInterval = std::chrono::milliseconds(500);

int64_t toUs(int64_t value, AVRational timeBase)
{
    return av_rescale_q(value, timeBase, AV_TIME_BASE_Q);
}

} // namespace

RungEncoder::RungEncoder(SegmentStore &store, RungEncoderSetup setup)
    : m_store(store), m_setup(std::move(setup)), m_packet(makeAvPacket()),
      m_queueFrames(queueFrames(m_setup.realTime, m_setup.frameRate))
{
}

int RungEncoder::queueFrames(bool realTime, AVRational frameRate)
{
    if (!realTime || frameRate.num <= 0 || frameRate.den <= 0)
        return kQueueFrames;
    return std::max(
        kQueueFrames, int(av_rescale(kLiveQueueMs, frameRate.num, 1000LL * frameRate.den)));
}

RungEncoder::~RungEncoder()
{
    finish();
    sws_freeContext(m_scaler);
}

bool RungEncoder::start(QString *error)
{
    std::promise<bool> opened;
    std::future<bool> ok = opened.get_future();
    m_thread.reset(QThread::create([this, &opened, error] {
        // Linux gives each thread its own nice value, and libx264's threads inherit it from the
        // thread that opens the encoder: this one.
        setpriority(PRIO_PROCESS, gettid(), m_setup.rung.niceness);
        const bool running = open(error);
        opened.set_value(running); // `opened` and `error` are not touched after this
        if (running)
            run();
    }));
    m_thread->setObjectName(
        QStringLiteral("abr-%1-%2").arg(m_setup.rung.spec.name).arg(m_setup.channelId));
    m_thread->start();
    if (ok.get())
        return true;
    m_thread->wait();
    m_thread.reset();
    return false;
}

bool RungEncoder::open(QString *error)
{
    const PlannedRung &rung = m_setup.rung;
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) {
        *error = QStringLiteral("this libavcodec has no libx264 encoder — install the "
                                "distribution's libavcodec (with libx264) to use the ladder");
        return false;
    }
    m_encoder.reset(avcodec_alloc_context3(codec));
    AVCodecContext *encoder = m_encoder.get();
    encoder->width = rung.width;
    encoder->height = rung.height;
    encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    encoder->sample_aspect_ratio = {1, 1}; // scaled to the display aspect
    encoder->time_base = m_setup.timeBase;
    encoder->framerate = m_setup.frameRate;
    encoder->bit_rate = rung.spec.videoBitrate;
    encoder->rc_max_rate = rung.spec.maxRate();
    encoder->rc_buffer_size = int(rung.spec.bufferSize());
    // Keyframes are forced where segments start; libx264's own interval only guards against a
    // source whose timestamps stall.
    encoder->gop_size = m_setup.gopFrames * 2;
    encoder->keyint_min = m_setup.gopFrames;
    encoder->thread_count = rung.threads;
    av_opt_set(encoder->priv_data, "preset", m_setup.preset.toUtf8().constData(), 0);
    av_opt_set(encoder->priv_data, "profile", rung.spec.profile.toUtf8().constData(), 0);
    // Closed GOPs without scene-cut keyframes: each segment starts with an IDR, and only there.
    av_opt_set(encoder->priv_data, "x264-params", "scenecut=0:open-gop=0", 0);
    av_opt_set_int(encoder->priv_data, "forced-idr", 1, 0);
    int ret = avcodec_open2(encoder, codec, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("libx264 refused the %1 rung (%2) — choose another preset")
                     .arg(rung.spec.name, avErrorString(ret));
        return false;
    }
    m_videoParameters.reset(avcodec_parameters_alloc());
    avcodec_parameters_from_context(m_videoParameters.get(), encoder);

    IngestSession session;
    session.channelId = m_setup.channelId;
    session.url = m_setup.segmenter.rendition;
    session.realTime = m_setup.realTime;
    session.number = 1;
    SourceStream video;
    video.index = 0;
    video.codecpar = m_videoParameters.get();
    video.timeBase = m_setup.timeBase;
    video.frameRate = m_setup.frameRate;
    session.streams.push_back(video);
    if (m_setup.audio) {
        m_audioParameters.reset(avcodec_parameters_alloc());
        avcodec_parameters_copy(m_audioParameters.get(), m_setup.audio);
        SourceStream audio;
        audio.index = 1;
        audio.codecpar = m_audioParameters.get();
        audio.timeBase = m_setup.audioTimeBase;
        session.streams.push_back(audio);
    }
    SegmenterOptions options = m_setup.segmenter;
    options.channelId = m_setup.channelId;
    m_segmenter = std::make_unique<Segmenter>(m_store, options);
    if (!m_segmenter->sessionStarted(session, error))
        return false;

    return true;
}

void RungEncoder::pushFrame(AvFramePtr frame, bool keyframe)
{
    frame->pict_type = keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
    std::unique_lock lock(m_mutex);
    if (m_shed || !m_thread)
        return;
    if (m_queuedFrames >= m_queueFrames) {
        if (m_setup.realTime && !keyframe) {
            ++m_figures.framesDropped;
            return;
        }
        m_changed.wait(lock, [this] { return m_queuedFrames < m_queueFrames || m_shed; });
        if (m_shed)
            return;
    }
    m_queue.push_back({std::move(frame), nullptr, false});
    ++m_queuedFrames;
    m_changed.notify_all();
}

void RungEncoder::pushAudio(AvPacketPtr packet)
{
    const std::lock_guard lock(m_mutex);
    if (m_shed || !m_thread)
        return;
    m_queue.push_back({nullptr, std::move(packet), false});
    m_changed.notify_all();
}

void RungEncoder::finish()
{
    if (!m_thread)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back({nullptr, nullptr, true});
        m_changed.notify_all();
    }
    m_thread->wait();
    m_thread.reset();
}

void RungEncoder::shed()
{
    const std::lock_guard lock(m_mutex);
    m_shedding = true;
}

RungEncoder::Figures RungEncoder::figures() const
{
    const std::lock_guard lock(m_mutex);
    Figures figures = m_figures;
    if (m_running) {
        const auto now = std::chrono::steady_clock::now();
        auto idle = m_idle;
        if (m_waiting)
            idle += now - m_waitingSince;
        figures.busyMs
            = std::chrono::duration_cast<std::chrono::milliseconds>(now - m_startedAt - idle)
                  .count();
    }
    return figures;
}

void RungEncoder::run()
{
    auto lastProgress = std::chrono::steady_clock::now();
    {
        const std::lock_guard lock(m_mutex);
        m_startedAt = lastProgress;
        m_running = true;
    }
    int64_t shedAtUs = AV_NOPTS_VALUE; // the boundary the rung was shed at
    for (;;) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            if (m_queue.empty() && !m_shed) {
                m_waiting = true;
                m_waitingSince = std::chrono::steady_clock::now();
                m_changed.wait(lock, [this] { return !m_queue.empty() || m_shed; });
                m_waiting = false;
                m_idle += std::chrono::steady_clock::now() - m_waitingSince;
            }
            if (m_shed)
                break;
            item = std::move(m_queue.front());
            m_queue.pop_front();
            if (item.frame)
                --m_queuedFrames;
            // Shed at the next segment boundary, so the last segment is whole and lasts what
            // the other rungs' segment there lasts.
            if (m_shedding && item.frame && item.frame->pict_type == AV_PICTURE_TYPE_I) {
                m_shed = true;
                m_queue.clear();
                m_queuedFrames = 0;
            }
            m_changed.notify_all();
            if (m_shed) {
                lock.unlock();
                encode(nullptr);
                shedAtUs = toUs(item.frame->pts, m_setup.timeBase);
                releaseAudio(shedAtUs);
                m_heldAudio.clear();
                break;
            }
        }
        if (item.end) {
            encode(nullptr);
            break;
        }
        if (item.audio) {
            m_heldAudio.push_back(std::move(item.audio));
            continue;
        }
        encode(item.frame.get());
        if (std::chrono::steady_clock::now() - lastProgress >= kProgressInterval) {
            lastProgress = std::chrono::steady_clock::now();
            if (m_setup.onProgress)
                m_setup.onProgress();
        }
    }
    releaseAudio(INT64_MAX);
    if (shedAtUs != AV_NOPTS_VALUE)
        m_segmenter->endSessionAt(shedAtUs);
    else
        m_segmenter->sessionEnded();
    {
        const std::lock_guard lock(m_mutex);
        m_figures.busyMs = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - m_startedAt - m_idle)
                               .count();
        m_running = false;
    }
    if (m_setup.onProgress)
        m_setup.onProgress();
}

void RungEncoder::encode(AVFrame *source)
{
    AvFramePtr scaled;
    AVFrame *input = source;
    if (source
        && (source->width != m_setup.rung.width || source->height != m_setup.rung.height
            || source->format != AV_PIX_FMT_YUV420P)) {
        // As ffmpeg's scale filter does by default.
        m_scaler = sws_getCachedContext(m_scaler, source->width, source->height,
            AVPixelFormat(source->format), m_setup.rung.width, m_setup.rung.height,
            AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr);
        scaled = makeAvFrame();
        scaled->width = m_setup.rung.width;
        scaled->height = m_setup.rung.height;
        scaled->format = AV_PIX_FMT_YUV420P;
        if (!m_scaler || av_frame_get_buffer(scaled.get(), 0) < 0) {
            const std::lock_guard lock(m_mutex);
            ++m_figures.framesDropped;
            return;
        }
        sws_scale(m_scaler, source->data, source->linesize, 0, source->height, scaled->data,
            scaled->linesize);
        scaled->pts = source->pts;
        scaled->pict_type = source->pict_type;
        input = scaled.get();
    }
    if (input && m_feeds && !m_feeds->isShed()) {
        // The picture as this rung encodes it (the source's, should a changed source need no
        // scaling). A frame this rung dropped is not passed on either: the smaller rung's frame
        // rate shows it.
        AvFramePtr copy(av_frame_clone(input));
        if (copy)
            m_feeds->pushFrame(std::move(copy), input->pict_type == AV_PICTURE_TYPE_I);
    }
    if (input)
        input->sample_aspect_ratio = {1, 1};
    if (avcodec_send_frame(m_encoder.get(), input) < 0) {
        if (source) {
            const std::lock_guard lock(m_mutex);
            ++m_figures.framesDropped;
        }
        return;
    }
    if (source) {
        const std::lock_guard lock(m_mutex);
        ++m_figures.framesEncoded;
        const int64_t ptsUs = toUs(source->pts, m_setup.timeBase);
        if (m_firstPtsUs == AV_NOPTS_VALUE)
            m_firstPtsUs = ptsUs;
        m_figures.mediaUs = std::max(m_figures.mediaUs, ptsUs - m_firstPtsUs);
    }
    while (avcodec_receive_packet(m_encoder.get(), m_packet.get()) >= 0) {
        handleVideoPacket(m_packet.get());
        av_packet_unref(m_packet.get());
    }
}

void RungEncoder::handleVideoPacket(AVPacket *packet)
{
    const bool key = packet->flags & AV_PKT_FLAG_KEY;
    bool known;
    {
        const std::lock_guard lock(m_mutex);
        m_figures.videoBytes += packet->size;
        known = !m_figures.codecs.isEmpty();
    }
    if (key) {
        if (!known) {
            const QString codecs = codecstring::avc1(QByteArray::fromRawData(
                reinterpret_cast<const char *>(packet->data), packet->size));
            const std::lock_guard lock(m_mutex);
            m_figures.codecs = codecs;
        }
    }
    // Audio that starts before a keyframe belongs to the segment the keyframe ends; audio
    // before any other packet's decoding time may go now.
    const int64_t limit = key ? packet->pts : packet->dts;
    if (limit != AV_NOPTS_VALUE)
        releaseAudio(toUs(limit, m_setup.timeBase));
    packet->stream_index = 0;
    m_segmenter->packetReceived(*packet);
}

void RungEncoder::releaseAudio(int64_t limitUs)
{
    while (!m_heldAudio.empty()) {
        AVPacket *audio = m_heldAudio.front().get();
        const int64_t pts = audio->pts != AV_NOPTS_VALUE ? audio->pts : audio->dts;
        if (limitUs != INT64_MAX && pts != AV_NOPTS_VALUE
            && toUs(pts, m_setup.audioTimeBase) >= limitUs)
            return;
        audio->stream_index = 1;
        m_segmenter->packetReceived(*audio);
        m_heldAudio.pop_front();
    }
}

} // namespace panelx
