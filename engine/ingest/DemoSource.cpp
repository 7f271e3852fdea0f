#include "ingest/DemoSource.h"

#include "av/AvError.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/channel_layout.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

#include <QFile>

namespace panelx {

namespace {

const char *const kFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

constexpr int kVideoIndex = 0;
constexpr int kAudioIndex = 1;

} // namespace

DemoSource::DemoSource(SourceControl &control) : m_control(control) { }

DemoSource::~DemoSource()
{
    // The AAC encoder holds a few frames back; drained (the packets are not wanted any more)
    // it does not warn "frames left in the queue on closing" at every stop of the channel.
    AVCodecContext *audio = m_audioEncoder.get();
    if (!audio || !avcodec_is_open(audio) || avcodec_send_frame(audio, nullptr) < 0)
        return;
    AvPacketPtr packet = makeAvPacket();
    while (avcodec_receive_packet(audio, packet.get()) >= 0)
        av_packet_unref(packet.get());
}

QString DemoSource::filterDescription(bool withText)
{
    QString video
        = QStringLiteral("testsrc2=s=%1x%2:r=%3").arg(kWidth).arg(kHeight).arg(kFrameRate);
    if (withText) {
        // The clock is the wall clock when the frame is drawn, which is when it is sent: the
        // source runs at real time.
        const QString font = QString::fromLatin1(kFontFile);
        video += QStringLiteral(
            ",drawtext=fontfile=%1:text='%{localtime\\:%T}':fontsize=96:fontcolor=white"
            ":box=1:boxcolor=black@0.6:boxborderw=16:x=(w-text_w)/2:y=h-text_h-60"
            ",drawtext=fontfile=%1:text='PanelX demo':fontsize=40:fontcolor=white"
            ":x=40:y=60")
                     .arg(font);
    }
    video += QStringLiteral(",format=yuv420p[v]");
    const QString audio = QStringLiteral("sine=frequency=440:beep_factor=2:sample_rate=%1"
                                         ":samples_per_frame=1024,"
                                         "aformat=sample_fmts=fltp:channel_layouts=stereo[a]")
                              .arg(kSampleRate);
    return video + QLatin1Char(';') + audio;
}

bool DemoSource::buildGraph(bool withText, QString *error)
{
    m_graph.reset(avfilter_graph_alloc());
    if (!m_graph) {
        *error = QStringLiteral("demo pattern: out of memory");
        return false;
    }
    // One thread: the pattern is cheap, and a thread pool per channel is not.
    m_graph->nb_threads = 1;

    AVFilterInOut *rawInputs = nullptr;
    AVFilterInOut *rawOutputs = nullptr;
    const QByteArray description = filterDescription(withText).toUtf8();
    int ret
        = avfilter_graph_parse2(m_graph.get(), description.constData(), &rawInputs, &rawOutputs);
    AvFilterInOutPtr inputs(rawInputs);
    AvFilterInOutPtr outputs(rawOutputs);
    if (ret < 0) {
        *error = QStringLiteral("demo pattern: the filter graph cannot be built (%1)")
                     .arg(avErrorString(ret));
        return false;
    }
    for (AVFilterInOut *out = outputs.get(); out; out = out->next) {
        const bool isVideo = qstrcmp(out->name, "v") == 0;
        AVFilterContext *sink = nullptr;
        ret = avfilter_graph_create_filter(&sink,
            avfilter_get_by_name(isVideo ? "buffersink" : "abuffersink"), isVideo ? "vout" : "aout",
            nullptr, nullptr, m_graph.get());
        if (ret >= 0)
            ret = avfilter_link(out->filter_ctx, out->pad_idx, sink, 0);
        if (ret < 0) {
            *error = QStringLiteral("demo pattern: %1").arg(avErrorString(ret));
            return false;
        }
        (isVideo ? m_videoSink : m_audioSink) = sink;
    }
    ret = avfilter_graph_config(m_graph.get(), nullptr);
    if (ret < 0 || !m_videoSink || !m_audioSink) {
        *error = QStringLiteral("demo pattern: the filter graph cannot be configured (%1)")
                     .arg(avErrorString(ret));
        return false;
    }
    return true;
}

bool DemoSource::openEncoders(QString *error)
{
    const AVCodec *h264 = avcodec_find_encoder_by_name("libx264");
    if (!h264)
        h264 = avcodec_find_encoder(AV_CODEC_ID_H264);
    const AVCodec *aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!h264 || !aac) {
        *error = QStringLiteral("demo pattern: this libav build has no %1 encoder — install "
                                "the distribution's libavcodec with libx264")
                     .arg(h264 ? QStringLiteral("AAC") : QStringLiteral("H.264"));
        return false;
    }

