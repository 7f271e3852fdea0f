// The copy segmenter fed from a file as fast as it can be read: the longest segment it cuts
// (what playlists declare as EXT-X-TARGETDURATION), and a data folder that fills up or turns
// read-only and recovers (one clear error, no numbers used up, nothing stored damaged, resumes
// by itself).
#include "TestSupport.h"

#include "hls/SegmentStore.h"
#include "hls/Segmenter.h"
#include "ingest/DemuxSource.h"
#include "storage/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using namespace panelx;

namespace {

constexpr qint64 kChannelId = 3;

// A clip's packets, read once, fed to a segmenter in slices of media time.
class ClipFeeder {
public:
    explicit ClipFeeder(const QString &path) : m_source(path, m_control, sourceOptions()) { }

    bool open(QString *error)
    {
        if (!m_source.open(error))
            return false;
        for (;;) {
            AvPacketPtr packet = makeAvPacket();
            const ReadResult result = m_source.read(packet.get(), error);
            if (result == ReadResult::Ended)
                return true;
            if (result != ReadResult::Packet)
                return false;
            m_packets.push_back(std::move(packet));
        }
    }
    bool start(Segmenter &segmenter, QString *error)
    {
        IngestSession session;
        session.channelId = kChannelId;
        session.url = QStringLiteral("clip");
        session.streams = m_source.streams();
        session.realTime = false;
        session.number = 1;
        return segmenter.sessionStarted(session, error);
    }
    // Feeds the packets that start before `untilS` seconds of media time and were not fed yet.
    void feedUntil(Segmenter &segmenter, double untilS)
    {
        for (; m_next < m_packets.size(); ++m_next) {
            const AVPacket &packet = *m_packets[m_next];
            const AVRational timeBase = m_source.streams()[packet.stream_index].timeBase;
            const int64_t pts = packet.pts != AV_NOPTS_VALUE ? packet.pts : packet.dts;
            if (pts != AV_NOPTS_VALUE && pts * av_q2d(timeBase) >= untilS + m_firstS(timeBase, pts))
                return;
            segmenter.packetReceived(packet);
        }
    }

private:
    static SourceOptions sourceOptions()
    {
        SourceOptions options;
        options.paceFiles = false;
        return options;
    }
    // MPEG-TS clips start at 1.4 s or so: media time is counted from the first packet.
    double m_firstS(AVRational timeBase, int64_t pts)
    {
        if (m_startS < 0)
            m_startS = pts * av_q2d(timeBase);
        return m_startS;
    }

    SourceControl m_control;
    DemuxSource m_source;
    std::vector<AvPacketPtr> m_packets;
    size_t m_next = 0;
    double m_startS = -1;
};

// What the segmenter reports, from its callbacks.
struct Reports {
    std::mutex mutex;
    QStringList errors;
    QList<SegmentInfo> committed;
    void attach(SegmenterOptions &options)
    {
        options.onError = [this](const QString &message) {
            std::lock_guard lock(mutex);
            errors << message;
        };
        options.onCommitted = [this](const SegmentInfo &info) {
            std::lock_guard lock(mutex);
            committed << info;
        };
    }
};

QByteArray sha1(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1);
}

int rowCount(Database &db)
{
    QSqlQuery query(db.connection());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM segments")) && query.next()
        ? query.value(0).toInt()
        : -1;
}

} // namespace

class TestSegmenter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void longKeyframeIntervalsStayWithinTheBound();
    void writeFailureReportsOnceAndResumes_data();
    void writeFailureReportsOnceAndResumes();

private:
    QTemporaryDir m_media;
    QString m_clip; // 30 s, a keyframe every second
    QString m_longGopClip; // 24 s, a keyframe every 10 s
};

void TestSegmenter::initTestCase()
{
    if (!test::haveProgram(QStringLiteral("ffmpeg")))
        QSKIP("the ffmpeg program is not installed; it makes the test media");
    QVERIFY(m_media.isValid());
    m_clip = m_media.filePath(QStringLiteral("clip.ts"));
    QByteArray error = test::makeSmallClip(m_clip, 30);
    QVERIFY2(error.isEmpty(), error.constData());
    m_longGopClip = m_media.filePath(QStringLiteral("long-gop.ts"));
    error = test::makeSmallClip(m_longGopClip, 24, 250);
    QVERIFY2(error.isEmpty(), error.constData());
}

