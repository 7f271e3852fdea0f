// Our live HLS played by independent clients: a strict playlist validator, ffprobe, ffmpeg,
// GStreamer's two HLS demuxers (Qt Multimedia's path), VLC and hls.js in Chromium, through the
// shared check-hls.sh. Clients that are not installed are reported as skipped by the script.
#include "TestSupport.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx::test;

class TestHlsClients : public QObject {
    Q_OBJECT
private slots:
    void liveDemoPassesEveryClient()
    {
        if (const QString missing = hlsClientsMissing(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        QTemporaryDir dataDir;
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

        const HlsClientsRun run = runHlsClients(live, 8);
        panelx.kill();
        panelx.waitForFinished(5000);
        qInfo().noquote() << run.table;
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("logs in %1").arg(run.logs)));
        QVERIFY(run.table.contains(" passed, 0 failed"));
    }
};

QTEST_GUILESS_MAIN(TestHlsClients)
#include "tst_hls_clients.moc"