    m_videoEncoder.reset(avcodec_alloc_context3(h264));
    AVCodecContext *video = m_videoEncoder.get();
    video->width = kWidth;
    video->height = kHeight;
    video->pix_fmt = AV_PIX_FMT_YUV420P;
    video->time_base = av_buffersink_get_time_base(m_videoSink);
    video->framerate = {kFrameRate, 1};
    video->sample_aspect_ratio = {1, 1};
    // A fixed GOP with no scene-cut keyframes: segments of any whole number of seconds can be
    // cut exactly, and later ABR rungs line up with it.
    video->gop_size = kGopFrames;
    video->keyint_min = kGopFrames;
    video->max_b_frames = 0;
    video->thread_count = 1;
    video->rc_max_rate = 3'000'000;
    video->rc_buffer_size = 3'000'000;
    AvDictionary videoOptions;
    videoOptions.set("preset", "veryfast");
    videoOptions.set("tune", "zerolatency");
    videoOptions.set("crf", "23");
    videoOptions.set("x264-params", "scenecut=0:open-gop=0");
    // No global header: SPS/PPS go in-band before every keyframe, so each segment stands alone.
    int ret = avcodec_open2(video, h264, videoOptions.address());
    if (ret < 0) {
        *error = QStringLiteral("demo pattern: the H.264 encoder cannot be opened (%1)")
                     .arg(avErrorString(ret));
        return false;
    }

    m_audioEncoder.reset(avcodec_alloc_context3(aac));
    AVCodecContext *audio = m_audioEncoder.get();
    audio->sample_fmt = AV_SAMPLE_FMT_FLTP;
    audio->sample_rate = kSampleRate;
    av_channel_layout_default(&audio->ch_layout, 2);
    audio->bit_rate = 128'000;
    audio->time_base = av_buffersink_get_time_base(m_audioSink);
    ret = avcodec_open2(audio, aac, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("demo pattern: the AAC encoder cannot be opened (%1)")
                     .arg(avErrorString(ret));
        return false;
    }
    av_buffersink_set_frame_size(m_audioSink, audio->frame_size);

    m_videoPar.reset(avcodec_parameters_alloc());
    m_audioPar.reset(avcodec_parameters_alloc());
    avcodec_parameters_from_context(m_videoPar.get(), video);
    avcodec_parameters_from_context(m_audioPar.get(), audio);
    m_streams = {{kVideoIndex, m_videoPar.get(), video->time_base, video->framerate},
        {kAudioIndex, m_audioPar.get(), audio->time_base, {0, 1}}};
    return true;
}

bool DemoSource::open(QString *error)
{
    installAvLogCapture();
    m_started = false;
    m_videoSink = m_audioSink = nullptr;
    // The clock needs drawtext (libfreetype) and the DejaVu font; without them the pattern
    // still runs, just without text.
    const bool canDrawText
        = avfilter_get_by_name("drawtext") && QFile::exists(QString::fromLatin1(kFontFile));
    if (!(canDrawText && buildGraph(true, error))) {
        m_videoSink = m_audioSink = nullptr;
        if (!buildGraph(false, error))
            return false;
    }
    if (!openEncoders(error))
        return false;
    m_nextVideo = makeAvFrame();
    m_nextAudio = makeAvFrame();
    return pullFrame(m_videoSink, m_nextVideo.get(), error)
        && pullFrame(m_audioSink, m_nextAudio.get(), error);
}

bool DemoSource::pullFrame(AVFilterContext *sink, AVFrame *frame, QString *error)
{
    const int ret = av_buffersink_get_frame(sink, frame);
    if (ret < 0) {
        *error
            = QStringLiteral("demo pattern stopped producing frames (%1)").arg(avErrorString(ret));
        return false;
    }
    return true;
}

ReadResult DemoSource::read(AVPacket *packet, QString *error)
{
    for (;;) {
        if (avcodec_receive_packet(m_videoEncoder.get(), packet) == 0) {
            packet->stream_index = kVideoIndex;
            if (packet->duration == 0)
                packet->duration = 1; // one frame in the 1/25 time base
            return ReadResult::Packet;
        }
        if (avcodec_receive_packet(m_audioEncoder.get(), packet) == 0) {
            packet->stream_index = kAudioIndex;
            if (packet->duration == 0)
                packet->duration = m_audioEncoder->frame_size;
            return ReadResult::Packet;
        }

        // Neither encoder has output: feed the next frame that is due, at the time it is due.
        const int64_t videoDueUs
            = av_rescale_q(m_nextVideo->pts, m_videoEncoder->time_base, AV_TIME_BASE_Q);
        const int64_t audioDueUs
            = av_rescale_q(m_nextAudio->pts, m_audioEncoder->time_base, AV_TIME_BASE_Q);
        const bool videoFirst = videoDueUs <= audioDueUs;
        if (!m_started) {
            m_start = SourceControl::Clock::now();
            m_started = true;
        }
        const auto due = m_start + std::chrono::microseconds(videoFirst ? videoDueUs : audioDueUs);
        if (!m_control.waitUntil(due))
            return ReadResult::Stopped;

        AVCodecContext *encoder = videoFirst ? m_videoEncoder.get() : m_audioEncoder.get();
        AVFrame *frame = videoFirst ? m_nextVideo.get() : m_nextAudio.get();
        frame->pict_type = AV_PICTURE_TYPE_NONE;
        int ret = avcodec_send_frame(encoder, frame);
        av_frame_unref(frame);
        if (ret < 0) {
            *error = QStringLiteral("demo pattern: encoding failed (%1)").arg(avErrorString(ret));
            return ReadResult::Failed;
        }
        if (!pullFrame(videoFirst ? m_videoSink : m_audioSink, frame, error))
            return ReadResult::Failed;
    }
}

} // namespace panelx
