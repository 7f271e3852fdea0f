// The viewer server's request path against hostile clients: thousands of random and mutated
// requests over raw sockets (bad methods, broken and huge headers, absurd ranges, encoding
// tricks, NULs, pipelined garbage, half requests) at a server over a real SegmentStore whose
// data folder has symlinks planted in it. No crash, no hang, no byte of a file outside the
// store in any answer, and the live playlist still right after every batch.
// PANELX_FUZZ_SEED and PANELX_FUZZ_REQUESTS override the seed and the number of requests.
#include "ChannelDirectory.h"
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace panelx;

namespace {

// A connection must be answered or closed within this; the server under test closes idle
// connections after kIdleTimeoutS, so a request it still waits on cannot hold a client longer.
constexpr int kIdleTimeoutS = 1;
constexpr int kAnswerDeadlineMs = 15000;
constexpr int kDefaultRequests = 10000;
constexpr int kBatch = 500;
constexpr int kClients = 16; // connections in flight at once
// One attack: bytes written on one connection (several requests when pipelined).
struct Attack {
    QByteArray bytes;
    int requests = 1; // requests in `bytes`
    bool closeEarly = false; // a half request: written, then the connection is closed
    bool headRequest = false;
};

struct Outcome {
    QList<int> statuses; // one per response read; empty = closed without an answer
    bool hung = false;
    QByteArray received;
};

class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) { }
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

// How many complete responses `data` holds (1xx interim answers skipped), and their statuses.
// A response without Content-Length ends at the close.
QList<int> completeResponses(const QByteArray &data, bool headRequest, bool closed)
{
    QList<int> statuses;
    qsizetype at = 0;
    while (at < data.size()) {
        const qsizetype headerEnd = data.indexOf("\r\n\r\n", at);
        if (headerEnd < 0)
            break;
        const QByteArray head = data.mid(at, headerEnd - at);
        const QList<QByteArray> statusLine = head.split('\r').first().split(' ');
        const int status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
        qint64 length = -1;
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0
                && line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        qsizetype end = headerEnd + 4;
        if (status >= 100 && status < 200) {
            at = end;
            continue;
        }
        if (!headRequest && status != 204 && status != 304) {
            if (length < 0) {
                if (!closed)
                    break;
                end = data.size();
            } else {
                end += length;
            }
        }
        if (end > data.size())
            break;
        statuses << status;
        at = end;
    }
    return statuses;
}

// Connects from 127.0.0.1, writes the attack and reads until every request is answered, the
// server closes, or the deadline passes (a hang).
Outcome run(quint16 port, const Attack &attack)
{
    Outcome outcome;
    Fd socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QDeadlineTimer deadline(kAnswerDeadlineMs);
    if (::connect(socket.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        && errno != EINPROGRESS) {
        outcome.hung = true; // a server that stopped accepting is as bad as a hung one
        return outcome;
    }
    qsizetype written = 0;
    bool closed = false;
    while (!deadline.hasExpired()) {
        pollfd pfd {socket.get(), POLLIN, 0};
        if (written < attack.bytes.size())
            pfd.events |= POLLOUT;
        if (::poll(&pfd, 1, int(qMin<qint64>(deadline.remainingTime(), 1000))) < 0)
            continue;
        if (pfd.revents & POLLOUT) {
            const ssize_t n = ::send(socket.get(), attack.bytes.constData() + written,
                size_t(attack.bytes.size() - written), MSG_NOSIGNAL);
            if (n > 0)
                written += n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                written = attack.bytes.size(); // the server closed while we wrote; read the rest
            if (written == attack.bytes.size() && attack.closeEarly)
                return outcome;
        }
        if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[64 * 1024];
            const ssize_t n = ::recv(socket.get(), buffer, sizeof buffer, 0);
            if (n > 0)
                outcome.received.append(buffer, n);
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                closed = true;
        }
        outcome.statuses = completeResponses(outcome.received, attack.headRequest, closed);
        if (closed || outcome.statuses.size() >= attack.requests)
            return outcome;
    }
    outcome.hung = true;
    return outcome;
}

