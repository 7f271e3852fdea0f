// The viewer server's catch-up and timeshift answers for real: the continuous MPEG-TS body over
// a segment store the test fills (byte for byte, at the live edge, a client that leaves, a
// channel switched off), and every catch-up dialect of CATCHUP.md against a live engine with 1 s
// segments, read by ffprobe and ffmpeg (and the shared HLS clients when installed).
#include "ChannelDirectory.h"
#include "Engine.h"
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;
using namespace panelx::test;

namespace {

constexpr int kTimeoutMs = 10000;
constexpr int kSegmentMs = 1000;

// Distinct bytes per segment, so a body shows which segment each byte came from.
QByteArray segmentBytes(int index)
{
    QByteArray bytes(4000 + index * 333, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 17 + index * 101) & 0xff);
    return bytes;
}

// A GET on a raw socket; returns the response head (status line and headers) once it is in,
// leaving the body's first bytes in `body`.
QByteArray startGet(QTcpSocket &socket, quint16 port, const QByteArray &target, QByteArray *body,
    const QByteArray &method = "GET")
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(kTimeoutMs))
        return {};
    socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray buffer;
    QDeadlineTimer deadline(kTimeoutMs);
    qsizetype end = -1;
    while ((end = buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired()
            || (!socket.bytesAvailable()
                && !socket.waitForReadyRead(int(deadline.remainingTime()))))
            return {};
        buffer += socket.readAll();
    }
    *body = buffer.mid(end + 4);
    return buffer.left(end);
}

// Reads until `body` holds `size` bytes (or the deadline passes, or the server closes).
void readUpTo(QTcpSocket &socket, QByteArray &body, qsizetype size)
{
    QDeadlineTimer deadline(kTimeoutMs);
    while (body.size() < size && !deadline.hasExpired()) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        body += socket.read(size - body.size());
    }
}

