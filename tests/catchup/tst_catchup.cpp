// Every catch-up form IPTV apps send, read into one request (CATCHUP.md of the shared docs,
// worked example: channel "news", id 7, 2026-11-30 20:00-21:00 UTC, asked at 23:00 UTC).
#include "timeshift/CatchupRequest.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace panelx;
using namespace panelx::timeshift;

Q_DECLARE_METATYPE(panelx::timeshift::CatchupRequest)
Q_DECLARE_METATYPE(panelx::timeshift::CatchupParse::Outcome)

namespace {

constexpr qint64 kFromS = 1796068800; // 2026-11-30T20:00:00Z
constexpr qint64 kFromMs = kFromS * 1000;
constexpr qint64 kToMs = (kFromS + 3600) * 1000;
constexpr qint64 kNowMs = 1796079600LL * 1000; // 23:00Z
constexpr qint64 kHourMs = 3600 * 1000;

const QTimeZone kUtc = QTimeZone::utc();
const QTimeZone kBerlin("Europe/Berlin");

CatchupRequest make(const QString &channel, WindowKind kind, qint64 startUtcMs = 0,
    qint64 endUtcMs = 0, BodyKind body = BodyKind::Playlist, qint64 delayMs = 0,
    const QString &rendition = {})
{
    CatchupRequest request;
    request.rendition = rendition;
    request.channel = channel;
    request.kind = kind;
    request.startUtcMs = startUtcMs;
    request.endUtcMs = endUtcMs;
    request.delayMs = delayMs;
    request.body = body;
    return request;
}

qint64 utcMs(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

// Kodi's substitution of a catch-up template (pvr.iptvsimple / inputstream.ffmpegdirect):
// times in unix seconds, {duration:N} seconds / N, {Y}..{S} in the device's zone.
QString kodiSubstitute(
    QString url, qint64 startS, qint64 durationS, qint64 nowS, const QTimeZone &deviceZone)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(startS, deviceZone);
    url.replace(QStringLiteral("{utc}"), QString::number(startS));
    url.replace(QStringLiteral("{utcend}"), QString::number(startS + durationS));
    url.replace(QStringLiteral("{lutc}"), QString::number(nowS));
    url.replace(QStringLiteral("{duration:60}"), QString::number(durationS / 60));
    url.replace(QStringLiteral("{duration}"), QString::number(durationS));
    url.replace(QStringLiteral("{Y}"), local.toString(QStringLiteral("yyyy")));
    url.replace(QStringLiteral("{m}"), local.toString(QStringLiteral("MM")));
    url.replace(QStringLiteral("{d}"), local.toString(QStringLiteral("dd")));
    url.replace(QStringLiteral("{H}"), local.toString(QStringLiteral("HH")));
    url.replace(QStringLiteral("{M}"), local.toString(QStringLiteral("mm")));
    url.replace(QStringLiteral("{S}"), local.toString(QStringLiteral("ss")));
    return url;
}

} // namespace

class TestCatchup : public QObject {
    Q_OBJECT

private slots:
    void requests_data();
    void requests();
    void notCatchup_data();
    void notCatchup();
    void badRequests_data();
    void badRequests();
    void xtreamStart_data();
    void xtreamStart();
    void templatesRoundTrip_data();
    void templatesRoundTrip();
};

