#include "hls/SegmentStore.h"
#include "storage/Database.h"

#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <QElapsedTimer>

#include <atomic>
#include <memory>
#include <thread>

using namespace panelx;

namespace {

const QString kRendition = kSourceRendition;
using Pins = QList<QPair<qint64, qint64>>; // [from, to) in ms

// Clocks the test sets by hand, for retention.
struct FakeClocks {
    std::shared_ptr<std::atomic<qint64>> wallUtcMs = std::make_shared<std::atomic<qint64>>(0);
    std::shared_ptr<std::atomic<qint64>> steadyMs = std::make_shared<std::atomic<qint64>>(0);
    StoreClocks clocks() const
    {
        return {[wall = wallUtcMs] { return wall->load(); },
            [steady = steadyMs] { return steady->load(); }};
    }
    // Time passes: both clocks advance together.
    void advance(qint64 ms)
    {
        *wallUtcMs += ms;
        *steadyMs += ms;
    }
};

// A database and a store in a fresh folder; reopen() starts a new pair on the same files,
// as a restart of the program does.
struct Fixture {
    QTemporaryDir dir;
    FakeClocks clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<SegmentStore> store;

    Fixture() { reopen(); }
    void reopen()
    {
        store.reset();
        db.reset();
        db = std::make_unique<Database>(dir.filePath(QStringLiteral("panelx.db")));
        QString error;
        if (!db->open(&error))
            qFatal("cannot open the test database: %s", qPrintable(error));
        store = std::make_unique<SegmentStore>(
            *db, dir.filePath(QStringLiteral("segments")), clock.clocks());
    }
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Writes the temp file as a segmenter does.
void writeTemp(
    SegmentStore &store, qint64 channelId, const QString &rendition, const QByteArray &bytes)
{
    QString error;
    if (!store.prepareTempPath(channelId, rendition, &error))
        qFatal("cannot prepare a temp segment: %s", qPrintable(error));
    if (!writeFile(store.tempPath(channelId, rendition), bytes))
        qFatal("cannot write a temp segment");
}

// Writes the temp file and commits it.
SegmentInfo commitOne(SegmentStore &store, qint64 channelId, qint64 startUtcMs, qint64 durationMs,
    int sizeBytes = 1000, const QString &rendition = kRendition, bool discontinuity = false,
    qint64 discontinuitySequence = 0)
{
    SegmentInfo info;
    info.channelId = channelId;
    info.rendition = rendition;
    info.startUtcMs = startUtcMs;
    info.durationMs = durationMs;
    info.discontinuity = discontinuity;
    info.discontinuitySequence = discontinuitySequence;
    writeTemp(store, channelId, rendition, QByteArray(sizeBytes, 'x'));
    QString error;
    if (!store.commit(info, &error))
        qFatal("commit failed: %s", qPrintable(error));
    return info;
}

QList<qint64> sequences(const QList<SegmentInfo> &segments)
{
    QList<qint64> list;
    for (const auto &s : segments)
        list.append(s.sequence);
    return list;
}

int rowCount(Database &db)
{
    QSqlQuery query(db.connection());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM segments")) && query.next()
        ? query.value(0).toInt()
        : -1;
}

} // namespace

class TestSegmentStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void commitRenamesAndIndexes();
    void commitWithoutTempFileFails();
    void commitNeverOverwrites();
    void failedCommitUsesNoNumber();
    void commitTakesTheLeastNumberAskedFor_data();
    void commitTakesTheLeastNumberAskedFor();
    void latestFromCacheAgreesWithSql();
    void lastSurvivesRestart();
    void bySequence();
    void byTime_data();
    void byTime();
    void bytesUsed();
    void retentionRemovesFileAndRowTogether();
    void retentionKeepsTheLiveWindow();
    void retentionIgnoresAForwardClockStep();
    void retentionLeavesPinnedSegments_data();
    void retentionLeavesPinnedSegments();
    void pinnedBytesCountEachSegmentOnce();
    void removingAPinReleasesItsSegments();
    void retentionRunsOffTheCallersThread();
    void sequenceNeverRepeats();
    void reconcileRemovesTempFiles();
    void reconcileRemovesRowsWithoutFile();
    void reconcileRecoversFilesWithoutRow();
    void reconcileDeletesUnreadableFiles();
    void reconcileChecksSizes();
    void removeChannel();
    void renditionNamesCannotEscape();
    void concurrentCommitAndQueries();

private:
    QTemporaryDir m_media;
    QString m_sampleTs; // 2 s of H.264 + AAC in MPEG-TS, made once by the ffmpeg program
};

