// What the operator sees of a channel's health: a segmenter error clears once segments commit
// again, a looping file stays Live, and libav's own log lines name their channel and are
// rate-limited.
#include "IngestObserver.h"
#include "TestSupport.h"

#include "av/AvError.h"
#include "hls/SegmentStore.h"
#include "ingest/Ingest.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QTemporaryDir>
#include <QtTest>
#include <thread>

using namespace panelx;

namespace {

constexpr int kTargetMs = 1000;

// Logs `line` at warning level `times` times from a thread of its own carrying `channelId`.
void logFromChannel(qint64 channelId, const QString &name, const char *line, int times)
{
    std::thread thread([=] {
        const AvLogChannelScope scope(channelId, name);
        for (int i = 0; i < times; ++i)
            av_log(nullptr, AV_LOG_WARNING, "%s\n", line);
    });
    thread.join();
}

} // namespace

class TestIngestHealth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void segmenterErrorClearsAfterCommit();
    void loopingFileStaysLive();
    void avLogLinesNameTheirChannel();
    void avLogRepeatsAreSummarised();
    void corruptSourceLogsOncePerChannel();

private:
    ChannelConfig channel(const QString &url);

    QTemporaryDir m_dir;
    test::StoreFixture m_fixture;
    qint64 m_nextChannelId = 1;
};

void TestIngestHealth::initTestCase()
{
    if (!test::haveProgram("ffmpeg"))
        QSKIP("ffmpeg is not installed (installer/install-deps.sh --test)");
    QVERIFY(m_dir.isValid());
    const QString storeProblem = m_fixture.open(m_dir.path());
    QVERIFY2(storeProblem.isEmpty(), qPrintable(storeProblem));
    installAvLogCapture();
    for (const auto &[name, seconds] : {std::pair {"long.ts", 30}, std::pair {"short.ts", 3}}) {
        const QByteArray problem = test::makeSmallClip(m_dir.filePath(name), seconds);
        QVERIFY2(problem.isEmpty(), problem.constData());
    }
    // The long clip with bytes overwritten in some of its TS packets' payloads: the demuxer
    // complains (PES size mismatches, corrupt packets) on every damaged packet.
    QFile clip(m_dir.filePath("long.ts"));
    QVERIFY(clip.open(QIODevice::ReadOnly));
    QByteArray bytes = clip.readAll();
    for (qsizetype at = 200000; at + 188 < bytes.size(); at += 188 * 37) {
        for (int i = 4; i < 60; ++i)
            bytes[at + i] = char((at * 31 + i * 7) & 0xff);
    }
    QFile corrupt(m_dir.filePath("corrupt.ts"));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write(bytes);
}

void TestIngestHealth::cleanup()
{
    setAvLogRepeatWindow(kDefaultAvLogRepeatWindow);
}

ChannelConfig TestIngestHealth::channel(const QString &url)
{
    return test::makeChannel(m_nextChannelId++, url, kTargetMs);
}

