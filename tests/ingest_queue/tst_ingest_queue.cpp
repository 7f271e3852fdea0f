// The bounded queue between an ingest and one consumer: its "drop whole GOPs" overflow policy,
// the shared session copy a consumer keeps, and the sliding-window input rate.
#include "ingest/PacketQueue.h"
#include "ingest/RateMeter.h"

#include <QtTest>

using namespace panelx;

namespace {

constexpr int kVideo = 0;
constexpr int kAudio = 1;

SharedPacket packet(int streamIndex, bool key, int size = 100)
{
    AvPacketPtr raw = makeAvPacket();
    av_new_packet(raw.get(), size);
    raw->stream_index = streamIndex;
    if (key)
        raw->flags |= AV_PKT_FLAG_KEY;
    return sharePacket(*raw);
}

// A session with one video and one audio stream (or audio only).
struct TestSession {
    explicit TestSession(bool withVideo)
    {
        video->codec_type = AVMEDIA_TYPE_VIDEO;
        video->codec_id = AV_CODEC_ID_H264;
        video->width = 320;
        audio->codec_type = AVMEDIA_TYPE_AUDIO;
        audio->codec_id = AV_CODEC_ID_AAC;
        if (withVideo)
            session.streams.push_back({kVideo, video.get(), {1, 90000}, {25, 1}});
        session.streams.push_back({kAudio, audio.get(), {1, 48000}, {0, 1}});
    }
    AvCodecParametersPtr video {avcodec_parameters_alloc()};
    AvCodecParametersPtr audio {avcodec_parameters_alloc()};
    IngestSession session;
};

std::shared_ptr<const SharedSession> share(const IngestSession &session)
{
    QString error;
    return SharedSession::copy(session, &error);
}

} // namespace

class TestIngestQueue : public QObject {
    Q_OBJECT
private slots:
    void sessionCopyOutlivesTheSource();
    void overflowDropsUntilNextKeyframe();
    void audioOnlyResumesWhenDrained();
    void byteLimitCounts();
    void sessionEventsAreNeverDropped();
    void rateFallsWhenBytesStop();
};

void TestIngestQueue::sessionCopyOutlivesTheSource()
{
    std::shared_ptr<const SharedSession> shared;
    {
        TestSession source(true);
        shared = share(source.session);
    } // the source closes and frees its codec parameters
    QVERIFY(shared);
    QCOMPARE(shared->videoIndex(), kVideo);
    QCOMPARE(shared->session().streams.size(), size_t(2));
    QCOMPARE(shared->session().streams[0].codecpar->codec_id, AV_CODEC_ID_H264);
    QCOMPARE(shared->session().streams[0].codecpar->width, 320);
    QCOMPARE(shared->session().streams[1].codecpar->codec_id, AV_CODEC_ID_AAC);
}

void TestIngestQueue::overflowDropsUntilNextKeyframe()
{
    TestSession source(true);
    PacketQueue queue({8, 1 << 20});
    queue.pushSessionStarted(share(source.session));
    // A GOP: keyframe, then 7 more packets fill the queue.
    QVERIFY(queue.pushPacket(packet(kVideo, true)));
    for (int i = 0; i < 7; ++i)
        QVERIFY(queue.pushPacket(packet(i % 2 ? kAudio : kVideo, false)));
    // Full: the rest of this GOP is dropped, audio included.
    QVERIFY(!queue.pushPacket(packet(kVideo, false)));
    QVERIFY(!queue.pushPacket(packet(kAudio, false)));
    // The consumer catches up a little, but not below half: the next keyframe still drops
    // (hysteresis), and so does its GOP.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(queue.pop());
        queue.itemDone();
    }
    QVERIFY(!queue.pushPacket(packet(kVideo, true)));
    QVERIFY(!queue.pushPacket(packet(kVideo, false)));
    // Below half: the GOP after it is taken whole, starting with its keyframe.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(queue.pop());
        queue.itemDone();
    }
    QVERIFY(!queue.pushPacket(packet(kAudio, false))); // still waiting for a keyframe
    QVERIFY(queue.pushPacket(packet(kVideo, true)));
    QVERIFY(queue.pushPacket(packet(kAudio, false)));

    const QueueStats stats = queue.stats();
    QCOMPARE(stats.packetsQueued, 10);
    QCOMPARE(stats.packetsDropped, 5);
    QCOMPARE(stats.overflows, 1);
    QCOMPARE(stats.packetsWaiting, 5);

    // What reaches the consumer after the gap starts with the keyframe.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(queue.pop());
        queue.itemDone();
    }
    const auto first = queue.pop();
    QVERIFY(first && first->packet);
    QCOMPARE(first->packet->stream_index, kVideo);
    QVERIFY(first->packet->flags & AV_PKT_FLAG_KEY);
    queue.itemDone();
}

