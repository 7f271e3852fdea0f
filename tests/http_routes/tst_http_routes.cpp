// The pure half of the viewer HTTP server: routing, traversal refusal, Range parsing, Host
// header handling and viewer counting.
#include "http/Routes.h"
#include "http/ViewerCounter.h"
#include "timeshift/CatchupRequest.h"

#include <QTest>

using namespace panelx::http;

Q_DECLARE_METATYPE(panelx::http::RouteKind)
Q_DECLARE_METATYPE(panelx::http::RangeKind)

class TestHttpRoutes : public QObject {
    Q_OBJECT

private slots:
    void routes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<RouteKind>("kind");
        QTest::addColumn<QByteArray>("slug");
        QTest::addColumn<QByteArray>("rendition");
        QTest::addColumn<qint64>("channelId");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<qint64>("recordingId");

        const auto row = [](const char *name, const QByteArray &path, RouteKind kind,
                             const char *slug = "", const char *rendition = "", qint64 id = 0,
                             qint64 sequence = 0, qint64 recordingId = 0) {
            QTest::newRow(name) << path << kind << QByteArray(slug) << QByteArray(rendition) << id
                                << sequence << recordingId;
        };
        const auto recording
            = [&](const char *name, const QByteArray &path, RouteKind kind, qint64 recordingId,
                  qint64 sequence = 0, const char *rendition = "") {
                  row(name, path, kind, "", rendition, 0, sequence, recordingId);
              };
        using K = RouteKind;
        row("channel list", "/playlist.m3u", K::ChannelList);
        row("live", "/live/demo.m3u8", K::LivePlaylist, "demo");
        row("live slug chars", "/live/news-24_hd.v2~x.m3u8", K::LivePlaylist, "news-24_hd.v2~x");
        row("live rendition", "/live/demo/720p.m3u8", K::LivePlaylist, "demo", "720p");
        row("segment", "/seg/12/src/345.ts", K::Segment, "", "src", 12, 345);
        row("segment zero", "/seg/1/src/0.ts", K::Segment, "", "src", 1, 0);
        row("segment rendition", "/seg/3/audio_64k-x/7.ts", K::Segment, "", "audio_64k-x", 3, 7);
        row("segment max", "/seg/999999999999999999/src/999999999999999999.ts", K::Segment, "",
            "src", 999999999999999999LL, 999999999999999999LL);

        row("recording list", "/recordings.m3u", K::RecordingList);
        recording("recording playlist", "/recordings/7.m3u8", K::RecordingPlaylist, 7);
        recording("recording download", "/recordings/12.mp4", K::RecordingDownload, 12);
        recording("recording segment", "/recordings/7/345.ts", K::RecordingSegment, 7, 345);
        recording("recording segment zero", "/recordings/7/0.ts", K::RecordingSegment, 7, 0);
        recording("recording rendition segment", "/recordings/7/720p/345.ts", K::RecordingSegment,
            7, 345, "720p");
        recording("recording rendition playlist", "/recordings/7/720p.m3u8", K::RecordingPlaylist,
            7, 0, "720p");
        recording("recording source playlist", "/recordings/7/src.m3u8", K::RecordingPlaylist, 7, 0,
            "src");
        recording("recording max", "/recordings/999999999999999999.m3u8", K::RecordingPlaylist,
            999999999999999999LL);

        row("thumbnail", "/thumb/news/1796068800.jpg", K::Thumbnail, "news");
        row("thumbnail by id", "/thumb/7/1796068800.jpg", K::Thumbnail, "7");

