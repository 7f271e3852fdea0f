// The viewer HTTP server for real: 127.0.0.1, a port it picks, a SegmentStore over real files.
// Requests that a well-behaved client library would refuse to send (traversal spellings,
// malformed lines, oversized headers) go over a raw QTcpSocket.
#include "ChannelDirectory.h"
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <linux/tcp.h>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace panelx;

namespace {

constexpr int kTimeoutMs = 10000;

struct RawResponse {
    int status = 0; // 0 = nothing came back
    QByteArray head;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Reads one response (status line, headers, Content-Length body) from a connected socket.
RawResponse readResponse(QTcpSocket &socket, bool headRequest = false)
{
    RawResponse response;
    QByteArray buffer;
    QDeadlineTimer deadline(kTimeoutMs);
    int headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired()
            || (!socket.bytesAvailable()
                && !socket.waitForReadyRead(int(deadline.remainingTime()))))
            return response;
        buffer += socket.readAll();
    }
    response.head = buffer.left(headerEnd);
    buffer.remove(0, headerEnd + 4);
    const QList<QByteArray> statusLine = response.head.left(response.head.indexOf('\r')).split(' ');
    if (statusLine.size() >= 2)
        response.status = statusLine.at(1).toInt();
    const qint64 length = headRequest ? 0 : response.header("Content-Length").toLongLong();
    while (buffer.size() < length) {
        if (deadline.hasExpired()
            || (!socket.bytesAvailable()
                && !socket.waitForReadyRead(int(deadline.remainingTime()))))
            break;
        buffer += socket.read(length - buffer.size());
    }
    response.body = buffer;
    return response;
}

// TCP segments with data that arrived on the socket so far (RFC 4898 DataSegsIn); -1 where
// the kernel does not count them.
qint64 dataSegmentsIn(const QTcpSocket &socket)
{
    tcp_info info {};
    socklen_t length = sizeof info;
    if (::getsockopt(int(socket.socketDescriptor()), IPPROTO_TCP, TCP_INFO, &info, &length) != 0
        || length < offsetof(tcp_info, tcpi_data_segs_in) + sizeof info.tcpi_data_segs_in)
        return -1;
    return info.tcpi_data_segs_in;
}

// Descriptors this process has open, and how many of them are the file at `path` (deleted or
// not): the server runs in this process.
QStringList openDescriptorTargets()
{
    QStringList targets;
    for (const QString &name :
        QDir(QStringLiteral("/proc/self/fd"))
            .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[4096];
        const QByteArray link = QFile::encodeName(QStringLiteral("/proc/self/fd/") + name);
        const ssize_t length = ::readlink(link.constData(), target, sizeof target);
        if (length > 0)
            targets.append(QFile::decodeName(QByteArray(target, qsizetype(length))));
    }
    return targets;
}

int descriptorsOn(const QString &path)
{
    const QStringList targets = openDescriptorTargets();
    return int(std::count_if(targets.begin(), targets.end(), [&](const QString &target) {
        return target == path || target == path + QStringLiteral(" (deleted)");
    }));
}

// A client that reads through a small receive buffer: the server finds the socket full.
void connectSlowReader(QTcpSocket &socket, quint16 port)
{
    constexpr int kWindow = 16 * 1024;
    socket.setReadBufferSize(kWindow);
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(kTimeoutMs));
    ::setsockopt(int(socket.socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &kWindow, sizeof kWindow);
}

RawResponse rawRequest(quint16 port, const QByteArray &request, bool headRequest = false)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(kTimeoutMs))
        return {};
    socket.write(request);
    socket.waitForBytesWritten(kTimeoutMs);
    return readResponse(socket, headRequest);
}

