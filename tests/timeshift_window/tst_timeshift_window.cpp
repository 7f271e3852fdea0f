// Catch-up windows over a buffer snapshot: which segments each request kind selects (clamping,
// gaps, the future, an empty buffer), and the playlist that lists them, checked byte for byte
// against renderMedia over the same segments.
#include "hls/Playlist.h"
#include "timeshift/BufferSnapshot.h"
#include "timeshift/Window.h"

#include <QDateTime>
#include <QTest>

using namespace panelx;
using namespace panelx::timeshift;

Q_DECLARE_METATYPE(panelx::timeshift::CatchupRequest)

namespace {

constexpr qint64 kBase = 1796068800LL * 1000; // 2026-11-30T20:00:00Z
constexpr qint64 kSegmentMs = 4000;
constexpr int kTargetMs = 4000;
constexpr qint64 kGapStart = kBase + 40'000; // the source was down for a minute
constexpr qint64 kGapEnd = kBase + 100'000;
constexpr qint64 kNewestEnd = kBase + 140'000;

SegmentInfo segment(int index, qint64 startUtcMs, qint64 durationMs, bool discontinuity,
    qint64 discontinuitySequence)
{
    SegmentInfo info;
    info.channelId = 7;
    info.sequence = 100 + index;
    info.startUtcMs = startUtcMs;
    info.durationMs = durationMs;
    info.sizeBytes = 1000 + index;
    info.discontinuity = discontinuity;
    info.discontinuitySequence = discontinuitySequence;
    return info;
}

// 20 segments of 4 s from kBase: ten, a minute's gap, ten more (the first flagged).
QList<SegmentInfo> gappedSegments()
{
    QList<SegmentInfo> segments;
    for (int i = 0; i < 10; ++i)
        segments.append(segment(i, kBase + i * kSegmentMs, kSegmentMs, false, 0));
    for (int i = 10; i < 20; ++i)
        segments.append(segment(i, kGapEnd + (i - 10) * kSegmentMs, kSegmentMs, i == 10, 1));
    return segments;
}

CatchupRequest request(WindowKind kind, qint64 start = 0, qint64 end = 0, qint64 delayMs = 0)
{
    CatchupRequest r;
    r.channel = QStringLiteral("news");
    r.kind = kind;
    r.startUtcMs = start;
    r.endUtcMs = end;
    r.delayMs = delayMs;
    return r;
}

QByteArray joined(const RenderedWindow &rendered)
{
    return rendered.header + QByteArray(rendered.body, rendered.bodyLength) + rendered.trailer;
}

// renderMedia over the same segments: the independent check of renderWindow.
QByteArray expectedPlaylist(const QList<SegmentInfo> &segments, const Window &window, int targetMs)
{
    playlist::MediaOptions options;
    options.uriPrefix = QStringLiteral("/seg/7/src/");
    options.targetDurationMs = targetMs;
    options.endList = window.endList;
    options.playlistType = QString::fromLatin1(window.playlistType);
    return playlist::renderMedia(
        segments.mid(window.first, window.last - window.first + 1), options);
}

} // namespace

class TestTimeshiftWindow : public QObject {
    Q_OBJECT

private slots:
    void indexAt_data();
    void indexAt();
    void select_data();
    void select();
    void discontinuityAfterGap();
    void targetCoversLongSegments();
    void extendEqualsBuild_data();
    void extendEqualsBuild();
    void bufferInfo();
    void workedExample_data();
    void workedExample();
};

void TestTimeshiftWindow::indexAt_data()
{
    QTest::addColumn<qint64>("utcMs");
    QTest::addColumn<int>("index");
    QTest::newRow("before the oldest") << kBase - 1 << -1;
    QTest::newRow("oldest start") << kBase << 0;
    QTest::newRow("inside the second") << kBase + 5000 << 1;
    QTest::newRow("last ms of the second") << kBase + 7999 << 1;
    QTest::newRow("gap start: the next") << kGapStart << 10;
    QTest::newRow("in the gap: the next") << kGapStart + 30'000 << 10;
    QTest::newRow("after the gap") << kGapEnd << 10;
    QTest::newRow("last ms") << kNewestEnd - 1 << 19;
    QTest::newRow("newest end") << kNewestEnd << 20;
    QTest::newRow("far future") << kNewestEnd + 3'600'000 << 20;
}

