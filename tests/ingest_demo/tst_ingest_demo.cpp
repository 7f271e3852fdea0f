// The built-in demo channel end to end: libavfilter pattern -> x264/AAC -> ingest -> copy
// segmenter -> segment store, checked with ffprobe.
#include "IngestObserver.h"
#include "TestSupport.h"

#include "av/AvError.h"
#include "hls/SegmentStore.h"
#include "hls/WallClockAnchor.h"
#include "ingest/Ingest.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace panelx;

namespace {

constexpr int kTargetMs = 2000;

} // namespace

class TestIngestDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void demoChannelGoesLive();
    void restartContinuesWithDiscontinuity();

private:
    ChannelConfig demoChannel() const;
    void checkSegment(const SegmentInfo &info);

    QTemporaryDir m_dir;
    test::StoreFixture m_fixture;
};

void TestIngestDemo::initTestCase()
{
    if (!test::haveProgram("ffprobe"))
        QSKIP("ffprobe is not installed (installer/install-deps.sh --test)");
    QVERIFY(m_dir.isValid());
    const QString problem = m_fixture.open(m_dir.path());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    installAvLogCapture(); // libav's lines reach Qt's log, as in the program
}

ChannelConfig TestIngestDemo::demoChannel() const
{
    ChannelConfig channel;
    channel.id = 7;
    channel.name = "Demo";
    channel.slug = "demo";
    channel.sourceUrl = kDemoSourceUrl;
    channel.segmentDurationMs = kTargetMs;
    return channel;
}

void TestIngestDemo::checkSegment(const SegmentInfo &info)
{
    const QString path
        = m_fixture.store->segmentPath(info.channelId, info.rendition, info.sequence);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    QCOMPARE(info.sizeBytes, QFileInfo(path).size());
    const test::ProbedMedia media = test::probeMedia(path);
    QVERIFY2(media.ok, qPrintable(path));
    QVERIFY2(media.errors.isEmpty(), media.errors.constData());
    QCOMPARE(media.videoCodec, QStringLiteral("h264"));
    QCOMPARE(media.width, 1280);
    QCOMPARE(media.height, 720);
    QCOMPARE(media.audioCodec, QStringLiteral("aac"));
    QVERIFY2(media.firstVideoPacketIsKey, qPrintable(path));
    QVERIFY2(media.startsWithPat, qPrintable(path));
}

void TestIngestDemo::demoChannelGoesLive()
{
    test::IngestObserver observer;
    Ingest ingest(demoChannel(), *m_fixture.store, observer.options());
    QElapsedTimer clock;
    clock.start();
    ingest.start();
    QVERIFY(test::waitFor([&] { return observer.reached(ChannelState::Live); }, 15000));
    QVERIFY(test::waitFor([&] { return observer.segments().size() >= 3; }, 30000));
    qInfo() << "3 segments after" << clock.elapsed() << "ms";
    QVERIFY(ingest.isRunning());

    const ChannelStatus live = ingest.status();
    QCOMPARE(live.state, ChannelState::Live);
    QCOMPARE(live.videoCodec, QStringLiteral("h264"));
    QCOMPARE(live.audioCodec, QStringLiteral("aac"));
    QCOMPARE(live.width, 1280);
    QCOMPARE(live.height, 720);
    QCOMPARE(live.frameRate, 25.0);
    QVERIFY(observer.threadNames().contains(QStringLiteral("ingest-7")));
    QCOMPARE(observer.statuses().first().state, ChannelState::Starting);

    // Stop commits the open segment: nothing received is lost.
    const int beforeStop = observer.segments().size();
    ingest.stop();
    const qint64 stoppedUtcMs = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(ingest.status().state, ChannelState::Stopped);
    const QList<SegmentInfo> segments = observer.segments();
    // Anchored to the wall clock: the last segment ends about when the channel stopped.
    QVERIFY(qAbs(segments.last().startUtcMs + segments.last().durationMs - stoppedUtcMs) < 1500);
    QCOMPARE(segments.size(), beforeStop + 1);
    QCOMPARE(m_fixture.store->latest(7, kSourceRendition, 100), segments);

    for (int i = 0; i < segments.size(); ++i) {
        const SegmentInfo &info = segments[i];
        checkSegment(info);
        QCOMPARE(info.discontinuity, false);
        QCOMPARE(info.discontinuitySequence, 0);
        if (i > 0) {
            QCOMPARE(info.sequence, segments[i - 1].sequence + 1);
            // Wall clock continues with the media, slewed by at most a small step per segment
            // towards the clock.
            const qint64 gapMs
                = info.startUtcMs - (segments[i - 1].startUtcMs + segments[i - 1].durationMs);
            QVERIFY2(
                qAbs(gapMs) <= WallClockAnchor::kMaxSlewMs, qPrintable(QString::number(gapMs)));
        }
        // The demo has a keyframe every second, so every cut but the last (at stop) lands
        // on the target.
        if (i + 1 < segments.size())
            QVERIFY2(qAbs(info.durationMs - kTargetMs) <= 500,
                qPrintable(QString::number(info.durationMs)));
    }
}

void TestIngestDemo::restartContinuesWithDiscontinuity()
{
    const std::optional<SegmentInfo> before = m_fixture.store->last(7, kSourceRendition);
    QVERIFY(before.has_value());
    test::IngestObserver observer;
    test::LogCapture log;
    Ingest ingest(demoChannel(), *m_fixture.store, observer.options());
    ingest.start();
    QVERIFY(test::waitFor([&] { return observer.segments().size() >= 2; }, 20000));
    ingest.stop();
    // A stop is not a problem: libav's encoders say nothing about it.
    QCOMPARE(log.count(QStringLiteral("frames left in the queue")), 0);
    const QList<SegmentInfo> segments = observer.segments();
    QVERIFY(segments.first().sequence > before->sequence);
    QCOMPARE(segments.first().discontinuity, true);
    QCOMPARE(segments.first().discontinuitySequence, before->discontinuitySequence + 1);
    QVERIFY(segments.first().startUtcMs >= before->startUtcMs + before->durationMs);
    QCOMPARE(segments[1].discontinuity, false);
    QCOMPARE(segments[1].discontinuitySequence, before->discontinuitySequence + 1);
    checkSegment(segments.first());
}

QTEST_GUILESS_MAIN(TestIngestDemo)
#include "tst_ingest_demo.moc"