// Random requests and mutations of good ones.
class Fuzzer {
public:
    explicit Fuzzer(quint64 seed) : m_random(seed) { }

    Attack next()
    {
        switch (pick(10)) {
        case 0:
            return pipelined();
        case 1: {
            Attack attack = single();
            attack.bytes.truncate(qsizetype(pick(quint32(attack.bytes.size()))));
            attack.closeEarly = true;
            return attack;
        }
        case 2: {
            Attack attack;
            attack.bytes = randomBytes(1 + pick(4000)) + "\r\n\r\n";
            return attack;
        }
        default:
            return single();
        }
    }

private:
    std::mt19937_64 m_random;

    quint32 pick(quint32 n) { return n == 0 ? 0 : quint32(m_random() % n); }
    bool chance(int percent) { return int(pick(100)) < percent; }
    template<typename T, size_t N> const T &oneOf(const T (&items)[N]) { return items[pick(N)]; }

    QByteArray randomBytes(quint32 n)
    {
        QByteArray bytes(qsizetype(n), Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(m_random());
        return bytes;
    }

    QByteArray method()
    {
        static const char *const kMethods[]
            = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH",
                "get", "GeT", "PRI", "BREW", "G\tET", "GET ", "", "-", "\xff\xfe", "GE\0T"};
        if (chance(70))
            return "GET";
        if (chance(10))
            return QByteArray(qsizetype(1 + pick(9000)), 'A');
        const char *m = oneOf(kMethods);
        return m[0] == 'G' && m[1] == 'E' && m[2] == '\0' ? QByteArray("GE\0T", 4) : QByteArray(m);
    }

    QByteArray target()
    {
        static const char *const kGood[]
            = {"/live/demo.m3u8", "/live/demo/src.m3u8", "/seg/1/src/7.ts", "/seg/1/src/2.ts",
                "/playlist.m3u", "/", "/live/off.m3u8", "/api/v1/status", "/api/v1/channels"};
        static const char *const kTricks[] = {"/seg/1/src/%2e%2e/%2e%2e/secret.txt",
            "/seg/../../secret.txt", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/seg/1/src/..%2f..%2fsecret", "/seg/1/%2e%2e/src/2.ts", "/live/%2e%2e%2fsecret.m3u8",
            "/seg/1/src/%c0%ae%c0%ae/x.ts", "/seg/1/%c0%afsrc/2.ts", "/seg/1/src/2.ts%00.m3u8",
            "/seg/1/src/2%00.ts", "//etc/passwd", "http://127.0.0.1/seg/1/src/2.ts",
            "http://evil.example/live/demo.m3u8", "*", "/seg/99999999999999999999/src/0.ts",
            "/seg/1/src/99999999999999999999999.ts",
            "/seg/9223372036854775807/src/9223372036854775807.ts",
            "/seg/9223372036854775808/src/1.ts", "/seg/1/src/18446744073709551616.ts",
            "/seg/-1/src/0.ts", "/seg/1/src/-0.ts", "/seg/0x1/src/2.ts", "/seg/01/src/2.ts",
            "/seg/1/src/+2.ts", "/seg/1/src/ 2.ts", "/seg/1/SRC/2.ts", "/seg/1/src/2.TS",
            "/seg/1/src//2.ts", "/seg/1/src/2.ts/", "/seg/1/src/2.ts;.m3u8", "\\seg\\1\\src\\2.ts",
            "/seg/1/evil/0.ts", "/seg/1/src/1.ts", "/seg/1/src/100.ts", "/seg/2/src/0.ts",
            "/seg/1/../../secret.txt", "/api/v1/../../seg/1/src/1.ts", "/api/../secret.txt",
            "/live/demo.m3u8?x=%00%ff%2e%2e", "/live/demo.m3u8#frag", "/%00", "/live/%00.m3u8",
            "/live/d%65mo.m3u8", "/live/demo%2fsrc.m3u8", "/live/demo/%2e%2e.m3u8",
            "/live/demo/../../../secret.m3u8", "/live/\xc3\xa9.m3u8", "/seg/1/src/2.ts?download",
            "/seg/1/src/\xef\xbc\x92.ts", "/live/demo.m3u8\r\nX-Injected: 1", "/live/demo.m3u8 x",
            "/seg/1/src/2.ts HTTP/1.1\r\nHost: a", "%", "/%", "/%%", "/%g0", "?", ""};
        QByteArray target;
        switch (pick(6)) {
        case 0:
        case 1:
            target = oneOf(kGood);
            break;
        case 2:
        case 3:
            target = oneOf(kTricks);
            break;
        case 4: // very long
            target = QByteArray(oneOf(kGood)) + "/" + QByteArray(qsizetype(pick(70000)), 'a');
            break;
        default: // control bytes and NULs
            target = oneOf(kGood);
            for (int i = 0, n = int(1 + pick(4)); i < n; ++i)
                target.insert(qsizetype(pick(quint32(target.size() + 1))), char(pick(32)));
            break;
        }
        return target;
    }

