// A source whose streams change mid-stream: a picture size or audio layout switch, a stream a
// PMT update adds after open. Each starts a new session marked as a discontinuity.
#include "IngestObserver.h"
#include "TestSupport.h"

#include "hls/SegmentStore.h"
#include "ingest/DemuxSource.h"
#include "ingest/Ingest.h"
#include "storage/Database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <fcntl.h>
#include <unistd.h>

using namespace panelx;

namespace {

const QStringList kH264 = {"-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-keyint_min",
    "10", "-sc_threshold", "0", "-pix_fmt", "yuv420p"};

QStringList video(const QString &size)
{
    return {"-f", "lavfi", "-i", QStringLiteral("testsrc2=size=%1:rate=10").arg(size)};
}

QStringList sine()
{
    return {"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"};
}

// What a session's streams said (their parameters live only as long as the source).
struct Streams {
    QSet<int> indexes;
    AVCodecID videoCodec = AV_CODEC_ID_NONE;
    int width = 0; // of the video stream
    int height = 0;
    int sampleRate = 0; // of the audio stream
    int channels = 0;

    explicit Streams(const std::vector<SourceStream> &streams)
    {
        for (const SourceStream &stream : streams) {
            indexes.insert(stream.index);
            const AVCodecParameters &par = *stream.codecpar;
            if (par.codec_type == AVMEDIA_TYPE_VIDEO) {
                videoCodec = par.codec_id;
                width = par.width;
                height = par.height;
            } else {
                sampleRate = par.sample_rate;
                channels = par.ch_layout.nb_channels;
            }
        }
    }
};

// Everything a DemuxSource hands out from `url`, read as fast as it can.
struct Reading {
    QList<Streams> sessions; // in order
    QList<QSet<int>> packetStreams; // stream indexes of each session's packets
    QString strayPacket; // a packet of a stream its session does not have
    ReadResult end = ReadResult::Packet;
    QString error;
};

Reading readAll(const QString &url)
{
    Reading reading;
    SourceControl control;
    SourceOptions options;
    options.paceFiles = false;
    DemuxSource source(url, control, options);
    if (!source.open(&reading.error))
        return reading;
    reading.sessions.append(Streams(source.streams()));
    reading.packetStreams.append(QSet<int>());
    AvPacketPtr packet = makeAvPacket();
    for (;;) {
        reading.end = source.read(packet.get(), &reading.error);
        if (reading.end == ReadResult::StreamsChanged) {
            reading.sessions.append(Streams(source.streams()));
            reading.packetStreams.append(QSet<int>());
            continue;
        }
        if (reading.end != ReadResult::Packet)
            break;
        if (!reading.sessions.last().indexes.contains(packet->stream_index)
            && reading.strayPacket.isEmpty())
            reading.strayPacket = QStringLiteral("a packet of stream %1 in session %2")
                                      .arg(packet->stream_index)
                                      .arg(reading.sessions.size());
        reading.packetStreams.last().insert(packet->stream_index);
        av_packet_unref(packet.get());
    }
    return reading;
}

// Read as a live stream is, from a pipe: a file would be searched to its end for its duration
// at open, which finds the later streams already.
Reading readAsLive(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return {};
    Reading reading = readAll(QStringLiteral("pipe:%1").arg(fd));
    ::close(fd);
    return reading;
}

} // namespace

class TestStreamChanges : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pictureSizeChangeIsADiscontinuity();
    void audioLayoutChangeStartsANewSession();
    void streamAddedByPmtJoinsANewSession();
    void codecChangeOnANewPidStartsANewSession();

