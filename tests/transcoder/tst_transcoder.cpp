// The ladder end to end with real libav: media made at run time by the ffmpeg program, read
// by DemuxSource as fast as it decodes, transcoded into a real store; the renditions are
// checked with ffprobe.
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "hls/Segmenter.h"
#include "ingest/DemuxSource.h"
#include "storage/Database.h"
#include "transcode/RenditionDirectory.h"
#include "transcode/RungEncoder.h"
#include "transcode/Transcoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace panelx;

namespace {

constexpr int kSegmentMs = 1000;

QByteArray makeMedia(const QStringList &args)
{
    QByteArray err;
    const int code = test::runProgram(QStringLiteral("ffmpeg"),
        QStringList {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
            QStringLiteral("error"), QStringLiteral("-y")}
            + args,
        120000, nullptr, &err);
    return code == 0 ? QByteArray() : (err.isEmpty() ? QByteArray("ffmpeg failed") : err);
}

// Reads the file as fast as it demuxes and hands every packet to the listeners, as the ingest
// does. Empty on success, else why not.
QString feed(const QString &path, const std::vector<PacketListener *> &listeners, bool realTime,
    QStringList *refusals = nullptr)
{
    SourceControl control;
    SourceOptions options;
    options.paceFiles = false;
    DemuxSource source(path, control, options);
    QString error;
    if (!source.open(&error))
        return error;
    IngestSession session;
    session.channelId = 1;
    session.url = path;
    session.streams = source.streams();
    session.realTime = realTime;
    session.number = 1;
    std::vector<PacketListener *> accepted;
    for (PacketListener *listener : listeners) {
        QString refusal;
        if (listener->sessionStarted(session, &refusal))
            accepted.push_back(listener);
        else if (refusals)
            refusals->append(refusal);
    }
    AvPacketPtr packet = makeAvPacket();
    ReadResult result;
    while ((result = source.read(packet.get(), &error)) == ReadResult::Packet) {
        for (PacketListener *listener : accepted)
            listener->packetReceived(*packet);
        av_packet_unref(packet.get());
    }
    for (PacketListener *listener : accepted)
        listener->sessionEnded();
    return result == ReadResult::Failed ? error : QString();
}

struct ProbedPacket {
    QString type; // "video", "audio"
    double ptsSeconds = 0;
    bool key = false;
};

QList<ProbedPacket> probePackets(const QString &path)
{
    QByteArray out;
    test::runProgram(QStringLiteral("ffprobe"),
        {"-v", "error", "-show_entries", "packet=codec_type,pts_time,flags", "-of", "json", path},
        30000, &out);
    QList<ProbedPacket> packets;
    for (const QJsonValue &value :
        QJsonDocument::fromJson(out).object().value("packets").toArray()) {
        const QJsonObject object = value.toObject();
        packets.append(
            {object.value("codec_type").toString(), object.value("pts_time").toString().toDouble(),
                object.value("flags").toString().startsWith('K')});
    }
    return packets;
}

struct Fixture {
    QTemporaryDir dir;
    test::StoreFixture store;
    std::unique_ptr<RenditionDirectory> directory;
    Fixture()
    {
        const QString error = store.open(dir.path());
        if (!error.isEmpty())
            qFatal("cannot open the store: %s", qPrintable(error));
        directory = std::make_unique<RenditionDirectory>(*store.db);
    }
    TranscoderOptions options(const QStringList &rungs = {})
    {
        TranscoderOptions options;
        options.channelId = 1;
        options.targetDurationMs = kSegmentMs;
        options.abr.enabled = true;
        if (!rungs.isEmpty())
            options.abr.rungs = rungs;
        options.abr.preset = QStringLiteral("ultrafast");
        options.applyRetention = false;
        options.directory = directory.get();
        return options;
    }
};

const RungStatus *findRung(const QList<RungStatus> &rungs, const QString &name)
{
    for (const RungStatus &rung : rungs)
        if (rung.rendition == name)
            return &rung;
    return nullptr;
}

// The nice value of each of this process's threads named "abr-…" (the rung threads).
QMap<QString, int> rungThreadNiceness()
{
    QMap<QString, int> niceness;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        const QString name = QString::fromUtf8(comm.readAll()).trimmed();
        const QByteArray line = stat.readAll();
        // After "pid (comm) ": state is field 3 of proc(5), nice field 19.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (name.startsWith(QStringLiteral("abr-")) && fields.size() > 16)
            niceness.insert(name, fields.at(16).toInt());
    }
    return niceness;
}

} // namespace

