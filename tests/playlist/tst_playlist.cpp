#include "hls/Playlist.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace panelx;
using namespace panelx::playlist;

Q_DECLARE_METATYPE(panelx::playlist::MediaOptions)
Q_DECLARE_METATYPE(QList<panelx::playlist::ChannelEntry>)
Q_DECLARE_METATYPE(QList<panelx::playlist::RecordingEntry>)

namespace {

// 2026-11-25T16:40:00.000Z
const qint64 kBaseUtcMs
    = QDateTime(QDate(2026, 11, 25), QTime(16, 40), Qt::UTC).toMSecsSinceEpoch();

SegmentInfo segment(qint64 sequence, qint64 startUtcMs, qint64 durationMs,
    bool discontinuity = false, qint64 discontinuitySequence = 0)
{
    SegmentInfo info;
    info.channelId = 1;
    info.sequence = sequence;
    info.startUtcMs = startUtcMs;
    info.durationMs = durationMs;
    info.sizeBytes = 1000;
    info.discontinuity = discontinuity;
    info.discontinuitySequence = discontinuitySequence;
    return info;
}

MediaOptions options(int targetDurationMs = 4000, const QString &prefix = {}, bool endList = false,
    const QString &type = {})
{
    MediaOptions o;
    o.targetDurationMs = targetDurationMs;
    o.uriPrefix = prefix;
    o.endList = endList;
    o.playlistType = type;
    return o;
}

QByteArray header(int targetSeconds, qint64 mediaSequence, qint64 discontinuitySequence)
{
    return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + QByteArray::number(targetSeconds)
        + "\n#EXT-X-MEDIA-SEQUENCE:" + QByteArray::number(mediaSequence)
        + "\n#EXT-X-DISCONTINUITY-SEQUENCE:" + QByteArray::number(discontinuitySequence) + "\n";
}

} // namespace

class TestPlaylist : public QObject {
    Q_OBJECT

private slots:
    void renderMedia_data();
    void renderMedia();
    void targetDuration_data();
    void targetDuration();
    void targetDurationStaysWhileTheWindowMoves();
    void programDateTime_data();
    void programDateTime();
    void programDateTimeMatchesQt();
    void channelList_data();
    void channelList();
    void recordingList_data();
    void recordingList();
};

void TestPlaylist::renderMedia_data()
{
    QTest::addColumn<QList<SegmentInfo>>("segments");
    QTest::addColumn<MediaOptions>("options");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QList<SegmentInfo> {} << options() << header(6, 0, 0);

    QTest::newRow("three segments") << QList<SegmentInfo> {segment(10, kBaseUtcMs, 4000),
        segment(11, kBaseUtcMs + 4000, 4004), segment(12, kBaseUtcMs + 8004, 3996)}
                                    << options(4000, QStringLiteral("seg/"))
                                    << header(6, 10, 0)
            + "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:00.000Z\n#EXTINF:4.000,\nseg/10.ts\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:04.000Z\n#EXTINF:4.004,\nseg/11.ts\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:08.004Z\n#EXTINF:3.996,\nseg/12.ts\n";

    // Its discontinuity is counted in the DISCONTINUITY-SEQUENCE; no tag before it.
    QTest::newRow("first flagged") << QList<SegmentInfo> {segment(5, kBaseUtcMs, 2000, true, 3),
        segment(6, kBaseUtcMs + 2000, 2000, false, 3)}
                                   << options(2000)
                                   << header(3, 5, 3)
            + "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:00.000Z\n#EXTINF:2.000,\n5.ts\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:02.000Z\n#EXTINF:2.000,\n6.ts\n";

    QTest::newRow("middle flagged") << QList<SegmentInfo> {segment(0, kBaseUtcMs, 2000),
        segment(1, kBaseUtcMs + 2000, 1500), segment(2, kBaseUtcMs + 30000, 2000, true, 1)}
                                    << options(2000)
                                    << header(3, 0, 0)
            + "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:00.000Z\n#EXTINF:2.000,\n0.ts\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:02.000Z\n#EXTINF:1.500,\n1.ts\n"
              "#EXT-X-DISCONTINUITY\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:30.000Z\n#EXTINF:2.000,\n2.ts\n";

    QTest::newRow("several, first included")
        << QList<SegmentInfo> {segment(20, kBaseUtcMs, 1000, true, 7),
               segment(21, kBaseUtcMs + 5000, 1000, true, 8),
               segment(22, kBaseUtcMs + 6000, 1000, false, 8),
               segment(23, kBaseUtcMs + 9000, 1000, true, 9)}
        << options(1000)
        << header(2, 20, 7)
            + "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:00.000Z\n#EXTINF:1.000,\n20.ts\n"
              "#EXT-X-DISCONTINUITY\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:05.000Z\n#EXTINF:1.000,\n21.ts\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:06.000Z\n#EXTINF:1.000,\n22.ts\n"
              "#EXT-X-DISCONTINUITY\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:09.000Z\n#EXTINF:1.000,\n23.ts\n";

    QTest::newRow("vod with end list")
        << QList<SegmentInfo> {segment(100, kBaseUtcMs + 999, 999)}
        << options(4000, QStringLiteral("http://127.0.0.1:8080/seg/news/src/"), true,
               QStringLiteral("VOD"))
        << header(6, 100, 0)
            + "#EXT-X-PLAYLIST-TYPE:VOD\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:00.999Z\n#EXTINF:0.999,\n"
              "http://127.0.0.1:8080/seg/news/src/100.ts\n#EXT-X-ENDLIST\n";

    QTest::newRow("event, still open") << QList<SegmentInfo> {segment(1, kBaseUtcMs, 10000)}
                                       << options(10000, {}, false, QStringLiteral("EVENT"))
                                       << header(15, 1, 0)
            + "#EXT-X-PLAYLIST-TYPE:EVENT\n"
              "#EXT-X-PROGRAM-DATE-TIME:2026-11-25T16:40:00.000Z\n#EXTINF:10.000,\n1.ts\n";
}

