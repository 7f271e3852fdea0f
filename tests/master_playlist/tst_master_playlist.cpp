// The master playlist of a ladder and what it declares: BANDWIDTH and AVERAGE-BANDWIDTH from
// segment sizes (in bits per second), the configured bandwidth before there is enough to
// measure, the rendering byte for byte, and the newest run of a live window.
#include "hls/Playlist.h"

#include <QTest>

using namespace panelx;
using namespace panelx::playlist;

Q_DECLARE_METATYPE(panelx::playlist::Bandwidth)
Q_DECLARE_METATYPE(QList<panelx::playlist::Variant>)

namespace {

SegmentInfo segment(qint64 sequence, qint64 durationMs, qint64 sizeBytes)
{
    SegmentInfo info;
    info.channelId = 1;
    info.rendition = QStringLiteral("720p");
    info.sequence = sequence;
    info.startUtcMs = 1'796'068'800'000 + sequence * 1000;
    info.durationMs = durationMs;
    info.sizeBytes = sizeBytes;
    return info;
}

// Segments of 1 s each with the given sizes, numbered from 0.
QList<SegmentInfo> seconds(std::initializer_list<qint64> sizes)
{
    QList<SegmentInfo> segments;
    for (const qint64 size : sizes)
        segments.append(segment(segments.size(), 1000, size));
    return segments;
}

Variant variant(const char *uri, qint64 bandwidth, qint64 average, int width, int height,
    const char *codecs = "avc1.64001f,mp4a.40.2", double frameRate = 25)
{
    Variant v;
    v.uri = QString::fromLatin1(uri);
    v.bandwidth = bandwidth;
    v.averageBandwidth = average;
    v.codecs = QString::fromLatin1(codecs);
    v.width = width;
    v.height = height;
    v.frameRate = frameRate;
    return v;
}

QList<qint64> sequences(const QList<SegmentInfo> &segments)
{
    QList<qint64> numbers;
    for (const SegmentInfo &segment : segments)
        numbers.append(segment.sequence);
    return numbers;
}

} // namespace