bool hasHeader(const QByteArray &head, const QByteArray &line)
{
    for (const QByteArray &each : head.split('\n'))
        if (each.trimmed().compare(line, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool namesHeader(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &each : head.split('\n'))
        if (each.toLower().startsWith(name.toLower() + ':'))
            return true;
    return false;
}

// ffprobe's duration of a file or URL in seconds; -1 when it cannot read it.
double probedSeconds(const QString &url)
{
    QByteArray out;
    const int code = runProgram(QStringLiteral("ffprobe"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
            QStringLiteral("format=duration"), QStringLiteral("-of"), QStringLiteral("csv=p=0"),
            url},
        60000, &out);
    bool ok = false;
    const double seconds = out.trimmed().toDouble(&ok);
    return code == 0 && ok ? seconds : -1;
}

// Seconds of video in an MPEG-TS file, counted in frames: unlike its time stamps, which jump
// where the source had a hole, this is the media a player shows. -1 when unreadable.
double videoSeconds(const QString &file)
{
    QByteArray out;
    const int code = runProgram(QStringLiteral("ffprobe"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
            QStringLiteral("-select_streams"), QStringLiteral("v:0"),
            QStringLiteral("-show_entries"), QStringLiteral("stream=r_frame_rate,nb_read_frames"),
            QStringLiteral("-of"), QStringLiteral("csv=p=0"), file},
        60000, &out);
    // The stream is listed under its program too: the first line is enough.
    const QList<QByteArray> fields = out.trimmed().split('\n').value(0).trimmed().split(',');
    const QList<QByteArray> rate = fields.value(0).split('/');
    const double fps
        = rate.size() == 2 && rate[1].toDouble() > 0 ? rate[0].toDouble() / rate[1].toDouble() : 0;
    return code == 0 && fps > 0 && fields.size() == 2 ? fields[1].toDouble() / fps : -1;
}

// The first EXT-X-PROGRAM-DATE-TIME of a playlist, in UTC ms; -1 when there is none.
qint64 firstProgramDateTime(const QByteArray &playlist)
{
    const qsizetype at = playlist.indexOf("#EXT-X-PROGRAM-DATE-TIME:");
    if (at < 0)
        return -1;
    const qsizetype from = at + qsizetype(qstrlen("#EXT-X-PROGRAM-DATE-TIME:"));
    const QByteArray value = playlist.mid(from, playlist.indexOf('\n', from) - from);
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

// A catch-up template filled in as Kodi's pvr.iptvsimple does (CATCHUP.md): start and end in
// unix seconds, durations in seconds (or divided by N), wall-clock fields in the local zone.
QString substituteLikeKodi(QString url, qint64 startS, qint64 endS, qint64 nowS)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(startS);
    const QList<QPair<QString, QString>> fixed
        = {{QStringLiteral("{utc}"), QString::number(startS)},
            {QStringLiteral("${start}"), QString::number(startS)},
            {QStringLiteral("{utcend}"), QString::number(endS)},
            {QStringLiteral("${end}"), QString::number(endS)},
            {QStringLiteral("{lutc}"), QString::number(nowS)},
            {QStringLiteral("${now}"), QString::number(nowS)},
            {QStringLiteral("${timestamp}"), QString::number(nowS)},
            {QStringLiteral("{duration}"), QString::number(endS - startS)},
            {QStringLiteral("${duration}"), QString::number(endS - startS)},
            {QStringLiteral("{Y}"), local.toString(QStringLiteral("yyyy"))},
            {QStringLiteral("{m}"), local.toString(QStringLiteral("MM"))},
            {QStringLiteral("{d}"), local.toString(QStringLiteral("dd"))},
            {QStringLiteral("{H}"), local.toString(QStringLiteral("HH"))},
            {QStringLiteral("{M}"), local.toString(QStringLiteral("mm"))},
            {QStringLiteral("{S}"), local.toString(QStringLiteral("ss"))}};
    for (const auto &[placeholder, value] : fixed)
        url.replace(placeholder, value);
    static const QRegularExpression divided(QStringLiteral("\\{(duration|offset):(\\d+)\\}"));
    QRegularExpressionMatch match;
    while ((match = divided.match(url)).hasMatch()) {
        const qint64 seconds
            = match.captured(1) == QLatin1String("duration") ? endS - startS : nowS - startS;
        url.replace(match.capturedStart(), match.capturedLength(),
            QString::number(seconds / match.captured(2).toLongLong()));
    }
    return url;
}

// Why the shared HLS clients cannot run here (for QSKIP), or empty.
QString hlsClientsUnavailable()
{
    if (const QString missing = hlsClientsMissing(); !missing.isEmpty())
        return missing;
    const QString tools = QProcessEnvironment::systemEnvironment().value(
        QStringLiteral("PANELX_HLS_CLIENTS"), QStringLiteral(PANELX_SHARED_TOOLS "/hls-clients"));
    if (!QFileInfo::exists(QDir(tools).filePath(QStringLiteral("node_modules/hls-parser"))))
        return QStringLiteral("the HLS clients' npm packages are missing: run %1/install.sh")
            .arg(tools);
    return {};
}

} // namespace

class TestHttpTimeshift : public QObject {
    Q_OBJECT

    // --- a store the test fills ------------------------------------------------------------

    QTemporaryDir m_dir;
    StoreFixture m_fixture;
    ChannelDirectory m_channels;
    ChannelConfig m_news;
    std::unique_ptr<HttpServer> m_server;
    QHash<qint64, QByteArray> m_bytes; // sequence -> bytes of news's segments
    qint64 m_nextStartUtcMs = 0;
    int m_committed = 0;

    qint64 commitNext()
    {
        SegmentInfo info;
        info.channelId = m_news.id;
        info.startUtcMs = m_nextStartUtcMs;
        info.durationMs = kSegmentMs;
        const QByteArray bytes = segmentBytes(m_committed++);
        const QString error = commitSegment(*m_fixture.store, info, bytes);
        if (!error.isEmpty())
            qFatal("cannot commit a segment: %s", qPrintable(error));
        m_nextStartUtcMs += kSegmentMs;
        m_bytes.insert(info.sequence, bytes);
        return info.sequence;
    }

    // --- a live engine ---------------------------------------------------------------------

    QTemporaryDir m_engineDir;
    EngineThread m_running;
    Engine *m_engine = nullptr;
    ChannelConfig m_sport; // the engine's channel, 1 s segments of the demo source
    QString m_base; // http://127.0.0.1:<engine's port>

    template<typename Call> auto onEngine(Call call)
    {
        decltype(call()) result;
        QMetaObject::invokeMethod(
            m_engine, [&] { result = call(); }, Qt::BlockingQueuedConnection);
        return result;
    }

    BufferInfo buffer()
    {
        return onEngine(
            [&] { return m_engine->channelBuffer(m_sport.id).value_or(BufferInfo {}); });
    }

    // The engine's buffer once it holds `seconds` of media.
    BufferInfo waitForBuffer(int seconds)
    {
        BufferInfo info;
        waitFor(
            [&] {
                info = buffer();
                return info.newestUtcMs - info.oldestUtcMs >= seconds * 1000LL;
            },
            60000);
        return info;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failure = m_fixture.open(m_dir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_news.id = 1;
        m_news.name = QStringLiteral("News");
        m_news.slug = QStringLiteral("news");
        m_news.sourceUrl = kDemoSourceUrl;
        m_news.segmentDurationMs = kSegmentMs;
        ChannelConfig empty = m_news;
        empty.id = 2;
        empty.name = QStringLiteral("Starting");
        empty.slug = QStringLiteral("starting");
        m_channels.put(m_news);
        m_channels.put(empty);
        m_nextStartUtcMs = QDateTime::currentMSecsSinceEpoch() - 60000;
        for (int i = 0; i < 3; ++i)
            commitNext();
        m_server = std::make_unique<HttpServer>(*m_fixture.store, m_channels);
        QString error;
        QVERIFY2(m_server->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));

        // The engine builds its buffer while the store's tests run.
        if (!haveProgram(QStringLiteral("ffmpeg")) || !haveProgram(QStringLiteral("ffprobe")))
            QFAIL("ffmpeg and ffprobe are needed as independent checkers "
                  "(installer/install-deps.sh)");
        EngineOptions options;
        options.dataDir = m_engineDir.path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        options.createDemoChannel = false;
        const QString engineFailure = m_running.start(options);
        QVERIFY2(engineFailure.isEmpty(), qPrintable(engineFailure));
        m_engine = m_running.engine();
        ChannelConfig sport;
        sport.name = QStringLiteral("Sport");
        sport.sourceUrl = kDemoSourceUrl;
        sport.segmentDurationMs = kSegmentMs;
        const ChannelChange change = onEngine([&] { return m_engine->createChannel(sport); });
        QVERIFY2(change.ok(), qPrintable(change.error));
        m_sport = change.channel;
        QCOMPARE(m_sport.slug, QStringLiteral("sport"));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(onEngine([&] {
            return m_engine->httpPort();
        }));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        QVERIFY(m_running.stop());
    }

    void liveAliasIsTheLivePlaylist()
    {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
        const HttpReply alias = httpRequest(base + QStringLiteral("/news/index.m3u8"));
        QCOMPARE(alias.status, 200);
        QCOMPARE(alias.header("Content-Type"), QByteArray("application/vnd.apple.mpegurl"));
        QCOMPARE(alias.body, httpRequest(base + QStringLiteral("/live/news.m3u8")).body);
        QVERIFY(alias.body.contains("/seg/1/src/"));
    }

    void refusalsSaySomething()
    {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
        const HttpReply unknown = httpRequest(base + QStringLiteral("/nosuch/mpegts"));
        QCOMPARE(unknown.status, 404);
        QVERIFY2(unknown.body.contains("there is no channel \"nosuch\""), unknown.body);
        const HttpReply starting = httpRequest(base + QStringLiteral("/starting/mpegts"));
        QCOMPARE(starting.status, 503);
        QVERIFY2(starting.body.contains("has no segment yet"), starting.body);
        QCOMPARE(starting.header("Retry-After"), QByteArray("1"));
        QCOMPARE(httpRequest(base + QStringLiteral("/starting/index.m3u8")).status, 503);
    }

    // Close-delimited: no length, no chunking, Connection: close; from the newest segment on,
    // byte for byte, then each new segment as it is committed.
    void streamFollowsLiveByteForByte()
    {
        // The earlier tests' connections are closed.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kTimeoutMs);
        const int before = 0;
        QTcpSocket socket;
        QByteArray body;
        const QByteArray head = startGet(socket, m_server->port(), "/news/mpegts", &body);
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        QVERIFY2(hasHeader(head, "Connection: close"), head.constData());
        QVERIFY2(hasHeader(head, "Content-Type: video/mp2t"), head.constData());
        QVERIFY2(!namesHeader(head, "Content-Length"), head.constData());
        QVERIFY2(!namesHeader(head, "Transfer-Encoding"), head.constData());

        const qint64 newest = m_fixture.store->last(m_news.id, kSourceRendition)->sequence;
        QByteArray expected = m_bytes.value(newest);
        readUpTo(socket, body, expected.size());
        QCOMPARE(body, expected);
        // At the live edge: nothing more until a segment is made.
        QVERIFY(!socket.waitForReadyRead(300));
        for (int i = 0; i < 2; ++i) {
            expected += m_bytes.value(commitNext());
            readUpTo(socket, body, expected.size());
            QCOMPARE(body.size(), expected.size());
            QCOMPARE(body, expected);
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

        // The client leaves while the body waits for the next segment: its connection is freed.
        QCOMPARE(m_server->openConnections(), before + 1);
        socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), before, kTimeoutMs);
    }

    void headOfAStreamHasNoBody()
    {
        QTcpSocket socket;
        QByteArray body;
        const QByteArray head
            = startGet(socket, m_server->port(), "/news/mpegts", &body, QByteArrayLiteral("HEAD"));
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        QVERIFY2(!namesHeader(head, "Transfer-Encoding"), head.constData());
        // The server closes the connection after the head, with nothing after it.
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState
            || socket.waitForDisconnected(kTimeoutMs));
        body += socket.readAll();
        QCOMPARE(body, QByteArray());
    }

    // A channel switched off makes no more segments: its open body ends.
    void switchingOffEndsTheStream()
    {
        QTcpSocket socket;
        QByteArray body;
        const QByteArray head = startGet(socket, m_server->port(), "/news/mpegts", &body);
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        const qint64 newest = m_fixture.store->last(m_news.id, kSourceRendition)->sequence;
        readUpTo(socket, body, m_bytes.value(newest).size());
        QCOMPARE(body, m_bytes.value(newest));
        ChannelConfig off = m_news;
        off.enabled = false;
        m_channels.put(off);
        const auto restore = qScopeGuard([&] { m_channels.put(m_news); });
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState
            || socket.waitForDisconnected(kTimeoutMs));
        QCOMPARE(body + socket.readAll(), m_bytes.value(newest));
    }

    // --- a live engine ---------------------------------------------------------------------

    // ffmpeg reads the continuous body of a live channel for 10 s of media: it starts at the
    // newest segment and follows live at the channel's pace, and what it read plays.
    void ffmpegReadsTenSecondsOfMpegts()
    {
        QVERIFY(waitForBuffer(1).segments > 0);
        const QString file = m_engineDir.filePath(QStringLiteral("live.ts"));
        QByteArray errors;
        const int code = runProgram(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                m_base + QStringLiteral("/sport/mpegts"), QStringLiteral("-t"),
                QStringLiteral("10"), QStringLiteral("-c"), QStringLiteral("copy"), file},
            60000, nullptr, &errors);
        QVERIFY2(code == 0, errors.constData());
        const double seconds = videoSeconds(file);
        QVERIFY2(seconds >= 9.5 && seconds <= 10.5, qPrintable(QString::number(seconds)));
        QVERIFY2(runProgram(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                         QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
                     60000, nullptr, &errors)
                == 0,
            errors.constData());
        QVERIFY2(errors.trimmed().isEmpty(), errors.constData());
    }

    // Every finite playlist form of CATCHUP.md over an 8 s range of the buffer: ffprobe reads
    // it, its length is the range give or take a segment at each end, and its first
    // PROGRAM-DATE-TIME is within a segment before the requested start.
    void finiteDialects_data()
    {
        QTest::addColumn<QString>("form"); // {S} start, {E} end, {D} duration s, {N} now, {Z}
                                           // Xtream start (local wall clock), {I} channel id
        QTest::newRow("flussonic archive") << QStringLiteral("/sport/archive-{S}-{D}.m3u8");
        QTest::newRow("flussonic index") << QStringLiteral("/sport/index-{S}-{D}.m3u8");
        QTest::newRow("flussonic mono") << QStringLiteral("/sport/mono-{S}-{D}.m3u8");
        QTest::newRow("flussonic video") << QStringLiteral("/sport/video-{S}-{D}.m3u8");
        QTest::newRow("timeshift start end")
            << QStringLiteral("/timeshift/sport.m3u8?start={S}&end={E}");
        QTest::newRow("timeshift by id") << QStringLiteral("/timeshift/{I}.m3u8?start={S}&end={E}");
        QTest::newRow("siptv live") << QStringLiteral("/live/sport.m3u8?utc={S}&lutc={E}");
        QTest::newRow("siptv index") << QStringLiteral("/sport/index.m3u8?utc={S}&lutc={E}");
    }

    void finiteDialects()
    {
        QFETCH(QString, form);
        const BufferInfo info = waitForBuffer(20);
        QVERIFY2(info.newestUtcMs - info.oldestUtcMs >= 20000, "the buffer did not fill");
        const qint64 startS = (info.oldestUtcMs + 5000) / 1000;
        const qint64 durationS = 8;
        const QString path
            = QString(form)
                  .replace(QStringLiteral("{S}"), QString::number(startS))
                  .replace(QStringLiteral("{E}"), QString::number(startS + durationS))
                  .replace(QStringLiteral("{D}"), QString::number(durationS))
                  .replace(QStringLiteral("{I}"), QString::number(m_sport.id));
        const HttpReply reply = httpRequest(m_base + path);
        QVERIFY2(reply.status == 200, reply.body.constData());
        QVERIFY(reply.body.contains("#EXT-X-PLAYLIST-TYPE:VOD"));
        QVERIFY(reply.body.endsWith("#EXT-X-ENDLIST\n"));
        const qint64 first = firstProgramDateTime(reply.body);
        QVERIFY2(first > startS * 1000 - kSegmentMs * 3 / 2 && first <= startS * 1000,
            qPrintable(QStringLiteral("first %1, asked %2").arg(first).arg(startS * 1000)));
        const double seconds = probedSeconds(m_base + path);
        QVERIFY2(seconds >= durationS - 0.1 && seconds <= durationS + 2 * kSegmentMs / 1000.0 + 0.1,
            qPrintable(QString::number(seconds)));
    }

    // The open-ended forms: EVENT playlists from the start that grow with the channel, and
    // the live window delayed.
    void openDialects_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("archive from now") << QStringLiteral("/sport/archive-{S}-now.m3u8")
                                          << QByteArray("#EXT-X-PLAYLIST-TYPE:EVENT");
        QTest::newRow("timeshift abs") << QStringLiteral("/sport/timeshift_abs-{S}.m3u8")
                                       << QByteArray("#EXT-X-PLAYLIST-TYPE:EVENT");
        QTest::newRow("timeshift start only") << QStringLiteral("/timeshift/sport.m3u8?start={S}")
                                              << QByteArray("#EXT-X-PLAYLIST-TYPE:EVENT");
        QTest::newRow("timeshift rel")
            << QStringLiteral("/sport/timeshift_rel-{R}.m3u8") << QByteArray();
    }

    void openDialects()
    {
        QFETCH(QString, form);
        QFETCH(QByteArray, type);
        const BufferInfo info = waitForBuffer(20);
        const qint64 nowS = QDateTime::currentSecsSinceEpoch();
        const qint64 startS = (info.oldestUtcMs + 5000) / 1000;
        const qint64 delayS = 10;
        const QString path = QString(form)
                                 .replace(QStringLiteral("{S}"), QString::number(startS))
                                 .replace(QStringLiteral("{R}"), QString::number(delayS));
        const HttpReply reply = httpRequest(m_base + path);
        QVERIFY2(reply.status == 200, reply.body.constData());
        QVERIFY(!reply.body.contains("#EXT-X-ENDLIST"));
        const qint64 first = firstProgramDateTime(reply.body);
        if (type.isEmpty()) {
            QVERIFY(!reply.body.contains("#EXT-X-PLAYLIST-TYPE"));
            // The newest segment listed ended by now - delay.
            QCOMPARE(reply.body.count("#EXTINF:"), 6);
            QVERIFY2(first <= (nowS - delayS) * 1000, reply.body.constData());
        } else {
            QVERIFY2(reply.body.contains(type), reply.body.constData());
            QVERIFY2(first > startS * 1000 - kSegmentMs * 3 / 2 && first <= startS * 1000,
                qPrintable(QStringLiteral("first %1, asked %2").arg(first).arg(startS * 1000)));
        }
        QByteArray out;
        QCOMPARE(
            runProgram(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                    QStringLiteral("stream=codec_type"), m_base + path},
                60000, &out),
            0);
        QVERIFY2(out.contains("codec_type=video"), out.constData());
    }

    // The finite .ts forms are one MPEG-TS body with its length that plays through; Xtream's
    // answer is 200 with the body, never a redirect.
    void finiteTransportStreams_data()
    {
        QTest::addColumn<QString>("form");
        QTest::newRow("flussonic ts") << QStringLiteral("/sport/archive-{S}-{D}.ts");
        QTest::newRow("xtream epoch start") << QStringLiteral("/timeshift/u/p/1/{S}/{I}.ts");
        QTest::newRow("xtream php")
            << QStringLiteral("/streaming/timeshift.php?username=u&password=p&stream={I}"
                              "&start={S}&duration=1");
    }

    void finiteTransportStreams()
    {
        QFETCH(QString, form);
        const BufferInfo info = waitForBuffer(20);
        // Xtream asks in whole minutes: a minute that begins 50 s before the buffer ends 10 s
        // into it, so the range is complete (clamped to what is kept).
        const bool xtream = !form.contains(QLatin1String("{D}"));
        const qint64 startS
            = xtream ? info.oldestUtcMs / 1000 - 50 : (info.oldestUtcMs + 5000) / 1000;
        const qint64 durationS = xtream ? 10 : 8;
        const QString path = QString(form)
                                 .replace(QStringLiteral("{S}"), QString::number(startS))
                                 .replace(QStringLiteral("{D}"), QString::number(durationS))
                                 .replace(QStringLiteral("{I}"), QString::number(m_sport.id));
        const HttpReply reply = httpRequest(m_base + path, "GET", {}, 30000);
        QVERIFY2(reply.status == 200, reply.body.left(300).constData());
        QCOMPARE(reply.header("Content-Type"), QByteArray("video/mp2t"));
        const QByteArray length = reply.header("Content-Length");
        const QByteArray file = QFile::encodeName(m_engineDir.filePath(QStringLiteral("range.ts")));
        if (!length.isEmpty())
            QCOMPARE(length.toLongLong(), reply.body.size());
        QFile out(QFile::decodeName(file));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(reply.body);
        out.close();
        QByteArray errors;
        QVERIFY2(runProgram(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                         out.fileName(), QStringLiteral("-f"), QStringLiteral("null"),
                         QStringLiteral("-")},
                     60000, nullptr, &errors)
                == 0,
            errors.constData());
        QVERIFY2(!length.isEmpty(), "a finite body has a Content-Length");
        const double seconds = videoSeconds(out.fileName());
        QVERIFY2(seconds >= durationS - 1.1 && seconds <= durationS + 2.1,
            qPrintable(QString::number(seconds)));
    }

    // A range still on the air as TS: no length, and the body ends once the range has passed.
    void rangeOnTheAirEndsWhereItEnds()
    {
        // From a little before the newest segment to a little after now (the source may run
        // behind the clock): what the buffer holds of it is not complete yet.
        const qint64 startS = waitForBuffer(6).newestUtcMs / 1000 - 3;
        const qint64 durationS = QDateTime::currentSecsSinceEpoch() + 2 - startS;
        const HttpReply reply = httpRequest(
            m_base + QStringLiteral("/sport/archive-%1-%2.ts").arg(startS).arg(durationS), "GET",
            {}, int(durationS + 20) * 1000); // it ends once the source has made the range
        QVERIFY2(reply.status == 200, reply.body.left(300).constData());
        QVERIFY(reply.header("Content-Length").isEmpty());
        QVERIFY(buffer().newestUtcMs >= (startS + durationS) * 1000);
        QFile out(m_engineDir.filePath(QStringLiteral("on-air.ts")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(reply.body);
        out.close();
        // No more than the range and a segment at each end; less where a loaded machine made
        // the source skip (holes are never filled).
        const double seconds = videoSeconds(out.fileName());
        QVERIFY2(seconds > 0 && seconds <= durationS + 2.1,
            qPrintable(QStringLiteral("%1 s for a range of %2 s").arg(seconds).arg(durationS)));
    }

    // A still of a moment of the buffer: 160 px wide JPEG, cacheable for a day; a moment
    // outside the buffer is 404 with a sentence.
    void stillOfAMoment()
    {
        const BufferInfo info = waitForBuffer(6);
        const qint64 momentS = (info.oldestUtcMs + 3000) / 1000;
        const HttpReply still
            = httpRequest(m_base + QStringLiteral("/thumb/sport/%1.jpg").arg(momentS));
        QVERIFY2(still.status == 200, still.body.left(300).constData());
        QCOMPARE(still.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(still.header("Cache-Control"), QByteArray("public, max-age=86400"));
        QVERIFY(still.body.startsWith("\xff\xd8"));
        QFile file(m_engineDir.filePath(QStringLiteral("still.jpg")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(still.body);
        file.close();
        QByteArray out;
        QCOMPARE(runProgram(QStringLiteral("ffprobe"),
                     {QStringLiteral("-v"), QStringLiteral("error"),
                         QStringLiteral("-show_entries"), QStringLiteral("stream=width"),
                         QStringLiteral("-of"), QStringLiteral("csv=p=0"), file.fileName()},
                     30000, &out),
            0);
        QCOMPARE(out.trimmed(), QByteArray("160"));
        // By id too, as the Xtream forms name channels.
        QCOMPARE(
            httpRequest(m_base + QStringLiteral("/thumb/%1/%2.jpg").arg(m_sport.id).arg(momentS))
                .body,
            still.body);

        const HttpReply outside
            = httpRequest(m_base + QStringLiteral("/thumb/sport/1000000000.jpg"));
        QCOMPARE(outside.status, 404);
        QVERIFY2(outside.body.contains("is outside what channel \"Sport\" keeps"),
            outside.body.constData());
        const HttpReply malformed = httpRequest(m_base + QStringLiteral("/thumb/sport/noon.jpg"));
        QCOMPARE(malformed.status, 400);
        QVERIFY2(malformed.body.contains("/thumb/<channel>/<unix seconds>.jpg"),
            malformed.body.constData());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("malformed start") << QStringLiteral("/sport/archive-abc-60.m3u8") << 400
                                         << QStringLiteral("/sport/archive-FROM-DURATION.m3u8");
        QTest::newRow("malformed timeshift")
            << QStringLiteral("/timeshift/sport.m3u8?start=yesterday") << 400
            << QStringLiteral("start");
        QTest::newRow("xtream no start") << QStringLiteral("/streaming/timeshift.php?stream=1")
                                         << 400 << QStringLiteral("stream, start and duration");
        QTest::newRow("before the buffer") << QStringLiteral("/sport/archive-1000000000-60.m3u8")
                                           << 404 << QStringLiteral("the buffer holds");
        QTest::newRow("in the future") << QStringLiteral("/sport/timeshift_abs-%1.m3u8")
                                              .arg(QDateTime::currentSecsSinceEpoch() + 3600)
                                       << 404 << QStringLiteral("in the future");
        QTest::newRow("unknown channel") << QStringLiteral("/nosuch/archive-1796068800-60.m3u8")
                                         << 404 << QStringLiteral("no channel");
    }

    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, sentence);
        QVERIFY(waitForBuffer(1).segments > 0);
        const HttpReply reply = httpRequest(m_base + path);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.body.contains(sentence.toUtf8()), reply.body.constData());
        QVERIFY2(reply.body.endsWith(".\n") || reply.body.size() > 40, reply.body.constData());
    }

    // The template /playlist.m3u advertises, filled in as Kodi fills it, plays; so do the URLs
    // Kodi's flussonic mode makes of the live URLs.
    void advertisedCatchupPlays()
    {
        const BufferInfo info = waitForBuffer(20);
        const HttpReply list = httpRequest(m_base + QStringLiteral("/playlist.m3u"));
        QCOMPARE(list.status, 200);
        static const QRegularExpression source(QStringLiteral("catchup-source=\"([^\"]+)\""));
        const QRegularExpressionMatch match = source.match(QString::fromUtf8(list.body));
        QVERIFY2(match.hasMatch(), list.body.constData());
        QVERIFY(list.body.contains("catchup=\"default\" catchup-days=\"1\""));
        const qint64 startS = (info.oldestUtcMs + 5000) / 1000;
        const qint64 nowS = QDateTime::currentSecsSinceEpoch();
        const QStringList urls = {substituteLikeKodi(match.captured(1), startS, startS + 8, nowS),
            substituteLikeKodi(m_base + QStringLiteral("/sport/timeshift_rel-{offset:1}.m3u8"),
                startS, startS + 8, nowS),
            substituteLikeKodi(m_base + QStringLiteral("/sport/timeshift_abs-${start}.ts"), startS,
                startS + 8, nowS)};
        for (const QString &url : urls) {
            QVERIFY2(!url.contains(u'{') && !url.contains(u'$'), qPrintable(url));
            QByteArray errors;
            QVERIFY2(runProgram(QStringLiteral("ffmpeg"),
                         {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), url,
                             QStringLiteral("-t"), QStringLiteral("3"), QStringLiteral("-f"),
                             QStringLiteral("null"), QStringLiteral("-")},
                         60000, nullptr, &errors)
                    == 0,
                qPrintable(url + QStringLiteral(": ") + QString::fromUtf8(errors)));
        }
    }

    // The independent clients of the shared tools on a finished window and on an archive
    // from-now EVENT playlist.
    void sharedHlsClients()
    {
        if (const QString missing = hlsClientsUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        const BufferInfo info = waitForBuffer(24);
        const qint64 startS = (info.oldestUtcMs + 2000) / 1000;
        for (const QString &path : {QStringLiteral("/sport/archive-%1-20.m3u8").arg(startS),
                 QStringLiteral("/sport/archive-%1-now.m3u8").arg(startS)}) {
            const HlsClientsRun run = runHlsClients(m_base + path, 8);
            qInfo().noquote() << path << run.table;
            QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("logs in %1").arg(run.logs)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpTimeshift)
#include "tst_http_timeshift.moc"
