// The viewer HTTP server against clients that try to use it up: many connections from one
// address, requests trickled a byte at a time, idle keep-alive connections, more connections
// than the server may hold, and an open-file limit too low for its connection cap. Attackers
// connect from 127.0.0.2 (Linux routes all of 127/8 on the loopback interface), viewers from
// 127.0.0.1.
#include "ChannelDirectory.h"
#include "TestSupport.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "http/OpenFileLimit.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace panelx;

namespace {

constexpr int kTimeoutMs = 10000;
const QByteArray kChannelListRequest = "GET /playlist.m3u HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// A connected socket from `source`; null when the connection could not be made.
std::unique_ptr<QTcpSocket> connectFrom(const QHostAddress &source, quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!socket->bind(source, 0))
        return {};
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(kTimeoutMs))
        return {};
    return socket;
}

// The status of one response read from `socket` (0 when none came, e.g. the server closed it).
int statusOf(QTcpSocket &socket, int timeoutMs = kTimeoutMs)
{
    QByteArray buffer;
    QDeadlineTimer deadline(timeoutMs);
    while (!buffer.contains("\r\n\r\n")) {
        if (deadline.hasExpired()
            || (!socket.bytesAvailable()
                && !socket.waitForReadyRead(int(deadline.remainingTime()))))
            return 0;
        buffer += socket.readAll();
    }
    const QList<QByteArray> statusLine = buffer.left(buffer.indexOf('\r')).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
}

bool closedByServer(QTcpSocket &socket, int timeoutMs)
{
    return socket.state() == QAbstractSocket::UnconnectedState
        || socket.waitForDisconnected(timeoutMs);
}

} // namespace