void TestSegmentStore::initTestCase()
{
    QVERIFY(m_media.isValid());
    if (!test::haveProgram(QStringLiteral("ffmpeg")))
        return; // the recovery test skips with a message
    m_sampleTs = m_media.filePath(QStringLiteral("sample.ts"));
    QByteArray err;
    const int code = test::runProgram(QStringLiteral("ffmpeg"),
        {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
            QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
            QStringLiteral("testsrc2=s=320x240:r=25:d=2"), QStringLiteral("-f"),
            QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=d=2"),
            QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-g"),
            QStringLiteral("25"), QStringLiteral("-c:a"), QStringLiteral("aac"),
            QStringLiteral("-f"), QStringLiteral("mpegts"), m_sampleTs},
        60000, nullptr, &err);
    QVERIFY2(code == 0, err.constData());
}

void TestSegmentStore::commitRenamesAndIndexes()
{
    Fixture f;
    SegmentInfo info;
    info.channelId = 7;
    info.sequence = 0; // the store numbers it
    info.startUtcMs = 1'700'000'000'000;
    info.durationMs = 4000;
    const QString temp = f.store->tempPath(7, kRendition);
    writeTemp(*f.store, 7, kRendition, QByteArray(1234, 'a'));

    QString error;
    QVERIFY2(f.store->commit(info, &error), qPrintable(error));
    QCOMPARE(info.sequence, 0);
    QCOMPARE(info.sizeBytes, 1234);
    const QString final = f.store->segmentPath(7, kRendition, info.sequence);
    QVERIFY(temp != final);
    QVERIFY(!QFile::exists(temp));
    QVERIFY(QFile::exists(final));
    QCOMPARE(QFileInfo(final).size(), 1234);
    // Only the final file is left in the folder.
    QCOMPARE(QDir(f.store->segmentDir(7, kRendition)).entryList(QDir::Files),
        QStringList {QFileInfo(final).fileName()});

    const auto stored = f.store->bySequence(7, kRendition, info.sequence, info.sequence);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first(), info);
    QCOMPARE(commitOne(*f.store, 7, info.startUtcMs + 4000, 4000).sequence, 1);
}

void TestSegmentStore::commitWithoutTempFileFails()
{
    Fixture f;
    SegmentInfo info;
    info.channelId = 1;
    info.durationMs = 4000;
    QString error;
    QVERIFY(!f.store->commit(info, &error));
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
    QVERIFY(f.store->latest(1, kRendition, 5).isEmpty());
    QCOMPARE(rowCount(*f.db), 0);
    QCOMPARE(commitOne(*f.store, 1, 0, 4000).sequence, 0); // no number was used up
}

void TestSegmentStore::commitNeverOverwrites()
{
    Fixture f;
    const SegmentInfo first = commitOne(*f.store, 1, 1000, 4000, 500);
    // A file with the next number that the index does not know (a bug elsewhere, or a file
    // copied in by hand) must not be replaced.
    const QString stray = f.store->segmentPath(1, kRendition, first.sequence + 1);
    QVERIFY(writeFile(stray, QByteArray(700, 's')));
    writeTemp(*f.store, 1, kRendition, QByteArray(900, 'b'));
    SegmentInfo next;
    next.channelId = 1;
    next.startUtcMs = 5000;
    next.durationMs = 4000;
    QString error;
    QVERIFY(!f.store->commit(next, &error));
    QVERIFY2(error.contains(QStringLiteral("not overwritten")), qPrintable(error));
    QVERIFY(QFile::exists(f.store->tempPath(1, kRendition))); // still the caller's to delete
    QCOMPARE(QFileInfo(stray).size(), 700);
    QCOMPARE(QFileInfo(f.store->segmentPath(1, kRendition, first.sequence)).size(), 500);
    QCOMPARE(f.store->latest(1, kRendition, 5), QList<SegmentInfo> {first});
}