void TestTimeshiftWindow::indexAt()
{
    QFETCH(qint64, utcMs);
    QFETCH(int, index);
    QCOMPARE(BufferSnapshot::build(gappedSegments())->indexAt(utcMs), index);
    QCOMPARE(BufferSnapshot::build({})->indexAt(utcMs), -1);
}

void TestTimeshiftWindow::select_data()
{
    QTest::addColumn<QString>("buffer"); // "gapped", "short" (3 segments) or "empty"
    QTest::addColumn<CatchupRequest>("request");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<bool>("endList");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QString>("says"); // part of the 404 sentence

    const QString gapped = QStringLiteral("gapped");
    const qint64 later = kNewestEnd + 3'600'000; // the source down for an hour since
    const qint64 live = kNewestEnd + 1000;
    const auto range = WindowKind::Range;
    const auto toLive = WindowKind::ToLive;
    const auto delayed = WindowKind::Delayed;
    const QByteArray vod = "VOD";
    const QByteArray event = "EVENT";

    QTest::newRow("range inside, any start")
        << gapped << request(range, kBase + 5000, kBase + 13'000) << live << 200 << 1 << 3 << true
        << vod << QString();
    QTest::newRow("range on segment boundaries")
        << gapped << request(range, kBase + 4000, kBase + 12'000) << live << 200 << 1 << 2 << true
        << vod << QString();
    QTest::newRow("range clamped to the oldest")
        << gapped << request(range, kBase - 100'000, kBase + 8000) << live << 200 << 0 << 1 << true
        << vod << QString();
    QTest::newRow("range clamped to the newest, source down")
        << gapped << request(range, kBase + 130'000, kBase + 1'000'000) << later << 200 << 17 << 19
        << true << vod << QString();
    QTest::newRow("range still on air = EVENT")
        << gapped << request(range, kBase + 130'000, kBase + 200'000) << live << 200 << 17 << 19
        << false << event << QString();
    QTest::newRow("range ends one segment after the newest, now")
        << gapped << request(range, kBase + 130'000, kNewestEnd + 6000) << kNewestEnd + 12'000
        << 200 << 17 << 19 << true << vod << QString();
    QTest::newRow("range start in the gap")
        << gapped << request(range, kGapStart + 10'000, kGapEnd + 10'000) << live << 200 << 10 << 12
        << true << vod << QString();
    QTest::newRow("range end in the gap")
        << gapped << request(range, kBase + 30'000, kGapStart + 30'000) << live << 200 << 7 << 9
        << true << vod << QString();
    QTest::newRow("range across the gap")
        << gapped << request(range, kBase + 30'000, kGapEnd + 8000) << live << 200 << 7 << 11
        << true << vod << QString();
    QTest::newRow("range wholly before")
        << gapped << request(range, kBase - 100'000, kBase) << live << 404 << 0 << -1 << false
        << QByteArray() << QStringLiteral("outside what this channel keeps");
    QTest::newRow("range wholly after")
        << gapped << request(range, kNewestEnd, kNewestEnd + 60'000) << later << 404 << 0 << -1
        << false << QByteArray() << QStringLiteral("2026-11-30T20:00:00Z to 2026-11-30T20:02:20Z");
    QTest::newRow("range wholly in the gap")
        << gapped << request(range, kGapStart + 5000, kGapEnd - 5000) << live << 404 << 0 << -1
        << false << QByteArray() << QStringLiteral("the source was down");
    QTest::newRow("to live from inside") << gapped << request(toLive, kBase + 5000) << live << 200
                                         << 1 << 19 << false << event << QString();
    QTest::newRow("to live from before the buffer")
        << gapped << request(toLive, kBase - 3'600'000) << live << 200 << 0 << 19 << false << event
        << QString();
    QTest::newRow("to live from the gap") << gapped << request(toLive, kGapStart + 1) << live << 200
                                          << 10 << 19 << false << event << QString();
    QTest::newRow("to live from now: the newest alone")
        << gapped << request(toLive, live + 5000) << live << 200 << 19 << 19 << false << event
        << QString();
    QTest::newRow("to live from the future")
        << gapped << request(toLive, live + 6001) << live << 404 << 0 << -1 << false << QByteArray()
        << QStringLiteral("is in the future");
    QTest::newRow("delayed 0") << gapped << request(delayed, 0, 0, 0) << kNewestEnd << 200 << 14
                               << 19 << false << QByteArray() << QString();
    QTest::newRow("delayed 20 s") << gapped << request(delayed, 0, 0, 20'000) << kNewestEnd << 200
                                  << 9 << 14 << false << QByteArray() << QString();
    QTest::newRow("delayed to the oldest")
        << gapped << request(delayed, 0, 0, 136'000) << kNewestEnd << 200 << 0 << 0 << false
        << QByteArray() << QString();
    QTest::newRow("delayed into the gap: the last before it")
        << gapped << request(delayed, 0, 0, 70'000) << kNewestEnd << 200 << 4 << 9 << false
        << QByteArray() << QString();
    QTest::newRow("delayed beyond the buffer")
        << gapped << request(delayed, 0, 0, 137'000) << kNewestEnd << 404 << 0 << -1 << false
        << QByteArray() << QStringLiteral("at most 136 s");
    QTest::newRow("live") << gapped << request(WindowKind::Live) << live << 200 << 14 << 19 << false
                          << QByteArray() << QString();
    QTest::newRow("live, short buffer")
        << QStringLiteral("short") << request(WindowKind::Live) << live << 200 << 0 << 2 << false
        << QByteArray() << QString();
    QTest::newRow("delayed, short buffer")
        << QStringLiteral("short") << request(delayed, 0, 0, 0) << live << 200 << 0 << 2 << false
        << QByteArray() << QString();
    for (const WindowKind kind : {range, toLive, delayed, WindowKind::Live})
        QTest::addRow("empty buffer, kind %d", int(kind))
            << QStringLiteral("empty") << request(kind, kBase, kBase + 60'000) << live << 404 << 0
            << -1 << false << QByteArray() << QStringLiteral("buffer is empty");
}

void TestTimeshiftWindow::select()
{
    QFETCH(QString, buffer);
    QFETCH(CatchupRequest, request);
    QFETCH(qint64, now);
    QFETCH(int, status);
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(bool, endList);
    QFETCH(QByteArray, type);
    QFETCH(QString, says);

    QList<SegmentInfo> segments = gappedSegments();
    if (buffer == u"short")
        segments = segments.mid(0, 3);
    else if (buffer == u"empty")
        segments.clear();
    const auto snapshot = BufferSnapshot::build(segments);
    const Window window = selectWindow(*snapshot, request, now, kTargetMs);
    QCOMPARE(window.status, status);
    if (status != 200) {
        QVERIFY2(window.error.contains(says), qPrintable(window.error));
        QVERIFY(joined(renderWindow(*snapshot, window, kTargetMs)).isEmpty());
        return;
    }
    QCOMPARE(window.error, QString());
    QCOMPARE(window.first, first);
    QCOMPARE(window.last, last);
    QCOMPARE(window.endList, endList);
    QCOMPARE(window.playlistType, type);

    const RenderedWindow rendered = renderWindow(*snapshot, window, kTargetMs);
    // The body is a slice of the snapshot's text, not a copy.
    const QByteArrayView all = snapshot->lines(0, snapshot->size() - 1);
    QVERIFY(rendered.body >= all.data() && rendered.body + rendered.bodyLength <= all.end());
    QCOMPARE(joined(rendered), expectedPlaylist(segments, window, kTargetMs));
}

void TestTimeshiftWindow::discontinuityAfterGap()
{
    const QList<SegmentInfo> segments = gappedSegments();
    const auto snapshot = BufferSnapshot::build(segments);

    // Starting at the first segment after the gap: its tag is counted, not written.
    Window window = selectWindow(
        *snapshot, request(WindowKind::Range, kGapEnd, kGapEnd + 8000), kNewestEnd, kTargetMs);
    QCOMPARE(window.first, 10);
    QByteArray text = joined(renderWindow(*snapshot, window, kTargetMs));
    QVERIFY(text.contains("#EXT-X-MEDIA-SEQUENCE:110\n#EXT-X-DISCONTINUITY-SEQUENCE:1\n"));
    QVERIFY(!text.contains("#EXT-X-DISCONTINUITY\n"));
    QVERIFY(text.contains("#EXT-X-PROGRAM-DATE-TIME:2026-11-30T20:01:40.000Z\n#EXTINF:4.000,\n"
                          "/seg/7/src/110.ts\n"));

    // Across it: one tag, before the first segment after it.
    window = selectWindow(*snapshot, request(WindowKind::Range, kBase + 32'000, kGapEnd + 8000),
        kNewestEnd, kTargetMs);
    text = joined(renderWindow(*snapshot, window, kTargetMs));
    QVERIFY(text.contains("#EXT-X-DISCONTINUITY-SEQUENCE:0\n"));
    QCOMPARE(text.count("#EXT-X-DISCONTINUITY\n"), 1);
    QVERIFY(text.contains("/seg/7/src/109.ts\n#EXT-X-DISCONTINUITY\n"
                          "#EXT-X-PROGRAM-DATE-TIME:2026-11-30T20:01:40.000Z\n"));
    QVERIFY(text.startsWith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n"));
    QVERIFY(text.endsWith("/seg/7/src/111.ts\n#EXT-X-ENDLIST\n"));
}

void TestTimeshiftWindow::targetCoversLongSegments()
{
    // A segment of 10 s (indexed by an older version) in a 4 s channel: the declared target
    // covers it, in every window of the snapshot, also one without it.
    QList<SegmentInfo> segments = gappedSegments().mid(0, 5);
    segments.append(segment(5, kBase + 20'000, 10'000, false, 0));
    const auto snapshot = BufferSnapshot::build(segments);
    for (const auto &[from, to] : {std::pair {kBase, kBase + 8000}, {kBase, kBase + 30'000}}) {
        const Window window
            = selectWindow(*snapshot, request(WindowKind::Range, from, to), to, kTargetMs);
        QCOMPARE(window.status, 200);
        const QByteArray text = joined(renderWindow(*snapshot, window, kTargetMs));
        QVERIFY2(text.contains("#EXT-X-TARGETDURATION:10\n"), text.constData());
    }
}

void TestTimeshiftWindow::extendEqualsBuild_data()
{
    QTest::addColumn<int>("split"); // segments in the first snapshot
    QTest::addColumn<qint64>("dropBefore");
    QTest::addColumn<int>("firstKept"); // of the 20

    QTest::newRow("grow, nothing dropped") << 8 << kBase - 1 << 0;
    QTest::newRow("grow across the gap") << 10 << kBase << 0;
    QTest::newRow("drop the oldest five") << 10 << kBase + 20'000 << 5;
    QTest::newRow("drop one ms short of a segment") << 10 << kBase + 19'999 << 4;
    QTest::newRow("drop everything before the gap") << 15 << kGapEnd << 10;
    QTest::newRow("drop all the first held") << 5 << kBase + 60'000 << 10;
    QTest::newRow("nothing new, drop two") << 20 << kBase + 8000 << 2;
    QTest::newRow("from empty") << 0 << kBase << 0;
}

void TestTimeshiftWindow::extendEqualsBuild()
{
    QFETCH(int, split);
    QFETCH(qint64, dropBefore);
    QFETCH(int, firstKept);
    const QList<SegmentInfo> all = gappedSegments();
    const auto previous = BufferSnapshot::build(all.mid(0, split));
    // Newer overlaps what previous holds by one: those are ignored.
    const QList<SegmentInfo> newer = all.mid(std::max(0, split - 1));
    const auto extended = BufferSnapshot::extend(*previous, newer, dropBefore);
    const auto built = BufferSnapshot::build(all.mid(firstKept));

    QCOMPARE(extended->segments(), built->segments());
    QCOMPARE(extended->size(), 20 - firstKept);
    QCOMPARE(extended->lines(0, extended->size() - 1).toByteArray(),
        built->lines(0, built->size() - 1).toByteArray());
    for (int i = 0; i < extended->size(); ++i)
        QCOMPARE(extended->lines(i, i).toByteArray(), built->lines(i, i).toByteArray());
    QCOMPARE(extended->bytes(), built->bytes());
    QCOMPARE(extended->longestDurationMs(), built->longestDurationMs());
    QCOMPARE(extended->info(7, kTargetMs), built->info(7, kTargetMs));
    // The previous snapshot is unchanged (a request may still be sending it).
    QCOMPARE(previous->segments(), all.mid(0, split));
}

void TestTimeshiftWindow::bufferInfo()
{
    const QList<SegmentInfo> segments = gappedSegments();
    const BufferInfo info = BufferSnapshot::build(segments)->info(7, kTargetMs);
    QCOMPARE(info.channelId, 7);
    QCOMPARE(info.oldestUtcMs, kBase);
    QCOMPARE(info.newestUtcMs, kNewestEnd);
    QCOMPARE(info.gaps.size(), 1);
    QCOMPARE(info.gaps.first().fromUtcMs, kGapStart);
    QCOMPARE(info.gaps.first().toUtcMs, kGapEnd);
    qint64 bytes = 0;
    for (const SegmentInfo &s : segments)
        bytes += s.sizeBytes;
    QCOMPARE(info.bytes, bytes);
    QCOMPARE(info.segments, 20);

    // Keyframe jitter is no gap.
    QList<SegmentInfo> jittery = segments.mid(0, 3);
    jittery[1].startUtcMs += 500;
    QVERIFY(BufferSnapshot::build(jittery)->info(7, kTargetMs).gaps.isEmpty());

    const BufferInfo empty = BufferSnapshot::build({})->info(7, kTargetMs);
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.channelId, 7);
}

void TestTimeshiftWindow::workedExample_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("firstDateTime"); // the first EXT-X-PROGRAM-DATE-TIME
    QTest::addColumn<int>("segments");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("endList");

    // The programme 20:00-21:00 UTC (900 segments), asked at 23:00.
    const QByteArray eight = "2026-11-30T20:00:00.000Z";
    QTest::newRow("flussonic archive") << QByteArray("/news/archive-1796068800-3600.m3u8")
                                       << QByteArray() << eight << 900 << QByteArray("VOD") << true;
    QTest::newRow("flussonic archive, Kodi's 5 min early and 4800 s")
        << QByteArray("/news/archive-1796068500-4800.m3u8") << QByteArray()
        << QByteArray("2026-11-30T19:55:00.000Z") << 1200 << QByteArray("VOD") << true;
    QTest::newRow("flussonic FROM-now")
        << QByteArray("/news/archive-1796068800-now.m3u8") << QByteArray() << eight << 2700
        << QByteArray("EVENT") << false;
    QTest::newRow("flussonic timeshift_abs")
        << QByteArray("/news/timeshift_abs-1796068800.m3u8") << QByteArray() << eight << 2700
        << QByteArray("EVENT") << false;
    QTest::newRow("flussonic timeshift_rel 3 h")
        << QByteArray("/news/timeshift_rel-10800.m3u8") << QByteArray()
        << QByteArray("2026-11-30T19:59:36.000Z") << 6 << QByteArray() << false;
    QTest::newRow("siptv") << QByteArray("/live/news.m3u8")
                           << QByteArray("utc=1796068800&lutc=1796079600") << eight << 2700
                           << QByteArray("VOD") << true;
    QTest::newRow("timeshift") << QByteArray("/timeshift/news.m3u8")
                               << QByteArray("start=1796068800&end=1796072400") << eight << 900
                               << QByteArray("VOD") << true;
    QTest::newRow("xtream") << QByteArray("/timeshift/U/P/60/2026-11-30:20-00/7.m3u8")
                            << QByteArray() << eight << 900 << QByteArray("VOD") << true;
    QTest::newRow("live alias") << QByteArray("/news/index.m3u8") << QByteArray()
                                << QByteArray("2026-11-30T22:59:36.000Z") << 6 << QByteArray()
                                << false;
}

void TestTimeshiftWindow::workedExample()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, firstDateTime);
    QFETCH(int, segments);
    QFETCH(QByteArray, type);
    QFETCH(bool, endList);

    // A 4 h buffer, 19:00 to 23:00 UTC, without gaps.
    const qint64 nowUtcMs = 1796079600LL * 1000;
    const qint64 oldest = nowUtcMs - 4 * 3'600'000;
    QList<SegmentInfo> buffer;
    for (int i = 0; i < 3600; ++i)
        buffer.append(segment(i, oldest + i * kSegmentMs, kSegmentMs, false, 0));
    const auto snapshot = BufferSnapshot::build(buffer);

    const CatchupParse parse = parseCatchup(std::string_view(path.constData(), path.size()),
        std::string_view(query.constData(), query.size()), QTimeZone::utc(), nowUtcMs);
    QCOMPARE(parse.outcome, CatchupParse::Outcome::Request);
    const Window window = selectWindow(*snapshot, parse.request, nowUtcMs, kTargetMs);
    QCOMPARE(window.status, 200);
    QCOMPARE(window.last - window.first + 1, segments);
    QCOMPARE(window.playlistType, type);
    QCOMPARE(window.endList, endList);
    const QByteArray text = joined(renderWindow(*snapshot, window, kTargetMs));
    QCOMPARE(text.count("#EXTINF:4.000,\n"), segments);
    const qsizetype date = text.indexOf("#EXT-X-PROGRAM-DATE-TIME:");
    QCOMPARE(text.mid(date + 25, firstDateTime.size()), firstDateTime);
    QCOMPARE(text.endsWith("#EXT-X-ENDLIST\n"), endList);
}

QTEST_GUILESS_MAIN(TestTimeshiftWindow)
#include "tst_timeshift_window.moc"