void TestSegmenter::longKeyframeIntervalsStayWithinTheBound()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("panelx.db")));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    SegmentStore store(db, dir.filePath(QStringLiteral("segments")));
    SegmenterOptions options;
    options.channelId = kChannelId;
    options.targetDurationMs = 2000;
    options.applyRetention = false;
    Reports reports;
    reports.attach(options);
    Segmenter segmenter(store, options);
    ClipFeeder feeder(m_longGopClip);
    QVERIFY2(feeder.open(&error), qPrintable(error));
    QVERIFY2(feeder.start(segmenter, &error), qPrintable(error));
    feeder.feedUntil(segmenter, 1e9);
    segmenter.sessionEnded();

    // Keyframes 10 s apart, a 2 s target: cut without a keyframe at 1.5 x target at the latest.
    const qint64 longestMs = longestSegmentMs(options.targetDurationMs);
    QVERIFY2(reports.committed.size() >= 24'000 / longestMs,
        qPrintable(QString::number(reports.committed.size())));
    qint64 totalMs = 0;
    for (const SegmentInfo &info : std::as_const(reports.committed)) {
        QVERIFY2(info.durationMs <= longestMs,
            qPrintable(
                QStringLiteral("segment %1 lasts %2 ms").arg(info.sequence).arg(info.durationMs)));
        totalMs += info.durationMs;
    }
    QVERIFY2(qAbs(totalMs - 24'000) <= 500, qPrintable(QString::number(totalMs)));
    QVERIFY2(reports.errors.isEmpty(), qPrintable(reports.errors.join(QLatin1Char('\n'))));
}

void TestSegmenter::writeFailureReportsOnceAndResumes_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("disk full") << false;
    QTest::newRow("read-only") << true;
}

void TestSegmenter::writeFailureReportsOnceAndResumes()
{
    QFETCH(bool, readOnly);
    QTemporaryDir dir;
    QTemporaryDir mountPoint;
    test::SmallDisk disk;
    QByteArray why;
    if (!disk.mount(mountPoint.path(), 4, &why))
        QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs to fill (needs root or "
                                        "CAP_SYS_ADMIN): %1")
                             .arg(QString::fromLocal8Bit(why.trimmed()))));
    Database db(dir.filePath(QStringLiteral("panelx.db")));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    {
        SegmentStore store(db, mountPoint.filePath(QStringLiteral("segments")));
        SegmenterOptions options;
        options.channelId = kChannelId;
        options.targetDurationMs = 2000;
        options.applyRetention = false;
        Reports reports;
        reports.attach(options);
        Segmenter segmenter(store, options);
        ClipFeeder feeder(m_clip);
        QVERIFY2(feeder.open(&error), qPrintable(error));
        QVERIFY2(feeder.start(segmenter, &error), qPrintable(error));

        // Some segments while there is room; their bytes are checked at the end.
        feeder.feedUntil(segmenter, 8);
        const QList<SegmentInfo> before = reports.committed;
        QVERIFY(before.size() >= 3);
        QHash<qint64, QByteArray> digests;
        for (const SegmentInfo &info : before)
            digests.insert(
                info.sequence, sha1(store.segmentPath(kChannelId, info.rendition, info.sequence)));

        // Another program fills the disk, or the disk turns read-only (a file system error; a
        // file open for writing keeps the remount from happening, so the source reconnects).
        QFile filler(mountPoint.filePath(QStringLiteral("filler")));
        if (readOnly) {
            segmenter.sessionEnded();
            QVERIFY(disk.remount(true));
            QVERIFY2(feeder.start(segmenter, &error), qPrintable(error));
        } else {
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray chunk(64 * 1024, 'f');
            while (filler.write(chunk) == chunk.size() && filler.flush()) { }
            filler.close();
        }
        const qsizetype committedBefore = reports.committed.size();

        // Eight seconds of media (four keyframe cuts): one message, no new segment or row.
        feeder.feedUntil(segmenter, 16);
        QCOMPARE(reports.committed.size(), committedBefore);
        QCOMPARE(rowCount(db), committedBefore);
        QCOMPARE(reports.errors.size(), 1);
        const QString message = reports.errors.first();
        if (readOnly) {
            QVERIFY2(message.startsWith(QStringLiteral("the data folder %1/segments cannot be "
                                                       "written")
                                            .arg(mountPoint.path())),
                qPrintable(message));
        } else {
            QVERIFY2(message.startsWith(QStringLiteral("disk full: ")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral(" MB free in %1").arg(mountPoint.path())),
                qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("lower the buffer or free space")),
                qPrintable(message));
        }

        // Space returns: segments resume by themselves, numbered on from the last one.
        if (readOnly)
            QVERIFY(disk.remount(false));
        else
            QVERIFY(filler.remove());
        feeder.feedUntil(segmenter, 1e9);
        segmenter.sessionEnded();
        QCOMPARE(reports.errors.size(), 1);
        QVERIFY(reports.committed.size() >= before.size() + 5);
        for (qsizetype i = 0; i < reports.committed.size(); ++i)
            QCOMPARE(reports.committed[i].sequence, reports.committed.first().sequence + i);
        // The first segment after the loss is marked as a break.
        QVERIFY(reports.committed[committedBefore].discontinuity);
        QCOMPARE(rowCount(db), reports.committed.size());
        for (auto it = digests.cbegin(); it != digests.cend(); ++it)
            QCOMPARE(sha1(store.segmentPath(kChannelId, kSourceRendition, it.key())), it.value());
        QVERIFY(!QFile::exists(store.tempPath(kChannelId, kSourceRendition)));
    }
}

QTEST_GUILESS_MAIN(TestSegmenter)
#include "tst_segmenter.moc"