void TestCatchup::requests_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("berlin");
    QTest::addColumn<CatchupRequest>("expected");

    const QString news = QStringLiteral("news");
    const QString seven = QStringLiteral("7");
    const auto ts = BodyKind::TransportStream;
    const auto range = WindowKind::Range;
    const auto toLive = WindowKind::ToLive;

    QTest::newRow("flussonic archive (worked example)")
        << QByteArray("/news/archive-1796068800-3600.m3u8") << QByteArray() << false
        << make(news, range, kFromMs, kToMs);
    QTest::newRow("flussonic index-") << QByteArray("/news/index-1796068800-3600.m3u8")
                                      << QByteArray() << false << make(news, range, kFromMs, kToMs);
    QTest::newRow("flussonic mono-") << QByteArray("/news/mono-1796068800-3600.m3u8")
                                     << QByteArray() << false << make(news, range, kFromMs, kToMs);
    QTest::newRow("flussonic video-") << QByteArray("/news/video-1796068800-3600.m3u8")
                                      << QByteArray() << false << make(news, range, kFromMs, kToMs);
    QTest::newRow("flussonic archive .ts")
        << QByteArray("/news/archive-1796068800-3600.ts") << QByteArray() << false
        << make(news, range, kFromMs, kToMs, ts);
    QTest::newRow("flussonic Kodi's first ask: 5 min early, 4800 s")
        << QByteArray("/news/archive-1796068500-4800.m3u8") << QByteArray() << false
        << make(news, range, kFromMs - 300'000, kFromMs - 300'000 + 4'800'000);
    QTest::newRow("flussonic 7 days")
        << QByteArray("/news/archive-1796068800-604800.m3u8") << QByteArray() << false
        << make(news, range, kFromMs, kFromMs + 604'800'000);
    QTest::newRow("flussonic epoch 0") << QByteArray("/news/archive-0-60.m3u8") << QByteArray()
                                       << false << make(news, range, 0, 60'000);
    QTest::newRow("flussonic FROM-now") << QByteArray("/news/archive-1796068800-now.m3u8")
                                        << QByteArray() << false << make(news, toLive, kFromMs);
    QTest::newRow("flussonic FROM-now .ts")
        << QByteArray("/news/archive-1796068800-now.ts") << QByteArray() << false
        << make(news, toLive, kFromMs, 0, ts);
    QTest::newRow("flussonic timeshift_abs")
        << QByteArray("/news/timeshift_abs-1796068800.m3u8") << QByteArray() << false
        << make(news, toLive, kFromMs);
    QTest::newRow("flussonic timeshift_abs .ts")
        << QByteArray("/news/timeshift_abs-1796068800.ts") << QByteArray() << false
        << make(news, toLive, kFromMs, 0, ts);
    QTest::newRow("flussonic timeshift_rel")
        << QByteArray("/news/timeshift_rel-10800.m3u8") << QByteArray() << false
        << make(news, WindowKind::Delayed, 0, 0, BodyKind::Playlist, 3 * kHourMs);
    QTest::newRow("flussonic timeshift_rel-0")
        << QByteArray("/news/timeshift_rel-0.m3u8") << QByteArray() << false
        << make(news, WindowKind::Delayed, 0, 0, BodyKind::Playlist, 0);
    QTest::newRow("flussonic timeshift_rel .ts = to live from now-N")
        << QByteArray("/news/timeshift_rel-10800.ts") << QByteArray() << false
        << make(news, toLive, kNowMs - 3 * kHourMs, 0, ts);
    QTest::newRow("flussonic query ignored")
        << QByteArray("/news/archive-1796068800-3600.m3u8") << QByteArray("token=abc") << false
        << make(news, range, kFromMs, kToMs);
    QTest::newRow("siptv utc+lutc on /live")
        << QByteArray("/live/news.m3u8") << QByteArray("utc=1796068800&lutc=1796079600") << false
        << make(news, range, kFromMs, kNowMs);
    QTest::newRow("siptv lutc first")
        << QByteArray("/live/news.m3u8") << QByteArray("lutc=1796079600&utc=1796068800") << false
        << make(news, range, kFromMs, kNowMs);
    QTest::newRow("siptv utc alone = to live")
        << QByteArray("/live/news.m3u8") << QByteArray("utc=1796068800") << false
        << make(news, toLive, kFromMs);
    QTest::newRow("siptv on /{slug}/index.m3u8")
        << QByteArray("/news/index.m3u8") << QByteArray("utc=1796068800&lutc=1796079600") << false
        << make(news, range, kFromMs, kNowMs);
    QTest::newRow("siptv utc alone on index")
        << QByteArray("/news/index.m3u8") << QByteArray("utc=1796068800") << false
        << make(news, toLive, kFromMs);
    QTest::newRow("live alias index.m3u8")
        << QByteArray("/news/index.m3u8") << QByteArray() << false << make(news, WindowKind::Live);
    QTest::newRow("live alias, other query")
        << QByteArray("/news/index.m3u8") << QByteArray("lutc=5") << false
        << make(news, WindowKind::Live);
    QTest::newRow("live alias mpegts") << QByteArray("/news/mpegts") << QByteArray() << false
                                       << make(news, WindowKind::Live, 0, 0, ts);
    QTest::newRow("timeshift start+end")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("start=1796068800&end=1796072400")
        << false << make(news, range, kFromMs, kToMs);
    QTest::newRow("timeshift start only = to live")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("start=1796068800") << false
        << make(news, toLive, kFromMs);
    QTest::newRow("timeshift rendition start+end")
        << QByteArray("/timeshift/news/720p.m3u8") << QByteArray("start=1796068800&end=1796072400")
        << false
        << make(news, range, kFromMs, kToMs, BodyKind::Playlist, 0, QStringLiteral("720p"));
    QTest::newRow("timeshift rendition start only = to live")
        << QByteArray("/timeshift/news/360p.m3u8") << QByteArray("start=1796068800") << false
        << make(news, toLive, kFromMs, 0, BodyKind::Playlist, 0, QStringLiteral("360p"));
    QTest::newRow("timeshift by channel number")
        << QByteArray("/timeshift/7.m3u8") << QByteArray("end=1796072400&start=1796068800") << false
        << make(seven, range, kFromMs, kToMs);
    QTest::newRow("xtream path .ts, UTC server")
        << QByteArray("/timeshift/U/P/60/2026-11-30:20-00/7.ts") << QByteArray() << false
        << make(seven, range, kFromMs, kToMs, ts);
    QTest::newRow("xtream path .ts, Berlin server (CET)")
        << QByteArray("/timeshift/U/P/60/2026-11-30:20-00/7.ts") << QByteArray() << true
        << make(seven, range, kFromMs - kHourMs, kToMs - kHourMs, ts);
    QTest::newRow("xtream path .m3u8")
        << QByteArray("/timeshift/U/P/60/2026-11-30:20-00/7.m3u8") << QByteArray() << false
        << make(seven, range, kFromMs, kToMs);
    QTest::newRow("xtream path percent-encoded start")
        << QByteArray("/timeshift/U/P/60/2026-11-30%3A20-00/7.ts") << QByteArray() << false
        << make(seven, range, kFromMs, kToMs, ts);
    QTest::newRow("xtream path 10080 minutes")
        << QByteArray("/timeshift/U/P/10080/2026-11-30:20-00/7.ts") << QByteArray() << false
        << make(seven, range, kFromMs, kFromMs + 604'800'000, ts);
    QTest::newRow("xtream path epoch start")
        << QByteArray("/timeshift/U/P/60/1796068800/7.ts") << QByteArray() << true
        << make(seven, range, kFromMs, kToMs, ts);
    QTest::newRow("xtream php") << QByteArray("/streaming/timeshift.php")
                                << QByteArray("username=U&password=P&stream=7&start=2026-11-30:"
                                              "20-00&duration=60")
                                << false << make(seven, range, kFromMs, kToMs, ts);
    QTest::newRow("xtream php percent-encoded, Berlin")
        << QByteArray("/streaming/timeshift.php")
        << QByteArray("username=U&password=P&stream=7&start=2026-11-30%3A20-00&duration=60") << true
        << make(seven, range, kFromMs - kHourMs, kToMs - kHourMs, ts);
    QTest::newRow("xtream php summer, Berlin (CEST)")
        << QByteArray("/streaming/timeshift.php")
        << QByteArray("stream=7&start=2026-07-01:20-00&duration=30") << true
        << make(seven, range, utcMs(2026, 7, 1, 18, 0), utcMs(2026, 7, 1, 18, 30), ts);
}