void TestPlaylist::renderMedia()
{
    QFETCH(QList<SegmentInfo>, segments);
    QFETCH(MediaOptions, options);
    QFETCH(QByteArray, expected);
    QCOMPARE(playlist::renderMedia(segments, options), expected);
}

void TestPlaylist::targetDuration_data()
{
    QTest::addColumn<int>("targetDurationMs");
    QTest::addColumn<QList<qint64>>("durationsMs");
    QTest::addColumn<int>("expectedSeconds");

    // From the channel's target alone: the longest segment the segmenter cuts (1.5 x target),
    // in whole seconds rounded up.
    QTest::newRow("exact target") << 4000 << QList<qint64> {4000, 4000} << 6;
    QTest::newRow("longer than target") << 4000 << QList<qint64> {3000, 4001} << 6;
    QTest::newRow("the longest cut") << 4000 << QList<qint64> {4000, 6000} << 6;
    QTest::newRow("short segments") << 6000 << QList<qint64> {2000, 1000} << 9;
    QTest::newRow("fractional bound rounds up") << 2500 << QList<qint64> {2000, 3750} << 4;
    QTest::newRow("one second target") << 1000 << QList<qint64> {1000, 1500} << 2;
    QTest::newRow("empty, zero target is still valid") << 0 << QList<qint64> {} << 1;
}

void TestPlaylist::targetDuration()
{
    QFETCH(int, targetDurationMs);
    QFETCH(QList<qint64>, durationsMs);
    QFETCH(int, expectedSeconds);
    QList<SegmentInfo> segments;
    qint64 start = kBaseUtcMs;
    for (qint64 d : durationsMs) {
        segments.append(segment(segments.size(), start, d));
        start += d;
    }
    const QByteArray text = playlist::renderMedia(segments, options(targetDurationMs));
    QVERIFY2(text.contains("#EXT-X-TARGETDURATION:" + QByteArray::number(expectedSeconds) + "\n"),
        text.constData());
    // RFC 8216: every EXTINF rounded to the nearest integer is <= the target duration.
    for (qint64 d : durationsMs)
        QVERIFY((d + 500) / 1000 <= expectedSeconds);
}

void TestPlaylist::targetDurationStaysWhileTheWindowMoves()
{
    // A 4 s channel whose source once had a late keyframe: a 6 s segment enters the live
    // window of three and leaves it. RFC 8216 6.2.1: EXT-X-TARGETDURATION must not change.
    QList<SegmentInfo> all;
    qint64 start = kBaseUtcMs;
    for (qint64 d : {4000, 4000, 4000, 6000, 4000, 4000, 4000}) {
        all.append(segment(all.size(), start, d));
        start += d;
    }
    QSet<QByteArray> targets;
    for (qsizetype first = 0; first + 3 <= all.size(); ++first) {
        const QByteArray text = playlist::renderMedia(all.mid(first, 3), options(4000));
        const qsizetype at = text.indexOf("#EXT-X-TARGETDURATION:");
        targets.insert(text.mid(at, text.indexOf('\n', at) - at));
    }
    QCOMPARE(targets, QSet<QByteArray> {"#EXT-X-TARGETDURATION:6"});
}

void TestPlaylist::programDateTime_data()
{
    QTest::addColumn<qint64>("utcMs");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00.000Z");
    QTest::newRow("example") << kBaseUtcMs << QByteArray("2026-11-25T16:40:00.000Z");
    QTest::newRow("leap day, last ms")
        << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch()
        << QByteArray("2024-02-29T23:59:59.999Z");
    QTest::newRow("before the epoch") << qint64(-1) << QByteArray("1969-12-31T23:59:59.999Z");
    QTest::newRow("year 2100 (no leap)")
        << QDateTime(QDate(2100, 3, 1), QTime(0, 0, 0, 7), Qt::UTC).toMSecsSinceEpoch()
        << QByteArray("2100-03-01T00:00:00.007Z");
}

void TestPlaylist::programDateTime()
{
    QFETCH(qint64, utcMs);
    QFETCH(QByteArray, expected);
    QCOMPARE(formatProgramDateTime(utcMs), expected);
}