    QByteArray version()
    {
        static const char *const kVersions[] = {"HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1.1x",
            "http/1.1", "HTTP/1", "HTTP/01.01", "HTTP/1.1 extra", "", "ICY"};
        return chance(80) ? QByteArray("HTTP/1.1") : QByteArray(oneOf(kVersions));
    }

    QByteArray range()
    {
        static const char *const kRanges[]
            = {"bytes=0-0", "bytes=-0", "bytes=0-", "bytes=99999999999999999999-", "bytes=5-2",
                "bytes=0-1,2-3", "bytes=-9223372036854775808", "bytes= 1-2", "bytes=--1",
                "bytes=1-2-3", "items=0-1", "bytes=18446744073709551615-",
                "bytes=0-18446744073709551616", "bytes=9223372036854775807-9223372036854775807",
                "bytes=-99999999999", "bytes=", "bytes", "=0-1", "bytes=0x10-0x20", "bytes=1e3-",
                "bytes=0-1,", "bytes=3000-2999", "bytes=-1", "bytes=0-4294967296"};
        if (chance(30))
            return "bytes=" + QByteArray::number(qint64(m_random() >> pick(64))) + "-"
                + QByteArray::number(qint64(m_random() >> pick(64)));
        if (chance(5))
            return QByteArray("bytes=\0-1", 9);
        return oneOf(kRanges);
    }

    QByteArray host()
    {
        static const char *const kHosts[] = {"127.0.0.1", "a", "", "evil.example:80",
            "127.0.0.1:99999", "[::1]", "[::1", "localhost:-1", "a b", "a\tb", "@", "../..",
            "xn--80ak6aa92e.com", "127.0.0.1\r\nHost: second", "%2e%2e"};
        if (chance(5))
            return QByteArray(qsizetype(pick(20000)), 'h');
        return oneOf(kHosts);
    }

    QByteArray headers(const QByteArray &method, bool *headRequest)
    {
        QByteArray out;
        if (!chance(10))
            out += "Host: " + host() + "\r\n";
        if (chance(10))
            out += "Host: second.example\r\n";
        if (chance(30))
            out += "Range: " + range() + "\r\n";
        if (chance(5))
            out += "Range: " + range() + "\r\n";
        if (chance(5))
            out += "X-Big: " + QByteArray(qsizetype(pick(40000)), 'x') + "\r\n";
        if (chance(3)) // many small headers
            for (int i = 0, n = int(pick(3000)); i < n; ++i)
                out += "X-" + QByteArray::number(i) + ": v\r\n";
        if (chance(5))
            out += "NoColonHere\r\n";
        if (chance(5))
            out += ": empty name\r\n";
        if (chance(5))
            out += "X-Fold: a\r\n folded continuation\r\n";
        if (chance(5))
            out += QByteArray("X-Nul: a\0b\r\n", 12);
        if (chance(5))
            out += "X-Bare-LF: a\nX-Other: b\r\n";
        if (chance(3))
            out += "Expect: 100-continue\r\n";
        if (chance(5))
            out += "Connection: " + QByteArray(chance(50) ? "close" : "keep-alive, Upgrade")
                + "\r\n";
        if (chance(3))
            out += "Authorization: Bearer " + randomBytes(pick(64)).toHex() + "\r\n";
        if (chance(3))
            out += "If-Range: " + randomBytes(8).toBase64() + "\r\n";
        *headRequest = method == "HEAD";
        return out;
    }

