#include "dvr/RecordingExport.h"

#include "av/AvError.h"
#include "av/AvHandles.h"

extern "C" {
#include <libavutil/mathematics.h>
}

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <vector>

namespace panelx {

namespace {

// Between two segments of one session the timestamps continue within a frame. A step back of
// more than kMaxBackwardJumpUs or forward of more than kMaxForwardGapUs means the source
// restarted (or segments are missing): the output closes the gap instead of following it.
constexpr int64_t kMaxBackwardJumpUs = 1'000'000;
constexpr int64_t kMaxForwardGapUs = 5'000'000;
// Progress is reported in steps of at least this fraction.
constexpr double kProgressStep = 0.005;

int64_t toUs(int64_t value, AVRational timeBase)
{
    return av_rescale_q(value, timeBase, AV_TIME_BASE_Q);
}

int64_t fromUs(int64_t valueUs, AVRational timeBase)
{
    return av_rescale_q(valueUs, AV_TIME_BASE_Q, timeBase);
}

QString nativeFolderOf(const QString &target)
{
    return QDir::toNativeSeparators(QFileInfo(target).absolutePath());
}

// Why the output could not be written, with what to do about it.
QString describeWriteError(int error, const QString &target)
{
    const QString folder = nativeFolderOf(target);
    if (error == AVERROR(ENOSPC) || error == AVERROR(EDQUOT))
        return QStringLiteral("the disk of %1 is full; free space or choose another folder")
            .arg(folder);
    if (error == AVERROR(EROFS) || error == AVERROR(EACCES) || error == AVERROR(EPERM))
        return QStringLiteral("the folder %1 cannot be written (%2); make it writable or choose "
                              "another folder")
            .arg(folder, avErrorString(error));
    if (error == AVERROR(ENOENT) || error == AVERROR(ENOTDIR))
        return QStringLiteral("the folder %1 does not exist; choose an existing folder")
            .arg(folder);
    return QStringLiteral("writing %1 failed (%2); try again or choose another folder")
        .arg(QDir::toNativeSeparators(target), avErrorString(error));
}

// A frame's duration in the stream's time base by its parameters (0 if they do not say): for
// packets that carry none.
int64_t frameDuration(const AVStream &stream)
{
    const AVCodecParameters &codecpar = *stream.codecpar;
    if (codecpar.codec_type == AVMEDIA_TYPE_AUDIO && codecpar.frame_size > 0
        && codecpar.sample_rate > 0)
        return av_rescale_q(codecpar.frame_size, {1, codecpar.sample_rate}, stream.time_base);
    if (codecpar.codec_type == AVMEDIA_TYPE_VIDEO && stream.avg_frame_rate.num > 0)
        return av_rescale_q(1, av_inv_q(stream.avg_frame_rate), stream.time_base);
    return 0;
}

bool usable(const AVCodecParameters &codecpar)
{
    switch (codecpar.codec_type) {
    case AVMEDIA_TYPE_VIDEO:
        return codecpar.codec_id != AV_CODEC_ID_NONE && codecpar.width > 0 && codecpar.height > 0;
    case AVMEDIA_TYPE_AUDIO:
        return codecpar.codec_id != AV_CODEC_ID_NONE && codecpar.sample_rate > 0
            && codecpar.ch_layout.nb_channels > 0;
    default:
        return false;
    }
}

bool hasUsableStream(const AVFormatContext &input)
{
    for (unsigned i = 0; i < input.nb_streams; ++i) {
        if (usable(*input.streams[i]->codecpar))
            return true;
    }
    return false;
}

int interruptCallback(void *opaque)
{
    const auto *cancel = static_cast<const std::atomic<bool> *>(opaque);
    return cancel && cancel->load(std::memory_order_relaxed) ? 1 : 0;
}

// Makes each PID's MPEG-TS continuity counter run on across the joins between parts. Each
// stored segment was written by a muxer of its own and starts its counters anew; unchanged,
// the demuxer would take every join for lost packets ("Packet corrupt"). Counter errors inside
// a part still show: a part's counters are shifted, not replaced.
class ContinuityJoiner {
public:
    void startPart()
    {
        m_seenInPart.fill(false);
        m_inPacket = 0;
        m_inStep = true;
    }

