#include "hls/Segmenter.h"

#include "av/AvError.h"
#include "hls/SegmentStore.h"

extern "C" {
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QStorageInfo>
#include <algorithm>
#include <cerrno>

namespace panelx {

namespace {

// A keyframe this close before the target still cuts: timestamps of sources at 29.97 fps or
// with rounding land a little short of whole seconds.
constexpr int64_t kCutToleranceUs = 100'000;
// Timestamps that go back more than this, or leap forward more than kMaxForwardGapUs, mean the
// source restarted or wrapped: a new muxer and a discontinuity, not an error.
constexpr int64_t kMaxBackwardJumpUs = 1'000'000;
constexpr int64_t kMaxForwardGapUs = 15'000'000;

int64_t toUs(int64_t value, AVRational timeBase)
{
    return av_rescale_q(value, timeBase, AV_TIME_BASE_Q);
}

// The one message for a data folder that cannot take more segments, with what to do about it.
// Empty when `error` is not about the folder itself.
QString describeStorageError(int error, const QString &folder)
{
    const QStorageInfo storage(folder);
    const QString where = QDir::toNativeSeparators(storage.isValid() ? storage.rootPath() : folder);
    if (error == AVERROR(ENOSPC) || error == AVERROR(EDQUOT)) {
        return QStringLiteral("disk full: %1 MB free in %2 — lower the buffer or free space; "
                              "the channel resumes by itself")
            .arg(std::max<qint64>(storage.bytesAvailable(), 0) / (1024 * 1024))
            .arg(where);
    }
    if (error == AVERROR(EROFS) || error == AVERROR(EACCES) || error == AVERROR(EPERM)) {
        return QStringLiteral("the data folder %1 cannot be written (%2) — make it writable or "
                              "choose another with --data-dir; the channel resumes by itself")
            .arg(QDir::toNativeSeparators(folder), avErrorString(error));
    }
    return {};
}

} // namespace

Segmenter::Segmenter(SegmentStore &store, SegmenterOptions options)
    : m_store(store), m_options(std::move(options)), m_scratch(makeAvPacket())
{
}

Segmenter::~Segmenter()
{
    sessionEnded();
}

void Segmenter::setTargetDurationMs(int targetDurationMs)
{
    m_options.targetDurationMs
        = std::clamp(targetDurationMs, kMinSegmentDurationMs, kMaxSegmentDurationMs);
}

bool Segmenter::canCarry(const AVCodecParameters &codecpar, QString *why)
{
    switch (codecpar.codec_id) {
    case AV_CODEC_ID_H264:
    case AV_CODEC_ID_HEVC:
    case AV_CODEC_ID_MPEG2VIDEO:
    case AV_CODEC_ID_MPEG1VIDEO:
    case AV_CODEC_ID_MPEG4:
    case AV_CODEC_ID_AAC:
    case AV_CODEC_ID_AAC_LATM:
    case AV_CODEC_ID_MP3:
    case AV_CODEC_ID_MP2:
    case AV_CODEC_ID_AC3:
    case AV_CODEC_ID_EAC3:
    case AV_CODEC_ID_OPUS:
        return true;
    default:
        break;
    }
    if (why) {
        const char *kind = codecpar.codec_type == AVMEDIA_TYPE_VIDEO ? "video" : "audio";
        *why = QStringLiteral("%1 codec %2 cannot be carried in HLS MPEG-TS; transcoding comes "
                              "later")
                   .arg(QLatin1String(kind), QLatin1String(avcodec_get_name(codecpar.codec_id)));
    }
    return false;
}

bool Segmenter::sessionStarted(const IngestSession &session, QString *error)
{
    sessionEnded();
    m_session = session;
    m_tracks.clear();
    m_sourceIndexByOut.clear();
    m_referenceIndex = -1;
    m_hasVideo = false;

    // The first video stream, and every audio stream MPEG-TS can carry. A video codec it
    // cannot carry refuses the session rather than silently dropping the picture; so does a
    // source whose audio tracks are all uncarriable.
    QString audioRefusal;
    bool anyAudio = false;
    for (const SourceStream &stream : session.streams) {
        const AVMediaType type = stream.codecpar->codec_type;
        if (type == AVMEDIA_TYPE_VIDEO && !m_hasVideo) {
            if (!canCarry(*stream.codecpar, error))
                return false;
            m_hasVideo = true;
        } else if (type == AVMEDIA_TYPE_AUDIO) {
            anyAudio = true;
            if (!canCarry(*stream.codecpar, audioRefusal.isEmpty() ? &audioRefusal : nullptr))
                continue;
        } else {
            continue;
        }
        if (stream.index >= int(m_tracks.size()))
            m_tracks.resize(stream.index + 1);
        Track &track = m_tracks[stream.index];
        track.outIndex = int(m_sourceIndexByOut.size());
        track.inTimeBase = stream.timeBase;
        if (type == AVMEDIA_TYPE_VIDEO && stream.frameRate.num > 0)
            track.frameDurationUs = av_rescale_q(1, av_inv_q(stream.frameRate), AV_TIME_BASE_Q);
        m_sourceIndexByOut.push_back(stream.index);
        if (type == AVMEDIA_TYPE_VIDEO || m_referenceIndex < 0)
            m_referenceIndex = stream.index;
    }
    if (anyAudio && !audioRefusal.isEmpty()
        && m_sourceIndexByOut.size() == (m_hasVideo ? 1u : 0u)) {
        *error = audioRefusal;
        return false;
    }
    if (m_sourceIndexByOut.empty()) {
        *error = QStringLiteral("no audio or video stream found in %1")
                     .arg(describeUrlTarget(session.url));
        return false;
    }

    // The first segment after every (re)start is a discontinuity if the channel has segments.
    const std::optional<SegmentInfo> last = m_store.last(m_options.channelId, m_options.rendition);
    m_pendingDiscontinuity = last.has_value();
    m_discontinuitySequence = last ? last->discontinuitySequence : 0;
    m_wallClock.restart(session.realTime);
    m_reportedError.clear();
    m_waitingSinceUs = AV_NOPTS_VALUE;
    return createMuxer(error);
}

bool Segmenter::createMuxer(QString *error)
{
    AVFormatContext *context = nullptr;
    int ret = avformat_alloc_output_context2(&context, nullptr, "mpegts", nullptr);
    m_muxer.reset(context);
    if (ret < 0) {
        *error = QStringLiteral("the MPEG-TS muxer is missing from this libav build (%1)")
                     .arg(avErrorString(ret));
        return false;
    }
    // As ffmpeg does by default: PCR leads DTS by up to 0.7 s, and audio is packed into
    // fewer, larger PES packets.
    m_muxer->max_delay = 700'000;
    // Source timestamps are kept as they are. Shifting them (libav's default) is decided on
    // the first packet and fails when a later stream starts earlier, e.g. AAC priming
    // samples; the muxer's 0.7 s delay keeps such slightly negative times positive anyway.
    m_muxer->avoid_negative_ts = AVFMT_AVOID_NEG_TS_DISABLED;
    for (int sourceIndex : m_sourceIndexByOut) {
        const SourceStream *source = nullptr;
        for (const SourceStream &stream : m_session.streams) {
            if (stream.index == sourceIndex)
                source = &stream;
        }
        AVStream *out = avformat_new_stream(m_muxer.get(), nullptr);
        if (!out || avcodec_parameters_copy(out->codecpar, source->codecpar) < 0) {
            *error = QStringLiteral("out of memory setting up the segmenter");
            return false;
        }
        out->codecpar->codec_tag = 0;
        out->time_base = {1, 90000};
    }
    m_headerWritten = false;
    return true;
}

void Segmenter::destroyMuxer()
{
    // A muxer whose header was written but that has no open segment (its next segment could
    // not be opened) is torn down by avformat_free_context.
    m_muxer.reset();
    m_headerWritten = false;
}

bool Segmenter::openSegment(int64_t startUs)
{
    QString error;
    if (!m_store.prepareTempPath(m_options.channelId, m_options.rendition, &error)) {
        reportWriteError(0, error);
        return false;
    }
    m_tempPath = m_store.tempPath(m_options.channelId, m_options.rendition);
    // "file:" so a data folder with a colon in its name is never taken for a protocol.
    const QByteArray url = QStringLiteral("file:%1").arg(m_tempPath).toUtf8();
    int ret = avio_open2(&m_muxer->pb, url.constData(), AVIO_FLAG_WRITE, nullptr, nullptr);
    if (ret < 0) {
        reportWriteError(ret,
            QStringLiteral("cannot write a new segment: %1").arg(describeAvError(ret, m_tempPath)));
        return false;
    }
    if (!m_headerWritten) {
        ret = avformat_write_header(m_muxer.get(), nullptr);
        if (ret < 0) {
            reportWriteError(ret,
                QStringLiteral("the MPEG-TS muxer refused the streams (%1)")
                    .arg(avErrorString(ret)));
            avio_closep(&m_muxer->pb);
            QFile::remove(m_tempPath);
            return false;
        }
        m_headerWritten = true;
        for (Track &track : m_tracks) {
            if (track.outIndex >= 0)
                track.outTimeBase = m_muxer->streams[track.outIndex]->time_base;
        }
    } else {
        // PAT and PMT at the start of every segment so each one decodes on its own (video
        // keyframes force them anyway; audio-only segments need the flag).
        av_opt_set(m_muxer->priv_data, "mpegts_flags", "+resend_headers", 0);
    }
    m_segmentOpen = true;
    m_segmentStartUs = startUs;
    m_segmentEndUs = startUs;
    m_segmentDiscontinuity = m_pendingDiscontinuity;
    m_pendingDiscontinuity = false;
    return true;
}

void Segmenter::closeSegment(int64_t endUs, bool lastOfMuxer)
{
    if (!m_segmentOpen)
        return;
    m_segmentOpen = false;
    // The PES data the muxer still holds belongs to this segment. The trailer also tears the
    // muxer down, so after it only destroyMuxer() may follow.
    if (lastOfMuxer) {
        av_write_trailer(m_muxer.get());
        m_headerWritten = false;
    } else {
        av_write_frame(m_muxer.get(), nullptr);
    }
    avio_flush(m_muxer->pb);
    const bool writeFailed = m_muxer->pb->error < 0;
    const int writeError = m_muxer->pb->error;
    avio_closep(&m_muxer->pb);
    qint64 durationMs = std::max<int64_t>((endUs - m_segmentStartUs + 500) / 1000, 1);
    // Placed even when lost, so the next segment continues the timeline after it.
    WallClockAnchor::Placement placement;
    qint64 sequence = 0;
    if (m_options.grid) {
        const SegmentGrid::Slot slot = m_options.grid->place(m_segmentStartUs, durationMs);
        placement = {slot.startUtcMs, slot.discontinuity};
        durationMs = slot.durationMs;
        sequence = slot.sequence;
    } else {
        placement = m_wallClock.place(m_segmentStartUs, durationMs);
    }
    if (writeFailed) {
        reportWriteError(writeError,
            QStringLiteral("a segment could not be written: %1")
                .arg(describeAvError(writeError, m_tempPath)));
        QFile::remove(m_tempPath);
        m_pendingDiscontinuity = true;
        return;
    }

    SegmentInfo info;
    info.channelId = m_options.channelId;
    info.rendition = m_options.rendition;
    info.sequence = sequence;
    info.durationMs = durationMs;
    info.startUtcMs = placement.startUtcMs;
    info.discontinuity = m_segmentDiscontinuity || placement.discontinuity;
    if (info.discontinuity)
        ++m_discontinuitySequence;
    info.discontinuitySequence = m_discontinuitySequence;

    QString error;
    if (!m_store.commit(info, &error)) {
        reportWriteError(0, error);
        QFile::remove(m_tempPath);
        // The segment is lost: what follows does not continue it, and this discontinuity was
        // never stored, so it is not counted.
        if (info.discontinuity)
            --m_discontinuitySequence;
        m_pendingDiscontinuity = true;
        return;
    }
    ++m_segmentsCommitted;
    m_reportedError.clear();
    if (m_options.onCommitted)
        m_options.onCommitted(info);
    if (m_options.applyRetention)
        m_store.requestRetention(m_options.channelId, m_options.bufferMs);
}

void Segmenter::restartAfterTimestampJump()
{
    closeSegment(m_segmentEndUs, true);
    destroyMuxer();
    QString error;
    if (!createMuxer(&error))
        report(error);
    for (Track &track : m_tracks)
        track.lastDtsUs = AV_NOPTS_VALUE;
    m_waitingSinceUs = AV_NOPTS_VALUE;
    m_pendingDiscontinuity = true;
    // Media times before and after the jump share no origin.
    m_wallClock.restart(m_session.realTime);
}

void Segmenter::packetReceived(const AVPacket &packet)
{
    if (!m_muxer || packet.stream_index < 0 || packet.stream_index >= int(m_tracks.size()))
        return;
    Track &track = m_tracks[packet.stream_index];
    if (track.outIndex < 0)
        return;
    int64_t dts = packet.dts != AV_NOPTS_VALUE ? packet.dts : packet.pts;
    if (dts == AV_NOPTS_VALUE) {
        ++m_packetsDropped; // MPEG-TS cannot place a packet without a time
        return;
    }
    const int64_t pts = packet.pts != AV_NOPTS_VALUE ? packet.pts : dts;
    const int64_t dtsUs = toUs(dts, track.inTimeBase);
    const int64_t ptsUs = toUs(pts, track.inTimeBase);

    if (track.lastDtsUs != AV_NOPTS_VALUE) {
        if (dtsUs <= track.lastDtsUs) {
            if (track.lastDtsUs - dtsUs <= kMaxBackwardJumpUs) {
                ++m_packetsDropped; // a glitch: the muxer needs strictly increasing DTS
                return;
            }
            restartAfterTimestampJump();
        } else if (dtsUs - track.lastDtsUs > kMaxForwardGapUs) {
            restartAfterTimestampJump();
        }
        if (!m_muxer)
            return;
    }

    const bool isReference = packet.stream_index == m_referenceIndex;
    if (isReference && m_options.grid)
        m_options.grid->observe(dtsUs, m_options.utcNowMs());
    else if (isReference)
        m_wallClock.observe(dtsUs, m_options.utcNowMs());
    const bool isKey = packet.flags & AV_PKT_FLAG_KEY;
    const bool cutPoint = isReference && (isKey || !m_hasVideo);
    const int64_t targetUs = int64_t(m_options.targetDurationMs) * 1000;
    // A source whose keyframes are far apart (or never flagged) still gets segments, cut
    // without a keyframe, and no segment is ever longer than this: playlists declare it as
    // their constant EXT-X-TARGETDURATION.
    const int64_t longestUs = int64_t(longestSegmentMs(m_options.targetDurationMs)) * 1000;
    const int64_t durationUs
        = packet.duration > 0 ? toUs(packet.duration, track.inTimeBase) : track.frameDurationUs;
    if (!m_segmentOpen) {
        // Every segment starts on a keyframe (on the reference audio for audio-only sources).
        bool open = cutPoint;
        if (!open && isReference) {
            if (m_waitingSinceUs == AV_NOPTS_VALUE)
                m_waitingSinceUs = ptsUs;
            open = ptsUs - m_waitingSinceUs >= longestUs;
        }
        if (!open || !openSegment(ptsUs)) {
            ++m_packetsDropped;
            return;
        }
        m_waitingSinceUs = AV_NOPTS_VALUE;
    } else if (isReference) {
        const int64_t elapsedUs = ptsUs - m_segmentStartUs;
        if ((cutPoint && elapsedUs >= targetUs - kCutToleranceUs)
            || elapsedUs + durationUs > longestUs) {
            // After a hole in the timestamps the segment ends with its last packet, so it
            // stays within the bound too.
            closeSegment(elapsedUs > longestUs ? m_segmentEndUs : ptsUs);
            if (!openSegment(ptsUs)) {
                ++m_packetsDropped;
                return;
            }
        }
    }

    AVPacket *out = m_scratch.get();
    if (av_packet_ref(out, &packet) < 0) {
        ++m_packetsDropped;
        return;
    }
    out->stream_index = track.outIndex;
    out->pts = pts;
    out->dts = dts;
    av_packet_rescale_ts(out, track.inTimeBase, track.outTimeBase);
    out->pos = -1;
    const int ret = av_write_frame(m_muxer.get(), out);
    av_packet_unref(out);
    if (ret < 0) {
        ++m_packetsDropped;
        reportWriteError(
            ret, QStringLiteral("a packet could not be written (%1)").arg(avErrorString(ret)));
        return;
    }
    track.lastDtsUs = dtsUs;
    if (isReference)
        m_segmentEndUs = std::max(m_segmentEndUs, ptsUs + durationUs);
}

void Segmenter::sessionEnded()
{
    endSessionAt(m_segmentEndUs);
}

void Segmenter::endSessionAt(int64_t endUs)
{
    if (!m_muxer)
        return;
    closeSegment(std::max(m_segmentEndUs, endUs), true);
    destroyMuxer();
    m_session = {};
}

void Segmenter::reportWriteError(int error, const QString &message)
{
    const QString storageProblem = describeStorageError(error, m_store.rootDir());
    const QString text = storageProblem.isEmpty() ? message : storageProblem;
    // One message per problem until a segment is committed again: a full disk fails every
    // keyframe, and the free space in the message changes as other files come and go.
    const QString key = storageProblem.isEmpty() ? message : QString::number(error);
    if (key == m_reportedError)
        return;
    m_reportedError = key;
    report(text);
}

void Segmenter::report(const QString &message)
{
    qWarning().noquote() << "Channel" << m_options.channelId << m_options.rendition << ":"
                         << message;
    if (m_options.onError)
        m_options.onError(message);
}

} // namespace panelx