void TestSegmentStore::failedCommitUsesNoNumber()
{
    Fixture f;
    const SegmentInfo first = commitOne(*f.store, 1, 0, 4000);
    // The index refuses the row (as a full or failing database disk would), after the number
    // was taken and the file renamed.
    QSqlQuery refuse(f.db->connection());
    QVERIFY(refuse.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON segments "
                                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")));
    writeTemp(*f.store, 1, kRendition, QByteArray(800, 'f'));
    SegmentInfo failed;
    failed.channelId = 1;
    failed.startUtcMs = 4000;
    failed.durationMs = 4000;
    QString error;
    QVERIFY(!f.store->commit(failed, &error));
    QVERIFY2(error.contains(QStringLiteral("disk I/O error")), qPrintable(error));
    // Nothing changed: the temp file is back, no file carries the number, no row.
    QCOMPARE(QFileInfo(f.store->tempPath(1, kRendition)).size(), 800);
    QVERIFY(!QFile::exists(f.store->segmentPath(1, kRendition, first.sequence + 1)));
    QCOMPARE(rowCount(*f.db), 1);
    QVERIFY(refuse.exec(QStringLiteral("DROP TRIGGER refuse")));

    // The next commit gets the next number: no gap for players to stumble over.
    QString retryError;
    QVERIFY2(f.store->commit(failed, &retryError), qPrintable(retryError));
    QCOMPARE(failed.sequence, first.sequence + 1);
    QCOMPARE(commitOne(*f.store, 1, 8000, 4000).sequence, first.sequence + 2);
}

void TestSegmentStore::commitTakesTheLeastNumberAskedFor_data()
{
    QTest::addColumn<int>("committedBefore"); // segments 0.. already there
    QTest::addColumn<qint64>("asked");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("empty, next") << 0 << qint64(0) << qint64(0);
    QTest::newRow("empty, skips ahead") << 0 << qint64(5) << qint64(5);
    QTest::newRow("asks for a used number") << 3 << qint64(1) << qint64(3);
    QTest::newRow("asks for the next") << 3 << qint64(3) << qint64(3);
    QTest::newRow("skips ahead") << 3 << qint64(10) << qint64(10);
}

void TestSegmentStore::commitTakesTheLeastNumberAskedFor()
{
    QFETCH(int, committedBefore);
    QFETCH(qint64, asked);
    QFETCH(qint64, expected);
    Fixture f;
    for (int i = 0; i < committedBefore; ++i)
        commitOne(*f.store, 1, i * 1000, 1000);
    SegmentInfo info;
    info.channelId = 1;
    info.sequence = asked;
    info.startUtcMs = 100'000;
    info.durationMs = 1000;
    writeTemp(*f.store, 1, kRendition, QByteArray(100, 'l'));
    QString error;
    QVERIFY2(f.store->commit(info, &error), qPrintable(error));
    QCOMPARE(info.sequence, expected);
    QVERIFY(QFile::exists(f.store->segmentPath(1, kRendition, expected)));
    // Numbers never repeat: the next one follows it, also after a restart.
    QCOMPARE(commitOne(*f.store, 1, 101'000, 1000).sequence, expected + 1);
    f.reopen();
    QCOMPARE(f.store->last(1, kRendition)->sequence, expected + 1);
    QCOMPARE(commitOne(*f.store, 1, 102'000, 1000).sequence, expected + 2);
}

void TestSegmentStore::latestFromCacheAgreesWithSql()
{
    Fixture f;
    QList<SegmentInfo> committed;
    for (int i = 0; i < 25; ++i)
        committed.append(commitOne(*f.store, 3, 10'000 + i * 4000, 4000, 100 + i));

    // Served from memory (count <= kLiveCacheSize) ...
    const auto cached = f.store->latest(3, kRendition, 5);
    QCOMPARE(cached, committed.mid(20));
    QCOMPARE(f.store->latest(3, kRendition, SegmentStore::kLiveCacheSize),
        committed.mid(25 - SegmentStore::kLiveCacheSize));
    // ... from SQL (count > kLiveCacheSize) ...
    QCOMPARE(f.store->latest(3, kRendition, 100), committed);
    QCOMPARE(f.store->latest(3, kRendition, 20), committed.mid(5));
    // ... and from a store that never saw the commits (cold cache).
    SegmentStore cold(*f.db, f.store->rootDir());
    QCOMPARE(cold.latest(3, kRendition, 5), cached);
    // The warm cache keeps following new commits.
    committed.append(commitOne(cold, 3, 200'000, 4000));
    QCOMPARE(cold.latest(3, kRendition, 5), committed.mid(21));
    QCOMPARE(cold.latest(3, kRendition, 0), QList<SegmentInfo> {});
    QVERIFY(f.store->latest(99, kRendition, 5).isEmpty());
}

void TestSegmentStore::lastSurvivesRestart()
{
    Fixture f;
    QVERIFY(!f.store->last(2, kRendition));
    commitOne(*f.store, 2, 1000, 4000);
    const SegmentInfo newest = commitOne(*f.store, 2, 5000, 3000, 10, kRendition, true, 1);
    QCOMPARE(f.store->last(2, kRendition), newest);
    f.reopen();
    QCOMPARE(f.store->last(2, kRendition), newest);
}

void TestSegmentStore::bySequence()
{
    Fixture f;
    for (int i = 0; i < 10; ++i)
        commitOne(*f.store, 1, i * 1000, 1000);
    commitOne(*f.store, 2, 0, 1000); // other channel
    QCOMPARE(sequences(f.store->bySequence(1, kRendition, 3, 6)), (QList<qint64> {3, 4, 5, 6}));
    QCOMPARE(sequences(f.store->bySequence(1, kRendition, 8, 50)), (QList<qint64> {8, 9}));
    QCOMPARE(sequences(f.store->bySequence(1, kRendition, 4, 4)), (QList<qint64> {4}));
    QVERIFY(f.store->bySequence(1, kRendition, 6, 3).isEmpty());
    QVERIFY(f.store->bySequence(1, QStringLiteral("720p"), 0, 9).isEmpty());
}

void TestSegmentStore::byTime_data()
{
    QTest::addColumn<qint64>("fromUtcMs");
    QTest::addColumn<qint64>("toUtcMs");
    QTest::addColumn<QList<qint64>>("expected");
    // Segments 0: [1000, 5000), 1: [5000, 9000), 2: [9000, 13000)
    QTest::newRow("exactly one segment") << qint64(5000) << qint64(9000) << QList<qint64> {1};
    QTest::newRow("straddles a boundary") << qint64(4999) << qint64(5001) << QList<qint64> {0, 1};
    QTest::newRow("ends where a segment starts") << qint64(0) << qint64(1000) << QList<qint64> {};
    QTest::newRow("one ms into the first") << qint64(0) << qint64(1001) << QList<qint64> {0};
    QTest::newRow("starts where the last ends")
        << qint64(13000) << qint64(20000) << QList<qint64> {};
    QTest::newRow("last ms of a segment") << qint64(8999) << qint64(9000) << QList<qint64> {1};
    QTest::newRow("everything") << qint64(0) << qint64(100000) << QList<qint64> {0, 1, 2};
    QTest::newRow("empty range") << qint64(6000) << qint64(6000) << QList<qint64> {};
    QTest::newRow("reversed range") << qint64(9000) << qint64(5000) << QList<qint64> {};
}

void TestSegmentStore::byTime()
{
    QFETCH(qint64, fromUtcMs);
    QFETCH(qint64, toUtcMs);
    QFETCH(QList<qint64>, expected);
    Fixture f;
    for (int i = 0; i < 3; ++i)
        commitOne(*f.store, 1, 1000 + i * 4000, 4000);
    commitOne(*f.store, 1, 1000, 4000, 100, QStringLiteral("720p")); // other rendition
    QCOMPARE(sequences(f.store->byTime(1, kRendition, fromUtcMs, toUtcMs)), expected);
}

void TestSegmentStore::bytesUsed()
{
    Fixture f;
    QCOMPARE(f.store->bytesUsed(1), 0);
    commitOne(*f.store, 1, 0, 1000, 300);
    commitOne(*f.store, 1, 0, 1000, 200, QStringLiteral("720p"));
    commitOne(*f.store, 2, 0, 1000, 5000);
    QCOMPARE(f.store->bytesUsed(1), 500);
    QCOMPARE(f.store->bytesUsed(2), 5000);
}

void TestSegmentStore::retentionRemovesFileAndRowTogether()
{
    Fixture f;
    // 25 four-second segments from t=0 to t=100 s.
    QList<SegmentInfo> segments;
    for (int i = 0; i < 25; ++i)
        segments.append(commitOne(*f.store, 1, i * 4000, 4000));
    const SegmentInfo other = commitOne(*f.store, 2, 0, 4000);
    QCOMPARE(f.store->latest(1, kRendition, 3).size(), 3); // warm the caches
    QCOMPARE(f.store->latest(2, kRendition, 5), QList<SegmentInfo> {other});
    const qint64 loads = f.store->cacheLoads();
    // One file already gone (deleted by hand): its row must go too, without complaint.
    QVERIFY(QFile::remove(f.store->segmentPath(1, kRendition, segments[1].sequence)));

    // Buffer 72 s at t=100 s: segments that ended before 28 s (0..5 end at 4..24 s) go;
    // segment 6 ends at exactly 28 s and stays.
    f.clock.advance(100'000);
    QCOMPARE(f.store->applyRetention(1, 72'000), 6);
    for (int i = 0; i < 25; ++i) {
        const bool kept = i >= 6;
        const qint64 seq = segments[i].sequence;
        QCOMPARE(QFile::exists(f.store->segmentPath(1, kRendition, seq)), kept);
        QCOMPARE(f.store->bySequence(1, kRendition, seq, seq).size(), kept ? 1 : 0);
    }
    QCOMPARE(f.store->latest(1, kRendition, 100), segments.mid(6));
    QCOMPARE(f.store->latest(1, kRendition, 10), segments.mid(15));
    // The live window was trimmed in memory, not reloaded from SQL.
    QCOMPARE(f.store->cacheLoads(), loads);
    // Other channels are not touched.
    QCOMPARE(f.store->latest(2, kRendition, 5), QList<SegmentInfo> {other});
    QCOMPARE(f.store->applyRetention(1, 72'000), 0);
    // Time passes: older segments go, one per 4 s.
    f.clock.advance(8000);
    QCOMPARE(f.store->applyRetention(1, 72'000), 2);
    QCOMPARE(f.store->latest(1, kRendition, 100), segments.mid(8));
    QCOMPARE(f.store->cacheLoads(), loads);
}

void TestSegmentStore::retentionLeavesPinnedSegments_data()
{
    QTest::addColumn<Pins>("pins");
    QTest::addColumn<int>("removed"); // of segments 0..24 (4 s each, from t=0), 72 s buffer
    QTest::addColumn<QList<int>>("kept"); // indexes among the old ones (0..5) that stay

    QTest::newRow("no pin") << Pins {} << 6 << QList<int> {};
    QTest::newRow("one whole segment") << Pins {{8000, 12000}} << 5 << QList<int> {2};
    QTest::newRow("a moment inside a segment pins all of it")
        << Pins {{9000, 9001}} << 5 << QList<int> {2};
    QTest::newRow("edges touching are not overlap") << Pins {{4000, 8000}} << 5 << QList<int> {1};
    QTest::newRow("two overlapping pins")
        << Pins {{0, 10000}, {5000, 13000}} << 2 << QList<int> {0, 1, 2, 3};
    QTest::newRow("a pin of another channel") << Pins {} << 6 << QList<int> {};
    QTest::newRow("a pin reaching into the future")
        << Pins {{20000, 1'000'000}} << 5 << QList<int> {5};
}

void TestSegmentStore::retentionLeavesPinnedSegments()
{
    QFETCH(Pins, pins);
    QFETCH(int, removed);
    QFETCH(QList<int>, kept);
    Fixture f;
    QList<SegmentInfo> segments;
    for (int i = 0; i < 25; ++i)
        segments.append(commitOne(*f.store, 1, i * 4000, 4000));
    for (int i = 0; i < pins.size(); ++i)
        QVERIFY(f.store->setPin(i + 1, 1, pins[i].first, pins[i].second, nullptr));
    QVERIFY(f.store->setPin(99, 2, 0, 100'000, nullptr)); // another channel's
    f.clock.advance(100'000);
    QCOMPARE(f.store->applyRetention(1, 72'000), removed);
    for (int i = 0; i < 6; ++i) {
        const qint64 seq = segments[i].sequence;
        QCOMPARE(QFile::exists(f.store->segmentPath(1, kRendition, seq)), kept.contains(i));
        QCOMPARE(f.store->bySequence(1, kRendition, seq, seq).size(), kept.contains(i) ? 1 : 0);
    }
}

void TestSegmentStore::pinnedBytesCountEachSegmentOnce()
{
    Fixture f;
    for (int i = 0; i < 10; ++i)
        commitOne(*f.store, 1, i * 4000, 4000, 100);
    commitOne(*f.store, 1, 0, 4000, 7, QStringLiteral("720p"));
    commitOne(*f.store, 2, 0, 4000, 1000);
    QCOMPARE(f.store->pinnedBytes(), 0);
    QVERIFY(f.store->setPin(1, 1, 0, 8000, nullptr)); // segments 0, 1 and the 720p one
    QCOMPARE(f.store->pinnedBytes(), 207);
    QVERIFY(f.store->setPin(2, 1, 4000, 12000, nullptr)); // 1 is shared, 2 is new
    QCOMPARE(f.store->pinnedBytes(), 307);
    QCOMPARE(f.store->bytesInRange(1, 4000, 12000), 200);
    // What removing a pin would give back: only what no other pin holds.
    QCOMPARE(f.store->bytesNotPinnedByOthers(1, 0, 8000, 1), 107);
    QCOMPARE(f.store->bytesNotPinnedByOthers(1, 4000, 12000, 2), 100);
    // What a new pin would add: nothing where pins exist already.
    QCOMPARE(f.store->bytesNotPinnedByOthers(1, 0, 12000), 0);
    QCOMPARE(f.store->bytesNotPinnedByOthers(1, 0, 16000), 100);
    QVERIFY(f.store->setPin(2, 1, 36000, 40000, nullptr)); // moving a pin replaces it
    QCOMPARE(f.store->pinnedBytes(), 307);
    QVERIFY(f.store->setPin(3, 2, 0, 1, nullptr));
    QCOMPARE(f.store->pinnedBytes(), 1307);
    QCOMPARE(f.store->pinIds(), (QList<qint64> {1, 2, 3}));
}

void TestSegmentStore::removingAPinReleasesItsSegments()
{
    Fixture f;
    for (int i = 0; i < 25; ++i)
        commitOne(*f.store, 1, i * 4000, 4000);
    QVERIFY(f.store->setPin(7, 1, 0, 24000, nullptr));
    f.clock.advance(100'000);
    QCOMPARE(f.store->applyRetention(1, 72'000), 0);
    // Pins live in the database: a restart keeps them.
    f.reopen();
    f.clock.advance(0);
    QCOMPARE(f.store->applyRetention(1, 72'000), 0);
    QVERIFY(f.store->removePin(7, nullptr));
    QCOMPARE(f.store->applyRetention(1, 72'000), 6);
    QCOMPARE(f.store->pinIds(), QList<qint64> {});
}

void TestSegmentStore::retentionKeepsTheLiveWindow()
{
    Fixture f;
    QList<SegmentInfo> segments;
    for (int i = 0; i < 20; ++i)
        segments.append(commitOne(*f.store, 1, i * 4000, 4000));
    for (int i = 0; i < 3; ++i)
        commitOne(*f.store, 1, i * 4000, 4000, 10, QStringLiteral("720p"));
    // Everything is older than a zero buffer, yet the newest segments stay for live players.
    f.clock.advance(10'000'000);
    QCOMPARE(f.store->applyRetention(1, 0), 20 - SegmentStore::kLiveCacheSize);
    QCOMPARE(f.store->latest(1, kRendition, 100), segments.mid(20 - SegmentStore::kLiveCacheSize));
    QCOMPARE(f.store->latest(1, QStringLiteral("720p"), 100).size(), 3);
}

void TestSegmentStore::retentionIgnoresAForwardClockStep()
{
    Fixture f;
    // 30 four-second segments ending now, with a buffer of 200 s: all of them are kept.
    const qint64 nowUtcMs = 1'800'000'000'000;
    *f.clock.wallUtcMs = nowUtcMs;
    QList<SegmentInfo> segments;
    for (int i = 0; i < 30; ++i)
        segments.append(commitOne(*f.store, 1, nowUtcMs - 120'000 + i * 4000, 4000));
    QCOMPARE(f.store->applyRetention(1, 200'000), 0);

    // The system clock steps a day ahead while 4 s pass: the buffer stays, and it is logged.
    f.clock.advance(4000);
    *f.clock.wallUtcMs += 24LL * 3600 * 1000;
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("system clock jumped forward by 24.0 h")));
    QCOMPARE(f.store->applyRetention(1, 200'000), 0);
    QCOMPARE(f.store->latest(1, kRendition, 100), segments);

    // Time goes on: segments age by the time that really passed. 100 s after the last
    // segment ended, those that ended more than 200 s ago (the first four) go.
    f.clock.advance(96'000);
    QCOMPARE(f.store->applyRetention(1, 200'000), 4);
    QCOMPARE(f.store->latest(1, kRendition, 100), segments.mid(4));
}

void TestSegmentStore::retentionRunsOffTheCallersThread()
{
    Fixture f;
    QList<SegmentInfo> segments;
    for (int i = 0; i < 20; ++i)
        segments.append(commitOne(*f.store, 1, i * 4000, 4000));
    f.clock.advance(200'000);
    {
        // Another writer holds the database: a segmenter asking for retention must not wait.
        QSqlDatabase other
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
        other.setDatabaseName(f.db->filePath());
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QElapsedTimer timer;
        timer.start();
        f.store->requestRetention(1, 0);
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blocker"));
    f.store->waitForHousekeeping();
    QCOMPARE(f.store->latest(1, kRendition, 100), segments.mid(4));
    QVERIFY(!QFile::exists(f.store->segmentPath(1, kRendition, segments[0].sequence)));
}

void TestSegmentStore::sequenceNeverRepeats()
{
    Fixture f;
    QList<SegmentInfo> committed;
    for (int i = 0; i < 5; ++i)
        committed.append(commitOne(*f.store, 1, i * 1000, 1000));
    // Every file is lost and reconcile drops every row; a restart must not start again at 0.
    for (const SegmentInfo &info : committed)
        QVERIFY(QFile::remove(f.store->segmentPath(1, kRendition, info.sequence)));
    QCOMPARE(f.store->reconcile().rowsWithoutFile, 5);
    QVERIFY(!f.store->last(1, kRendition));
    f.reopen();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(commitOne(*f.store, 1, 10'000 + i * 1000, 1000).sequence, 5 + i);
    // Renditions count separately.
    QCOMPARE(commitOne(*f.store, 1, 0, 1000, 10, QStringLiteral("720p")).sequence, 0);
}

void TestSegmentStore::reconcileRemovesTempFiles()
{
    Fixture f;
    const SegmentInfo kept = commitOne(*f.store, 1, 0, 1000);
    // A crash while the next segment was being written.
    writeTemp(*f.store, 1, kRendition, "half a segment");
    f.reopen();
    const ReconcileReport report = f.store->reconcile();
    QCOMPARE(report.tempFilesRemoved, 1);
    QCOMPARE(report.rowsWithoutFile, 0);
    QCOMPARE(report.filesRecovered, 0);
    QVERIFY(!QFile::exists(f.store->tempPath(1, kRendition)));
    QCOMPARE(f.store->latest(1, kRendition, 5), QList<SegmentInfo> {kept});
    // The half-written segment had no number, so numbering continues without a gap.
    QCOMPARE(commitOne(*f.store, 1, 1000, 1000).sequence, kept.sequence + 1);
}

void TestSegmentStore::reconcileRemovesRowsWithoutFile()
{
    Fixture f;
    const SegmentInfo a = commitOne(*f.store, 1, 0, 1000);
    const SegmentInfo b = commitOne(*f.store, 1, 1000, 1000);
    const SegmentInfo c = commitOne(*f.store, 1, 2000, 1000);
    QCOMPARE(f.store->latest(1, kRendition, 5).size(), 3); // warm cache must be dropped too
    QVERIFY(QFile::remove(f.store->segmentPath(1, kRendition, b.sequence)));
    QVERIFY(QFile::remove(f.store->segmentPath(1, kRendition, c.sequence)));
    const ReconcileReport report = f.store->reconcile();
    QCOMPARE(report.rowsWithoutFile, 2);
    QCOMPARE(f.store->latest(1, kRendition, 5), QList<SegmentInfo> {a});
    QCOMPARE(f.store->latest(1, kRendition, 50), QList<SegmentInfo> {a});
    // The numbers of the lost rows are not handed out again.
    QCOMPARE(commitOne(*f.store, 1, 3000, 1000).sequence, c.sequence + 1);
}

void TestSegmentStore::reconcileRecoversFilesWithoutRow()
{
    if (m_sampleTs.isEmpty())
        QSKIP("the ffmpeg program is not installed; it makes the test media");
    Fixture f;
    QList<SegmentInfo> indexed;
    for (int i = 0; i < 3; ++i)
        indexed.append(commitOne(*f.store, 4, 1000 + i * 2000, 2000, 100, kRendition, i == 2, 1));
    // A crash between rename and insert: the finished file has no row. It may carry a
    // number the counter never reached (the database lost its last transaction).
    const qint64 lostSeq = 41;
    const QString lostPath = f.store->segmentPath(4, kRendition, lostSeq);
    QVERIFY(QFile::copy(m_sampleTs, lostPath));
    const QDateTime mtime = QFileInfo(lostPath).lastModified();

    f.reopen(); // as at the next start
    const ReconcileReport report = f.store->reconcile();
    QCOMPARE(report.filesRecovered, 1);
    QCOMPARE(report.unreadableFilesRemoved, 0);
    QCOMPARE(report.rowsWithoutFile, 0);

    const auto recovered = f.store->bySequence(4, kRendition, lostSeq, lostSeq);
    QCOMPARE(recovered.size(), 1);
    const SegmentInfo &info = recovered.first();
    QVERIFY2(qAbs(info.durationMs - 2000) <= 200, qPrintable(QString::number(info.durationMs)));
    QCOMPARE(info.startUtcMs, mtime.toMSecsSinceEpoch() - info.durationMs);
    QCOMPARE(info.sizeBytes, QFileInfo(lostPath).size());
    QVERIFY(info.discontinuity);
    QCOMPARE(info.discontinuitySequence, indexed.last().discontinuitySequence + 1);
    QCOMPARE(f.store->last(4, kRendition), info);
    QCOMPARE(f.store->latest(4, kRendition, 10).size(), 4);
    // The next segment continues after the recovered one.
    QCOMPARE(commitOne(*f.store, 4, 10'000, 2000).sequence, lostSeq + 1);
}

void TestSegmentStore::reconcileDeletesUnreadableFiles()
{
    Fixture f;
    const SegmentInfo kept = commitOne(*f.store, 5, 0, 1000);
    const QString garbage = f.store->segmentPath(5, kRendition, 9);
    QVERIFY(writeFile(garbage, QByteArray(4096, '\x07')));
    const QString empty = f.store->segmentPath(5, QStringLiteral("720p"), 3);
    QVERIFY(writeFile(empty, QByteArray()));
    QVERIFY(writeFile(f.store->rootDir() + QStringLiteral("/5/src/notes.txt"), "not a segment"));

    const ReconcileReport report = f.store->reconcile();
    QCOMPARE(report.unreadableFilesRemoved, 2);
    QCOMPARE(report.filesRecovered, 0);
    QVERIFY(!QFile::exists(garbage));
    QVERIFY(!QFile::exists(empty));
    QVERIFY(QFile::exists(f.store->rootDir() + QStringLiteral("/5/src/notes.txt")));
    QCOMPARE(f.store->latest(5, kRendition, 5), QList<SegmentInfo> {kept});
    // Even a deleted file's number is not reused: a player may have seen it.
    QCOMPARE(commitOne(*f.store, 5, 1000, 1000).sequence, 10);
    QCOMPARE(commitOne(*f.store, 5, 1000, 1000, 10, QStringLiteral("720p")).sequence, 4);
}

void TestSegmentStore::reconcileChecksSizes()
{
    if (m_sampleTs.isEmpty())
        QSKIP("the ffmpeg program is not installed; it makes the test media");
    Fixture f;
    QFile sample(m_sampleTs);
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray bytes = sample.readAll();
    QList<SegmentInfo> segments;
    for (int i = 0; i < 3; ++i) {
        SegmentInfo info;
        info.channelId = 6;
        info.startUtcMs = i * 2000;
        info.durationMs = 2000;
        writeTemp(*f.store, 6, kRendition, bytes);
        QString error;
        QVERIFY2(f.store->commit(info, &error), qPrintable(error));
        segments.append(info);
    }
    // A power cut: one file lost its second half, one is empty, one is fine.
    const QString truncated = f.store->segmentPath(6, kRendition, segments[0].sequence);
    const QString empty = f.store->segmentPath(6, kRendition, segments[1].sequence);
    QVERIFY(QFile::resize(truncated, bytes.size() / 2 / 188 * 188));
    QVERIFY(QFile::resize(empty, 0));

    f.reopen();
    const ReconcileReport report = f.store->reconcile();
    QCOMPARE(report.filesReindexed, 1);
    QCOMPARE(report.unreadableFilesRemoved, 1);
    QCOMPARE(report.rowsWithoutFile, 0);
    QVERIFY(!QFile::exists(empty));
    const auto rows = f.store->latest(6, kRendition, 10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].sequence, segments[0].sequence);
    QCOMPARE(rows[0].sizeBytes, QFileInfo(truncated).size());
    QVERIFY2(rows[0].durationMs < 1500, qPrintable(QString::number(rows[0].durationMs)));
    QCOMPARE(rows[1], segments[2]);
    // The removed segment's number is not handed out again.
    QCOMPARE(commitOne(*f.store, 6, 6000, 2000).sequence, segments[2].sequence + 1);
}

void TestSegmentStore::removeChannel()
{
    Fixture f;
    commitOne(*f.store, 1, 0, 1000);
    commitOne(*f.store, 1, 0, 1000, 10, QStringLiteral("720p"));
    const SegmentInfo other = commitOne(*f.store, 2, 0, 1000);
    QCOMPARE(f.store->latest(1, kRendition, 5).size(), 1);
    f.store->removeChannel(1);
    QVERIFY(!QDir(f.store->rootDir() + QStringLiteral("/1")).exists());
    QVERIFY(f.store->latest(1, kRendition, 5).isEmpty());
    QVERIFY(f.store->latest(1, kRendition, 50).isEmpty());
    QCOMPARE(f.store->bytesUsed(1), 0);
    QCOMPARE(f.store->latest(2, kRendition, 5), QList<SegmentInfo> {other});
    QVERIFY(QFile::exists(f.store->segmentPath(2, kRendition, other.sequence)));
}

void TestSegmentStore::renditionNamesCannotEscape()
{
    Fixture f;
    for (const QString &bad : {QStringLiteral("../../etc"), QStringLiteral("a/b"), QString(),
             QStringLiteral(".."), QString(33, u'a')}) {
        QVERIFY(!SegmentStore::isValidRendition(bad));
        QVERIFY(f.store->segmentPath(1, bad, 1).isEmpty());
        QVERIFY(f.store->tempPath(1, bad).isEmpty());
        QString prepareError;
        QVERIFY(!f.store->prepareTempPath(1, bad, &prepareError));
        QVERIFY2(prepareError.contains(QStringLiteral("cannot name a rendition")),
            qPrintable(prepareError));
        SegmentInfo info;
        info.channelId = 1;
        info.rendition = bad;
        QString error;
        QVERIFY(!f.store->commit(info, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot name a rendition")), qPrintable(error));
    }
    for (const QString &good :
        {QStringLiteral("src"), QStringLiteral("720p"), QStringLiteral("audio_en-2")})
        QVERIFY(f.store->segmentPath(1, good, 1).startsWith(f.store->rootDir() + u'/'));
}

void TestSegmentStore::concurrentCommitAndQueries()
{
    Fixture f;
    f.store->requestRetention(1, 60'000); // the housekeeping thread's connection stays
    f.store->waitForHousekeeping();
    const QStringList connectionsBefore = QSqlDatabase::connectionNames();
    constexpr int kSegments = 150;
    f.clock.advance(150'000); // retention removes what ended more than 60 s before this
    std::atomic<bool> done {false};
    std::atomic<int> writerFailures {0};
    // A plain std::thread, like the HTTP server's, not a QThread.
    std::thread writer([&] {
        for (int i = 0; i < kSegments; ++i) {
            SegmentInfo info;
            info.channelId = 1;
            info.startUtcMs = i * 1000;
            info.durationMs = 1000;
            QString error;
            if (!f.store->prepareTempPath(1, kRendition, &error)
                || !writeFile(f.store->tempPath(1, kRendition), "ts")
                || !f.store->commit(info, &error) || info.sequence != i)
                ++writerFailures;
            if (i % 10 == 0)
                f.store->requestRetention(1, 60'000);
        }
        done = true;
    });

    int reads = 0;
    qint64 newestSeen = -1;
    while (!done) {
        const auto live = f.store->latest(1, kRendition, 6);
        // Always oldest first and without gaps.
        for (qsizetype i = 1; i < live.size(); ++i)
            QCOMPARE(live[i].sequence, live[i - 1].sequence + 1);
        if (!live.isEmpty()) {
            QVERIFY(live.last().sequence >= newestSeen); // never goes back in time
            newestSeen = live.last().sequence;
            const auto again
                = f.store->bySequence(1, kRendition, live.last().sequence, live.last().sequence);
            QCOMPARE(again.size(), 1);
        }
        f.store->byTime(1, kRendition, 0, 1'000'000);
        ++reads;
    }
    writer.join();
    f.store->waitForHousekeeping();
    QCOMPARE(writerFailures.load(), 0);
    QVERIFY(reads > 0);
    QCOMPARE(f.store->last(1, kRendition)->sequence, kSegments - 1);
    QCOMPARE(f.store->latest(1, kRendition, 6),
        f.store->latest(1, kRendition, 500).mid(f.store->latest(1, kRendition, 500).size() - 6));
    // The writer thread's connection went away with the thread.
    QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore.size());
}

QTEST_GUILESS_MAIN(TestSegmentStore)
#include "tst_segmentstore.moc"
