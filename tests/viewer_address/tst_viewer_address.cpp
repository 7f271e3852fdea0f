// The address viewers are given: the default route's interface wins over the first address
// found (docker0, a VPN), the operator's public URL wins over both, and it reaches the QR code's
// playlist URL, the channel list and the command line.
#include "Engine.h"
#include "TestSupport.h"
#include "ViewerAddress.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;
using Interfaces = QList<ViewerAddress::InterfaceAddress>;
Q_DECLARE_METATYPE(Interfaces)

namespace {

// A /proc/net/route table: header, then one line per route (hex in host byte order).
QByteArray routeTable(const QList<QByteArray> &routes)
{
    QByteArray table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\t"
                       "Window\tIRTT\n";
    for (const QByteArray &route : routes)
        table += route + '\n';
    return table;
}

ViewerAddress::InterfaceAddress at(const char *name, const char *address)
{
    return {QString::fromLatin1(name), QHostAddress(QString::fromLatin1(address))};
}

} // namespace

class TestViewerAddress : public QObject {
    Q_OBJECT
private slots:
    void defaultRouteInterface_data()
    {
        QTest::addColumn<QByteArray>("table");
        QTest::addColumn<QString>("expected");
        const QByteArray lan = "eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0";
        const QByteArray lanSubnet = "eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0";
        const QByteArray docker = "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0";
        const QByteArray wifi = "wlan0\t00000000\t0100000A\t0003\t0\t0\t600\t00000000\t0\t0\t0";
        const QByteArray wifiDown = "wlan0\t00000000\t0100000A\t0002\t0\t0\t50\t00000000\t0\t0\t0";
        QTest::newRow("one default route") << routeTable({docker, lanSubnet, lan}) << "eth0";
        QTest::newRow("lowest metric wins") << routeTable({wifi, lan}) << "eth0";
        QTest::newRow("a route that is down") << routeTable({wifiDown, lan}) << "eth0";
        QTest::newRow("no default route") << routeTable({docker, lanSubnet}) << QString();
        QTest::newRow("empty (not Linux)") << QByteArray() << QString();
        QTest::newRow("garbage") << QByteArray("Iface\nnot a route table\n\t\t\n") << QString();
    }
    void defaultRouteInterface()
    {
        QFETCH(QByteArray, table);
        QFETCH(QString, expected);
        QCOMPARE(ViewerAddress::defaultRouteInterface(table), expected);
    }

    void choose_data()
    {
        QTest::addColumn<Interfaces>("interfaces");
        QTest::addColumn<QString>("defaultRoute");
        QTest::addColumn<QString>("expected"); // empty: none
        const auto loopback = at("lo", "127.0.0.1");
        const auto docker = at("docker0", "172.17.0.1");
        const auto bridge = at("br-5f3a", "172.18.0.1");
        const auto vpn = at("tun0", "10.8.0.6");
        const auto wireguard = at("wg0", "10.66.0.2");
        const auto lan = at("eth0", "192.168.1.20");
        const auto lanV6 = at("eth0", "fe80::1");
        const auto wifi = at("wlan0", "192.168.0.33");
        const auto linkLocal = at("eth1", "169.254.10.10");
        QTest::newRow("docker0 listed first") << Interfaces {loopback, docker, lan} << "eth0"
                                              << "192.168.1.20";
        QTest::newRow("split-tunnel VPN listed first")
            << Interfaces {loopback, vpn, lanV6, lan} << "eth0"
            << "192.168.1.20";
        QTest::newRow("full-tunnel VPN is the default route") << Interfaces {lan, vpn} << "tun0"
                                                              << "10.8.0.6";
        QTest::newRow("wifi is the default route") << Interfaces {lan, wifi} << "wlan0"
                                                   << "192.168.0.33";
        QTest::newRow("no default route: not a bridge or tunnel")
            << Interfaces {loopback, docker, bridge, wireguard, lan} << QString() << "192.168.1.20";
        QTest::newRow("no default route: only docker0")
            << Interfaces {loopback, docker} << QString() << "172.17.0.1";
        QTest::newRow("default route without an IPv4 address")
            << Interfaces {docker, lanV6, wifi} << "eth0"
            << "192.168.0.33";
        QTest::newRow("link-local is no use to others") << Interfaces {linkLocal, lan} << "eth1"
                                                        << "192.168.1.20";
        QTest::newRow("only loopback") << Interfaces {loopback} << "lo" << QString();
        QTest::newRow("nothing") << Interfaces {} << QString() << QString();
    }
    void choose()
    {
        QFETCH(Interfaces, interfaces);
        QFETCH(QString, defaultRoute);
        QFETCH(QString, expected);
        const QHostAddress chosen = ViewerAddress::choose(interfaces, defaultRoute);
        QCOMPARE(chosen.isNull() ? QString() : chosen.toString(), expected);
    }

