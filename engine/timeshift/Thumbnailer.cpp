#include "timeshift/Thumbnailer.h"

#include "av/AvError.h"
#include "av/AvHandles.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QFile>
#include <algorithm>
#include <cmath>
#include <pthread.h>

namespace panelx::timeshift {

namespace {

const QString kStopping = QStringLiteral("PanelX is stopping; ask for the still again when it "
                                         "runs");
const QString kBusy = QStringLiteral("PanelX was asked for many stills at once and left this one "
                                     "out; ask for it again");
// MJPEG's quantiser scale (ffmpeg's -q:v): 2 is the finest, 31 the coarsest. At 160 px wide a
// still of 5 is a few kilobytes and shows no blocks.
constexpr int kJpegQuantiser = 5;
// A sample aspect ratio that would make a still taller than this many times its width is
// damaged, not a picture.
constexpr int kMaxHeightPerWidth = 4;

// A video decoder open on the segment's first video stream.
struct VideoInput {
    AvInputContextPtr format;
    AvCodecContextPtr decoder;
    int stream = -1;
};

QString openVideo(const QString &file, VideoInput &input)
{
    clearLastAvLogError();
    AVFormatContext *raw = nullptr;
    // "file:" so that a name with a colon is not taken for a protocol.
    const QByteArray url = QByteArrayLiteral("file:") + QFile::encodeName(file);
    int result = avformat_open_input(&raw, url.constData(), nullptr, nullptr);
    if (result < 0)
        return QStringLiteral("cannot open the segment: %1").arg(describeAvError(result, file));
    input.format.reset(raw);
    // No avformat_find_stream_info: a segment's program table, read on opening, names its
    // streams, and the probe would decode several pictures to learn what the decoder learns
    // from the first (it took 20 of 65 ms for a 1080p segment).
    const AVCodec *codec = nullptr;
    result = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (result == AVERROR_DECODER_NOT_FOUND) {
        const AVStream *video = nullptr;
        for (unsigned i = 0; i < raw->nb_streams && !video; ++i)
            if (raw->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
                video = raw->streams[i];
        return QStringLiteral("this FFmpeg has no decoder for the %1 video of %2; install "
                              "Debian's libavcodec59, which decodes it")
            .arg(QLatin1String(
                     avcodec_get_name(video ? video->codecpar->codec_id : AV_CODEC_ID_NONE)),
                file);
    }
    if (result < 0)
        return QStringLiteral("%1 holds no video stream (audio only, or not a video segment), "
                              "so it has no picture to show")
            .arg(file);
    input.stream = result;
    input.decoder.reset(avcodec_alloc_context3(codec));
    if (!input.decoder
        || avcodec_parameters_to_context(input.decoder.get(), raw->streams[result]->codecpar) < 0)
        return QStringLiteral("out of memory");
    // One thread: frame threading would hold the first picture back behind several packets.
    input.decoder->thread_count = 1;
    result = avcodec_open2(input.decoder.get(), codec, nullptr);
    if (result < 0)
        return QStringLiteral("the %1 decoder refused the video of %2 (%3)")
            .arg(QLatin1String(codec->name), file, avErrorString(result));
    return {};
}

// The first picture the decoder gives; packets it cannot decode are passed over.
QString decodeFirstPicture(const QString &file, VideoInput &input, AVFrame &picture)
{
    AVCodecContext *decoder = input.decoder.get();
    AvPacketPtr packet = makeAvPacket();
    if (!packet)
        return QStringLiteral("out of memory");
    // A read error is the end of a damaged segment: the pictures decoded so far still count.
    while (av_read_frame(input.format.get(), packet.get()) >= 0) {
        const bool video = packet->stream_index == input.stream;
        const bool key = packet->flags & AV_PKT_FLAG_KEY;
        const int sent = video ? avcodec_send_packet(decoder, packet.get()) : -1;
        av_packet_unref(packet.get());
        if (sent < 0)
            continue;
        if (avcodec_receive_frame(decoder, &picture) >= 0)
            return {};
        if (key) {
            // The decoder holds the keyframe back to reorder it among the frames after it:
            // draining hands it out without decoding those.
            avcodec_send_packet(decoder, nullptr);
            if (avcodec_receive_frame(decoder, &picture) >= 0)
                return {};
            avcodec_flush_buffers(decoder);
        }
    }
    avcodec_send_packet(decoder, nullptr); // the pictures it holds back for reordering
    if (avcodec_receive_frame(decoder, &picture) >= 0)
        return {};
    return QStringLiteral("no picture could be decoded from %1; the segment is damaged or cut "
                          "short")
        .arg(file);
}

// The still's height for a picture of width × height whose pixels are `sar` wide: the display
// aspect kept, rounded to an even number (4:2:0 JPEG).
int stillHeight(int width, int height, AVRational sar)
{
    if (sar.num <= 0 || sar.den <= 0)
        sar = {1, 1};
    const double displayWidth = double(width) * sar.num / sar.den;
    const int even = 2 * int(std::lround(Thumbnailer::kWidth * height / displayWidth / 2.0));
    return std::clamp(even, 2, kMaxHeightPerWidth * Thumbnailer::kWidth);
}

// `picture` scaled to kWidth × `height`, full-range 4:2:0 with BT.601 colours, as JPEG has it.
AvFramePtr scale(const AVFrame &picture, int height, QString *error)
{
    // The scaler writes plain yuv420p with the range set below: asked for yuvj420p it warns
    // that the format is deprecated. The layout is the same, and the encoder wants yuvj420p.
    SwsContextPtr scaler(sws_getContext(picture.width, picture.height,
        AVPixelFormat(picture.format), Thumbnailer::kWidth, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC,
        nullptr, nullptr, nullptr));
    AvFramePtr still = makeAvFrame();
    if (!scaler || !still) {
        *error = QStringLiteral("cannot scale %1 pictures (%2x%3)")
                     .arg(QLatin1String(av_get_pix_fmt_name(AVPixelFormat(picture.format))))
                     .arg(picture.width)
                     .arg(picture.height);
        return {};
    }
    // AVColorSpace and SWS_CS_* share their numbers; an unknown one gets the default table.
    sws_setColorspaceDetails(scaler.get(), sws_getCoefficients(picture.colorspace),
        picture.color_range == AVCOL_RANGE_JPEG, sws_getCoefficients(SWS_CS_ITU601), 1, 0, 1 << 16,
        1 << 16);
    still->format = AV_PIX_FMT_YUVJ420P;
    still->width = Thumbnailer::kWidth;
    still->height = height;
    still->color_range = AVCOL_RANGE_JPEG;
    if (av_frame_get_buffer(still.get(), 0) < 0) {
        *error = QStringLiteral("out of memory");
        return {};
    }
    sws_scale(scaler.get(), picture.data, picture.linesize, 0, picture.height, still->data,
        still->linesize);
    return still;
}

QByteArray encodeJpeg(AVFrame &still, QString *error)
{
    const AVCodec *mjpeg = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    AvCodecContextPtr encoder(mjpeg ? avcodec_alloc_context3(mjpeg) : nullptr);
    if (!encoder) {
        *error = QStringLiteral("this FFmpeg has no MJPEG encoder for stills; install Debian's "
                                "libavcodec59");
        return {};
    }
    encoder->width = still.width;
    encoder->height = still.height;
    encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
    encoder->color_range = AVCOL_RANGE_JPEG;
    encoder->time_base = {1, 25};
    encoder->flags |= AV_CODEC_FLAG_QSCALE;
    encoder->global_quality = FF_QP2LAMBDA * kJpegQuantiser;
    still.quality = encoder->global_quality;
    still.pts = 0;
    AvPacketPtr packet = makeAvPacket();
    int result = packet ? avcodec_open2(encoder.get(), mjpeg, nullptr) : AVERROR(ENOMEM);
    if (result >= 0)
        result = avcodec_send_frame(encoder.get(), &still);
    if (result >= 0)
        result = avcodec_send_frame(encoder.get(), nullptr);
    if (result >= 0)
        result = avcodec_receive_packet(encoder.get(), packet.get());
    if (result < 0) {
        *error = QStringLiteral("the MJPEG encoder failed (%1)").arg(avErrorString(result));
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(packet->data), packet->size);
}

} // namespace

Thumbnailer::Thumbnailer(int cacheEntries)
    : m_cacheEntries(std::max(cacheEntries, 0)), m_thread([this] { run(); })
{
}

Thumbnailer::~Thumbnailer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    // What is left was queued and never started.
    for (const QList<Callback> &waiters : std::as_const(m_waiters))
        for (const Callback &callback : waiters)
            callback({{}, kStopping});
}

void Thumbnailer::request(const QString &segmentFile, Callback callback)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
        lock.unlock();
        callback({{}, kStopping});
        return;
    }
    if (const auto cached = m_cache.find(segmentFile); cached != m_cache.end()) {
        m_recent.splice(m_recent.begin(), m_recent, cached->use);
        const QByteArray jpeg = cached->jpeg;
        lock.unlock();
        callback({jpeg, {}});
        return;
    }
    QList<Callback> &waiters = m_waiters[segmentFile];
    const bool queued = waiters.isEmpty();
    waiters.append(std::move(callback));
    QList<Callback> leftOut;
    if (queued) {
        m_queue.push_back(segmentFile);
        if (m_queue.size() > size_t(kMaxQueued)) {
            leftOut = m_waiters.take(m_queue.front());
            m_queue.pop_front();
        }
    }
    lock.unlock();
    m_wake.notify_one();
    for (const Callback &waiter : std::as_const(leftOut))
        waiter({{}, kBusy});
}