void TestCatchup::requests()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(bool, berlin);
    QFETCH(CatchupRequest, expected);
    const CatchupParse parse = parseCatchup(std::string_view(path.constData(), path.size()),
        std::string_view(query.constData(), query.size()), berlin ? kBerlin : kUtc, kNowMs);
    QCOMPARE(parse.error, QString());
    QCOMPARE(parse.outcome, CatchupParse::Outcome::Request);
    QCOMPARE(parse.request.channel, expected.channel);
    QCOMPARE(int(parse.request.kind), int(expected.kind));
    QCOMPARE(parse.request.startUtcMs, expected.startUtcMs);
    QCOMPARE(parse.request.endUtcMs, expected.endUtcMs);
    QCOMPARE(parse.request.delayMs, expected.delayMs);
    QCOMPARE(int(parse.request.body), int(expected.body));
    QCOMPARE(parse.request.rendition, expected.rendition);
    QVERIFY(parse.request == expected);
}

void TestCatchup::notCatchup_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");

    QTest::newRow("live playlist") << QByteArray("/live/news.m3u8") << QByteArray();
    QTest::newRow("live playlist, lutc alone")
        << QByteArray("/live/news.m3u8") << QByteArray("lutc=1796079600");
    QTest::newRow("live rendition")
        << QByteArray("/live/news/src.m3u8") << QByteArray("utc=1796068800");
    QTest::newRow("segment") << QByteArray("/seg/7/src/12.ts") << QByteArray();
    QTest::newRow("recording playlist") << QByteArray("/recordings/3.m3u8") << QByteArray();
    QTest::newRow("recording segment") << QByteArray("/recordings/3/12.ts") << QByteArray();
    QTest::newRow("server path as slug") << QByteArray("/recordings/index.m3u8") << QByteArray();
    QTest::newRow("server path as slug, mpegts") << QByteArray("/live/mpegts") << QByteArray();
    QTest::newRow("thumb") << QByteArray("/thumb/news/1796068800.jpg") << QByteArray();
    QTest::newRow("api") << QByteArray("/api/v1/channels") << QByteArray();
    QTest::newRow("channel list") << QByteArray("/playlist.m3u") << QByteArray();
    QTest::newRow("root") << QByteArray("/") << QByteArray();
    QTest::newRow("one component") << QByteArray("/news") << QByteArray();
    QTest::newRow("other file") << QByteArray("/news/other.m3u8") << QByteArray();
    QTest::newRow("archive without dash") << QByteArray("/news/archive.m3u8") << QByteArray();
    QTest::newRow("other extension")
        << QByteArray("/news/archive-1796068800-3600.mp4") << QByteArray();
    QTest::newRow("three components")
        << QByteArray("/news/x/archive-1796068800-3600.m3u8") << QByteArray();
    QTest::newRow("timeshift .ts")
        << QByteArray("/timeshift/news.ts") << QByteArray("start=1796068800");
    QTest::newRow("timeshift rendition .ts")
        << QByteArray("/timeshift/news/720p.ts") << QByteArray("start=1796068800");
    QTest::newRow("timeshift three components")
        << QByteArray("/timeshift/a/b/c.ts") << QByteArray();
    QTest::newRow("timeshift six components")
        << QByteArray("/timeshift/a/U/P/60/1796068800/7.ts") << QByteArray();
    QTest::newRow("xtream other extension")
        << QByteArray("/timeshift/U/P/60/2026-11-30:20-00/7.mkv") << QByteArray();
    QTest::newRow("streaming other file")
        << QByteArray("/streaming/live.php") << QByteArray("stream=7");
    QTest::newRow("relative path") << QByteArray("news/index.m3u8") << QByteArray();
}

