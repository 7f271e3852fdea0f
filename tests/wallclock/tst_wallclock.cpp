// EXT-X-PROGRAM-DATE-TIME against the wall clock: a Segmenter fed synthetic packets at invented
// arrival times (a fake clock) over a store in a temporary folder.
#include "hls/SegmentStore.h"
#include "hls/Segmenter.h"
#include "storage/Database.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace panelx;

namespace {

constexpr int kFps = 5; // few packets: the media is never decoded, only timed
constexpr int kFramesPerGop = kFps; // 1 s GOP
constexpr int64_t kFrameTicks = 90000 / kFps;
constexpr qint64 kT0UtcMs = 1'780'000'000'000;

// A real-time MPEG-2 video source whose packets reach a Segmenter at the times a test gives.
class FakeSource {
public:
    FakeSource()
        : m_codecpar(avcodec_parameters_alloc()), m_packet(makeAvPacket()), m_payload(188, '\x55')
    {
        QString error;
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("panelx.db")));
        if (!m_db->open(&error))
            qFatal("cannot open the test database: %s", qPrintable(error));
        m_store = std::make_unique<SegmentStore>(*m_db, m_dir.filePath(QStringLiteral("seg")));
        m_codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
        m_codecpar->codec_id = AV_CODEC_ID_MPEG2VIDEO;
        m_codecpar->width = 320;
        m_codecpar->height = 240;

        SegmenterOptions options;
        options.channelId = 1;
        options.targetDurationMs = 4000;
        options.applyRetention = false;
        options.utcNowMs = [this] { return m_nowUtcMs; };
        options.onCommitted = [this](const SegmentInfo &info) { m_segments.append(info); };
        m_segmenter = std::make_unique<Segmenter>(*m_store, std::move(options));

        IngestSession session;
        session.channelId = 1;
        session.url = QStringLiteral("udp://239.0.0.1:1234");
        session.streams.push_back({0, m_codecpar.get(), {1, 90000}, {kFps, 1}});
        if (!m_segmenter->sessionStarted(session, &error))
            qFatal("the segmenter refused the session: %s", qPrintable(error));
    }

    // Frame `frame` (media time frame / kFps s) arrives at arrivalUtcMs.
    void deliver(int frame, qint64 arrivalUtcMs)
    {
        m_nowUtcMs = arrivalUtcMs;
        if (frame >= int(m_arrivalByFrame.size()))
            m_arrivalByFrame.resize(frame + 1);
        m_arrivalByFrame[frame] = arrivalUtcMs;
        AVPacket *packet = m_packet.get();
        packet->data = reinterpret_cast<uint8_t *>(m_payload.data());
        packet->size = int(m_payload.size());
        packet->stream_index = 0;
        packet->pts = packet->dts = frame * kFrameTicks;
        packet->duration = kFrameTicks;
        packet->flags = frame % kFramesPerGop == 0 ? AV_PKT_FLAG_KEY : 0;
        m_segmenter->packetReceived(*packet);
    }
    void finish() { m_segmenter->sessionEnded(); }

    const QList<SegmentInfo> &segments() const { return m_segments; }
    // When the first packet of each committed segment arrived (segments are contiguous media).
    QList<qint64> arrivalsOfSegmentStarts() const
    {
        QList<qint64> arrivals;
        qint64 mediaMs = 0;
        for (const SegmentInfo &segment : m_segments) {
            arrivals.append(m_arrivalByFrame.at(size_t(mediaMs * kFps / 1000)));
            mediaMs += segment.durationMs;
        }
        return arrivals;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SegmentStore> m_store;
    AvCodecParametersPtr m_codecpar;
    AvPacketPtr m_packet;
    QByteArray m_payload;
    std::unique_ptr<Segmenter> m_segmenter;
    qint64 m_nowUtcMs = 0;
    std::vector<qint64> m_arrivalByFrame;
    QList<SegmentInfo> m_segments;
};

// Network delay of a live source: up to 150 ms, never reordering packets.
class Network {
public:
    qint64 arrival(qint64 sentUtcMs)
    {
        m_lastUtcMs = std::max(m_lastUtcMs, sentUtcMs + qint64(m_random.bounded(150)));
        return m_lastUtcMs;
    }
    // The receiving machine's clock stepped.
    void step(qint64 deltaMs) { m_lastUtcMs += deltaMs; }

private:
    QRandomGenerator m_random {42};
    qint64 m_lastUtcMs = 0;
};

struct Check {
    int segments = 0;
    qint64 worstErrorMs = 0;
    int discontinuities = 0;
    QString firstProblem;
};