    // Body and its framing: right, wrong or contradictory.
    QByteArray body(const QByteArray &method)
    {
        const bool wantsBody
            = method == "POST" || method == "PUT" || method == "PATCH" || chance(5);
        if (!wantsBody)
            return "\r\n";
        const QByteArray payload = chance(50) ? randomBytes(pick(3000))
                                              : QByteArray("{\"name\": \"x\", \"url\": \"")
                + randomBytes(pick(200)).toBase64() + "\"}";
        switch (pick(6)) {
        case 0:
            return "Content-Length: " + QByteArray::number(payload.size()) + "\r\nContent-Length: "
                + QByteArray::number(payload.size() + 1) + "\r\n\r\n" + payload;
        case 1:
            return "Transfer-Encoding: chunked\r\n\r\n" + QByteArray::number(payload.size(), 16)
                + "\r\n" + payload + "\r\n0\r\n\r\n";
        case 2:
            return "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + payload + "\r\n0\r\n\r\n";
        case 3:
            return "Content-Length: -1\r\n\r\n" + payload;
        case 4:
            return "Content-Length: 99999999999999999999\r\n\r\n" + payload;
        default:
            return "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
        }
    }

    Attack single()
    {
        Attack attack;
        const QByteArray m = method();
        QByteArray request = m + " " + target() + " " + version() + "\r\n";
        request += headers(m, &attack.headRequest);
        request += body(m);
        if (chance(10)) { // flip a few bytes anywhere, then end the head again
            for (int i = 0, n = int(1 + pick(5)); i < n; ++i)
                request[qsizetype(pick(quint32(request.size())))] = char(m_random());
            request += "\r\n\r\n";
        }
        attack.bytes = request;
        return attack;
    }

    Attack pipelined()
    {
        Attack attack;
        attack.requests = int(2 + pick(6));
        for (int i = 0; i < attack.requests; ++i) {
            if (chance(30)) {
                attack.bytes += randomBytes(pick(300)) + "\r\n\r\n";
            } else {
                attack.bytes += "GET " + target() + " HTTP/1.1\r\nHost: a\r\n";
                if (chance(30))
                    attack.bytes += "Range: " + range() + "\r\n";
                attack.bytes += "\r\n";
            }
        }
        return attack;
    }
};

quint64 envNumber(const char *name, quint64 fallback)
{
    bool ok = false;
    const quint64 value = qEnvironmentVariable(name).toULongLong(&ok, 0);
    return ok ? value : fallback;
}

} // namespace

class TestHttpFuzz : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::StoreFixture m_fixture;
    ChannelDirectory m_channels;
    std::unique_ptr<HttpServer> m_server;
    QByteArray m_secret; // the bytes of every file outside the store
    QByteArray m_livePlaylist; // the right answer to GET /live/demo.m3u8

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path);
    }

    bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    // Secret files next to the store, and links to them where segments are looked for: a
    // segment that is a link, a rendition folder that is a link.
    void plantSymlinks()
    {
        const QString secretPath = m_dir.filePath(QStringLiteral("secret.txt"));
        QVERIFY(writeFile(secretPath, m_secret));
        const QString outside = m_dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(writeFile(outside + QStringLiteral("/0.ts"), m_secret));
        // Segment 1 left the live window; its file is swapped for a link. 100 was never made.
        QVERIFY(QFile::remove(m_fixture.store->segmentPath(1, kSourceRendition, 1)));
        QVERIFY(QFile::link(secretPath, m_fixture.store->segmentPath(1, kSourceRendition, 1)));
        QVERIFY(QFile::link(secretPath, m_fixture.store->segmentPath(1, kSourceRendition, 100)));
        QVERIFY(QFile::link(outside, m_fixture.store->segmentDir(1, QStringLiteral("evil"))));
        QVERIFY(QFile::link(
            QStringLiteral("/etc/passwd"), m_fixture.store->segmentPath(1, kSourceRendition, 101)));
    }

    bool leaks(const QByteArray &bytes) const
    {
        return bytes.contains(m_secret.left(32)) || bytes.contains("root:x:0:0");
    }