class TestHttpHostile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::StoreFixture m_fixture;
    ChannelDirectory m_channels;
    const QHostAddress m_attacker {QStringLiteral("127.0.0.2")};
    const QHostAddress m_viewer {QHostAddress::LocalHost};

    std::unique_ptr<HttpServer> startServer(const HttpServerOptions &options)
    {
        auto server = std::make_unique<HttpServer>(*m_fixture.store, m_channels, options);
        QString error;
        if (!server->start(QHostAddress::LocalHost, 0, &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        return server;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_fixture.open(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_channels.put(test::makeChannel(1, QStringLiteral("udp://239.0.0.1:1234"), 4000));
        auto probe = std::make_unique<QTcpSocket>();
        if (!probe->bind(m_attacker, 0))
            QSKIP("cannot bind 127.0.0.2 on this machine");
    }

    void oneAddressCannotTakeEveryConnection()
    {
        HttpServerOptions options;
        options.maxConnectionsPerAddress = 4;
        const auto server = startServer(options);
        QVERIFY(server);
        std::vector<std::unique_ptr<QTcpSocket>> attackers;
        for (int i = 0; i < options.maxConnectionsPerAddress; ++i) {
            attackers.push_back(connectFrom(m_attacker, server->port()));
            QVERIFY(attackers.back());
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            server->openConnections(), options.maxConnectionsPerAddress, kTimeoutMs);

        // One more from the same address is closed at once, unanswered.
        const auto extra = connectFrom(m_attacker, server->port());
        QVERIFY(extra);
        extra->write(kChannelListRequest);
        QVERIFY(closedByServer(*extra, kTimeoutMs));
        QCOMPARE(server->openConnections(), options.maxConnectionsPerAddress);

        // A viewer from another address is served as usual.
        const auto viewer = connectFrom(m_viewer, server->port());
        QVERIFY(viewer);
        viewer->write(kChannelListRequest);
        QCOMPARE(statusOf(*viewer), 200);

        // The attackers' own connections still work, and a freed place can be taken again.
        attackers.front()->write(kChannelListRequest);
        QCOMPARE(statusOf(*attackers.front()), 200);
        attackers.front()->disconnectFromHost();
        attackers.erase(attackers.begin());
        QTRY_COMPARE_WITH_TIMEOUT(
            server->openConnections(), options.maxConnectionsPerAddress, kTimeoutMs);
        const auto again = connectFrom(m_attacker, server->port());
        QVERIFY(again);
        again->write(kChannelListRequest);
        QCOMPARE(statusOf(*again), 200);
    }

    // Slowloris: a byte of the request every 200 ms. The deadline runs from the start of the
    // request and the bytes do not move it.
    void aTrickledRequestIsClosedAtTheDeadline()
    {
        HttpServerOptions options;
        options.requestTimeoutS = 2;
        const auto server = startServer(options);
        QVERIFY(server);
        QElapsedTimer elapsed;
        const auto slow = connectFrom(m_attacker, server->port());
        QVERIFY(slow);
        elapsed.start();
        const QByteArray request = "GET /playlist.m3u HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            + QByteArray(200, 'a') + "\r\n\r\n";
        int sent = 0;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, this, [&] {
            if (sent < request.size() && slow->state() == QAbstractSocket::ConnectedState)
                slow->write(request.mid(sent++, 1));
        });
        trickle.start(200);
        QTRY_VERIFY_WITH_TIMEOUT(slow->state() == QAbstractSocket::UnconnectedState, kTimeoutMs);
        const qint64 closedAfterMs = elapsed.elapsed();
        trickle.stop();
        QVERIFY2(sent >= 5, "the trickle must have kept going up to the deadline");
        QVERIFY2(sent < request.size(), "the request must not have been completed");
        QVERIFY2(closedAfterMs >= 1800 && closedAfterMs <= 2000 + 1500,
            qPrintable(QStringLiteral("closed after %1 ms, deadline 2000 ms").arg(closedAfterMs)));
        // Nobody else noticed.
        const auto viewer = connectFrom(m_viewer, server->port());
        QVERIFY(viewer);
        viewer->write(kChannelListRequest);
        QCOMPARE(statusOf(*viewer), 200);
    }

    // The same clock closes a kept-alive connection that sends no next request.
    void anIdleKeepAliveConnectionIsClosed()
    {
        HttpServerOptions options;
        options.requestTimeoutS = 2;
        const auto server = startServer(options);
        QVERIFY(server);
        const auto idle = connectFrom(m_viewer, server->port());
        QVERIFY(idle);
        idle->write(kChannelListRequest);
        QCOMPARE(statusOf(*idle), 200);
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(closedByServer(*idle, kTimeoutMs));
        const qint64 closedAfterMs = elapsed.elapsed();
        QVERIFY2(closedAfterMs >= 1500 && closedAfterMs <= 2000 + 1500,
            qPrintable(
                QStringLiteral("closed after %1 ms idle, timeout 2000 ms").arg(closedAfterMs)));
        QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, kTimeoutMs);
    }

    // At the cap the server stops accepting: the next connection waits in the backlog and is
    // served once another one closes.
    void connectionsBeyondTheCapWaitForAFreePlace()
    {
        HttpServerOptions options;
        options.maxConnections = 8;
        options.maxConnectionsPerAddress = 64;
        const auto server = startServer(options);
        QVERIFY(server);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < options.maxConnections; ++i) {
            held.push_back(connectFrom(m_viewer, server->port()));
            QVERIFY(held.back());
            held.back()->write(kChannelListRequest);
            QCOMPARE(statusOf(*held.back()), 200);
        }
        QCOMPARE(server->openConnections(), options.maxConnections);

        const auto waiting = connectFrom(m_viewer, server->port()); // the kernel's backlog
        QVERIFY(waiting);
        waiting->write(kChannelListRequest);
        QCOMPARE(statusOf(*waiting, 500), 0); // not accepted: nothing can answer it
        QCOMPARE(server->openConnections(), options.maxConnections);

        held.front()->disconnectFromHost();
        QCOMPARE(statusOf(*waiting), 200);
        QCOMPARE(server->openConnections(), options.maxConnections);
    }

    void theConnectionCapLeavesDescriptorsForFiles_data()
    {
        QTest::addColumn<int>("maxConnections");
        QTest::addColumn<qint64>("openFileLimit");
        QTest::addColumn<int>("cap");
        QTest::newRow("plenty of descriptors") << 1024 << qint64(65536) << 1024;
        QTest::newRow("Debian's default soft limit") << 1024 << qint64(1024) << 768;
        QTest::newRow("barely above the reserve") << 1024 << qint64(300) << 44;
        QTest::newRow("below the reserve: still one") << 1024 << qint64(100) << 1;
    }

    void theConnectionCapLeavesDescriptorsForFiles()
    {
        QFETCH(int, maxConnections);
        QFETCH(qint64, openFileLimit);
        QFETCH(int, cap);
        QCOMPARE(http::connectionCap(maxConnections, openFileLimit), cap);
    }

    void theSoftOpenFileLimitIsRaisedToTheHardOne()
    {
        rlimit limit {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
        if (limit.rlim_max < 1024)
            QSKIP("the hard open-file limit is below 1024 here");
        rlimit lowered = limit;
        lowered.rlim_cur = 512;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
        const qint64 raised = http::raiseOpenFileLimit();
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
        QCOMPARE(limit.rlim_cur, limit.rlim_max);
        QCOMPARE(
            raised, limit.rlim_max == RLIM_INFINITY ? qint64(1) << 30 : qint64(limit.rlim_max));
    }

    // Last: lowers the hard limit of this process for good. With 8 descriptors above the
    // reserve the server holds 8 connections, however many maxConnections allows.
    void aLowOpenFileLimitCapsTheServer()
    {
        rlimit limit {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
        const rlim_t low = rlim_t(http::kReservedDescriptors + 8);
        if (limit.rlim_max < low)
            QSKIP("the hard open-file limit is already lower");
        limit.rlim_cur = low;
        limit.rlim_max = low;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &limit), 0);
        HttpServerOptions options;
        options.maxConnections = 1024;
        const auto server = startServer(options);
        QVERIFY(server);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 8; ++i) {
            held.push_back(connectFrom(m_viewer, server->port()));
            QVERIFY(held.back());
            held.back()->write(kChannelListRequest);
            QCOMPARE(statusOf(*held.back()), 200);
        }
        const auto waiting = connectFrom(m_viewer, server->port());
        QVERIFY(waiting);
        waiting->write(kChannelListRequest);
        QCOMPARE(statusOf(*waiting, 500), 0);
        held.back()->disconnectFromHost();
        QCOMPARE(statusOf(*waiting), 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpHostile)
#include "tst_http_hostile.moc"