// Every segment from `from` on must start within ±1 s of the moment its media arrived, and a
// segment that is not marked a discontinuity must continue its predecessor within the 0.5 s
// that HLS validators accept.
Check check(const FakeSource &source, int from = 0)
{
    Check result;
    const QList<SegmentInfo> &segments = source.segments();
    const QList<qint64> arrivals = source.arrivalsOfSegmentStarts();
    result.segments = int(segments.size());
    for (int i = 0; i < segments.size(); ++i) {
        const SegmentInfo &segment = segments[i];
        if (segment.discontinuity)
            ++result.discontinuities;
        const qint64 errorMs = segment.startUtcMs - arrivals[i];
        if (i >= from)
            result.worstErrorMs = std::max(result.worstErrorMs, std::abs(errorMs));
        if (i >= from && std::abs(errorMs) > 1000 && result.firstProblem.isEmpty())
            result.firstProblem = QStringLiteral("segment %1 starts %2 ms from its arrival")
                                      .arg(segment.sequence)
                                      .arg(errorMs);
        if (i > 0 && !segment.discontinuity) {
            const SegmentInfo &previous = segments[i - 1];
            const qint64 gapMs = segment.startUtcMs - (previous.startUtcMs + previous.durationMs);
            if (std::abs(gapMs) > 500 && result.firstProblem.isEmpty())
                result.firstProblem
                    = QStringLiteral("segment %1 jumps %2 ms without a discontinuity")
                          .arg(segment.sequence)
                          .arg(gapMs);
        }
    }
    return result;
}

} // namespace

class TestWallClock : public QObject {
    Q_OBJECT
private slots:
    void sourceClockRate_data()
    {
        QTest::addColumn<double>("rate");
        QTest::newRow("1 % fast") << 1.01;
        QTest::newRow("1 % slow") << 0.99;
    }
    // Two hours of a source whose clock runs off the wall clock's rate.
    void sourceClockRate()
    {
        QFETCH(double, rate);
        FakeSource source;
        Network network;
        const int frames = 2 * 3600 * kFps;
        for (int frame = 0; frame < frames; ++frame) {
            const double mediaMs = frame * 1000.0 / kFps;
            source.deliver(frame, network.arrival(kT0UtcMs + qint64(std::llround(mediaMs / rate))));
        }
        source.finish();
        const Check result = check(source);
        qInfo("%d segments, worst PROGRAM-DATE-TIME error %lld ms, %d discontinuities",
            result.segments, static_cast<long long>(result.worstErrorMs), result.discontinuities);
        QVERIFY2(result.firstProblem.isEmpty(), qPrintable(result.firstProblem));
        QCOMPARE(result.discontinuities, 0);
        QVERIFY(result.segments >= 1700);
    }

    // Connecting to a live source delivers 10 s it had buffered at once, then real time.
    void burstAtStart()
    {
        FakeSource source;
        Network network;
        const int burstFrames = 10 * kFps;
        for (int frame = 0; frame < 10 * 60 * kFps; ++frame) {
            const qint64 sentUtcMs
                = kT0UtcMs + std::max<qint64>(0, (frame - burstFrames) * 1000 / kFps);
            source.deliver(frame, network.arrival(sentUtcMs));
        }
        source.finish();
        // From the first segment whose media arrived after the burst.
        const int afterBurst = 3;
        const Check result = check(source, afterBurst);
        qInfo("%d segments, worst error after the burst %lld ms, %d discontinuities",
            result.segments, static_cast<long long>(result.worstErrorMs), result.discontinuities);
        QVERIFY2(result.firstProblem.isEmpty(), qPrintable(result.firstProblem));
        QVERIFY(result.discontinuities <= 1);
    }

    void wallClockStep_data()
    {
        QTest::addColumn<qint64>("stepMs");
        QTest::newRow("+1 h") << qint64(3600'000);
        QTest::newRow("-1 h") << qint64(-3600'000);
    }
    // The machine's clock is set an hour forward or back mid-stream (NTP after a wrong start,
    // an operator fixing the time zone).
    void wallClockStep()
    {
        QFETCH(qint64, stepMs);
        FakeSource source;
        Network network;
        const int stepFrame = 10 * 60 * kFps + 2; // mid-segment
        qint64 clockOffsetMs = 0;
        for (int frame = 0; frame < 20 * 60 * kFps; ++frame) {
            if (frame == stepFrame) {
                network.step(stepMs);
                clockOffsetMs = stepMs;
            }
            source.deliver(frame, network.arrival(kT0UtcMs + frame * 1000 / kFps + clockOffsetMs));
        }
        source.finish();
        const Check result = check(source);
        qInfo("%d segments, worst error %lld ms, %d discontinuities", result.segments,
            static_cast<long long>(result.worstErrorMs), result.discontinuities);
        QVERIFY2(result.firstProblem.isEmpty(), qPrintable(result.firstProblem));
        QCOMPARE(result.discontinuities, 1);
        // On the first segment that started after the step.
        const QList<qint64> arrivals = source.arrivalsOfSegmentStarts();
        const qint64 stepUtcMs = kT0UtcMs + stepFrame * 1000 / kFps;
        for (int i = 0; i < source.segments().size(); ++i) {
            const bool afterStep = stepMs > 0 ? arrivals[i] >= stepUtcMs + stepMs
                                              : i > 0 && arrivals[i] < arrivals[i - 1];
            if (afterStep) {
                QVERIFY2(source.segments()[i].discontinuity,
                    qPrintable(QStringLiteral("segment %1 is not marked").arg(i)));
                break;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWallClock)
#include "tst_wallclock.moc"