void TestIngestQueue::audioOnlyResumesWhenDrained()
{
    TestSession source(false);
    PacketQueue queue({4, 1 << 20});
    queue.pushSessionStarted(share(source.session));
    queue.pop();
    queue.itemDone();
    for (int i = 0; i < 4; ++i)
        QVERIFY(queue.pushPacket(packet(kAudio, true)));
    QVERIFY(!queue.pushPacket(packet(kAudio, true)));
    for (int i = 0; i < 2; ++i) {
        queue.pop();
        queue.itemDone();
    }
    QVERIFY(queue.pushPacket(packet(kAudio, true)));
    QCOMPARE(queue.stats().overflows, 1);
}

void TestIngestQueue::byteLimitCounts()
{
    TestSession source(true);
    PacketQueue queue({1000, 1000});
    queue.pushSessionStarted(share(source.session));
    QVERIFY(queue.pushPacket(packet(kVideo, true, 600)));
    QVERIFY(!queue.pushPacket(packet(kVideo, false, 600)));
    QCOMPARE(queue.stats().packetsDropped, 1);
}

void TestIngestQueue::sessionEventsAreNeverDropped()
{
    TestSession source(true);
    PacketQueue queue({2, 1 << 20});
    queue.pushSessionStarted(share(source.session));
    QVERIFY(queue.pushPacket(packet(kVideo, true)));
    QVERIFY(queue.pushPacket(packet(kVideo, false)));
    QVERIFY(!queue.pushPacket(packet(kVideo, false)));
    queue.pushSessionEnded();
    queue.pushSessionStarted(share(source.session));
    queue.close();
    QList<PacketQueue::Item::Kind> kinds;
    while (const auto item = queue.pop()) {
        kinds << item->kind;
        queue.itemDone();
    }
    using Kind = PacketQueue::Item::Kind;
    QCOMPARE(kinds,
        (QList<Kind> {Kind::SessionStarted, Kind::Packet, Kind::Packet, Kind::SessionEnded,
            Kind::SessionStarted}));
    queue.waitDrained(); // returns: everything was handled
}

void TestIngestQueue::rateFallsWhenBytesStop()
{
    using namespace std::chrono_literals;
    RateMeter meter;
    const RateMeter::Clock::time_point start {};
    // 125 kB per second (1 Mb/s) for 5 s, in 100 ms steps.
    for (int i = 0; i < 50; ++i)
        meter.add(12'500, start + i * 100ms);
    const qint64 live = meter.bitsPerSecond(start + 4950ms);
    QVERIFY2(qAbs(live - 1'000'000) < 100'000, qPrintable(QString::number(live)));
    // The source stops: the rate falls at once and reaches 0 within the window.
    QVERIFY(meter.bitsPerSecond(start + 6500ms) < live * 2 / 3);
    QCOMPARE(meter.bitsPerSecond(start + 5000ms + RateMeter::kBucket * RateMeter::kBuckets), 0);
    // A source that just started is not averaged over time before its first byte.
    RateMeter fresh;
    fresh.add(12'500, start + 10s);
    fresh.add(12'500, start + 10s + 100ms);
    QVERIFY(fresh.bitsPerSecond(start + 10s + 200ms) >= 400'000);
}

QTEST_GUILESS_MAIN(TestIngestQueue)
#include "tst_ingest_queue.moc"