    void normalizePublicUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("host") << "http://tv.example.com"
                              << "http://tv.example.com";
        QTest::newRow("https, port, slash") << " HTTPS://TV.Example.com:8443/ "
                                            << "https://tv.example.com:8443";
        QTest::newRow("IPv4") << "http://203.0.113.7:8080"
                              << "http://203.0.113.7:8080";
        QTest::newRow("IPv6") << "http://[2001:db8::7]:8080"
                              << "http://[2001:db8::7]:8080";
        QTest::newRow("no scheme") << "tv.example.com" << QString();
        QTest::newRow("ftp") << "ftp://tv.example.com" << QString();
        QTest::newRow("a path") << "http://tv.example.com/panelx" << QString();
        QTest::newRow("a query") << "http://tv.example.com/?a=1" << QString();
        QTest::newRow("a password") << "http://me:secret@tv.example.com" << QString();
        QTest::newRow("port 0") << "http://tv.example.com:0" << QString();
        QTest::newRow("port too big") << "http://tv.example.com:70000" << QString();
        QTest::newRow("empty") << "" << QString();
    }
    void normalizePublicUrl()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString problem;
        QCOMPARE(ViewerAddress::normalizePublicUrl(text, &problem), expected);
        QCOMPARE(problem.isEmpty(), !expected.isEmpty());
    }

    void publicUrlReachesPlaylistAndChannelList()
    {
        QTemporaryDir dir;
        EngineOptions options;
        options.dataDir = dir.path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        options.publicUrl = QStringLiteral("https://tv.example.com:8443");
        Engine engine(options);
        QSignalSpy started(&engine, &Engine::started);
        engine.start();
        QCOMPARE(started.count(), 1);
        // The QR code shows playlistUrl().
        QCOMPARE(engine.playlistUrl(), QStringLiteral("https://tv.example.com:8443/playlist.m3u"));
        QCOMPARE(engine.channels().size(), 1);
        QCOMPARE(engine.liveUrl(engine.channels().first()),
            QStringLiteral("https://tv.example.com:8443/live/demo.m3u8"));
        // A client asking by IP gets the public URL too.
        const test::HttpReply reply = test::httpRequest(
            QStringLiteral("http://127.0.0.1:%1/playlist.m3u").arg(engine.httpPort()));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.contains("\nhttps://tv.example.com:8443/live/demo.m3u8"),
            reply.body.constData());
        engine.stop();
    }

    void withoutPublicUrlTheDefaultRouteAddressIsUsed()
    {
        EngineOptions options;
        options.httpPort = 8123;
        Engine engine(options);
        const QHostAddress expected = ViewerAddress::current();
        QCOMPARE(engine.viewerBaseUrl(),
            QStringLiteral("http://%1:8123")
                .arg(expected.isNull() ? QStringLiteral("127.0.0.1") : expected.toString()));
    }

    void commandLine()
    {
        const QString panelx = QStringLiteral(PANELX_BINARY);
        QByteArray out, err;
        QCOMPARE(test::runProgram(panelx, {QStringLiteral("--help")}, 10000, &out), 0);
        QVERIFY2(out.contains("--public-url <url>"), out.constData());

        QCOMPARE(test::runProgram(panelx,
                     {QStringLiteral("--headless"), QStringLiteral("--public-url"),
                         QStringLiteral("tv.example.com")},
                     10000, &out, &err),
            2);
        QVERIFY2(err.contains("http://host or https://host"), err.constData());

        QTemporaryDir dir;
        QProcess headless;
        headless.setProcessChannelMode(QProcess::MergedChannels);
        headless.start(panelx,
            {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir.path(),
                QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--public-url"),
                QStringLiteral("http://TV.example.com:8080/")});
        QByteArray log;
        QVERIFY2(test::waitFor(
                     [&] {
                         log += headless.readAll();
                         return log.contains("serving");
                     },
                     20000),
            log.constData());
        QVERIFY2(log.contains("serving http://tv.example.com:8080/playlist.m3u"), log.constData());
        headless.terminate();
        QVERIFY(headless.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(TestViewerAddress)
#include "tst_viewer_address.moc"