class TestTranscoder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ladderFrom1080p();
    void mpeg2InterlacedBecomesH264AndAac();
    void audioOnlySourceIsRefused();
    void lowestRungIsShedWhenBehind();
    void liveQueueHoldsASecond_data();
    void liveQueueHoldsASecond();

private:
    QTemporaryDir m_media;
    QString m_source1080;
    QString m_mpeg2;
    QString m_audioOnly;
    QString m_source480;
};

void TestTranscoder::initTestCase()
{
    if (!test::haveProgram(QStringLiteral("ffmpeg"))
        || !test::haveProgram(QStringLiteral("ffprobe")))
        QSKIP("the ffmpeg and ffprobe programs make and check the test media: install ffmpeg");
    QVERIFY(m_media.isValid());
    m_source1080 = m_media.filePath(QStringLiteral("1080p.ts"));
    // Noise, so the encoders have to work for their bitrate as with a real picture.
    QByteArray error
        = makeMedia({"-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=12,noise=alls=8:allf=t",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:d=12", "-ac", "2", "-c:v",
            "libx264", "-preset", "ultrafast", "-g", "50", "-b:v", "8M", "-c:a", "aac", "-b:a",
            "128k", "-f", "mpegts", m_source1080});
    QVERIFY2(error.isEmpty(), error.constData());
    m_mpeg2 = m_media.filePath(QStringLiteral("mpeg2.ts"));
    error = makeMedia({"-f", "lavfi", "-i", "testsrc2=s=720x576:r=25:d=5,setsar=64/45", "-f",
        "lavfi", "-i", "sine=d=5", "-c:v", "mpeg2video", "-b:v", "4M", "-flags", "+ildct+ilme",
        "-top", "1", "-c:a", "mp2", "-f", "mpegts", m_mpeg2});
    QVERIFY2(error.isEmpty(), error.constData());
    m_audioOnly = m_media.filePath(QStringLiteral("audio.ts"));
    error
        = makeMedia({"-f", "lavfi", "-i", "sine=d=4", "-c:a", "aac", "-f", "mpegts", m_audioOnly});
    QVERIFY2(error.isEmpty(), error.constData());
    m_source480 = m_media.filePath(QStringLiteral("480p.ts"));
    error = makeMedia({"-f", "lavfi", "-i", "testsrc2=s=854x480:r=25:d=20", "-f", "lavfi", "-i",
        "sine=d=20", "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-c:a", "aac", "-f",
        "mpegts", m_source480});
    QVERIFY2(error.isEmpty(), error.constData());
}