    // The next `size` bytes of the part, in any slicing.
    void join(uint8_t *data, qint64 size)
    {
        for (qint64 at = 0; at < size && m_inStep;) {
            if (m_inPacket >= kHeaderSize) { // payload: left alone
                const qint64 skip = std::min<qint64>(kPacketSize - m_inPacket, size - at);
                at += skip;
                m_inPacket = (m_inPacket + int(skip)) % kPacketSize;
                continue;
            }
            m_header[size_t(m_inPacket)] = data[at];
            if (m_inPacket == 0 && data[at] != kSyncByte) {
                m_inStep = false; // a damaged part: the demuxer resyncs, nothing is rewritten
                break;
            }
            if (m_inPacket == kHeaderSize - 1)
                data[at] = joinedCounterByte();
            ++m_inPacket;
            ++at;
        }
    }

private:
    static constexpr int kPacketSize = 188;
    static constexpr int kHeaderSize = 4;
    static constexpr uint8_t kSyncByte = 0x47;
    static constexpr size_t kPids = 8192;

    // The packet's last header byte with its counter moved by the part's shift for the PID.
    uint8_t joinedCounterByte()
    {
        const size_t pid = size_t(((m_header[1] & 0x1f) << 8) | m_header[2]);
        const bool payload = m_header[3] & 0x10;
        const int counter = m_header[3] & 0x0f;
        if (!m_seenInPart[pid]) {
            m_seenInPart[pid] = true;
            const int last = m_last[pid];
            const int expected = last < 0 ? counter : payload ? (last + 1) & 0x0f : last;
            m_shift[pid] = int8_t((expected - counter) & 0x0f);
        }
        const int joined = (counter + m_shift[pid]) & 0x0f;
        m_last[pid] = int8_t(joined);
        return uint8_t((m_header[3] & 0xf0) | joined);
    }

    static std::array<int8_t, kPids> filled(int8_t value)
    {
        std::array<int8_t, kPids> values;
        values.fill(value);
        return values;
    }

    std::array<int8_t, kPids> m_last = filled(-1); // last counter written per PID; -1: none
    std::array<int8_t, kPids> m_shift = filled(0); // added to the part's counters per PID
    std::array<bool, kPids> m_seenInPart = {};
    std::array<uint8_t, kHeaderSize> m_header = {};
    int m_inPacket = 0; // position in the current 188-byte packet
    bool m_inStep = true;
};

// The parts read one after the other as one MPEG-TS byte stream, as a player reads an HLS
// playlist: one demuxer (and one probe) for the whole recording, its parsers carried across the
// joins. A part that cannot be opened is passed over; which part a byte came from is kept.
class PartStream {
public:
    PartStream(const QList<ExportPart> &parts, const std::atomic<bool> *cancel)
        : m_parts(parts), m_cancel(cancel), m_starts(size_t(parts.size()), -1),
          m_problems(size_t(parts.size()))
    {
    }

    static int read(void *opaque, uint8_t *buffer, int size)
    {
        return static_cast<PartStream *>(opaque)->readSome(buffer, size);
    }

    // The part that byte `position` of the stream came from, searching on from `hint` (bytes
    // are asked for in order).
    qsizetype partAt(int64_t position, qsizetype hint) const
    {
        for (qsizetype next = hint + 1; next < m_parts.size(); ++next) {
            const int64_t start = m_starts[size_t(next)];
            if (start > position)
                break;
            if (start >= 0)
                hint = next;
        }
        return hint;
    }
    // Why a part could not be read (or was cut short); empty if it was read to its end.
    const QString &problem(qsizetype part) const { return m_problems[size_t(part)]; }
    qint64 bytesRead() const { return m_position; }

private:
    int readSome(uint8_t *buffer, int size)
    {
        for (;;) {
            if (m_cancel && m_cancel->load(std::memory_order_relaxed))
                return AVERROR_EXIT;
            if (!m_file.isOpen()) {
                if (++m_current >= m_parts.size())
                    return AVERROR_EOF;
                const QString &path = m_parts[m_current].path;
                m_file.setFileName(path);
                if (!m_file.open(QIODevice::ReadOnly)) {
                    m_problems[size_t(m_current)] = QFileInfo::exists(path)
                        ? QStringLiteral("cannot read %1 (%2)").arg(path, m_file.errorString())
                        : QStringLiteral("file not found: %1").arg(path);
                    continue;
                }
                m_starts[size_t(m_current)] = m_position;
                m_joiner.startPart();
            }
            const qint64 got = m_file.read(reinterpret_cast<char *>(buffer), size);
            if (got > 0) {
                m_joiner.join(buffer, got);
                m_position += got;
                return int(got);
            }
            if (got < 0)
                m_problems[size_t(m_current)] = QStringLiteral("reading %1 failed (%2)")
                                                    .arg(m_file.fileName(), m_file.errorString());
            m_file.close();
        }
    }