private slots:
    void initTestCase()
    {
        // libmicrohttpd's complaint about each bad request would drown the counts.
        QLoggingCategory::setFilterRules(QStringLiteral("panelx.http.debug=false"));
        QVERIFY(m_dir.isValid());
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        const QString error = m_fixture.open(data);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        ChannelConfig demo;
        demo.id = 1;
        demo.name = QStringLiteral("Demo");
        demo.slug = QStringLiteral("demo");
        demo.sourceUrl = kDemoSourceUrl;
        ChannelConfig off = demo;
        off.id = 2;
        off.name = QStringLiteral("Off");
        off.slug = QStringLiteral("off");
        off.enabled = false;
        m_channels.put(demo);
        m_channels.put(off);
        const qint64 startUtcMs = QDateTime::currentMSecsSinceEpoch() - 60000;
        for (int i = 0; i < 8; ++i) {
            SegmentInfo info;
            info.channelId = 1;
            info.startUtcMs = startUtcMs + i * 4000;
            info.durationMs = 4000;
            const QString commitError = test::commitSegment(
                *m_fixture.store, info, QByteArray(3000 + i * 500, char('a' + i)));
            QVERIFY2(commitError.isEmpty(), qPrintable(commitError));
        }
        SegmentInfo offInfo;
        offInfo.channelId = 2;
        offInfo.startUtcMs = startUtcMs;
        offInfo.durationMs = 4000;
        QVERIFY(test::commitSegment(*m_fixture.store, offInfo, "off").isEmpty());

        m_secret = "PANELX-SECRET-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch())
            + QByteArray(4000, 's');
        plantSymlinks();

        HttpServerOptions options;
        options.requestTimeoutS = kIdleTimeoutS;
        m_server = std::make_unique<HttpServer>(*m_fixture.store, m_channels, options);
        // An API that answers every call from a thread of its own, as the engine's does.
        m_server->setApiHandler([](http::ApiRequest request, http::ApiReply reply) {
            std::thread([request, reply] {
                reply(http::apiError(404,
                    QStringLiteral("no such route: %1")
                        .arg(QString::fromLatin1(request.path.toPercentEncoding()))));
            }).detach();
        });
        QString startError;
        QVERIFY2(m_server->start(QHostAddress::LocalHost, 0, &startError), qPrintable(startError));

        const test::HttpReply live = test::httpRequest(url("/live/demo.m3u8"));
        QCOMPARE(live.status, 200);
        QVERIFY2(live.body.contains("/seg/1/src/7.ts"), live.body.constData());
        m_livePlaylist = live.body;
    }

    void cleanupTestCase() { m_server.reset(); }

    // What the server answers for files reached through the planted links, said once plainly.
    void symlinksInTheStoreDoNotServeFilesOutsideIt_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("segment that is a link to a file outside") << "/seg/1/src/1.ts";
        QTest::newRow("never-made segment that is a link") << "/seg/1/src/100.ts";
        QTest::newRow("segment that is a link to /etc/passwd") << "/seg/1/src/101.ts";
        QTest::newRow("rendition folder that is a link") << "/seg/1/evil/0.ts";
    }

    void symlinksInTheStoreDoNotServeFilesOutsideIt()
    {
        QFETCH(QString, path);
        const test::HttpReply reply = test::httpRequest(url(path));
        qInfo("%s -> %d %s", qPrintable(path), reply.status,
            reply.body.left(120).replace('\n', ' ').constData());
        QVERIFY(reply.status != 0);
        QVERIFY2(!leaks(reply.body), "a file outside the store was served through a link");
        QCOMPARE(reply.status, 404);
    }

    void randomAndMutatedRequests()
    {
        const quint64 seed
            = envNumber("PANELX_FUZZ_SEED", quint64(QDateTime::currentMSecsSinceEpoch()));
        const int total = int(envNumber("PANELX_FUZZ_REQUESTS", kDefaultRequests));
        qInfo("fuzz seed %llu (rerun with PANELX_FUZZ_SEED=%llu), %d requests",
            static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed), total);

        std::mutex mutex;
        QMap<int, int> statuses; // 0 = closed without an answer
        int requests = 0, connections = 0, halfRequests = 0, hangs = 0;
        QList<QByteArray> leaked, hung;
        for (int done = 0; done < total; done += kBatch) {
            const int batch = qMin(kBatch, total - done);
            std::atomic<int> next {0};
            std::vector<std::thread> clients;
            for (int c = 0; c < kClients; ++c) {
                clients.emplace_back([&, c] {
                    // Each client's stream depends only on the seed, the batch and its index.
                    Fuzzer fuzzer(
                        seed ^ (quint64(done) << 20) ^ quint64(c) * 0x9e3779b97f4a7c15ULL);
                    while (next.fetch_add(1) < batch) {
                        const Attack attack = fuzzer.next();
                        const Outcome outcome = run(m_server->port(), attack);
                        std::lock_guard lock(mutex);
                        ++connections;
                        requests += attack.requests;
                        halfRequests += attack.closeEarly ? 1 : 0;
                        if (outcome.hung) {
                            ++hangs;
                            if (hung.size() < 5)
                                hung << attack.bytes.left(300);
                        }
                        if (leaks(outcome.received) && leaked.size() < 5)
                            leaked << attack.bytes.left(300);
                        if (!attack.closeEarly && outcome.statuses.isEmpty())
                            ++statuses[0];
                        for (int status : outcome.statuses)
                            ++statuses[status];
                    }
                });
            }
            for (std::thread &client : clients)
                client.join();
            const test::HttpReply live = test::httpRequest(url("/live/demo.m3u8"));
            QVERIFY2(live.status == 200 && live.body == m_livePlaylist,
                qPrintable(QStringLiteral("after %1 attacks the live playlist got %2: %3")
                               .arg(done + batch)
                               .arg(live.status)
                               .arg(QString::fromUtf8(live.body.left(200)))));
        }

        QStringList seen;
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            seen << QStringLiteral("%1: %2")
                        .arg(it.key() == 0 ? QStringLiteral("closed") : QString::number(it.key()))
                        .arg(it.value());
        qInfo("fuzz: %d connections, %d requests (%d half requests closed early), %d hangs; "
              "answers %s",
            connections, requests, halfRequests, hangs,
            qPrintable(seen.join(QStringLiteral(", "))));
        for (const QByteArray &attack : std::as_const(hung))
            qWarning("no answer and no close within %d ms to: %s", kAnswerDeadlineMs,
                attack.toPercentEncoding(" /:=-.,\"{}").constData());
        for (const QByteArray &attack : std::as_const(leaked))
            qWarning("a file outside the store leaked in the answer to: %s",
                attack.toPercentEncoding(" /:=-.,").constData());
        QCOMPARE(hangs, 0);
        QVERIFY(leaked.isEmpty());
        QVERIFY(requests >= total);
        // Most attacks get an answer that says what was wrong, not a silent close (the server's
        // library answers malformed requests itself, so its request counter does not see them).
        int answered = 0;
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            answered += it.key() != 0 ? it.value() : 0;
        QVERIFY2(answered > total / 2,
            "most attacks should have been answered, not all dropped at the door");
    }
};

QTEST_GUILESS_MAIN(TestHttpFuzz)
#include "tst_http_fuzz.moc"
