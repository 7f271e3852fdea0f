// Our live HLS played by independent clients: a strict playlist validator, ffprobe, ffmpeg,
// GStreamer's two HLS demuxers (Qt Multimedia's path), VLC and hls.js in Chromium, through the
// shared check-hls.sh. Clients that are not installed are reported as skipped by the script.
#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx::test;

class TestHlsClients : public QObject {
    Q_OBJECT
private slots:
    void liveDemoPassesEveryClient()
    {
        const QString tools
            = QProcessEnvironment::systemEnvironment().value(QStringLiteral("PANELX_HLS_CLIENTS"),
                QStringLiteral(PANELX_SHARED_TOOLS "/hls-clients"));
        const QString script = QDir(tools).filePath(QStringLiteral("check-hls.sh"));
        if (!QFileInfo(script).isExecutable())
            QSKIP(qPrintable(QStringLiteral("%1 not found: set PANELX_HLS_CLIENTS to the "
                                            "hls-clients folder to run the independent players")
                                 .arg(script)));
        QTemporaryDir dataDir;
        QTemporaryDir logs;
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QProcess panelx;
        panelx.setProcessChannelMode(QProcess::MergedChannels);
        panelx.start(QStringLiteral(PANELX_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir.path(),
                QStringLiteral("--port"), QString::number(port)});
        QVERIFY(panelx.waitForStarted(5000));
        const QString live = QStringLiteral("http://127.0.0.1:%1/live/demo.m3u8").arg(port);
        // The validator wants a window of at least three target durations.
        QVERIFY2(waitFor([&] { return httpRequest(live).body.count("#EXTINF:") >= 3; }, 60000),
            panelx.readAll().constData());

        QByteArray out, err;
        const int code = runProgram(QStringLiteral("bash"),
            {script, live, QStringLiteral("--seconds"), QStringLiteral("8"),
                QStringLiteral("--logs"), logs.path()},
            280000, &out, &err);
        const int table = out.lastIndexOf("HLS client check:");
        qInfo().noquote() << (table >= 0 ? out.mid(table) : out + err);
        logs.setAutoRemove(code == 0); // keep the clients' logs of a failure
        panelx.kill();
        panelx.waitForFinished(5000);
        QCOMPARE(code, 0);
        QVERIFY(out.contains(" passed, 0 failed"));
    }
};

QTEST_GUILESS_MAIN(TestHlsClients)
#include "tst_hls_clients.moc"