    const QList<ExportPart> &m_parts;
    const std::atomic<bool> *m_cancel;
    std::vector<int64_t> m_starts; // where each part begins in the stream; -1: not opened
    std::vector<QString> m_problems;
    qsizetype m_current = -1;
    QFile m_file;
    ContinuityJoiner m_joiner;
    int64_t m_position = 0;
};

// One export: demuxes the recording and writes its packets, re-timed, to one muxer.
class Remuxer {
public:
    Remuxer(const QList<ExportPart> &parts, const QString &target, ExportFormat format,
        const RecordingExport::Progress &progress, const std::atomic<bool> *cancel)
        : m_parts(parts), m_target(target), m_partPath(target + QStringLiteral(".part")),
          m_format(format), m_progress(progress), m_cancel(cancel), m_stream(parts, cancel),
          m_packetsPerPart(size_t(parts.size()), 0)
    {
    }

    ExportResult run();

private:
    // An output stream: which input stream feeds it, and its timing so far.
    struct Track {
        int inIndex = -1;
        int64_t lastDtsUs = AV_NOPTS_VALUE; // output timeline
        int64_t lastDurationUs = 0;
        int64_t lastOutDts = AV_NOPTS_VALUE; // in the output stream's time base
        int64_t nextInDts = AV_NOPTS_VALUE; // where the next packet follows, input time base
        int anchors = 0; // m_anchors when this track was last placed after a restart
    };

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    bool openInput(QString *error);
    // Why the recording could not be read: the first part's problem, else libav's.
    QString firstProblem(int error) const;
    bool openOutput(QString *error);
    bool copyPackets(QString *error);
    bool writePacket(AVPacket &packet, int outIndex, bool anchor, QString *error);
    bool finish(QString *error);
    void listSkippedParts();
    void reportProgress(double fraction);
    ExportResult failed(const QString &error);

    const QList<ExportPart> &m_parts;
    const QString m_target;
    const QString m_partPath;
    const ExportFormat m_format;
    const RecordingExport::Progress &m_progress;
    const std::atomic<bool> *m_cancel;

