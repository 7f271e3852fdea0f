// The viewer server's catch-up and timeshift answers for real: the continuous MPEG-TS body over
// a segment store the test fills (byte for byte, at the live edge, a client that leaves, a
// channel switched off), and a live engine with 1 s segments read by ffmpeg and ffprobe.
#include "ChannelDirectory.h"
#include "Engine.h"
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"

#include <QDateTime>
#include <QFile>
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

    template<typename Call> auto onEngine(Engine *engine, Call call)
    {
        decltype(call()) result;
        QMetaObject::invokeMethod(
            engine, [&] { result = call(); }, Qt::BlockingQueuedConnection);
        return result;
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
    }

    void cleanupTestCase() { m_server.reset(); }

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
        const int before = m_server->openConnections();
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
        if (!haveProgram(QStringLiteral("ffmpeg")) || !haveProgram(QStringLiteral("ffprobe")))
            QFAIL("ffmpeg and ffprobe are needed as independent checkers "
                  "(installer/install-deps.sh)");
        QTemporaryDir dataDir;
        EngineThread running;
        EngineOptions options;
        options.dataDir = dataDir.path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        options.createDemoChannel = false;
        const QString failure = running.start(options);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        Engine *engine = running.engine();
        ChannelConfig channel;
        channel.name = QStringLiteral("Sport");
        channel.sourceUrl = kDemoSourceUrl;
        channel.segmentDurationMs = kSegmentMs;
        const ChannelChange change
            = onEngine(engine, [&] { return engine->createChannel(channel); });
        QVERIFY2(change.ok(), qPrintable(change.error));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(onEngine(engine, [&] {
            return engine->httpPort();
        }));
        QVERIFY(waitFor(
            [&] { return httpRequest(base + QStringLiteral("/sport/index.m3u8")).status == 200; },
            30000));

        const QString file = dataDir.filePath(QStringLiteral("read.ts"));
        QByteArray errors;
        const int code = runProgram(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                base + QStringLiteral("/sport/mpegts"), QStringLiteral("-t"), QStringLiteral("10"),
                QStringLiteral("-c"), QStringLiteral("copy"), file},
            60000, nullptr, &errors);
        QVERIFY2(code == 0, errors.constData());
        const double seconds = probedSeconds(file);
        QVERIFY2(seconds >= 9.5 && seconds <= 10.5, qPrintable(QString::number(seconds)));
        QVERIFY2(runProgram(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                         QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
                     60000, nullptr, &errors)
                == 0,
            errors.constData());
        QVERIFY2(errors.trimmed().isEmpty(), errors.constData());
        QVERIFY(running.stop());
    }
};

QTEST_GUILESS_MAIN(TestHttpTimeshift)
#include "tst_http_timeshift.moc"
