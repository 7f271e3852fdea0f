// The timeshift buffer index over a real segment store (SQLite file and segment files in a
// temporary folder): snapshots follow commits, drop what left the buffer, and are shared while
// nothing changed.
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "timeshift/BufferIndex.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

using namespace panelx;
using namespace panelx::timeshift;

namespace {

constexpr qint64 kBase = 1796068800LL * 1000; // 2026-11-30T20:00:00Z
constexpr qint64 kSegmentMs = 4000;

ChannelConfig channel(qint64 id, qint64 bufferMs)
{
    ChannelConfig config;
    config.id = id;
    config.name = QStringLiteral("Channel %1").arg(id);
    config.slug = QStringLiteral("channel-%1").arg(id);
    config.bufferMs = bufferMs;
    return config;
}

} // namespace

class TestBufferIndex : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void growsWithCommits();
    void dropsWhatLeftTheBuffer();
    void unchangedIsTheSameObject();
    void channelsAndRenditionsApart();
    void bufferLengthChangeReadsAgain();
    void forgetChannel();
    void concurrentReadersWhileCommitting();

private:
    // Commits the next segment of channelId/rendition, `index` segments after kBase.
    void commit(qint64 channelId, int index, const QString &rendition = kSourceRendition,
        bool discontinuity = false);
    QList<SegmentInfo> stored(qint64 channelId, const QString &rendition = kSourceRendition) const
    {
        return m_fixture->store->bySequence(channelId, rendition, 0, 1'000'000);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::StoreFixture> m_fixture;
};

void TestBufferIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<test::StoreFixture>();
    const QString error = m_fixture->open(m_dir->path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestBufferIndex::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

void TestBufferIndex::commit(
    qint64 channelId, int index, const QString &rendition, bool discontinuity)
{
    SegmentInfo info;
    info.channelId = channelId;
    info.rendition = rendition;
    info.startUtcMs = kBase + index * kSegmentMs;
    info.durationMs = kSegmentMs;
    info.discontinuity = discontinuity;
    const QString error = test::commitSegment(*m_fixture->store, info, QByteArray(188, 'G'));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestBufferIndex::growsWithCommits()
{
    BufferIndex index(*m_fixture->store);
    const ChannelConfig news = channel(1, kDefaultBufferMs);
    auto empty = index.snapshot(news, kSourceRendition, kBase);
    QVERIFY(empty->isEmpty());

    for (int i = 0; i < 3; ++i)
        commit(1, i);
    auto three = index.snapshot(news, kSourceRendition, kBase + 12'000);
    QCOMPARE(three->segments(), stored(1));
    QCOMPARE(three->size(), 3);

    commit(1, 3);
    commit(1, 4, kSourceRendition, true);
    auto five = index.snapshot(news, kSourceRendition, kBase + 20'000);
    QCOMPARE(five->segments(), stored(1));
    QCOMPARE(five->size(), 5);
    // Extended, yet the same as reading the store whole.
    const auto built = BufferSnapshot::build(stored(1));
    QCOMPARE(five->lines(0, 4).toByteArray(), built->lines(0, 4).toByteArray());
    QVERIFY(five->lines(0, 4).toByteArray().contains("/seg/1/src/"));
    // What an earlier request holds is unchanged.
    QCOMPARE(three->size(), 3);
    QVERIFY(empty->isEmpty());
}

void TestBufferIndex::dropsWhatLeftTheBuffer()
{
    BufferIndex index(*m_fixture->store);
    const ChannelConfig news = channel(1, 20'000); // 5 segments
    for (int i = 0; i < 10; ++i)
        commit(1, i);
    const qint64 newestEnd = kBase + 40'000;
    auto first = index.snapshot(news, kSourceRendition, newestEnd);
    QCOMPARE(first->segments(), stored(1).mid(5));

    // Time passes, nothing new: the oldest leaves.
    auto later = index.snapshot(news, kSourceRendition, newestEnd + kSegmentMs);
    QCOMPARE(later->segments(), stored(1).mid(6));
    QVERIFY(later != first);

    // New segments and time: both ends move.
    commit(1, 10);
    commit(1, 11);
    auto moved = index.snapshot(news, kSourceRendition, newestEnd + 3 * kSegmentMs);
    QCOMPARE(moved->segments(), stored(1).mid(8));

    // The whole buffer ended long ago (the channel stopped): empty, and no segment invented.
    auto gone = index.snapshot(news, kSourceRendition, newestEnd + 3'600'000);
    QVERIFY(gone->isEmpty());
    QCOMPARE(index.snapshot(news, kSourceRendition, newestEnd + 3'600'000), gone);
}

void TestBufferIndex::unchangedIsTheSameObject()
{
    BufferIndex index(*m_fixture->store);
    const ChannelConfig news = channel(1, kDefaultBufferMs);
    for (int i = 0; i < 4; ++i)
        commit(1, i);
    const auto a = index.snapshot(news, kSourceRendition, kBase + 16'000);
    const auto b = index.snapshot(news, kSourceRendition, kBase + 17'000);
    QCOMPARE(a, b);
    commit(1, 4);
    const auto c = index.snapshot(news, kSourceRendition, kBase + 20'000);
    QVERIFY(c != b);
    QCOMPARE(index.snapshot(news, kSourceRendition, kBase + 21'000), c);
}

void TestBufferIndex::channelsAndRenditionsApart()
{
    BufferIndex index(*m_fixture->store);
    for (int i = 0; i < 3; ++i) {
        commit(1, i);
        commit(2, i + 100);
    }
    commit(1, 0, QStringLiteral("720p"));
    const qint64 now = kBase + 500'000;
    const auto one = index.snapshot(channel(1, kDefaultBufferMs), kSourceRendition, now);
    const auto two = index.snapshot(channel(2, kDefaultBufferMs), kSourceRendition, now);
    const auto rung = index.snapshot(channel(1, kDefaultBufferMs), QStringLiteral("720p"), now);
    QCOMPARE(one->segments(), stored(1));
    QCOMPARE(two->segments(), stored(2));
    QCOMPARE(rung->segments(), stored(1, QStringLiteral("720p")));
    QCOMPARE(rung->size(), 1);
    QVERIFY(rung->lines(0, 0).toByteArray().contains("/seg/1/720p/"));
    QVERIFY(two->lines(0, 2).toByteArray().contains("/seg/2/src/"));

    commit(2, 103);
    QCOMPARE(index.snapshot(channel(1, kDefaultBufferMs), kSourceRendition, now), one);
    QCOMPARE(index.snapshot(channel(2, kDefaultBufferMs), kSourceRendition, now)->size(), 4);
}

void TestBufferIndex::bufferLengthChangeReadsAgain()
{
    BufferIndex index(*m_fixture->store);
    for (int i = 0; i < 10; ++i)
        commit(1, i);
    const qint64 now = kBase + 40'000;
    QCOMPARE(index.snapshot(channel(1, 20'000), kSourceRendition, now)->size(), 5);
    // Longer: the older segments the store still has come back.
    const auto longer = index.snapshot(channel(1, 40'000), kSourceRendition, now);
    QCOMPARE(longer->segments(), stored(1));
    // Shorter again.
    QCOMPARE(index.snapshot(channel(1, 8000), kSourceRendition, now)->segments(), stored(1).mid(8));
}

void TestBufferIndex::forgetChannel()
{
    BufferIndex index(*m_fixture->store);
    commit(1, 0);
    commit(2, 0);
    const ChannelConfig one = channel(1, kDefaultBufferMs);
    const ChannelConfig two = channel(2, kDefaultBufferMs);
    const auto before = index.snapshot(one, kSourceRendition, kBase);
    const auto other = index.snapshot(two, kSourceRendition, kBase);
    index.forgetChannel(1);
    const auto after = index.snapshot(one, kSourceRendition, kBase);
    QVERIFY(after != before);
    QCOMPARE(after->segments(), before->segments());
    QCOMPARE(index.snapshot(two, kSourceRendition, kBase), other);

    // The channel deleted from the store: nothing left to serve.
    m_fixture->store->removeChannel(1);
    index.forgetChannel(1);
    QVERIFY(index.snapshot(one, kSourceRendition, kBase)->isEmpty());
    // Even without forgetting: a store that no longer continues what was seen is read again.
    m_fixture->store->removeChannel(2);
    QVERIFY(index.snapshot(two, kSourceRendition, kBase)->isEmpty());
}

void TestBufferIndex::concurrentReadersWhileCommitting()
{
    BufferIndex index(*m_fixture->store);
    const ChannelConfig news = channel(1, kDefaultBufferMs);
    constexpr int kSegments = 60;
    std::atomic<bool> done {false};
    std::atomic<int> bad {0};
    std::atomic<int> reads {0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r)
        readers.emplace_back([&] {
            while (!done.load()) {
                const auto snapshot = index.snapshot(news, kSourceRendition, kBase);
                const QList<SegmentInfo> &segments = snapshot->segments();
                // Every snapshot a whole, ordered buffer from the first segment on.
                for (qsizetype i = 0; i < segments.size(); ++i)
                    if (segments[i].startUtcMs != kBase + i * kSegmentMs)
                        ++bad;
                if (!snapshot->isEmpty()
                    && snapshot->lines(0, snapshot->size() - 1).count('\n') != 3 * snapshot->size())
                    ++bad;
                ++reads;
            }
        });
    for (int i = 0; i < kSegments; ++i)
        commit(1, i);
    // The index holds every commit; the readers then read a few more times before they stop.
    const bool caughtUp = test::waitFor(
        [&] { return index.snapshot(news, kSourceRendition, kBase)->size() == kSegments; }, 10000);
    const int readsAtEnd = reads.load();
    QVERIFY(test::waitFor([&] { return reads.load() > readsAtEnd + 3; }, 10000));
    done = true;
    for (std::thread &reader : readers)
        reader.join();
    QVERIFY(caughtUp);
    QCOMPARE(bad.load(), 0);
    QCOMPARE(index.snapshot(news, kSourceRendition, kBase)->segments(), stored(1));
}

QTEST_GUILESS_MAIN(TestBufferIndex)
#include "tst_bufferindex.moc"