    PartStream m_stream;
    AvCustomIoPtr m_io; // outlives m_input, which reads through it
    AvInputContextPtr m_input;
    AvOutputContextPtr m_output;
    std::vector<Track> m_tracks;
    std::vector<int> m_outIndexOf; // per input stream; -1: dropped
    std::vector<qint64> m_packetsPerPart;
    int64_t m_offsetUs = 0; // added to input timestamps to place them on the output timeline
    int m_anchors = 0; // how often the timeline was anchored anew (restarts, lost parts)
    int64_t m_startUs = AV_NOPTS_VALUE;
    int64_t m_endUs = 0; // where the next packet continues the timeline
    qint64 m_bytesTotal = 0;
    double m_reported = -1.0;
    QString m_readProblem; // why reading stopped before the end, if it did
    ExportResult m_result;
};

bool Remuxer::openInput(QString *error)
{
    constexpr int kBufferSize = 256 * 1024;
    auto *buffer = static_cast<unsigned char *>(av_malloc(kBufferSize));
    if (buffer)
        m_io.reset(avio_alloc_context(
            buffer, kBufferSize, 0, &m_stream, PartStream::read, nullptr, nullptr));
    AVFormatContext *raw = m_io ? avformat_alloc_context() : nullptr;
    if (!raw) {
        if (!m_io)
            av_free(buffer);
        *error = QStringLiteral("out of memory");
        return false;
    }
    raw->pb = m_io.get();
    raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    raw->interrupt_callback = {interruptCallback, const_cast<std::atomic<bool> *>(m_cancel)};
    // Stored segments are MPEG-TS; naming the format spares probing a damaged first part.
    int result = avformat_open_input(&raw, "", av_find_input_format("mpegts"), nullptr);
    if (result >= 0) {
        m_input.reset(raw);
        result = avformat_find_stream_info(m_input.get(), nullptr);
    }
    if (result < 0 || !hasUsableStream(*m_input)) {
        if (!cancelled())
            *error = QStringLiteral("none of the recording's %1 segments could be read (%2); "
                                    "its files are missing or damaged")
                         .arg(m_parts.size())
                         .arg(firstProblem(result));
        return false;
    }
    return true;
}

QString Remuxer::firstProblem(int error) const
{
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        if (!m_stream.problem(i).isEmpty())
            return m_stream.problem(i);
    }
    return error < 0 ? avErrorString(error) : QStringLiteral("no audio or video found");
}

bool Remuxer::openOutput(QString *error)
{
    AVFormatContext *raw = nullptr;
    const QByteArray url = QFile::encodeName(m_partPath);
    const char *muxer = m_format == ExportFormat::Mp4 ? "mp4" : "mpegts";
    int result = avformat_alloc_output_context2(&raw, nullptr, muxer, url.constData());
    if (result < 0) {
        *error = QStringLiteral("cannot create the %1 muxer (%2)")
                     .arg(QLatin1String(muxer), avErrorString(result));
        return false;
    }
    m_output.reset(raw);
    m_output->interrupt_callback = {interruptCallback, const_cast<std::atomic<bool> *>(m_cancel)};

    m_outIndexOf.assign(m_input->nb_streams, -1);
    for (unsigned i = 0; i < m_input->nb_streams; ++i) {
        const AVStream *in = m_input->streams[i];
        if (!usable(*in->codecpar))
            continue;
        // 0: the muxer knows the codec list and the codec is not on it (MPEG-TS has no list).
        if (avformat_query_codec(m_output->oformat, in->codecpar->codec_id, FF_COMPLIANCE_NORMAL)
            == 0) {
            *error = QStringLiteral("the recording's %1 codec %2 cannot be stored in %3; export "
                                    "it as MPEG-TS instead")
                         .arg(QLatin1String(av_get_media_type_string(in->codecpar->codec_type)),
                             QLatin1String(avcodec_get_name(in->codecpar->codec_id)),
                             QLatin1String(muxer));
            return false;
        }
        AVStream *out = avformat_new_stream(m_output.get(), nullptr);
        if (!out || avcodec_parameters_copy(out->codecpar, in->codecpar) < 0) {
            *error = QStringLiteral("out of memory");
            return false;
        }
        // The source's tag is MPEG-TS's; the muxer picks its own (H.264 in MP4: avc1, whose
        // avcC it builds from the SPS/PPS the probe found). AAC's ADTS headers are turned
        // into MP4's AudioSpecificConfig by the aac_adtstoasc filter the muxer inserts.
        out->codecpar->codec_tag = 0;
        out->time_base = in->time_base;
        av_dict_copy(&out->metadata, in->metadata, 0);
        m_outIndexOf[i] = int(m_tracks.size());
        m_tracks.push_back({int(i)});
    }

    if ((result = avio_open2(&m_output->pb, url.constData(), AVIO_FLAG_WRITE,
             &m_output->interrupt_callback, nullptr))
        < 0) {
        *error = describeWriteError(result, m_target);
        return false;
    }
    AvDictionary options;
    if (m_format == ExportFormat::Mp4)
        options.set("movflags", "+faststart");
    if ((result = avformat_write_header(m_output.get(), options.address())) < 0) {
        *error = describeWriteError(result, m_target);
        return false;
    }
    return true;
}

bool Remuxer::copyPackets(QString *error)
{
    AvPacketPtr packet = makeAvPacket();
    qsizetype part = -1;
    int result = 0;
    while ((result = av_read_frame(m_input.get(), packet.get())) >= 0) {
        if (cancelled())
            return false;
        // Streams that appear later (a source that changed its layout) are not in the output.
        const int index = packet->stream_index;
        const int outIndex = size_t(index) < m_outIndexOf.size() ? m_outIndexOf[size_t(index)] : -1;
        if (outIndex < 0) {
            av_packet_unref(packet.get());
            continue;
        }
        // The timeline starts anew at the first part, after a reconnect, and after parts
        // that gave nothing (its timestamps need not follow what was written).
        bool anchor = false;
        const qsizetype packetPart
            = packet->pos >= 0 ? m_stream.partAt(packet->pos, std::max<qsizetype>(part, 0)) : part;
        if (packetPart > part) {
            anchor = part < 0 || packetPart > part + 1 || m_parts[packetPart].discontinuity;
            part = packetPart;
        }
        if (!writePacket(*packet, outIndex, anchor, error))
            return false;
        ++m_packetsPerPart[size_t(std::max<qsizetype>(part, 0))];
        reportProgress(double(m_stream.bytesRead()) / double(std::max<qint64>(m_bytesTotal, 1)));
    }
    if (cancelled())
        return false;
    // A read error ends the export with what was read; the parts not reached are listed.
    if (result != AVERROR_EOF)
        m_readProblem = avErrorString(result);
    return true;
}

bool Remuxer::writePacket(AVPacket &packet, int outIndex, bool anchor, QString *error)
{
    Track &track = m_tracks[size_t(outIndex)];
    const AVStream &in = *m_input->streams[track.inIndex];
    if (packet.dts == AV_NOPTS_VALUE)
        packet.dts = packet.pts;
    if (packet.dts == AV_NOPTS_VALUE && track.nextInDts != AV_NOPTS_VALUE) {
        // The frames after the first of a PES (MPEG-TS muxers pack audio frames together)
        // come without timestamps when the demuxer cannot tell them: they follow each other.
        packet.dts = packet.pts = track.nextInDts;
    }
    if (packet.dts == AV_NOPTS_VALUE) { // nowhere on the timeline to put it
        av_packet_unref(&packet);
        return true;
    }
    if (packet.duration <= 0)
        packet.duration = track.lastDurationUs > 0 ? fromUs(track.lastDurationUs, in.time_base)
                                                   : frameDuration(in);
    const int64_t dtsUs = toUs(packet.dts, in.time_base);
    const int64_t durationUs = toUs(packet.duration, in.time_base);
    track.nextInDts = packet.dts + packet.duration;
    if (m_startUs == AV_NOPTS_VALUE && m_input->start_time != AV_NOPTS_VALUE) {
        // The earliest stream starts the file at 0, whichever stream's packet comes first.
        m_offsetUs = -m_input->start_time;
    } else if (anchor || m_startUs == AV_NOPTS_VALUE) {
        m_offsetUs = m_endUs - dtsUs;
        ++m_anchors;
    } else if (track.lastDtsUs != AV_NOPTS_VALUE) {
        const int64_t jumpUs = dtsUs + m_offsetUs - (track.lastDtsUs + track.lastDurationUs);
        // The demuxer already undoes the 33-bit clock's wrap over the whole stream.
        if (jumpUs < -kMaxBackwardJumpUs || jumpUs > kMaxForwardGapUs) {
            m_offsetUs = m_endUs - dtsUs; // the source restarted: continue where we are
            ++m_anchors;
        }
    }
    // After a restart, the first packet of each stream must not land inside what that stream
    // already has (the new session's audio may start a little before its video): the timeline
    // moves on by the overlap. A short gap in the streams placed already is harmless.
    if (track.anchors != m_anchors) {
        track.anchors = m_anchors;
        const int64_t overlapUs = track.lastDtsUs == AV_NOPTS_VALUE
            ? 0
            : track.lastDtsUs + track.lastDurationUs - (dtsUs + m_offsetUs);
        m_offsetUs += std::max<int64_t>(overlapUs, 0);
    }

    const AVStream &out = *m_output->streams[outIndex];
    const int64_t offset = fromUs(m_offsetUs, out.time_base);
    packet.dts = av_rescale_q(packet.dts, in.time_base, out.time_base) + offset;
    if (packet.pts != AV_NOPTS_VALUE)
        packet.pts = av_rescale_q(packet.pts, in.time_base, out.time_base) + offset;
    packet.duration = fromUs(durationUs, out.time_base);
    // Muxers refuse timestamps that do not increase; a restart can leave a stream's first
    // packet a little before its last one.
    if (track.lastOutDts != AV_NOPTS_VALUE && packet.dts <= track.lastOutDts)
        packet.dts = track.lastOutDts + 1;
    if (packet.pts != AV_NOPTS_VALUE && packet.pts < packet.dts)
        packet.pts = packet.dts;

    track.lastOutDts = packet.dts;
    track.lastDtsUs = dtsUs + m_offsetUs;
    track.lastDurationUs = durationUs;
    m_endUs = std::max(m_endUs, track.lastDtsUs + durationUs);
    m_startUs
        = m_startUs == AV_NOPTS_VALUE ? track.lastDtsUs : std::min(m_startUs, track.lastDtsUs);

    packet.stream_index = outIndex;
    packet.pos = -1;
    const int result = av_interleaved_write_frame(m_output.get(), &packet);
    if (result < 0) {
        if (!cancelled())
            *error = describeWriteError(result, m_target);
        return false;
    }
    return true;
}

bool Remuxer::finish(QString *error)
{
    int result = av_write_trailer(m_output.get());
    if (result >= 0)
        result = avio_closep(&m_output->pb);
    m_output.reset();
    if (result < 0) {
        if (!cancelled())
            *error = describeWriteError(result, m_target);
        return false;
    }
    std::error_code renameError;
    std::filesystem::rename(QFile::encodeName(m_partPath).toStdString(),
        QFile::encodeName(m_target).toStdString(), renameError);
    if (renameError) {
        *error = QStringLiteral("could not name the finished file %1 (%2); choose another name "
                                "or folder")
                     .arg(QDir::toNativeSeparators(m_target),
                         QString::fromStdString(renameError.message()));
        return false;
    }
    return true;
}

void Remuxer::listSkippedParts()
{
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        QString why = m_stream.problem(i);
        if (why.isEmpty() && m_packetsPerPart[size_t(i)] > 0)
            continue;
        if (why.isEmpty())
            why = m_readProblem.isEmpty()
                ? QStringLiteral("it holds no audio or video PanelX can export")
                : QStringLiteral("reading stopped before it (%1)").arg(m_readProblem);
        const QString what = m_packetsPerPart[size_t(i)] > 0 ? QStringLiteral("cut short")
                                                             : QStringLiteral("left out");
        m_result.skipped << QStringLiteral("segment %1 of %2 was %3: %4")
                                .arg(i + 1)
                                .arg(m_parts.size())
                                .arg(what, why);
    }
}

