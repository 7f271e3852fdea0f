// An ingest's consumers run on their own threads: a consumer that blocks does not delay the
// copy segmenter (it loses whole GOPs instead, counted and logged once), listeners added and
// removed mid-session get their callbacks on their own thread, and stop loses nothing queued.
#include "IngestObserver.h"
#include "TestSupport.h"

#include "hls/SegmentStore.h"
#include "ingest/Ingest.h"

#include <QTemporaryDir>
#include <QtTest>
#include <condition_variable>

using namespace panelx;

namespace {

constexpr int kTargetMs = 1000;

// Records on which thread each callback ran; packetReceived blocks while the gate is closed.
class GatedListener final : public PacketListener {
public:
    explicit GatedListener(bool open) : m_open(open) { }

    bool sessionStarted(const IngestSession &, QString *) override
    {
        std::lock_guard lock(m_mutex);
        ++m_sessionsStarted;
        m_threads.insert(QThread::currentThread()->objectName());
        return true;
    }
    void packetReceived(const AVPacket &) override
    {
        std::unique_lock lock(m_mutex);
        ++m_packets;
        m_threads.insert(QThread::currentThread()->objectName());
        m_gate.wait(lock, [this] { return m_open; });
    }
    void sessionEnded() override
    {
        std::lock_guard lock(m_mutex);
        ++m_sessionsEnded;
        m_threads.insert(QThread::currentThread()->objectName());
    }

    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_gate.notify_all();
    }
    qint64 packets() const
    {
        std::lock_guard lock(m_mutex);
        return m_packets;
    }
    int sessionsStarted() const
    {
        std::lock_guard lock(m_mutex);
        return m_sessionsStarted;
    }
    int sessionsEnded() const
    {
        std::lock_guard lock(m_mutex);
        return m_sessionsEnded;
    }
    QSet<QString> threads() const
    {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_gate;
    bool m_open = false;
    qint64 m_packets = 0;
    int m_sessionsStarted = 0;
    int m_sessionsEnded = 0;
    QSet<QString> m_threads;
};

std::optional<ConsumerStats> statsOf(const Ingest &ingest, const QString &name)
{
    for (const ConsumerStats &stats : ingest.consumerStats()) {
        if (stats.name == name)
            return stats;
    }
    return std::nullopt;
}

} // namespace

class TestIngestConsumers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void slowListenerDoesNotDelaySegmenter();
    void listenerAddedAndRemovedMidSession();

private:
    ChannelConfig channel();

    QTemporaryDir m_dir;
    test::StoreFixture m_fixture;
    QString m_clip;
    qint64 m_nextChannelId = 1;
};

void TestIngestConsumers::initTestCase()
{
    if (!test::haveProgram("ffmpeg"))
        QSKIP("ffmpeg is not installed (installer/install-deps.sh --test)");
    QVERIFY(m_dir.isValid());
    const QString storeProblem = m_fixture.open(m_dir.path());
    QVERIFY2(storeProblem.isEmpty(), qPrintable(storeProblem));
    m_clip = m_dir.filePath("clip.ts");
    const QByteArray problem = test::makeSmallClip(m_clip, 30);
    QVERIFY2(problem.isEmpty(), problem.constData());
}

ChannelConfig TestIngestConsumers::channel()
{
    return test::makeChannel(m_nextChannelId++, m_clip, kTargetMs);
}