private:
    bool makeMedia(const QString &name, const QStringList &args);
    bool concatenate(const QString &name, const QStringList &parts);
    QString media(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestStreamChanges::initTestCase()
{
    if (!test::haveProgram("ffmpeg") || !test::haveProgram("ffprobe"))
        QSKIP("ffmpeg/ffprobe are not installed (installer/install-deps.sh --test)");
    QVERIFY(m_dir.isValid());
    // Two clips, the second's timestamps continuing the first's, as one source that switches
    // from 720p to 1080p (or from mono to stereo) at a keyframe: only the bitstream says so.
    const QStringList aac = {"-c:a", "aac", "-b:a", "64k"};
    QVERIFY(makeMedia(
        "720p.ts", video("1280x720") + sine() + QStringList {"-t", "3", "-ac", "1"} + kH264 + aac));
    QVERIFY(makeMedia("1080p.ts",
        video("1920x1080") + sine() + QStringList {"-t", "3", "-ac", "1", "-output_ts_offset", "3"}
            + kH264 + aac));
    QVERIFY(concatenate("resize.ts", {"720p.ts", "1080p.ts"}));
    QVERIFY(makeMedia(
        "mono.ts", video("320x240") + sine() + QStringList {"-t", "2", "-ac", "1"} + kH264 + aac));
    QVERIFY(makeMedia("stereo.ts",
        video("320x240") + sine() + QStringList {"-t", "2", "-ac", "2", "-output_ts_offset", "2"}
            + kH264 + aac));
    QVERIFY(concatenate("channels.ts", {"mono.ts", "stereo.ts"}));
    // A video-only start larger than libav's first look (5 MB of incompressible picture),
    // then the PMT adds an audio stream.
    QVERIFY(makeMedia("video-only.ts",
        video("960x540") + QStringList {"-vf", "noise=alls=100:allf=t", "-t", "1", "-qp", "0"}
            + kH264));
    QVERIFY(makeMedia("with-audio.ts",
        video("960x540") + sine() + QStringList {"-t", "2", "-output_ts_offset", "1"} + kH264
            + aac));
    QVERIFY(concatenate("late-stream.ts", {"video-only.ts", "with-audio.ts"}));
    // Then MPEG-2 video: a new PMT puts the new codec on new PIDs.
    QVERIFY(makeMedia("mpeg2.ts",
        video("320x240") + sine()
            + QStringList {"-t", "2", "-output_ts_offset", "1", "-mpegts_start_pid", "0x200",
                "-c:v", "mpeg2video", "-g", "10"}
            + aac));
    QVERIFY(concatenate("codec-change.ts", {"video-only.ts", "mpeg2.ts"}));
}

bool TestStreamChanges::makeMedia(const QString &name, const QStringList &args)
{
    QByteArray err;
    const int code = test::runProgram("ffmpeg",
        QStringList {"-hide_banner", "-loglevel", "error", "-y"} + args
            + QStringList {"-f", "mpegts", media(name)},
        120000, nullptr, &err);
    if (code != 0)
        qWarning() << "ffmpeg could not make" << name << err;
    return code == 0;
}

bool TestStreamChanges::concatenate(const QString &name, const QStringList &parts)
{
    QFile out(media(name));
    if (!out.open(QIODevice::WriteOnly))
        return false;
    for (const QString &part : parts) {
        QFile in(media(part));
        if (!in.open(QIODevice::ReadOnly) || out.write(in.readAll()) != in.size())
            return false;
    }
    return true;
}

void TestStreamChanges::pictureSizeChangeIsADiscontinuity()
{
    QTemporaryDir dataDir;
    Database db(dataDir.filePath("panelx.db"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    SegmentStore store(db, dataDir.filePath("segments"));
    ChannelConfig channel;
    channel.id = 1;
    channel.name = QStringLiteral("Resize");
    channel.sourceUrl = media("resize.ts");
    channel.segmentDurationMs = 1000;
    test::IngestObserver observer;
    Ingest ingest(channel, store, observer.options());
    ingest.start();
    // Paced: the picture grows half-way through the 6 s file, then the file ends and plays
    // again from the start (a file channel loops), back at 1280x720.
    const auto statusAt = [&](int width, int from) {
        const QList<ChannelStatus> statuses = observer.statuses();
        for (int i = from; i < statuses.size(); ++i) {
            if (statuses[i].state == ChannelState::Live && statuses[i].width == width)
                return i;
        }
        return -1;
    };
    QVERIFY(test::waitFor([&] { return statusAt(1920, 0) >= 0; }, 30000));
    const int grown = statusAt(1920, 0);
    const ChannelStatus after = observer.statuses()[grown];
    QVERIFY(test::waitFor([&] { return statusAt(1280, grown) >= 0; }, 30000));
    ingest.stop();

    QList<SegmentInfo> segments = observer.segments();
    QVERIFY(segments.size() >= 4);
    int first1080 = -1;
    for (int i = 0; i < segments.size(); ++i) {
        const SegmentInfo &segment = segments[i];
        if (first1080 >= 0 && i > first1080 && segment.discontinuity)
            break; // the file's second pass
        const test::ProbedMedia probed
            = test::probeMedia(store.segmentPath(1, kSourceRendition, segment.sequence));
        QVERIFY(probed.ok);
        qInfo("segment %lld: %dx%d%s", static_cast<long long>(segment.sequence), probed.width,
            probed.height, segment.discontinuity ? ", discontinuity" : "");
        if (probed.height == 1080 && first1080 < 0)
            first1080 = i;
        // Every segment is one picture size: the cut is at the change.
        QVERIFY(probed.height == (first1080 >= 0 ? 1080 : 720));
        QCOMPARE(segment.discontinuity, i == first1080);
    }
    QVERIFY(first1080 > 0);
    QCOMPARE(after.state, ChannelState::Live);
    QCOMPARE(after.width, 1920);
    QCOMPARE(after.height, 1080);
}

void TestStreamChanges::audioLayoutChangeStartsANewSession()
{
    const Reading reading = readAll(media("channels.ts"));
    QCOMPARE(reading.end, ReadResult::Ended);
    QVERIFY2(reading.strayPacket.isEmpty(), qPrintable(reading.strayPacket));
    QCOMPARE(reading.sessions.size(), 2);
    QCOMPARE(reading.sessions[0].channels, 1);
    QCOMPARE(reading.sessions[1].channels, 2);
    QCOMPARE(reading.sessions[1].sampleRate, 48000);
}

void TestStreamChanges::streamAddedByPmtJoinsANewSession()
{
    const Reading reading = readAsLive(media("late-stream.ts"));
    QCOMPARE(reading.end, ReadResult::Ended);
    QVERIFY2(reading.strayPacket.isEmpty(), qPrintable(reading.strayPacket));
    QCOMPARE(reading.sessions.first().indexes.size(), 1); // video only at open
    QCOMPARE(reading.sessions.size(), 2);
    QCOMPARE(reading.sessions[1].indexes.size(), 2);
    QCOMPARE(reading.sessions[1].sampleRate, 48000);
    QCOMPARE(reading.sessions[1].channels, 1);
    QCOMPARE(reading.packetStreams[1].size(), 2);
}

void TestStreamChanges::codecChangeOnANewPidStartsANewSession()
{
    const Reading reading = readAsLive(media("codec-change.ts"));
    QCOMPARE(reading.end, ReadResult::Ended);
    QVERIFY2(reading.strayPacket.isEmpty(), qPrintable(reading.strayPacket));
    QCOMPARE(reading.sessions.size(), 2);
    QCOMPARE(reading.sessions[0].videoCodec, AV_CODEC_ID_H264);
    QCOMPARE(reading.sessions[1].videoCodec, AV_CODEC_ID_MPEG2VIDEO);
    // The replaced stream is gone: one video and one audio stream, both with packets.
    QCOMPARE(reading.sessions[1].indexes.size(), 2);
    QCOMPARE(reading.packetStreams[1], reading.sessions[1].indexes);
}

QTEST_GUILESS_MAIN(TestStreamChanges)
#include "tst_stream_changes.moc"