RawResponse rawGet(quint16 port, const QByteArray &target)
{
    return rawRequest(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SegmentStore> m_store;
    ChannelDirectory m_channels;
    std::unique_ptr<HttpServer> m_server;
    QHash<qint64, QByteArray> m_contents; // sequence -> bytes of channel 1's segments
    QHash<qint64, qint64> m_lastSequence; // channel -> sequence of its newest segment
    qint64 m_startUtcMs = 0;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path);
    }

    void commitSegment(qint64 channelId, int index, bool discontinuity)
    {
        SegmentInfo info;
        info.channelId = channelId;
        QString error;
        QVERIFY2(m_store->prepareTempPath(channelId, kSourceRendition, &error), qPrintable(error));
        info.startUtcMs = m_startUtcMs + index * 4000;
        info.durationMs = 4000;
        info.discontinuity = discontinuity;
        QByteArray bytes(3000 + index * 777, Qt::Uninitialized);
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 31 + index * 7) & 0xff);
        QFile file(m_store->tempPath(channelId, kSourceRendition));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
        QVERIFY2(m_store->commit(info, &error), qPrintable(error));
        if (channelId == 1)
            m_contents.insert(info.sequence, bytes);
        m_lastSequence.insert(channelId, info.sequence);
    }

    // A 5 MiB segment file of channel 1 outside the playlist window, under `sequence`.
    QByteArray writeLargeSegment(qint64 sequence)
    {
        QByteArray bytes(5 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131 + i / 4099) & 0xff);
        QFile file(m_store->segmentPath(1, kSourceRendition, sequence));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return bytes;
    }

    QString segmentUrl(qint64 channelId, qint64 sequence) const
    {
        return url(QStringLiteral("/seg/%1/src/%2.ts").arg(channelId).arg(sequence));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>(m_dir.filePath("panelx.sqlite"));
        QString error;
        QVERIFY2(m_db->open(&error), qPrintable(error));
        m_store = std::make_unique<SegmentStore>(*m_db, m_dir.filePath("segments"));
        m_startUtcMs = QDateTime::currentMSecsSinceEpoch() - 60000;

        ChannelConfig demo;
        demo.id = 1;
        demo.name = QStringLiteral("Demo Channel");
        demo.slug = QStringLiteral("demo");
        demo.sourceUrl = kDemoSourceUrl;
        ChannelConfig off = demo;
        off.id = 2;
        off.name = QStringLiteral("Switched Off");
        off.slug = QStringLiteral("off");
        off.enabled = false;
        ChannelConfig empty = demo;
        empty.id = 3;
        empty.name = QStringLiteral("Starting Up");
        empty.slug = QStringLiteral("starting");
        empty.segmentDurationMs = 6000;
        m_channels.put(demo);
        m_channels.put(off);
        m_channels.put(empty);

        for (int i = 0; i < 8; ++i)
            commitSegment(1, i, i == 5);
        commitSegment(2, 0, false);

        m_server = std::make_unique<HttpServer>(*m_store, m_channels);
        // An API that echoes what it was given, answering from a thread of its own as the
        // engine's API does.
        m_server->setApiHandler([](http::ApiRequest request, http::ApiReply reply) {
            std::thread([request, reply] {
                const QJsonObject echo {{"method", QString::fromLatin1(request.method)},
                    {"path", QString::fromLatin1(request.path)},
                    {"authorization", QString::fromLatin1(request.authorization)},
                    {"body", QString::fromLatin1(request.body)}, {"peer", request.peer.toString()}};
                reply({201, QJsonDocument(echo).toJson(), {{"X-Echo", "yes"}}});
            }).detach();
        });
        QVERIFY2(m_server->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
        QVERIFY(m_server->isRunning());
    }

    void cleanupTestCase() { m_server.reset(); }

    void livePlaylistIsTheNewestWindow()
    {
        const auto reply = test::httpRequest(url("/live/demo.m3u8"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/vnd.apple.mpegurl"));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(reply.header("Content-Length").toInt(), reply.body.size());
        const QString body = QString::fromUtf8(reply.body);
        QVERIFY(body.startsWith("#EXTM3U"));
        QVERIFY2(body.contains("#EXT-X-MEDIA-SEQUENCE:2\n"), qPrintable(body));
        QVERIFY(body.contains("#EXT-X-TARGETDURATION:6\n"));
        QCOMPARE(body.count("#EXT-X-PROGRAM-DATE-TIME:"), HttpServer::kLiveWindowSegments);
        QCOMPARE(body.count("#EXT-X-DISCONTINUITY\n"), 1);
        QStringList uris;
        for (const QString &line : body.split('\n'))
            if (line.startsWith('/'))
                uris << line;
        QCOMPARE(uris.size(), HttpServer::kLiveWindowSegments);
        QCOMPARE(uris.first(), QStringLiteral("/seg/1/src/2.ts"));
        QCOMPARE(uris.last(), QStringLiteral("/seg/1/src/7.ts"));
        // Every URI the playlist names is served, byte for byte.
        for (const QString &uri : uris) {
            const auto segment = test::httpRequest(url(uri));
            QCOMPARE(segment.status, 200);
            const qint64 sequence = uri.section('/', 4, 4).chopped(3).toLongLong();
            QCOMPARE(segment.body, m_contents.value(sequence));
        }
        // The rendition form names the same window.
        const auto rendition = test::httpRequest(url("/live/demo/src.m3u8"));
        QCOMPARE(rendition.status, 200);
        QCOMPARE(rendition.body, reply.body);
    }

    // Live playlists are rendered once per window and reused: each commit and each change of
    // the channel's segment duration must still show at once.
    void livePlaylistFollowsEachCommitAndSetting()
    {
        ChannelConfig moving;
        moving.id = 5;
        moving.name = QStringLiteral("Moving");
        moving.slug = QStringLiteral("moving");
        moving.sourceUrl = kDemoSourceUrl;
        m_channels.put(moving);
        for (int i = 0; i < 7; ++i)
            commitSegment(5, i, false);
        const auto lastUri
            = [](const QByteArray &body) { return body.trimmed().split('\n').last(); };
        const auto first = test::httpRequest(url("/live/moving.m3u8"));
        QCOMPARE(first.status, 200);
        QCOMPARE(lastUri(first.body), QByteArray("/seg/5/src/6.ts"));
        QCOMPARE(test::httpRequest(url("/live/moving.m3u8")).body, first.body);

        commitSegment(5, 7, false);
        const auto next = test::httpRequest(url("/live/moving.m3u8"));
        QCOMPARE(lastUri(next.body), QByteArray("/seg/5/src/7.ts"));
        QVERIFY2(next.body.contains("#EXT-X-MEDIA-SEQUENCE:2\n"), next.body.constData());
        QVERIFY(next.body.contains("#EXT-X-TARGETDURATION:6\n"));

        moving.segmentDurationMs = 2000;
        m_channels.put(moving);
        const auto shorter = test::httpRequest(url("/live/moving.m3u8"));
        QVERIFY2(shorter.body.contains("#EXT-X-TARGETDURATION:3\n"), shorter.body.constData());
        QCOMPARE(lastUri(shorter.body), QByteArray("/seg/5/src/7.ts"));
    }

    void channelStatesGetClearAnswers_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown channel") << "/live/nope.m3u8" << 404 << "no channel \"nope\"";
        QTest::newRow("disabled channel") << "/live/off.m3u8" << 404 << "switched off";
        QTest::newRow("no segment yet") << "/live/starting.m3u8" << 503 << "retry in 6 s";
        QTest::newRow("unknown rendition") << "/live/demo/720p.m3u8" << 503 << "no segment yet";
        QTest::newRow("gone segment") << "/seg/1/src/999.ts" << 404 << "not in the buffer";
        QTest::newRow("unknown channel segment") << "/seg/42/src/0.ts" << 404 << "no channel 42";
        QTest::newRow("unknown path") << "/admin" << 404 << "/playlist.m3u";
        QTest::newRow("bad segment url") << "/seg/1/src/abc.ts" << 400 << "segment URLs are";
    }

    void channelStatesGetClearAnswers()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, says);
        const auto reply = test::httpRequest(url(path));
        QCOMPARE(reply.status, status);
        QVERIFY2(QString::fromUtf8(reply.body).contains(says), reply.body.constData());
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
        if (status == 503)
            QCOMPARE(reply.header("Retry-After"),
                path.contains("starting") ? QByteArray("6") : QByteArray("4"));
    }

    // A switched-off channel keeps its buffer on disk, and a deleted one's files may outlive
    // it for a moment: neither may be watched through a segment URL someone kept.
    void segmentsOfDisabledOrDeletedChannelsAreNotServed()
    {
        const auto off = test::httpRequest(segmentUrl(2, m_lastSequence.value(2)));
        QCOMPARE(off.status, 404);
        QVERIFY2(off.body.contains("\"Switched Off\" is switched off"), off.body.constData());

        ChannelConfig gone;
        gone.id = 4;
        gone.name = QStringLiteral("Gone");
        gone.slug = QStringLiteral("gone");
        gone.sourceUrl = kDemoSourceUrl;
        m_channels.put(gone);
        commitSegment(4, 0, false);
        const QString goneUrl = segmentUrl(4, m_lastSequence.value(4));
        QCOMPARE(test::httpRequest(goneUrl).status, 200);
        m_channels.remove(4);
        const auto deleted = test::httpRequest(goneUrl);
        QCOMPARE(deleted.status, 404);
        QVERIFY2(deleted.body.contains("no channel 4"), deleted.body.constData());
        QVERIFY(deleted.header("Content-Type").startsWith("text/plain"));

        // Switched off while watched: its segments and its playlist go together, and come back
        // together.
        const ChannelConfig on = *m_channels.byId(1);
        ChannelConfig switchedOff = on;
        switchedOff.enabled = false;
        const qint64 newest = m_lastSequence.value(1);
        m_channels.put(switchedOff);
        const auto restore = qScopeGuard([&] { m_channels.put(on); });
        QCOMPARE(test::httpRequest(segmentUrl(1, newest)).status, 404);
        QCOMPARE(test::httpRequest(url("/live/demo.m3u8")).status, 404);
        m_channels.put(on);
        QCOMPARE(test::httpRequest(segmentUrl(1, newest)).body, m_contents.value(newest));
        QCOMPARE(test::httpRequest(url("/live/demo.m3u8")).status, 200);
    }

    void channelListUsesTheHostHeader()
    {
        auto reply = test::httpRequest(url("/playlist.m3u"), "GET", {{"Host", "tv.example:1234"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("audio/x-mpegurl"));
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QString body = QString::fromUtf8(reply.body);
        QVERIFY(body.startsWith("#EXTM3U"));
        QVERIFY2(body.contains("\nhttp://tv.example:1234/live/demo.m3u8"), qPrintable(body));
        QVERIFY(body.contains("Demo Channel"));
        QVERIFY(body.contains("http://tv.example:1234/live/starting.m3u8"));
        QVERIFY2(!body.contains("off.m3u8"), "disabled channels are not listed");

        // A Host header that could inject lines falls back to the server's own address.
        const RawResponse raw = rawRequest(
            m_server->port(), "GET /playlist.m3u HTTP/1.1\r\nHost: evil\"host/#EXT\r\n\r\n");
        QCOMPARE(raw.status, 200);
        QVERIFY2(raw.body.contains(QStringLiteral("http://127.0.0.1:%1/live/demo.m3u8")
                                       .arg(m_server->port())
                                       .toUtf8()),
            raw.body.constData());
        QVERIFY(!raw.body.contains("evil"));
    }

    void segmentHeaders()
    {
        const auto reply = test::httpRequest(url("/seg/1/src/3.ts"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, m_contents.value(3));
        QCOMPARE(reply.header("Content-Type"), QByteArray("video/mp2t"));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        QCOMPARE(reply.header("Accept-Ranges"), QByteArray("bytes"));
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(reply.header("Content-Length").toLongLong(), m_contents.value(3).size());
    }

    // A segment's headers pushed in a packet of their own cost about 40 % of the segment rate
    // (docs/decisions.md, "HTTP server"): headers and body must leave together, from the first
    // response on a connection on. Counted on the client's socket, so it is what went over the
    // wire.
    void segmentHeadersLeaveWithTheBody()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        const qint64 before = dataSegmentsIn(socket);
        if (before < 0)
            QSKIP("this kernel does not count received TCP segments (TCP_INFO)");
        constexpr int kRequests = 4;
        for (int i = 0; i < kRequests; ++i) {
            socket.write("GET /seg/1/src/" + QByteArray::number(2 + i)
                + ".ts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            const RawResponse response = readResponse(socket);
            QCOMPARE(response.status, 200);
            QCOMPARE(response.body, m_contents.value(2 + i));
        }
        // Each response (< 9 KB) fits in one packet on loopback.
        const qint64 packets = dataSegmentsIn(socket) - before;
        QVERIFY2(packets <= kRequests,
            qPrintable(
                QStringLiteral("%1 responses came in %2 packets").arg(kRequests).arg(packets)));
    }

    void byteRanges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        const qint64 size = 3000 + 4 * 777; // segment 4
        QTest::newRow("first bytes") << QByteArray("bytes=0-9") << 206 << 0LL << 9LL;
        QTest::newRow("middle") << QByteArray("bytes=1000-1999") << 206 << 1000LL << 1999LL;
        QTest::newRow("open end") << QByteArray("bytes=6000-") << 206 << 6000LL << size - 1;
        QTest::newRow("suffix") << QByteArray("bytes=-100") << 206 << size - 100 << size - 1;
        QTest::newRow("end clamped") << QByteArray("bytes=10-999999") << 206 << 10LL << size - 1;
        QTest::newRow("unsatisfiable") << QByteArray("bytes=999999-") << 416 << 0LL << 0LL;
        QTest::newRow("several ranges: whole file")
            << QByteArray("bytes=0-1,5-6") << 200 << 0LL << size - 1;
        QTest::newRow("malformed: whole file") << QByteArray("bytes=x-y") << 200 << 0LL << size - 1;
    }

    void byteRanges()
    {
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const QByteArray whole = m_contents.value(4);
        const auto reply = test::httpRequest(url("/seg/1/src/4.ts"), "GET", {{"Range", range}});
        QCOMPARE(reply.status, status);
        if (status == 416) {
            QCOMPARE(reply.header("Content-Range"), "bytes */" + QByteArray::number(whole.size()));
            return;
        }
        QCOMPARE(reply.body, whole.mid(first, last - first + 1));
        QCOMPARE(reply.header("Content-Length").toLongLong(), last - first + 1);
        if (status == 206)
            QCOMPARE(reply.header("Content-Range"),
                QStringLiteral("bytes %1-%2/%3").arg(first).arg(last).arg(whole.size()).toLatin1());
    }

    // A segment far larger than the socket's buffers, read in small bites on a timer: the
    // server waits for the socket each time and the body arrives whole and byte-exact.
    void aSlowReaderGetsALargeSegmentWhole()
    {
        const QByteArray bytes = writeLargeSegment(1000);
        QVERIFY(!bytes.isEmpty());
        QTcpSocket socket;
        connectSlowReader(socket, m_server->port());
        socket.write("GET /seg/1/src/1000.ts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray received;
        QTimer pacer;
        pacer.setInterval(2);
        connect(&pacer, &QTimer::timeout, [&] { received += socket.read(8 * 1024); });
        pacer.start();
        const auto bodyStart = [&] {
            const qsizetype end = received.indexOf("\r\n\r\n");
            return end < 0 ? -1 : end + 4;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            bodyStart() > 0 && received.size() >= bodyStart() + bytes.size(), 60000);
        pacer.stop();
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.left(200).constData());
        QCOMPARE(received.size(), bodyStart() + bytes.size());
        QVERIFY(received.mid(bodyStart()) == bytes);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // kept alive for more
    }

    // A client that leaves mid-body: the response ends and its file is closed, even one that
    // retention deleted meanwhile (no longer in the cache, held by the response alone).
    void aClientLeavingMidBodyReleasesTheFile()
    {
        QVERIFY(!writeLargeSegment(1001).isEmpty());
        // As the kernel names it (the temporary folder may be reached through a link).
        const QString file
            = QFileInfo(m_store->segmentPath(1, kSourceRendition, 1001)).canonicalFilePath();
        const int before = int(openDescriptorTargets().size());
        auto leaver = std::make_unique<QTcpSocket>();
        connectSlowReader(*leaver, m_server->port());
        leaver->write("GET /seg/1/src/1001.ts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(leaver->waitForReadyRead(kTimeoutMs));
        QVERIFY(leaver->read(4096).startsWith("HTTP/1.1 200"));
        QCOMPARE(descriptorsOn(file), 1);
        QVERIFY(QFile::remove(file));
        QCOMPARE(rawGet(m_server->port(), "/seg/1/src/1001.ts").status, 404);
        QCOMPARE(descriptorsOn(file), 1); // the response still sends from it
        leaver->abort();
        leaver.reset();
        QTRY_COMPARE_WITH_TIMEOUT(descriptorsOn(file), 0, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(openDescriptorTargets().size() <= before, kTimeoutMs);
    }

    void headHasHeadersWithoutBody_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("segment") << QByteArray("/seg/1/src/6.ts") << 200
                                 << QByteArray("video/mp2t");
        QTest::newRow("playlist") << QByteArray("/live/demo.m3u8") << 200
                                  << QByteArray("application/vnd.apple.mpegurl");
        QTest::newRow("channel list")
            << QByteArray("/playlist.m3u") << 200 << QByteArray("audio/x-mpegurl");
        QTest::newRow("missing") << QByteArray("/live/nope.m3u8") << 404
                                 << QByteArray("text/plain; charset=utf-8");
    }

    void headHasHeadersWithoutBody()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        socket.write("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const RawResponse head = readResponse(socket, true);
        QCOMPARE(head.status, status);
        QCOMPARE(head.header("Content-Type"), type);
        QVERIFY(head.body.isEmpty());
        // Same connection, same path with GET: the length HEAD announced is the body's.
        socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const RawResponse get = readResponse(socket);
        QCOMPARE(get.status, status);
        QCOMPARE(head.header("Content-Length").toLongLong(), get.body.size());
        if (path.startsWith("/seg/"))
            QCOMPARE(get.body, m_contents.value(6));
    }

    void corsPreflight()
    {
        const auto reply = test::httpRequest(url("/seg/1/src/2.ts"), "OPTIONS",
            {{"Origin", "http://player.example"}, {"Access-Control-Request-Method", "GET"},
                {"Access-Control-Request-Headers", "range"}});
        QCOMPARE(reply.status, 204);
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QVERIFY(reply.header("Access-Control-Allow-Methods").contains("GET"));
        QVERIFY(reply.header("Access-Control-Allow-Headers").contains("Range"));
    }

    void otherMethodsAre405()
    {
        for (const QByteArray method : {"POST", "PUT", "DELETE", "PATCH"}) {
            const auto reply = test::httpRequest(url("/live/demo.m3u8"), method);
            QCOMPARE(reply.status, 405);
            QCOMPARE(reply.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));
            QVERIFY(reply.body.contains("use GET or HEAD"));
        }
        const RawResponse withBody = rawRequest(m_server->port(),
            "POST /seg/1/src/2.ts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        QCOMPARE(withBody.status, 405);
    }

    void apiRequestsReachTheHandler()
    {
        const auto reply = test::httpRequest(url("/api/v1/things/3"), "PATCH",
            {{"Authorization", "Bearer abc"}, {"Content-Type", "application/json"}}, kTimeoutMs,
            R"({"name":"x"})");
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(reply.header("X-Echo"), QByteArray("yes"));
        const QJsonObject echo = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(echo.value("method").toString(), QStringLiteral("PATCH"));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/api/v1/things/3"));
        QCOMPARE(echo.value("authorization").toString(), QStringLiteral("Bearer abc"));
        QCOMPARE(echo.value("body").toString(), QStringLiteral(R"({"name":"x"})"));
        QCOMPARE(echo.value("peer").toString(), QStringLiteral("127.0.0.1"));
        // The connection stays usable for viewer requests after an API exchange.
        QCOMPARE(test::httpRequest(url("/live/demo.m3u8")).status, 200);
    }

    void apiBodiesOverTheLimitAre413()
    {
        const QByteArray body(http::kMaxApiBodyBytes + 1, 'x');
        const auto reply = test::httpRequest(url("/api/v1/things"), "POST", {}, kTimeoutMs, body);
        QCOMPARE(reply.status, 413);
        const QJsonObject error = QJsonDocument::fromJson(reply.body).object();
        QVERIFY2(error.value("error").toString().contains("larger than"), reply.body);
        // Exactly at the limit is accepted.
        const auto atLimit = test::httpRequest(
            url("/api/v1/things"), "POST", {}, kTimeoutMs, QByteArray(http::kMaxApiBodyBytes, 'y'));
        QCOMPARE(atLimit.status, 201);
    }

    // The API answers when it likes: a reply after the client left, and one after the server
    // stopped, are dropped without harm, and a second reply is ignored.
    void lateApiRepliesAreDropped()
    {
        HttpServer server(*m_store, m_channels);
        std::mutex mutex;
        QList<http::ApiReply> replies;
        server.setApiHandler([&](http::ApiRequest, http::ApiReply reply) {
            std::lock_guard lock(mutex);
            replies.append(std::move(reply));
        });
        QString error;
        QVERIFY2(server.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const auto pending = [&] {
            std::lock_guard lock(mutex);
            return replies.size();
        };
        const QByteArray request = "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

        // Answered twice: the first reply is the answer, the second is ignored.
        QTcpSocket twice;
        twice.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(twice.waitForConnected(kTimeoutMs));
        twice.write(request);
        QTRY_COMPARE_WITH_TIMEOUT(pending(), 1, kTimeoutMs);
        replies.at(0)(http::ApiResponse {200, "{\"first\":true}", {}});
        replies.at(0)(http::ApiResponse {500, "{\"second\":true}", {}});
        const RawResponse answered = readResponse(twice);
        QCOMPARE(answered.status, 200);
        QCOMPARE(answered.body, QByteArray("{\"first\":true}"));
        twice.write("GET /live/demo.m3u8 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(readResponse(twice).status, 200); // no stray second answer came first

        // The client leaves before the reply.
        {
            QTcpSocket gone;
            gone.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(gone.waitForConnected(kTimeoutMs));
            gone.write(request);
            QTRY_COMPARE_WITH_TIMEOUT(pending(), 2, kTimeoutMs);
        }
        replies.at(1)(http::ApiResponse {200, "{}", {}});
        QCOMPARE(test::httpRequest(
                     QStringLiteral("http://127.0.0.1:%1/live/demo.m3u8").arg(server.port()))
                     .status,
            200);

        // The server stops while a request waits: that client is told, and the reply that
        // comes afterwards goes nowhere.
        QTcpSocket waiting;
        waiting.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(waiting.waitForConnected(kTimeoutMs));
        waiting.write(request);
        QTRY_COMPARE_WITH_TIMEOUT(pending(), 3, kTimeoutMs);
        server.stop();
        const RawResponse stopping = readResponse(waiting);
        QCOMPARE(stopping.status, 503);
        QVERIFY2(stopping.body.contains("stopping"), stopping.body.constData());
        replies.at(2)(http::ApiResponse {200, "{}", {}});
    }

    void traversalIsRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("dotdot") << QByteArray("/seg/1/src/../../../../etc/passwd");
        QTest::newRow("dotdot to db") << QByteArray("/seg/1/../../panelx.sqlite");
        QTest::newRow("encoded dots") << QByteArray("/seg/1/src/%2e%2e/%2e%2e/panelx.sqlite");
        QTest::newRow("encoded slash") << QByteArray("/seg/1%2fsrc%2f0.ts");
        QTest::newRow("encoded live") << QByteArray("/live/%2e%2e%2fpanelx.sqlite");
        QTest::newRow("double encoded") << QByteArray("/seg/1/src/%252e%252e/0.ts");
        QTest::newRow("backslash") << QByteArray("/seg/1/src/..\\..\\panelx.sqlite");
        QTest::newRow("absolute") << QByteArray("//etc/passwd");
        QTest::newRow("dot rendition") << QByteArray("/seg/1/./0.ts");
    }

    void traversalIsRefused()
    {
        QFETCH(QByteArray, target);
        const RawResponse response = rawGet(m_server->port(), target);
        QVERIFY2(response.status >= 400 && response.status < 500, response.head.constData());
        QVERIFY(!response.body.contains("SQLite"));
        QVERIFY(!response.body.contains("root:"));
    }

    void badRequestsDoNotStopTheServer_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("garbage line") << QByteArray("THIS IS NOT HTTP\r\n\r\n");
        QTest::newRow("no version") << QByteArray("GET /live/demo.m3u8\r\n\r\n");
        QTest::newRow("bad version")
            << QByteArray("GET /live/demo.m3u8 HTXP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n");
        QTest::newRow("missing host (1.1)") << QByteArray("GET /live/demo.m3u8 HTTP/1.1\r\n\r\n");
        QTest::newRow("oversized header")
            << QByteArray("GET /live/demo.m3u8 HTTP/1.1\r\nHost: x\r\nX-Big: "
                   + QByteArray(64 * 1024, 'a') + "\r\n\r\n");
        QTest::newRow("oversized url") << QByteArray(
            "GET /live/" + QByteArray(64 * 1024, 'a') + ".m3u8 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("many headers") << [] {
            QByteArray request("GET /live/demo.m3u8 HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < 3000; ++i)
                request += "X-H" + QByteArray::number(i) + ": v\r\n";
            return request + "\r\n";
        }();
    }

    void badRequestsDoNotStopTheServer()
    {
        QFETCH(QByteArray, request);
        const RawResponse response = rawRequest(m_server->port(), request);
        QVERIFY2(response.status >= 400 && response.status < 500,
            qPrintable(QStringLiteral("status %1: %2")
                           .arg(response.status)
                           .arg(QString::fromLatin1(response.head))));
        // ... and the next client is served as usual.
        const auto next = test::httpRequest(url("/live/demo.m3u8"));
        QCOMPARE(next.status, 200);
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        for (const QByteArray path :
            {"/live/demo.m3u8", "/seg/1/src/7.ts", "/nope", "/playlist.m3u"}) {
            socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            const RawResponse response = readResponse(socket);
            QVERIFY2(response.status != 0, path.constData());
            QVERIFY(response.header("Connection").compare("close", Qt::CaseInsensitive) != 0);
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
            if (path.startsWith("/seg/"))
                QCOMPARE(response.body, m_contents.value(7));
        }
        // Two requests sent back to back (pipelined) are both answered, in order.
        socket.write("GET /seg/1/src/2.ts HTTP/1.1\r\nHost: a\r\n\r\nGET /seg/1/src/3.ts "
                     "HTTP/1.1\r\nHost: a\r\n\r\n");
        const RawResponse first = readResponse(socket);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.left(m_contents.value(2).size()), m_contents.value(2));
    }

    void viewersCountDistinctClients()
    {
        QVERIFY(test::httpRequest(url("/live/demo.m3u8")).status == 200);
        QCOMPARE(m_server->viewers(1), 1); // every request here comes from 127.0.0.1
        QCOMPARE(m_server->viewers(2), 0); // disabled: nobody could watch it
        QCOMPARE(m_server->viewers(99), 0);
        QCOMPARE(m_server->allViewers().value(1), 1);
        QVERIFY(m_server->requestCount() > 10);
    }

    void portInUseIsAClearError()
    {
        HttpServer second(*m_store, m_channels);
        QString error;
        QVERIFY(!second.start(QHostAddress::LocalHost, m_server->port(), &error));
        QVERIFY2(error.contains(QStringLiteral("port %1 is already in use").arg(m_server->port())),
            qPrintable(error));
        QVERIFY(error.contains("--port"));
        QVERIFY(!second.isRunning());
        QCOMPARE(second.port(), quint16(0));
        QCOMPARE(test::httpRequest(url("/live/demo.m3u8")).status, 200);
    }

    void stopAndRestart()
    {
        const quint16 oldPort = m_server->port();
        m_server->stop();
        QVERIFY(!m_server->isRunning());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, oldPort);
        QVERIFY(!socket.waitForConnected(kTimeoutMs) || !socket.waitForReadyRead(2000));
        QString error;
        QVERIFY2(m_server->start(QHostAddress::LocalHost, oldPort, &error), qPrintable(error));
        QCOMPARE(m_server->port(), oldPort); // the same port is free again at once
        QCOMPARE(test::httpRequest(url("/seg/1/src/5.ts")).body, m_contents.value(5));
    }

    // Each loop thread accepts on the same listening socket; every connection is served
    // whichever loop took it.
    void loopThreadsServe_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one loop") << 1;
        QTest::newRow("two loops") << 2;
        QTest::newRow("four loops") << 4;
    }

    void loopThreadsServe()
    {
        QFETCH(int, threads);
        HttpServerOptions options;
        options.threads = threads;
        HttpServer loops(*m_store, m_channels, options);
        QString error;
        QVERIFY2(loops.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 3 * threads; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, loops.port());
            QVERIFY(socket->waitForConnected(kTimeoutMs));
            sockets.push_back(std::move(socket));
        }
        for (const auto &socket : sockets)
            for (qint64 sequence : {2, 7}) {
                socket->write("GET /seg/1/src/" + QByteArray::number(sequence)
                    + ".ts HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=1-\r\n\r\n");
                const RawResponse response = readResponse(*socket);
                QCOMPARE(response.status, 206);
                QCOMPARE(response.body, m_contents.value(sequence).mid(1));
            }
        QCOMPARE(rawGet(loops.port(), "/seg/1/src/%2e%2e").status, 400);
        // rawGet's connection closes on its own, soon after its answer.
        QTRY_COMPARE_WITH_TIMEOUT(loops.openConnections(), int(sockets.size()), kTimeoutMs);
        // stop() closes kept-alive connections and returns without waiting for their clients.
        loops.stop();
        for (const auto &socket : sockets)
            QVERIFY(socket->state() == QAbstractSocket::UnconnectedState
                || socket->waitForDisconnected(kTimeoutMs));
    }

    // Headers over HttpServerOptions::maxHeaderBytes get 431; a request head over the
    // library's own limit (about 400 KiB) gets the library's 400. Either way the connection is
    // closed.
    void oversizedRequestsAreRefusedAndClosed_data()
    {
        QTest::addColumn<int>("headerBytes");
        QTest::addColumn<int>("status");
        QTest::newRow("over our limit") << 20 * 1024 << 431;
        QTest::newRow("over the library's limit") << 500 * 1024 << 400;
    }

    void oversizedRequestsAreRefusedAndClosed()
    {
        QFETCH(int, headerBytes);
        QFETCH(int, status);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        socket.write("GET /live/demo.m3u8 HTTP/1.1\r\nHost: x\r\nX-Big: "
            + QByteArray(headerBytes, 'a') + "\r\n\r\n");
        const RawResponse response = readResponse(socket);
        QCOMPARE(response.status, status);
        if (status == 431)
            QVERIFY2(response.body.contains("larger than"), response.body.constData());
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState
            || socket.waitForDisconnected(kTimeoutMs));
    }

    void dualStackListensOnIPv4Too()
    {
        HttpServer any(*m_store, m_channels);
        QString error;
        QVERIFY2(any.start(QHostAddress::Any, 0, &error), qPrintable(error));
        const auto reply
            = test::httpRequest(QStringLiteral("http://127.0.0.1:%1/playlist.m3u").arg(any.port()),
                "GET", {{"Host", ""}});
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.contains(QStringLiteral("/live/demo.m3u8").toUtf8()),
            reply.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"