void TestIngestConsumers::slowListenerDoesNotDelaySegmenter()
{
    test::LogCapture log;
    test::IngestObserver observer;
    IngestOptions options = observer.options();
    options.queueLimits.maxPackets = 64; // about a second of the clip
    std::mutex commitMutex;
    QList<qint64> commitMs; // when each segment was committed
    QElapsedTimer clock;
    clock.start();
    options.onSegment = [&, record = options.onSegment](const SegmentInfo &info) {
        record(info);
        std::lock_guard lock(commitMutex);
        commitMs << clock.elapsed();
    };
    const ChannelConfig config = channel();
    GatedListener slow(false);
    Ingest ingest(config, *m_fixture.store, options);
    // Also when a check fails: the ingest cannot stop while its listener is blocked.
    const auto openGate = qScopeGuard([&] { slow.open(); });
    ingest.addListener(&slow, QStringLiteral("slow"));
    ingest.start();

    // The slow listener holds its first packet the whole time; segments keep their pace.
    constexpr int kSegments = 6;
    QVERIFY(test::waitFor([&] { return observer.segments().size() >= kSegments; }, 20000));
    QCOMPARE(slow.packets(), 1);
    const QList<SegmentInfo> segments = observer.segments();
    QList<qint64> commits;
    {
        std::lock_guard lock(commitMutex);
        commits = commitMs;
    }
    // From the second commit on (the first waits for the first keyframe), the time between
    // commits follows the media duration of the segments committed.
    qint64 mediaMs = 0;
    for (int i = 2; i < kSegments; ++i)
        mediaMs += segments[i].durationMs;
    const qint64 wallMs = commits[kSegments - 1] - commits[1];
    qInfo() << "segments" << 3 << "to" << kSegments << ":" << mediaMs << "ms of media committed in"
            << wallMs << "ms";
    QVERIFY2(qAbs(wallMs - mediaMs) <= 500,
        qPrintable(QStringLiteral("%1 ms of media took %2 ms").arg(mediaMs).arg(wallMs)));

    // Its drops are counted and reported, once in the log (rate-limited).
    const std::optional<ConsumerStats> slowStats = statsOf(ingest, QStringLiteral("slow"));
    QVERIFY(slowStats);
    QVERIFY(slowStats->packetsDropped > 0);
    QVERIFY(slowStats->overflows >= 1);
    QVERIFY(slowStats->packetsWaiting <= options.queueLimits.maxPackets);
    QCOMPARE(statsOf(ingest, QStringLiteral("segmenter"))->packetsDropped, 0);
    QCOMPARE(ingest.status().packetsDropped, slowStats->packetsDropped);
    qInfo() << "slow listener:" << slowStats->packetsDropped << "packets in" << slowStats->overflows
            << "overflows dropped";
    // Hundreds of drops, one line per 10 s.
    const int dropLines
        = log.count(QStringLiteral("Channel %1 (%2): the slow consumer falls behind")
                        .arg(config.id)
                        .arg(config.name));
    QVERIFY2(dropLines >= 1 && dropLines <= 1 + clock.elapsed() / 10000,
        qPrintable(QString::number(dropLines)));

    // Stop writes everything that was queued: the listener gets every packet it was given.
    slow.open();
    ingest.stop();
    const std::optional<ConsumerStats> finalStats = statsOf(ingest, QStringLiteral("slow"));
    QCOMPARE(slow.packets(), finalStats->packetsQueued);
    QCOMPARE(finalStats->packetsWaiting, 0);
    QCOMPARE(slow.sessionsEnded(), 1);
    QCOMPARE(slow.threads(), QSet<QString> {QStringLiteral("slow-%1").arg(config.id)});
}

void TestIngestConsumers::listenerAddedAndRemovedMidSession()
{
    test::IngestObserver observer;
    const ChannelConfig config = channel();
    GatedListener probe(true);
    Ingest ingest(config, *m_fixture.store, observer.options());
    ingest.start();
    QVERIFY(test::waitFor([&] { return !observer.segments().isEmpty(); }, 15000));

    ingest.addListener(&probe, QStringLiteral("probe"));
    QVERIFY(test::waitFor([&] { return probe.packets() >= 50; }, 10000));
    QCOMPARE(probe.sessionsStarted(), 1);
    ingest.removeListener(&probe);
    // Its session ended before removeListener returned, on its own thread, and nothing more
    // reaches it.
    QCOMPARE(probe.sessionsEnded(), 1);
    QCOMPARE(probe.threads(), QSet<QString> {QStringLiteral("probe-%1").arg(config.id)});
    const qint64 packetsAtRemoval = probe.packets();

    const int segmentsAtRemoval = observer.segments().size();
    QVERIFY(test::waitFor([&] { return observer.segments().size() > segmentsAtRemoval; }, 5000));
    QCOMPARE(probe.packets(), packetsAtRemoval);
    QCOMPARE(ingest.status().state, ChannelState::Live);
    ingest.stop();
}

QTEST_GUILESS_MAIN(TestIngestConsumers)
#include "tst_ingest_consumers.moc"