void TestCatchup::notCatchup()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    const CatchupParse parse = parseCatchup(std::string_view(path.constData(), path.size()),
        std::string_view(query.constData(), query.size()), kUtc, kNowMs);
    QCOMPARE(parse.error, QString());
    QCOMPARE(parse.outcome, CatchupParse::Outcome::NotCatchup);
}

void TestCatchup::badRequests_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    // A part of the sentence: the expected form (or what is wrong).
    QTest::addColumn<QString>("says");

    const QString archive = QStringLiteral("/news/archive-1796068800-3600.m3u8");
    QTest::newRow("archive from not a number")
        << QByteArray("/news/archive-abc-3600.m3u8") << QByteArray() << archive;
    QTest::newRow("archive duration 0")
        << QByteArray("/news/archive-1796068800-0.m3u8") << QByteArray() << archive;
    QTest::newRow("archive duration over 7 days")
        << QByteArray("/news/archive-1796068800-604801.m3u8") << QByteArray() << archive;
    QTest::newRow("archive from overflows")
        << QByteArray("/news/archive-99999999999999999999-60.m3u8") << QByteArray() << archive;
    QTest::newRow("archive from past year 9999")
        << QByteArray("/news/archive-253402300800-60.m3u8") << QByteArray() << archive;
    QTest::newRow("archive negative duration")
        << QByteArray("/news/archive-1796068800--5.m3u8") << QByteArray() << archive;
    QTest::newRow("archive signed from")
        << QByteArray("/news/archive-+1796068800-60.m3u8") << QByteArray() << archive;
    QTest::newRow("archive no duration")
        << QByteArray("/news/archive-1796068800.m3u8") << QByteArray() << archive;
    QTest::newRow("archive fraction")
        << QByteArray("/news/archive-1796068800.5-60.m3u8") << QByteArray() << archive;
    QTest::newRow("archive .ts names .ts") << QByteArray("/news/video-x-60.ts") << QByteArray()
                                           << QStringLiteral("/news/video-1796068800-3600.ts");
    QTest::newRow("timeshift_abs not a number")
        << QByteArray("/news/timeshift_abs-yesterday.m3u8") << QByteArray()
        << QStringLiteral("/news/timeshift_abs-1796068800.m3u8");
    QTest::newRow("timeshift_rel over 7 days")
        << QByteArray("/news/timeshift_rel-604801.m3u8") << QByteArray()
        << QStringLiteral("/news/timeshift_rel-10800.m3u8");
    QTest::newRow("timeshift_rel negative")
        << QByteArray("/news/timeshift_rel--1.ts") << QByteArray()
        << QStringLiteral("/news/timeshift_rel-10800.ts");
    QTest::newRow("bad slug") << QByteArray("/new$/archive-1796068800-3600.m3u8") << QByteArray()
                              << QStringLiteral("slug");
    QTest::newRow("bad slug on mpegts")
        << QByteArray("/new$/mpegts") << QByteArray() << QStringLiteral("slug");
    QTest::newRow("siptv utc not a number")
        << QByteArray("/live/news.m3u8") << QByteArray("utc=abc")
        << QStringLiteral("/live/news.m3u8?utc=1796068800&lutc=1796079600");
    QTest::newRow("siptv utc empty") << QByteArray("/news/index.m3u8") << QByteArray("utc=")
                                     << QStringLiteral("/news/index.m3u8?utc=");
    QTest::newRow("siptv lutc not after utc")
        << QByteArray("/live/news.m3u8") << QByteArray("utc=1796068800&lutc=1796068800")
        << QStringLiteral("after the start");
    QTest::newRow("siptv lutc negative")
        << QByteArray("/live/news.m3u8") << QByteArray("utc=1796068800&lutc=-1")
        << QStringLiteral("unix times");
    QTest::newRow("timeshift no start") << QByteArray("/timeshift/news.m3u8") << QByteArray()
                                        << QStringLiteral("?start=1796068800&end=1796072400");
    QTest::newRow("timeshift only end")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("end=1796072400")
        << QStringLiteral("needs a start");
    QTest::newRow("timeshift rendition no start")
        << QByteArray("/timeshift/news/720p.m3u8") << QByteArray()
        << QStringLiteral("/timeshift/news/720p.m3u8?start=1796068800&end=1796072400");
    QTest::newRow("timeshift rendition upper case")
        << QByteArray("/timeshift/news/720P.m3u8") << QByteArray("start=1796068800")
        << QStringLiteral("a rendition name is 1-16 of a-z");
    QTest::newRow("timeshift rendition too long")
        << QByteArray("/timeshift/news/abcdefghijklmnopq.m3u8") << QByteArray("start=1796068800")
        << QStringLiteral("/timeshift/news/720p.m3u8");
    QTest::newRow("timeshift rendition bad channel")
        << QByteArray("/timeshift/.news/720p.m3u8") << QByteArray("start=1796068800")
        << QStringLiteral("cannot name a channel");
    QTest::newRow("timeshift end before start")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("start=1796072400&end=1796068800")
        << QStringLiteral("after the start");
    QTest::newRow("timeshift over 7 days")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("start=1796068800&end=1796673601")
        << QStringLiteral("7 days");
    QTest::newRow("timeshift negative start")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("start=-5")
        << QStringLiteral("unix time");
    QTest::newRow("timeshift ms start")
        << QByteArray("/timeshift/news.m3u8") << QByteArray("start=1796068800000")
        << QStringLiteral("whole seconds");
    QTest::newRow("timeshift bad channel")
        << QByteArray("/timeshift/n$ws.m3u8") << QByteArray("start=1") << QStringLiteral("slug");
    QTest::newRow("xtream 0 minutes") << QByteArray("/timeshift/U/P/0/2026-11-30:20-00/7.ts")
                                      << QByteArray() << QStringLiteral("1 to 10080");
    QTest::newRow("xtream 10081 minutes")
        << QByteArray("/timeshift/U/P/10081/2026-11-30:20-00/7.ts") << QByteArray()
        << QStringLiteral("1 to 10080");
    QTest::newRow("xtream minutes not a number")
        << QByteArray("/timeshift/U/P/1h/2026-11-30:20-00/7.ts") << QByteArray()
        << QStringLiteral("/timeshift/user/pass/60/2026-11-30:20-00/7.ts");
    QTest::newRow("xtream start unreadable") << QByteArray("/timeshift/U/P/60/yesterday/7.ts")
                                             << QByteArray() << QStringLiteral("YYYY-MM-DD:HH-MM");
    QTest::newRow("xtream start no such day")
        << QByteArray("/timeshift/U/P/60/2026-02-30:20-00/7.ts") << QByteArray()
        << QStringLiteral("YYYY-MM-DD:HH-MM");
    QTest::newRow("xtream bad stream") << QByteArray("/timeshift/U/P/60/2026-11-30:20-00/7$.ts")
                                       << QByteArray() << QStringLiteral("stream");
    QTest::newRow("xtream php no duration")
        << QByteArray("/streaming/timeshift.php")
        << QByteArray("username=U&password=P&stream=7&start=2026-11-30:20-00")
        << QStringLiteral("stream, start and duration");
    QTest::newRow("xtream php duration in seconds")
        << QByteArray("/streaming/timeshift.php")
        << QByteArray("stream=7&start=2026-11-30:20-00&duration=3600000")
        << QStringLiteral("minutes");
    QTest::newRow("xtream php start garbage")
        << QByteArray("/streaming/timeshift.php")
        << QByteArray("stream=7&start=2026-11-30%3A2&duration=60") << QStringLiteral("ISO 8601");
}