class TestMasterPlaylist : public QObject {
    Q_OBJECT

private slots:
    void bandwidth_data()
    {
        QTest::addColumn<QList<SegmentInfo>>("segments");
        QTest::addColumn<qint64>("configured");
        QTest::addColumn<Bandwidth>("expected");

        QTest::newRow("bits, not bytes: 500,000 bytes in 1 s is 4,000,000 bit/s") << seconds(
            {500'000, 500'000, 500'000}) << qint64(2'800'000) << Bandwidth {4'000'000, 4'000'000};
        QTest::newRow("peak is the largest segment, average all bits over all time") << seconds(
            {100'000, 400'000, 250'000, 250'000}) << qint64(0) << Bandwidth {3'200'000, 2'000'000};
        QTest::newRow("segment lengths count: 300,000 bytes in 2 s is 1,200,000 bit/s")
            << QList<SegmentInfo> {segment(0, 2000, 300'000), segment(1, 500, 100'000),
                   segment(2, 1500, 150'000)}
            << qint64(0) << Bandwidth {1'600'000, 1'100'000};
        QTest::newRow("rounded up to whole bits per second")
            << QList<SegmentInfo> {segment(0, 3000, 1), segment(1, 3000, 1), segment(2, 3000, 1)}
            << qint64(0) << Bandwidth {3, 3};
        QTest::newRow("fewer than 3 segments: the configured bandwidth, no average")
            << seconds({500'000, 500'000}) << qint64(2'928'000) << Bandwidth {2'928'000, 0};
        QTest::newRow("no segments: the configured bandwidth")
            << QList<SegmentInfo> {} << qint64(928'000) << Bandwidth {928'000, 0};
        QTest::newRow("zero durations are left out, also from the count") << QList<SegmentInfo> {
            segment(0, 1000, 100'000), segment(1, 0, 900'000),
            segment(2, 1000, 100'000)} << qint64(1'000) << Bandwidth {1'000, 0};
        QTest::newRow("zero durations left out of a measurement") << QList<SegmentInfo> {
            segment(0, 1000, 100'000), segment(1, 0, 900'000), segment(2, 1000, 200'000),
            segment(3, 1000, 300'000)} << qint64(1'000) << Bandwidth {2'400'000, 1'600'000};
        QTest::newRow("a 1080p rung at 5 Mbit/s for 4 s segments") << QList<SegmentInfo> {
            segment(0, 4000, 2'500'000), segment(1, 4000, 2'750'000),
            segment(2, 4000, 2'250'000)} << qint64(5'128'000) << Bandwidth {5'500'000, 5'000'000};
    }

    void bandwidth()
    {
        QFETCH(QList<SegmentInfo>, segments);
        QFETCH(qint64, configured);
        QFETCH(Bandwidth, expected);
        const Bandwidth measured = measureBandwidth(
            std::span<const SegmentInfo>(segments.constData(), size_t(segments.size())),
            configured);
        QCOMPARE(measured.peakBitsPerSecond, expected.peakBitsPerSecond);
        QCOMPARE(measured.averageBitsPerSecond, expected.averageBitsPerSecond);
    }

    void renderMaster_data()
    {
        QTest::addColumn<QList<Variant>>("variants");
        QTest::addColumn<QByteArray>("expected");

        const QByteArray head = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n";
        QTest::newRow("no variants") << QList<Variant> {} << head;
        QTest::newRow("one variant, every attribute")
            << QList<Variant> {variant("/live/news/720p.m3u8", 3'080'000, 2'790'000, 1280, 720)}
            << head
                + "#EXT-X-STREAM-INF:BANDWIDTH=3080000,AVERAGE-BANDWIDTH=2790000,"
                  "CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000\n"
                  "/live/news/720p.m3u8\n";
        QTest::newRow("highest first, whatever the order given")
            << QList<Variant> {variant("360p.m3u8", 928'000, 0, 640, 360, "avc1.4d401e,mp4a.40.2"),
                   variant("1080p.m3u8", 5'128'000, 0, 1920, 1080, "avc1.640028,mp4a.40.2"),
                   variant("720p.m3u8", 2'928'000, 0, 1280, 720)}
            << head
                + "#EXT-X-STREAM-INF:BANDWIDTH=5128000,CODECS=\"avc1.640028,mp4a.40.2\","
                  "RESOLUTION=1920x1080,FRAME-RATE=25.000\n1080p.m3u8\n"
                  "#EXT-X-STREAM-INF:BANDWIDTH=2928000,CODECS=\"avc1.64001f,mp4a.40.2\","
                  "RESOLUTION=1280x720,FRAME-RATE=25.000\n720p.m3u8\n"
                  "#EXT-X-STREAM-INF:BANDWIDTH=928000,CODECS=\"avc1.4d401e,mp4a.40.2\","
                  "RESOLUTION=640x360,FRAME-RATE=25.000\n360p.m3u8\n";
        // A measured peak of a lower rung above a higher one's must not swap them.
        QTest::newRow("by picture height before bandwidth")
            << QList<Variant> {variant("480p.m3u8", 3'000'000, 0, 854, 480),
                   variant("720p.m3u8", 2'000'000, 0, 1280, 720)}
            << head
                + "#EXT-X-STREAM-INF:BANDWIDTH=2000000,CODECS=\"avc1.64001f,mp4a.40.2\","
                  "RESOLUTION=1280x720,FRAME-RATE=25.000\n720p.m3u8\n"
                  "#EXT-X-STREAM-INF:BANDWIDTH=3000000,CODECS=\"avc1.64001f,mp4a.40.2\","
                  "RESOLUTION=854x480,FRAME-RATE=25.000\n480p.m3u8\n";
        QTest::newRow("fractional frame rate with three decimals")
            << QList<Variant> {variant("a.m3u8", 1'000, 0, 640, 360, "avc1.4d401e", 30000.0 / 1001)}
            << head
                + "#EXT-X-STREAM-INF:BANDWIDTH=1000,CODECS=\"avc1.4d401e\",RESOLUTION=640x360,"
                  "FRAME-RATE=29.970\na.m3u8\n";
        QTest::newRow("unknown codecs, picture and frame rate are left out")
            << QList<Variant> {variant("a.m3u8", 1'000, 0, 0, 0, "", 0)}
            << head + "#EXT-X-STREAM-INF:BANDWIDTH=1000\na.m3u8\n";
        QTest::newRow("quotes and line breaks cannot break the format")
            << QList<Variant> {variant("a.m3u8\r\n#EXT-X-ENDLIST", 1'000, 0, 0, 0, "avc1\"x\ny", 0)}
            << head
                + "#EXT-X-STREAM-INF:BANDWIDTH=1000,CODECS=\"avc1'x y\"\na.m3u8  #EXT-X-ENDLIST\n";
    }

    void renderMaster()
    {
        QFETCH(QList<Variant>, variants);
        QFETCH(QByteArray, expected);
        QCOMPARE(playlist::renderMaster(variants), expected);
    }

    // The media playlists' version, so the two never disagree.
    void versionIsTheMediaPlaylists()
    {
        const QByteArray media = renderMedia({}, MediaOptions {});
        QVERIFY(media.startsWith("#EXTM3U\n#EXT-X-VERSION:" + QByteArray::number(kVersion) + '\n'));
        QVERIFY(playlist::renderMaster({}).startsWith(
            "#EXTM3U\n#EXT-X-VERSION:" + QByteArray::number(kVersion) + '\n'));
    }

    void newestRun_data()
    {
        QTest::addColumn<QList<qint64>>("numbers");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("empty") << QList<qint64> {} << QList<qint64> {};
        QTest::newRow("one") << QList<qint64> {7} << QList<qint64> {7};
        QTest::newRow("consecutive: all")
            << QList<qint64> {3, 4, 5, 6, 7, 8} << QList<qint64> {3, 4, 5, 6, 7, 8};
        QTest::newRow("a rung brought into step skipped 5 to 9")
            << QList<qint64> {2, 3, 4, 9, 10, 11} << QList<qint64> {9, 10, 11};
        QTest::newRow("two skips: after the last")
            << QList<qint64> {1, 3, 4, 8, 9, 10} << QList<qint64> {8, 9, 10};
        QTest::newRow("the newest just skipped")
            << QList<qint64> {1, 2, 3, 4, 5, 20} << QList<qint64> {20};
    }

    void newestRun()
    {
        QFETCH(QList<qint64>, numbers);
        QFETCH(QList<qint64>, expected);
        QList<SegmentInfo> segments;
        for (const qint64 number : std::as_const(numbers))
            segments.append(segment(number, 1000, 1000));
        QCOMPARE(sequences(playlist::newestRun(segments)), expected);
    }
};

QTEST_GUILESS_MAIN(TestMasterPlaylist)
#include "tst_master_playlist.moc"