void TestPlaylist::programDateTimeMatchesQt()
{
    // Hand-rolled calendar arithmetic checked against Qt over two centuries.
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = random->bounded(qint64(-2208988800000), qint64(4102444800000));
        const QByteArray expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                                        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"))
                                        .toLatin1();
        QCOMPARE(formatProgramDateTime(ms), expected);
    }
}

void TestPlaylist::channelList_data()
{
    QTest::addColumn<QList<ChannelEntry>>("channels");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("none") << QList<ChannelEntry> {} << QByteArray("#EXTM3U\n");
    QTest::newRow("two channels")
        << QList<ChannelEntry> {
               { QStringLiteral("News"), QStringLiteral("http://127.0.0.1:8080/live/news.m3u8"),
                   QStringLiteral("news"), {}, 0 },
               { QStringLiteral("Café Télé"),
                   QStringLiteral("http://127.0.0.1:8080/live/cafe-tele.m3u8"), {}, {}, 0 },
           }
        << QByteArray("#EXTM3U\n"
                      "#EXTINF:-1 tvg-name=\"News\" tvg-id=\"news\",News\n"
                      "http://127.0.0.1:8080/live/news.m3u8\n"
                      "#EXTINF:-1 tvg-name=\"Café Télé\" tvg-id=\"Café Télé\",Café Télé\n"
                      "http://127.0.0.1:8080/live/cafe-tele.m3u8\n");
    QTest::newRow("catch-up")
        << QList<ChannelEntry> {{QStringLiteral("News"),
               QStringLiteral("http://tv.example:8080/live/news.m3u8"), QStringLiteral("news"),
               QStringLiteral("http://tv.example:8080/news/archive-{utc}-{duration}.m3u8"), 2}}
        << QByteArray("#EXTM3U\n"
                      "#EXTINF:-1 tvg-name=\"News\" tvg-id=\"news\" catchup=\"default\" "
                      "catchup-days=\"2\" catchup-source=\""
                      "http://tv.example:8080/news/archive-{utc}-{duration}.m3u8\",News\n"
                      "http://tv.example:8080/live/news.m3u8\n");
    QTest::newRow("quotes and line breaks cannot break the format")
        << QList<ChannelEntry> {{QStringLiteral("The \"Best\"\nTV, Live"),
               QStringLiteral("http://127.0.0.1:8080/live/the-best.m3u8"),
               QStringLiteral("the-best"), {}, 0}}
        << QByteArray("#EXTM3U\n"
                      "#EXTINF:-1 tvg-name=\"The 'Best' TV, Live\" tvg-id=\"the-best\","
                      "The \"Best\" TV, Live\n"
                      "http://127.0.0.1:8080/live/the-best.m3u8\n");
}

void TestPlaylist::channelList()
{
    QFETCH(QList<ChannelEntry>, channels);
    QFETCH(QByteArray, expected);
    QCOMPARE(renderChannelList(channels), expected);
}

void TestPlaylist::recordingList_data()
{
    QTest::addColumn<QList<RecordingEntry>>("recordings");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("none") << QList<RecordingEntry> {} << QByteArray("#EXTM3U\n");
    QTest::newRow("two recordings")
        << QList<RecordingEntry> {
               {QStringLiteral("News at eight"), 3'600'000,
                   QStringLiteral("http://127.0.0.1:8080/recordings/3.m3u8")},
               {QStringLiteral("Café Télé"), 61'499,
                   QStringLiteral("http://127.0.0.1:8080/recordings/12.m3u8")},
           }
        << QByteArray("#EXTM3U\n"
                      "#EXTINF:3600 tvg-name=\"News at eight\" group-title=\"Recordings\","
                      "News at eight\n"
                      "http://127.0.0.1:8080/recordings/3.m3u8\n"
                      "#EXTINF:61 tvg-name=\"Café Télé\" group-title=\"Recordings\",Café Télé\n"
                      "http://127.0.0.1:8080/recordings/12.m3u8\n");
    QTest::newRow("half a second rounds up") << QList<RecordingEntry> {{QStringLiteral("Short"),
        1'500, QStringLiteral("http://h/recordings/1.m3u8")}}
                                             << QByteArray("#EXTM3U\n"
                                                           "#EXTINF:2 tvg-name=\"Short\" "
                                                           "group-title=\"Recordings\",Short\n"
                                                           "http://h/recordings/1.m3u8\n");
    QTest::newRow("quotes and line breaks cannot break the format")
        << QList<RecordingEntry> {{QStringLiteral("The \"Match\"\r\nFinal, Live"), 90'000,
               QStringLiteral("http://h/recordings/7.m3u8")}}
        << QByteArray("#EXTM3U\n"
                      "#EXTINF:90 tvg-name=\"The 'Match'  Final, Live\" group-title=\"Recordings\","
                      "The \"Match\"  Final, Live\n"
                      "http://h/recordings/7.m3u8\n");
}

void TestPlaylist::recordingList()
{
    QFETCH(QList<RecordingEntry>, recordings);
    QFETCH(QByteArray, expected);
    QCOMPARE(renderRecordingList(recordings), expected);
}

QTEST_GUILESS_MAIN(TestPlaylist)
#include "tst_playlist.moc"