void Remuxer::reportProgress(double fraction)
{
    if (!m_progress || (fraction < 1.0 && fraction < m_reported + kProgressStep))
        return;
    m_reported = fraction;
    m_progress(std::min(fraction, 1.0));
}

ExportResult Remuxer::failed(const QString &error)
{
    m_output.reset();
    QFile::remove(m_partPath);
    m_result.ok = false;
    m_result.cancelled = cancelled();
    m_result.error = m_result.cancelled ? QStringLiteral("the export was cancelled") : error;
    return m_result;
}

ExportResult Remuxer::run()
{
    if (m_format == ExportFormat::Invalid)
        return failed(QStringLiteral("no export format chosen; choose MP4 or MPEG-TS"));
    if (m_parts.isEmpty())
        return failed(QStringLiteral("the recording has no segments to export"));
    for (const ExportPart &part : m_parts)
        m_bytesTotal += std::max<qint64>(QFileInfo(part.path).size(), 0);

    QString error;
    if (!openInput(&error) || !openOutput(&error) || !copyPackets(&error))
        return failed(error);
    if (m_startUs == AV_NOPTS_VALUE)
        return failed(QStringLiteral("none of the recording's %1 segments holds audio or video "
                                     "PanelX can export; its files are damaged")
                          .arg(m_parts.size()));
    if (!finish(&error))
        return failed(error);

    listSkippedParts();
    m_result.ok = true;
    m_result.durationMs = (m_endUs - m_startUs) / 1000;
    m_result.bytesWritten = QFileInfo(m_target).size();
    reportProgress(1.0);
    return m_result;
}

} // namespace

ExportResult RecordingExport::run(const QList<ExportPart> &parts, const QString &target,
    ExportFormat format, const Progress &progress, const std::atomic<bool> *cancel)
{
    return Remuxer(parts, target, format, progress, cancel).run();
}

} // namespace panelx