        // Traversal, in every spelling we know.
        row("dotdot", "/seg/1/src/../../etc/passwd", K::BadPath);
        row("dotdot live", "/live/../demo.m3u8", K::BadPath);
        row("dotdot end", "/seg/1/src/..", K::BadPath);
        row("dot", "/seg/1/./src/1.ts", K::BadPath);
        row("encoded dotdot", "/seg/1/src/%2e%2e/%2e%2e/passwd", K::BadPath);
        row("encoded dotdot upper", "/live/%2E%2E%2Fdemo.m3u8", K::BadPath);
        row("encoded slash", "/seg/1%2fsrc/1.ts", K::BadPath);
        row("double encoded", "/seg/1/src/%252e%252e/1.ts", K::BadPath);
        row("backslash", "/seg/1/src\\..\\..\\1.ts", K::BadPath);
        row("double slash", "//etc/passwd", K::BadPath);
        row("double slash mid", "/seg/1//src/1.ts", K::BadPath);
        row("nul", QByteArray("/live/demo\0.m3u8", 16), K::BadPath);
        row("space", "/live/de mo.m3u8", K::BadPath);
        row("utf8", "/live/d\xc3\xa9mo.m3u8", K::BadPath);
        row("absolute form", "http://evil/seg/1/src/1.ts", K::BadPath);
        row("empty", "", K::BadPath);
        row("asterisk", "*", K::BadPath);