void TestTranscoder::ladderFrom1080p()
{
    Fixture f;
    QList<RungStatus> lastReported;
    std::mutex reportedMutex;
    TranscoderOptions options = f.options();
    // The fastest preset with CABAC and 8x8 transforms: the SPS shows the rung's profile.
    options.abr.preset = QStringLiteral("superfast");
    QMap<QString, int> niceness;
    options.onRungs = [&](const QList<RungStatus> &rungs) {
        const std::lock_guard lock(reportedMutex);
        lastReported = rungs;
        niceness.insert(rungThreadNiceness());
    };
    Transcoder transcoder(*f.store.store, options);
    const QString error = feed(m_source1080, {&transcoder}, false);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    {
        // The top rung keeps the process's priority; the smaller ones yield to it.
        const std::lock_guard lock(reportedMutex);
        const int lower = ladder::kLowerRungNiceness;
        QCOMPARE(niceness,
            (QMap<QString, int> {{"abr-1080p-1", 0}, {"abr-720p-1", lower}, {"abr-480p-1", lower},
                {"abr-360p-1", lower}}));
    }

    const QStringList names {"1080p", "720p", "480p", "360p"};
    const QList<QSize> sizes {{1920, 1080}, {1280, 720}, {854, 480}, {640, 360}};
    const QList<qint64> targets {5'000'000, 2'800'000, 1'400'000, 800'000};
    QList<QList<SegmentInfo>> segments;
    for (const QString &name : names) {
        segments.append(f.store.store->latest(1, name, 100));
        QVERIFY2(segments.last().size() >= 11, qPrintable(name));
    }
    // Segment N of every rung: same number, wall-clock start and duration.
    for (int r = 1; r < names.size(); ++r) {
        QCOMPARE(segments[r].size(), segments[0].size());
        for (int i = 0; i < segments[0].size(); ++i) {
            QCOMPARE(segments[r][i].sequence, segments[0][i].sequence);
            QCOMPARE(segments[r][i].startUtcMs, segments[0][i].startUtcMs);
            QCOMPARE(segments[r][i].durationMs, segments[0][i].durationMs);
        }
    }
    for (int i = 0; i + 1 < segments[0].size(); ++i)
        QCOMPARE(segments[0][i].durationMs, kSegmentMs);

    const QList<RungStatus> rungs = transcoder.rungs();
    QCOMPARE(rungs.size(), 4);
    const QList<RenditionInfo> known = f.directory->known(1);
    QCOMPARE(known.size(), 4);
    QVERIFY(f.directory->live(1).isEmpty()); // the ladder stopped with the session
    for (int r = 0; r < names.size(); ++r) {
        const QString &name = names[r];
        // Its size and codecs, and the first packet of each of the first segments a keyframe
        // at the same instant as in the top rung.
        for (int i = 0; i < 3; ++i) {
            const QString path = f.store.store->segmentPath(1, name, segments[r][i].sequence);
            const test::ProbedMedia media = test::probeMedia(path);
            QVERIFY2(media.ok, media.errors.constData());
            QCOMPARE(media.videoCodec, QStringLiteral("h264"));
            QCOMPARE(media.audioCodec, QStringLiteral("aac"));
            QCOMPARE(QSize(media.width, media.height), sizes[r]);
            QVERIFY2(media.firstVideoPacketIsKey, qPrintable(name));
            const QList<ProbedPacket> packets = probePackets(path);
            double firstVideo = -1;
            double firstAudio = -1;
            for (const ProbedPacket &packet : packets) {
                if (packet.type == QLatin1String("video") && firstVideo < 0)
                    firstVideo = packet.ptsSeconds;
                if (packet.type == QLatin1String("audio") && firstAudio < 0)
                    firstAudio = packet.ptsSeconds;
            }
            QVERIFY(firstVideo >= 0 && firstAudio >= 0);
            QVERIFY2(std::abs(firstVideo - firstAudio) <= 0.1,
                qPrintable(QStringLiteral("%1 segment %2: video at %3 s, audio at %4 s")
                               .arg(name)
                               .arg(i)
                               .arg(firstVideo)
                               .arg(firstAudio)));
            const QString top = f.store.store->segmentPath(1, names[0], segments[0][i].sequence);
            const QList<ProbedPacket> topPackets = probePackets(top);
            double topVideo = -1;
            for (const ProbedPacket &packet : topPackets)
                if (packet.type == QLatin1String("video")) {
                    topVideo = packet.ptsSeconds;
                    break;
                }
            // Every frame in every rung, 360p too, which scales the 720p rung's pictures.
            const auto videoFrames = [](const QList<ProbedPacket> &list) {
                return std::count_if(list.begin(), list.end(), [](const ProbedPacket &packet) {
                    return packet.type == QLatin1String("video");
                });
            };
            QCOMPARE(videoFrames(packets), videoFrames(topPackets));
            QVERIFY2(std::abs(firstVideo - topVideo) <= 0.041,
                qPrintable(QStringLiteral("%1 segment %2 starts at %3 s, %4 at %5 s")
                               .arg(name)
                               .arg(i)
                               .arg(firstVideo)
                               .arg(names[0])
                               .arg(topVideo)));
        }
        // Its bitrate over the run: video and audio together against what was configured.
        qint64 bytes = 0;
        qint64 durationMs = 0;
        for (const SegmentInfo &segment : segments[r]) {
            bytes += segment.sizeBytes;
            durationMs += segment.durationMs;
        }
        const double measured = bytes * 8000.0 / durationMs;
        const double expected = targets[r] + 128'000;
        QVERIFY2(std::abs(measured - expected) <= 0.2 * expected,
            qPrintable(QStringLiteral("%1: %2 bit/s, configured %3")
                           .arg(name)
                           .arg(measured)
                           .arg(expected)));

        const RungStatus *status = findRung(rungs, name);
        QVERIFY(status);
        QCOMPARE(status->state, RungState::Running);
        QCOMPARE(QSize(status->width, status->height), sizes[r]);
        QCOMPARE(status->targetBitrate, targets[r]);
        QVERIFY(status->measuredBitrate > 0);
        QVERIFY2(std::abs(status->videoBitrate - targets[r]) <= targets[r] / 5,
            qPrintable(
                QStringLiteral("%1: video at %2 bit/s").arg(name).arg(status->videoBitrate)));
        QVERIFY(status->speed > 0);
        QCOMPARE(status->framesDropped, 0);
        const RenditionInfo &info = known[r];
        QCOMPARE(info.rendition, name);
        QCOMPARE(QSize(info.width, info.height), sizes[r]);
        QCOMPARE(info.frameRate, 25.0);
        QCOMPARE(info.bandwidth, targets[r] + 128'000);
        const QString profile = r < 2 ? QStringLiteral("avc1.64") : QStringLiteral("avc1.4d");
        QVERIFY2(info.codecs.startsWith(profile) && info.codecs.endsWith(",mp4a.40.2"),
            qPrintable(info.codecs));
    }
    const std::lock_guard lock(reportedMutex);
    QCOMPARE(lastReported, rungs);
}

void TestTranscoder::mpeg2InterlacedBecomesH264AndAac()
{
    Fixture f;
    Transcoder transcoder(*f.store.store, f.options());
    const QString error = feed(m_mpeg2, {&transcoder}, false);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<RungStatus> rungs = transcoder.rungs();
    QCOMPARE(rungs.size(), 4);
    for (const QString name : {"1080p", "720p"}) {
        QCOMPARE(findRung(rungs, name)->state, RungState::Skipped);
        QVERIFY(findRung(rungs, name)->message.contains(QStringLiteral("576 lines")));
        QVERIFY(f.store.store->latest(1, name, 10).isEmpty());
    }
    const QList<QPair<QString, QSize>> made {{"480p", {854, 480}}, {"360p", {640, 360}}};
    for (const auto &[name, size] : made) {
        const QList<SegmentInfo> segments = f.store.store->latest(1, name, 10);
        QVERIFY2(segments.size() >= 4, qPrintable(name));
        const test::ProbedMedia media
            = test::probeMedia(f.store.store->segmentPath(1, name, segments.first().sequence));
        QVERIFY2(media.ok, media.errors.constData());
        QCOMPARE(media.videoCodec, QStringLiteral("h264"));
        QCOMPARE(media.audioCodec, QStringLiteral("aac"));
        QCOMPARE(QSize(media.width, media.height), size);
        QCOMPARE(findRung(rungs, name)->state, RungState::Running);
    }
}

void TestTranscoder::audioOnlySourceIsRefused()
{
    Fixture f;
    Transcoder transcoder(*f.store.store, f.options());
    SegmenterOptions copyOptions;
    copyOptions.channelId = 1;
    copyOptions.targetDurationMs = kSegmentMs;
    copyOptions.applyRetention = false;
    Segmenter copy(*f.store.store, copyOptions);
    QStringList refusals;
    const QString error = feed(m_audioOnly, {&copy, &transcoder}, false, &refusals);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(refusals.size(), 1);
    QVERIFY2(refusals.first().contains(QStringLiteral("no video"))
            && refusals.first().contains(QStringLiteral("turn the ladder off")),
        qPrintable(refusals.first()));
    for (const RungStatus &rung : transcoder.rungs()) {
        QCOMPARE(rung.state, RungState::Skipped);
        QCOMPARE(rung.message, refusals.first());
        QVERIFY(f.store.store->latest(1, rung.rendition, 10).isEmpty());
    }
    // The copy rendition goes on.
    QVERIFY(f.store.store->latest(1, kSourceRendition, 10).size() >= 3);
    QVERIFY(f.directory->live(1).isEmpty());
}

void TestTranscoder::lowestRungIsShedWhenBehind()
{
    Fixture f;
    TranscoderOptions options = f.options({"480p", "360p"});
    // No machine is this fast: every rung falls behind at once.
    options.minSpeed = 1000;
    options.speedWindowMs = 200;
    options.behindForMs = 200;
    std::mutex mutex;
    QList<RenditionInfo> liveAfterShed;
    bool shedSeen = false;
    options.onRungs = [&](const QList<RungStatus> &rungs) {
        const RungStatus *lowest = findRung(rungs, QStringLiteral("360p"));
        const std::lock_guard lock(mutex);
        if (lowest && lowest->state == RungState::Shed && !shedSeen) {
            shedSeen = true;
            liveAfterShed = f.directory->live(1);
        }
    };
    Transcoder transcoder(*f.store.store, options);
    const QString error = feed(m_source480, {&transcoder}, true);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<RungStatus> rungs = transcoder.rungs();
    const RungStatus *shed = findRung(rungs, QStringLiteral("360p"));
    const RungStatus *kept = findRung(rungs, QStringLiteral("480p"));
    QCOMPARE(shed->state, RungState::Shed);
    QVERIFY2(shed->message.contains(QStringLiteral("falls behind at"))
            && shed->message.contains(QStringLiteral("remove a rung or choose a faster preset")),
        qPrintable(shed->message));
    QCOMPARE(kept->state, RungState::Behind); // the last rung is never shed
    QVERIFY2(kept->message.startsWith(QStringLiteral("480p falls behind at")),
        qPrintable(kept->message));
    {
        const std::lock_guard lock(mutex);
        QVERIFY(shedSeen);
        for (const RenditionInfo &info : liveAfterShed)
            QVERIFY(info.rendition != QLatin1String("360p"));
    }
    // The shed rung stopped making segments, its last one whole and aligned with the other
    // rung's; the other went on to the end.
    const QList<SegmentInfo> shedSegments = f.store.store->latest(1, QStringLiteral("360p"), 100);
    const QList<SegmentInfo> keptSegments = f.store.store->latest(1, QStringLiteral("480p"), 100);
    QVERIFY(!shedSegments.isEmpty());
    QVERIFY(shedSegments.size() < keptSegments.size());
    QVERIFY(keptSegments.size() >= 18);
    for (const SegmentInfo &segment : shedSegments) {
        const auto same = std::find_if(keptSegments.begin(), keptSegments.end(),
            [&](const SegmentInfo &kept) { return kept.sequence == segment.sequence; });
        QVERIFY(same != keptSegments.end());
        QCOMPARE(segment.startUtcMs, same->startUtcMs);
        QCOMPARE(segment.durationMs, same->durationMs);
        QCOMPARE(segment.durationMs, kSegmentMs);
    }
}

void TestTranscoder::liveQueueHoldsASecond_data()
{
    QTest::addColumn<bool>("realTime");
    QTest::addColumn<int>("num");
    QTest::addColumn<int>("den");
    QTest::addColumn<int>("frames");
    // A live rung rides out a second without the cores (another program starting) before it
    // drops frames: a burst of dropped frames stalls Chromium's HLS player.
    QTest::newRow("live 25 fps") << true << 25 << 1 << 25;
    QTest::newRow("live 29.97 fps") << true << 30000 << 1001 << 30;
    QTest::newRow("live 50 fps") << true << 50 << 1 << 50;
    QTest::newRow("live, rate unknown") << true << 0 << 1 << 6;
    QTest::newRow("live 2 fps: never fewer than six") << true << 2 << 1 << 6;
    // A file fed as fast as it goes waits instead of dropping: six frames of slack.
    QTest::newRow("file 25 fps") << false << 25 << 1 << 6;
}

void TestTranscoder::liveQueueHoldsASecond()
{
    QFETCH(bool, realTime);
    QFETCH(int, num);
    QFETCH(int, den);
    QFETCH(int, frames);
    QCOMPARE(RungEncoder::queueFrames(realTime, AVRational {num, den}), frames);
}

QTEST_GUILESS_MAIN(TestTranscoder)
#include "tst_transcoder.moc"