void TestCatchup::badRequests()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QString, says);
    const CatchupParse parse = parseCatchup(std::string_view(path.constData(), path.size()),
        std::string_view(query.constData(), query.size()), kUtc, kNowMs);
    QCOMPARE(parse.outcome, CatchupParse::Outcome::BadRequest);
    QVERIFY2(parse.error.contains(says), qPrintable(parse.error));
    QVERIFY2(!parse.error.contains(u'\n'), "one sentence");
}

void TestCatchup::xtreamStart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("berlin");
    QTest::addColumn<qint64>("expected"); // -1: unreadable

    const qint64 eight = utcMs(2026, 11, 30, 20, 0);
    QTest::newRow("HH-MM utc") << QStringLiteral("2026-11-30:20-00") << false << eight;
    QTest::newRow("HH-MM berlin") << QStringLiteral("2026-11-30:20-00") << true << eight - kHourMs;
    QTest::newRow("HH-MM-SS") << QStringLiteral("2026-11-30:20-00-30") << false << eight + 30'000;
    QTest::newRow("underscore") << QStringLiteral("2026-11-30_20-00") << false << eight;
    QTest::newRow("space and colons")
        << QStringLiteral("2026-11-30 20:00") << true << eight - kHourMs;
    QTest::newRow("ISO local") << QStringLiteral("2026-11-30T20:00:00") << true << eight - kHourMs;
    QTest::newRow("ISO Z ignores zone") << QStringLiteral("2026-11-30T20:00:00Z") << true << eight;
    QTest::newRow("ISO fraction") << QStringLiteral("2026-11-30T20:00:00.250Z") << false
                                  << eight + 250;
    QTest::newRow("ISO +01:00") << QStringLiteral("2026-11-30T21:00:00+01:00") << false << eight;
    QTest::newRow("ISO -0500") << QStringLiteral("2026-11-30T15:00:00-0500") << true << eight;
    QTest::newRow("ISO +02") << QStringLiteral("2026-11-30T22:00+02") << false << eight;
    QTest::newRow("10-digit epoch") << QStringLiteral("1796068800") << true << eight;
    QTest::newRow("13-digit epoch") << QStringLiteral("1796068800250") << true << eight + 250;
    QTest::newRow("surrounding spaces") << QStringLiteral(" 2026-11-30:20-00 ") << false << eight;
    QTest::newRow("summer berlin (CEST)")
        << QStringLiteral("2026-07-01:20-00") << true << utcMs(2026, 7, 1, 18, 0);
    QTest::newRow("before spring forward")
        << QStringLiteral("2026-03-29:01-30") << true << utcMs(2026, 3, 29, 0, 30);
    QTest::newRow("in the skipped hour = after the jump")
        << QStringLiteral("2026-03-29:02-30") << true << utcMs(2026, 3, 29, 1, 30);
    QTest::newRow("after spring forward")
        << QStringLiteral("2026-03-29:03-30") << true << utcMs(2026, 3, 29, 1, 30);
    QTest::newRow("before fall back")
        << QStringLiteral("2026-10-25:01-30") << true << utcMs(2026, 10, 24, 23, 30);
    QTest::newRow("repeated hour = standard time")
        << QStringLiteral("2026-10-25:02-30") << true << utcMs(2026, 10, 25, 1, 30);
    QTest::newRow("after fall back")
        << QStringLiteral("2026-10-25:03-30") << true << utcMs(2026, 10, 25, 2, 30);
    QTest::newRow("empty") << QString() << false << qint64(-1);
    QTest::newRow("date only") << QStringLiteral("2026-11-30") << false << qint64(-1);
    QTest::newRow("time only") << QStringLiteral("20-00") << false << qint64(-1);
    QTest::newRow("month 13") << QStringLiteral("2026-13-01:20-00") << false << qint64(-1);
    QTest::newRow("hour 25") << QStringLiteral("2026-11-30:25-00") << false << qint64(-1);
    QTest::newRow("9 digits") << QStringLiteral("179606880") << false << qint64(-1);
    QTest::newRow("11 digits") << QStringLiteral("17960688000") << false << qint64(-1);
    QTest::newRow("offset +25:00")
        << QStringLiteral("2026-11-30T20:00+25:00") << false << qint64(-1);
    QTest::newRow("still encoded") << QStringLiteral("2026-11-30%3A20-00") << false << qint64(-1);
    QTest::newRow("words") << QStringLiteral("yesterday") << false << qint64(-1);
    QTest::newRow("non-ASCII digits") << QStringLiteral("\u0661\u0667\u0669\u0666\u0660\u0666\u0668"
                                                        "\u0668\u0660\u0660")
                                      << false << qint64(-1);
}