std::uint64_t Thumbnailer::decodes() const
{
    std::lock_guard lock(m_mutex);
    return m_decodes;
}

Thumbnailer::Result Thumbnailer::make(const QString &segmentFile)
{
    VideoInput input;
    QString error = openVideo(segmentFile, input);
    if (!error.isEmpty())
        return {{}, error};
    AvFramePtr picture = makeAvFrame();
    if (!picture)
        return {{}, QStringLiteral("out of memory")};
    error = decodeFirstPicture(segmentFile, input, *picture);
    if (!error.isEmpty())
        return {{}, error};
    const AVRational sar = av_guess_sample_aspect_ratio(
        input.format.get(), input.format->streams[input.stream], picture.get());
    AvFramePtr still = scale(*picture, stillHeight(picture->width, picture->height, sar), &error);
    if (!still)
        return {{}, error};
    QByteArray jpeg = encodeJpeg(*still, &error);
    return {jpeg, error};
}

void Thumbnailer::run()
{
    pthread_setname_np(pthread_self(), "thumbnails");
    while (true) {
        QString file;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            file = m_queue.front();
            m_queue.pop_front();
            ++m_decodes;
        }
        const Result made = make(file);
        QList<Callback> waiters;
        {
            std::lock_guard lock(m_mutex);
            waiters = m_waiters.take(file);
            if (made.error.isEmpty())
                remember(file, made.jpeg);
        }
        for (const Callback &callback : std::as_const(waiters))
            callback(made);
    }
}

void Thumbnailer::remember(const QString &file, const QByteArray &jpeg)
{
    if (m_cacheEntries == 0 || m_cache.contains(file))
        return;
    m_recent.push_front(file);
    m_cache.insert(file, {jpeg, m_recent.begin()});
    while (m_cache.size() > m_cacheEntries) {
        m_cache.remove(m_recent.back());
        m_recent.pop_back();
    }
}

} // namespace panelx::timeshift