        // Strict grammar inside our prefixes.
        row("seg non-digit id", "/seg/1a/src/1.ts", K::BadPath);
        row("seg negative", "/seg/1/src/-1.ts", K::BadPath);
        row("seg plus", "/seg/+1/src/1.ts", K::BadPath);
        row("seg leading zero", "/seg/01/src/1.ts", K::BadPath);
        row("seg id zero", "/seg/0/src/1.ts", K::BadPath);
        row("seg overflow", "/seg/1/src/99999999999999999999.ts", K::BadPath);
        row("seg upper rendition", "/seg/1/SRC/1.ts", K::BadPath);
        row("seg long rendition", "/seg/1/abcdefghijklmnopq/1.ts", K::BadPath);
        row("seg dotted rendition", "/seg/1/s.c/1.ts", K::BadPath);
        row("seg missing part", "/seg/1/1.ts", K::BadPath);
        row("seg extra part", "/seg/1/src/x/1.ts", K::BadPath);
        row("seg wrong extension", "/seg/1/src/1.mp4", K::BadPath);
        row("seg no sequence", "/seg/1/src/.ts", K::BadPath);
        row("live dot slug", "/live/.hidden.m3u8", K::BadPath);
        row("live empty slug", "/live/.m3u8", K::BadPath);
        row("live bad rendition", "/live/demo/HD.m3u8", K::BadPath);
        row("live too deep", "/live/a/b/c.m3u8", K::BadPath);
        row("live no extension", "/live/demo", K::NotFound);
        row("recording dotdot", "/recordings/../playlist.m3u", K::BadPath);
        row("recording encoded", "/recordings/1%2e.m3u8", K::BadPath);
        row("recording id zero", "/recordings/0.m3u8", K::BadPath);
        row("recording leading zero", "/recordings/01.mp4", K::BadPath);
        row("recording negative", "/recordings/-1.m3u8", K::BadPath);
        row("recording name", "/recordings/news.m3u8", K::BadPath);
        row("recording overflow", "/recordings/99999999999999999999.m3u8", K::BadPath);
        row("recording segment negative", "/recordings/1/-1.ts", K::BadPath);
        row("recording segment bad id", "/recordings/x/1.ts", K::BadPath);
        row("recording segment no sequence", "/recordings/1/.ts", K::BadPath);
        row("recording segment wrong extension", "/recordings/1/1.mp4", K::BadPath);
        row("recording segment upper rendition", "/recordings/1/SRC/1.ts", K::BadPath);
        row("recording segment too deep", "/recordings/1/src/x/1.ts", K::BadPath);
        row("recording trailing slash", "/recordings/1/", K::BadPath);
        row("recording rendition playlist upper", "/recordings/1/720P.m3u8", K::BadPath);
        row("recording rendition playlist id zero", "/recordings/0/720p.m3u8", K::BadPath);
        row("recording rendition playlist too deep", "/recordings/1/src/x.m3u8", K::BadPath);
        row("recording rendition playlist no name", "/recordings/1/.m3u8", K::BadPath);
        row("recording other extension", "/recordings/1.ts", K::NotFound);
        row("recording double extension", "/recordings/1.m3u8.mp4", K::NotFound);
        row("recording no extension", "/recordings/1", K::NotFound);
        row("recordings folder", "/recordings/", K::NotFound);
        row("recordings without slash", "/recordings", K::NotFound);
        row("recording list suffix", "/recordings.m3u8", K::NotFound);
        // /<slug>/… are the catch-up parser's (tests/catchup).
        row("channel alias", "/demo/index.m3u8", K::NotFound);
        row("channel stream", "/demo/mpegts", K::NotFound);
        row("alias encoded", "/de%6do/mpegts", K::BadPath);
        row("alias dotdot", "/../mpegts", K::BadPath);
        row("thumbnail not a time", "/thumb/news/noon.jpg", K::BadPath);
        row("thumbnail leading zero", "/thumb/news/01.jpg", K::BadPath);
        row("thumbnail png", "/thumb/news/1796068800.png", K::BadPath);
        row("thumbnail no channel", "/thumb/1796068800.jpg", K::BadPath);
        row("thumbnail too deep", "/thumb/news/x/1796068800.jpg", K::BadPath);
        row("thumbnail dot slug", "/thumb/.news/1796068800.jpg", K::BadPath);
        row("unknown", "/admin", K::NotFound);
        row("root", "/", K::NotFound);
        row("playlist suffix", "/playlist.m3u/x", K::NotFound);
    }

    void routes()
    {
        QFETCH(QByteArray, path);
        QFETCH(RouteKind, kind);
        const Route route = parseRoute(std::string_view(path.constData(), size_t(path.size())));
        QCOMPARE(route.kind, kind);
        if (kind == RouteKind::BadPath || kind == RouteKind::NotFound) {
            QVERIFY2(std::strlen(route.reason) > 10, "refusals say why");
            return;
        }
        QFETCH(QByteArray, slug);
        QFETCH(QByteArray, rendition);
        QFETCH(qint64, channelId);
        QFETCH(qint64, sequence);
        QCOMPARE(QByteArray(route.slug.data(), qsizetype(route.slug.size())), slug);
        QCOMPARE(QByteArray(route.rendition.data(), qsizetype(route.rendition.size())), rendition);
        QCOMPARE(route.channelId, channelId);
        QCOMPARE(route.sequence, sequence);
        QFETCH(qint64, recordingId);
        QCOMPARE(route.recordingId, recordingId);
    }

    void thumbnailMoment()
    {
        QCOMPARE(parseRoute("/thumb/news/1796068800.jpg").utcSeconds, 1796068800);
        QCOMPARE(parseRoute("/thumb/news/0.jpg").utcSeconds, 0);
    }

    void slugLength()
    {
        const QByteArray longest(kMaxSlugLength, 'a');
        QVERIFY(isValidSlug(longest.toStdString()));
        QVERIFY(!isValidSlug((longest + 'a').toStdString()));
        QCOMPARE(
            parseRoute(("/live/" + longest + "a.m3u8").toStdString()).kind, RouteKind::BadPath);
    }

    // One list: every first component the server answers itself is reserved, and a slug that
    // is reserved is never read as a channel.
    void reservedSlugs_data()
    {
        QTest::addColumn<QByteArray>("slug");
        QTest::addColumn<bool>("reserved");
        for (const QString &slug : panelx::http::reservedSlugs())
            QTest::newRow(qPrintable(slug)) << slug.toUtf8() << true;
        QTest::newRow("upper case") << QByteArray("LIVE") << true;
        QTest::newRow("mixed case") << QByteArray("TimeShift") << true;
        QTest::newRow("channel") << QByteArray("news") << false;
        QTest::newRow("prefix of one") << QByteArray("liv") << false;
        QTest::newRow("longer than one") << QByteArray("lives") << false;
        QTest::newRow("derived from a dotted one") << QByteArray("playlist-m3u") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void reservedSlugs()
    {
        QFETCH(QByteArray, slug);
        QFETCH(bool, reserved);
        QCOMPARE(isReservedSlug(slug.toStdString()), reserved);
    }

    void everyOwnPathIsReserved()
    {
        for (const char *path : {"/playlist.m3u", "/recordings.m3u", "/live/a.m3u8",
                 "/seg/1/src/1.ts", "/recordings/1.m3u8"}) {
            QVERIFY(parseRoute(path).kind != RouteKind::NotFound);
            const std::string_view first = std::string_view(path).substr(1);
            QVERIFY2(isReservedSlug(first.substr(0, first.find('/'))), path);
        }
        // The catch-up parser, which owns /<slug>/…, leaves every reserved one alone.
        for (const QString &slug : panelx::http::reservedSlugs())
            for (const char *file : {"/index.m3u8", "/mpegts", "/archive-1796068800-60.m3u8"}) {
                const std::string path = "/" + slug.toStdString() + file;
                if (slug == QLatin1String("timeshift") || slug == QLatin1String("live"))
                    continue; // their own forms
                QVERIFY2(panelx::timeshift::parseCatchup(path, {}, QTimeZone::utc(), 0).outcome
                        == panelx::timeshift::CatchupParse::Outcome::NotCatchup,
                    path.c_str());
            }
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<RangeKind>("kind");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");

        using K = RangeKind;
        const auto row = [](const char *name, const char *header, qint64 size, K kind,
                             qint64 first = 0, qint64 last = 0) {
            QTest::newRow(name) << QByteArray(header) << size << kind << first << last;
        };
        row("closed", "bytes=0-99", 1000, K::Satisfiable, 0, 99);
        row("middle", "bytes=100-199", 1000, K::Satisfiable, 100, 199);
        row("one byte", "bytes=5-5", 1000, K::Satisfiable, 5, 5);
        row("open end", "bytes=900-", 1000, K::Satisfiable, 900, 999);
        row("last byte", "bytes=999-", 1000, K::Satisfiable, 999, 999);
        row("end past size", "bytes=500-5000", 1000, K::Satisfiable, 500, 999);
        row("huge end", "bytes=0-99999999999999999999999", 1000, K::Satisfiable, 0, 999);
        row("suffix", "bytes=-100", 1000, K::Satisfiable, 900, 999);
        row("suffix whole", "bytes=-1000", 1000, K::Satisfiable, 0, 999);
        row("suffix larger", "bytes=-5000", 1000, K::Satisfiable, 0, 999);
        row("unit case", "Bytes=0-0", 1000, K::Satisfiable, 0, 0);
        row("spaces", "  bytes= 1 - 2 ", 1000, K::Satisfiable, 1, 2);
        row("start at size", "bytes=1000-", 1000, K::Unsatisfiable);
        row("start past size", "bytes=2000-3000", 1000, K::Unsatisfiable);
        row("huge start", "bytes=99999999999999999999999-", 1000, K::Unsatisfiable);
        row("suffix zero", "bytes=-0", 1000, K::Unsatisfiable);
        row("empty file", "bytes=0-", 0, K::Unsatisfiable);
        row("empty file suffix", "bytes=-5", 0, K::Unsatisfiable);
        row("no header", "", 1000, K::None);
        row("reversed", "bytes=10-5", 1000, K::None);
        row("multiple", "bytes=0-1,5-6", 1000, K::None);
        row("other unit", "items=0-1", 1000, K::None);
        row("no dash", "bytes=5", 1000, K::None);
        row("garbage", "bytes=a-b", 1000, K::None);
        row("negative", "bytes=-5-10", 1000, K::None);
        row("dash only", "bytes=-", 1000, K::None);
        row("no equals", "bytes 0-1", 1000, K::None);
        row("unit only", "bytes=", 1000, K::None);
    }

    void ranges()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, size);
        QFETCH(RangeKind, kind);
        const ByteRange range = parseRange(header.toStdString(), size);
        QCOMPARE(range.kind, kind);
        if (kind == RangeKind::Satisfiable) {
            QFETCH(qint64, first);
            QFETCH(qint64, last);
            QCOMPARE(range.first, first);
            QCOMPARE(range.last, last);
            QCOMPARE(range.length(), last - first + 1);
        }
    }

    void baseUrls_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QString>("expected");
        const QString fallback = QStringLiteral("http://10.0.0.1:8080");
        QTest::newRow("name port") << QByteArray("tv.local:8080") << "http://tv.local:8080";
        QTest::newRow("name") << QByteArray("panel") << "http://panel";
        QTest::newRow("ipv4") << QByteArray("192.168.1.20:9000") << "http://192.168.1.20:9000";
        QTest::newRow("ipv6") << QByteArray("[::1]:8080") << "http://[::1]:8080";
        QTest::newRow("ipv6 no port") << QByteArray("[fe80::1]") << "http://[fe80::1]";
        QTest::newRow("missing") << QByteArray() << fallback;
        QTest::newRow("injection") << QByteArray("a\r\n#EXTINF") << fallback;
        QTest::newRow("path") << QByteArray("evil.com/x") << fallback;
        QTest::newRow("userinfo") << QByteArray("user@evil.com") << fallback;
        QTest::newRow("quote") << QByteArray("a\"b") << fallback;
        QTest::newRow("bad port") << QByteArray("host:99999") << fallback;
        QTest::newRow("port letters") << QByteArray("host:80a") << fallback;
        QTest::newRow("empty port") << QByteArray("host:") << fallback;
        QTest::newRow("empty ipv6 port") << QByteArray("[::1]:") << fallback;
        QTest::newRow("unclosed ipv6") << QByteArray("[::1") << fallback;
        QTest::newRow("ipv6 junk") << QByteArray("[::1;x]") << fallback;
        QTest::newRow("only port") << QByteArray(":8080") << fallback;
        QTest::newRow("too long") << QByteArray(300, 'a') << fallback;
    }

    void baseUrls()
    {
        QFETCH(QByteArray, host);
        QFETCH(QString, expected);
        QCOMPARE(baseUrl(host.toStdString(), QStringLiteral("10.0.0.1:8080")), expected);
    }

    void viewersAreDistinctAddressesInTheWindow()
    {
        ViewerCounter counter;
        const ClientKey a = ViewerCounter::keyFromIPv4(0x7f000001);
        const ClientKey b = ViewerCounter::keyFromIPv4(0xc0a80114);
        quint8 v6[16] = {0xfe, 0x80};
        v6[15] = 1;
        const ClientKey c = ViewerCounter::keyFromIPv6(v6);
        quint8 mapped[16] = {};
        mapped[10] = mapped[11] = 0xff;
        mapped[12] = 127;
        mapped[15] = 1;

        QCOMPARE(counter.viewers(1, 0), 0);
        counter.record(1, a, 1000);
        counter.record(1, a, 2000); // the same address again is still one viewer
        counter.record(1, b, 3000);
        counter.record(1, c, 4000);
        counter.record(1, ViewerCounter::keyFromIPv6(mapped), 4000); // a's IPv4-mapped form
        counter.record(2, a, 4000);
        QCOMPARE(counter.viewers(1, 5000), 3);
        QCOMPARE(counter.viewers(2, 5000), 1);
        QCOMPARE(counter.viewers(3, 5000), 0);

        // 30 s after its last fetch a client no longer counts.
        QCOMPARE(counter.viewers(1, 2000 + ViewerCounter::kWindowMs - 1), 3);
        QCOMPARE(counter.viewers(1, 3000 + ViewerCounter::kWindowMs), 2);
        QCOMPARE(counter.viewers(1, 4000 + ViewerCounter::kWindowMs), 0);
        const auto all = counter.allViewers(3500 + ViewerCounter::kWindowMs);
        QCOMPARE(all.value(1), 2);
        QCOMPARE(all.value(2), 1);
        QCOMPARE(counter.allViewers(100000).size(), 0); // pruned, not just hidden
        counter.record(1, b, 200000);
        QCOMPARE(counter.viewers(1, 200000), 1);
        counter.clear();
        QCOMPARE(counter.viewers(1, 200000), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpRoutes)
#include "tst_http_routes.moc"