void TestCatchup::xtreamStart()
{
    QFETCH(QString, text);
    QFETCH(bool, berlin);
    QFETCH(qint64, expected);
    QVERIFY(kBerlin.isValid());
    const std::optional<qint64> start = parseXtreamStart(text, berlin ? kBerlin : kUtc);
    if (expected < 0) {
        QVERIFY2(!start, qPrintable(QString::number(start.value_or(0))));
        return;
    }
    QVERIFY(start);
    QCOMPARE(*start, expected);
}

void TestCatchup::templatesRoundTrip_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<bool>("berlin");
    QTest::addColumn<CatchupRequest>("expected");

    const QString news = QStringLiteral("news");
    for (const bool berlin : {false, true}) {
        const char *zone = berlin ? "Berlin" : "UTC";
        QTest::addRow("flussonic %s", zone) << QStringLiteral("flussonic") << berlin
                                            << make(news, WindowKind::Range, kFromMs, kToMs);
        QTest::addRow("flussonicTs %s", zone)
            << QStringLiteral("flussonicTs") << berlin
            << make(news, WindowKind::Range, kFromMs, kToMs, BodyKind::TransportStream);
        QTest::addRow("timeshift %s", zone) << QStringLiteral("timeshift") << berlin
                                            << make(news, WindowKind::Range, kFromMs, kToMs);
        QTest::addRow("shift %s", zone)
            << QStringLiteral("shift") << berlin << make(news, WindowKind::Range, kFromMs, kNowMs);
        QTest::addRow("xtream %s", zone) << QStringLiteral("xtream") << berlin
                                         << make(QStringLiteral("7"), WindowKind::Range, kFromMs,
                                                kToMs, BodyKind::TransportStream);
    }
}