void TestIngestHealth::segmenterErrorClearsAfterCommit()
{
    test::IngestObserver observer;
    const ChannelConfig config = channel(m_dir.filePath("long.ts"));
    Ingest ingest(config, *m_fixture.store, observer.options());
    ingest.start();
    QVERIFY(test::waitFor([&] { return !observer.segments().isEmpty(); }, 15000));

    // The segment folder turns into a file: segments cannot be written.
    const QString folder = m_fixture.store->segmentDir(config.id, kSourceRendition);
    const QString aside = folder + QStringLiteral(".aside");
    QVERIFY(QDir().rename(folder, aside));
    {
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    const auto restore = qScopeGuard([&] {
        QFile::remove(folder);
        QDir().rename(aside, folder);
    });
    QVERIFY(test::waitFor([&] { return !ingest.status().message.isEmpty(); }, 10000));
    const ChannelStatus failing = ingest.status();
    QCOMPARE(failing.state, ChannelState::Live);
    // The segmenter's words about the folder it cannot write to.
    QVERIFY2(
        failing.message.contains(QDir::toNativeSeparators(folder)), qPrintable(failing.message));

    // Space again: the next commit clears the error, also in what was published.
    const int segmentsBefore = observer.segments().size();
    QFile::remove(folder);
    QVERIFY(QDir().rename(aside, folder));
    QVERIFY(test::waitFor([&] { return observer.segments().size() > segmentsBefore; }, 10000));
    QVERIFY(test::waitFor(
        [&] {
            const QList<ChannelStatus> statuses = observer.statuses();
            return statuses.last().state == ChannelState::Live && statuses.last().message.isEmpty();
        },
        5000));
    QVERIFY2(ingest.status().message.isEmpty(), qPrintable(ingest.status().message));
    ingest.stop();
}

void TestIngestHealth::loopingFileStaysLive()
{
    test::IngestObserver observer;
    Ingest ingest(channel(m_dir.filePath("short.ts")), *m_fixture.store, observer.options());
    ingest.start();
    // A 3 s file played three times: each loop starts a segment with a discontinuity.
    QVERIFY(test::waitFor(
        [&] {
            int loops = 0;
            for (const SegmentInfo &info : observer.segments())
                loops += info.discontinuity ? 1 : 0;
            return loops >= 2;
        },
        20000));
    const QList<ChannelStatus> statuses = observer.statuses();
    const int live = observer.find(ChannelState::Live);
    QVERIFY(live >= 0);
    for (int i = live; i < statuses.size(); ++i) {
        QVERIFY2(statuses[i].state == ChannelState::Live,
            qPrintable(QStringLiteral("status %1 is %2: %3")
                           .arg(i)
                           .arg(channelStateName(statuses[i].state), statuses[i].message)));
        QVERIFY2(statuses[i].message.isEmpty(), qPrintable(statuses[i].message));
    }
    QVERIFY(ingest.isRunning());
    ingest.stop();
}

void TestIngestHealth::avLogLinesNameTheirChannel()
{
    test::LogCapture log;
    logFromChannel(41, QStringLiteral("News"), "first line of channel 41", 1);
    logFromChannel(0, QString(), "a line of no channel", 1);
    QCOMPARE(log.count(QStringLiteral("Channel 41 (News): first line of channel 41")), 1);
    QCOMPARE(log.count(QStringLiteral("a line of no channel")), 1);
    QCOMPARE(log.count(QStringLiteral("Channel 0")), 0);
}

void TestIngestHealth::avLogRepeatsAreSummarised()
{
    setAvLogRepeatWindow(std::chrono::milliseconds(300));
    test::LogCapture log;
    const char *line = "AAC bitstream not in ADTS format and extradata missing";
    logFromChannel(42, QStringLiteral("Sports"), line, 100);
    // Another channel's same line is its own.
    logFromChannel(43, QStringLiteral("Music"), line, 100);
    QCOMPARE(log.count(QStringLiteral("Channel 42 (Sports): %1").arg(line)), 1);
    QCOMPARE(log.count(QStringLiteral("Channel 43 (Music): %1").arg(line)), 1);

    // Once the window passes, the line prints again with how often it was held back.
    int more = 0;
    QVERIFY(test::waitFor(
        [&] {
            logFromChannel(42, QStringLiteral("Sports"), line, 1);
            ++more;
            return log.count(QStringLiteral("(repeated")) > 0;
        },
        5000));
    const QStringList summaries = log.lines().filter(QStringLiteral("(repeated"));
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first(),
        QStringLiteral("Channel 42 (Sports): %1 (repeated %2 times)").arg(line).arg(99 + more - 1));
}

void TestIngestHealth::corruptSourceLogsOncePerChannel()
{
    test::LogCapture log;
    test::IngestObserver observer;
    const ChannelConfig config = channel(m_dir.filePath("corrupt.ts"));
    Ingest ingest(config, *m_fixture.store, observer.options());
    ingest.start();
    const QString prefix = QStringLiteral("Channel %1 (%2): ").arg(config.id).arg(config.name);
    QVERIFY(
        test::waitFor([&] { return log.count(prefix + QStringLiteral("[mpegts")) > 0; }, 20000));
    // A few more seconds of damaged packets, held back as repeats of the lines already shown.
    const int segments = observer.segments().size();
    QVERIFY(test::waitFor([&] { return observer.segments().size() >= segments + 3; }, 10000));
    ingest.stop();
    const QStringList lines = log.lines().filter(QStringLiteral("[mpegts"));
    QCOMPARE(lines.filter(QStringLiteral("Packet corrupt")).size(), 1);
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(prefix), qPrintable(line));
    qInfo() << lines.size() << "demuxer lines printed while" << observer.segments().size()
            << "segments of damaged media were cut";
}

QTEST_GUILESS_MAIN(TestIngestHealth)
#include "tst_ingest_health.moc"