void TestCatchup::templatesRoundTrip()
{
    QFETCH(QString, which);
    QFETCH(bool, berlin);
    QFETCH(CatchupRequest, expected);
    const QString base = QStringLiteral("http://192.168.1.20:8080");
    const CatchupTemplates templates = catchupTemplates(base, QStringLiteral("news"), 7);
    const QString pattern = which == u"flussonic" ? templates.flussonic
        : which == u"flussonicTs"                 ? templates.flussonicTs
        : which == u"timeshift"                   ? templates.timeshift
        : which == u"shift"                       ? templates.shift
                                                  : templates.xtream;
    QVERIFY(pattern.startsWith(base + u'/'));
    // The device and the server in the same zone, as the admin settings tell the user to set.
    const QTimeZone zone = berlin ? kBerlin : kUtc;
    const QString url = kodiSubstitute(pattern, kFromS, 3600, kNowMs / 1000, zone);
    QVERIFY2(!url.contains(u'{'), qPrintable(url));
    const QByteArray target = url.mid(base.size()).toLatin1();
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);
    const CatchupParse parse = parseCatchup(std::string_view(path.constData(), path.size()),
        std::string_view(query.constData(), query.size()), zone, kNowMs);
    QCOMPARE(parse.error, QString());
    QCOMPARE(parse.outcome, CatchupParse::Outcome::Request);
    QVERIFY2(parse.request == expected, target.constData());
}

QTEST_GUILESS_MAIN(TestCatchup)
#include "tst_catchup.moc"
