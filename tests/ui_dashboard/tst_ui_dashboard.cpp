// The Dashboard: its measurements (free disk, CPU meter, budget), the QR code, and the page on a
// real engine with the demo channel live.
#include "EngineClient.h"
#include "TestSupport.h"
#include "dashboard/BitrateChart.h"
#include "dashboard/DashboardController.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/MachineStats.h"
#include "dashboard/QrCodeView.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

class tst_UiDashboard : public QObject {
    Q_OBJECT
private slots:
    void diskSpace();
    void cpuMeterSeesWork();
    void budget_data();
    void budget();
    void qrCodeHasFinderPatterns();
    void qrCodeIsPaintedCrisp();
    void pageOnLiveDemoChannel();
};

void tst_UiDashboard::diskSpace()
{
    QTemporaryDir dir;
    const DiskSpace disk = measureDisk(dir.path());
    QVERIFY(disk.totalBytes > 0);
    QVERIFY(disk.freeBytes >= 0 && disk.freeBytes <= disk.totalBytes);

    // A data folder that does not exist yet is measured on the file system it will be on.
    const DiskSpace fresh = measureDisk(dir.filePath(QStringLiteral("not/yet")));
    QCOMPARE(fresh.totalBytes, disk.totalBytes);
}

void tst_UiDashboard::cpuMeterSeesWork()
{
    ProcessCpuMeter meter;
    QElapsedTimer busy;
    busy.start();
    volatile quint64 sink = 0;
    while (busy.elapsed() < 300)
        for (int i = 0; i < 10000; ++i)
            sink = sink + quint64(i) * 31;
    const double percent = meter.sampleOneCorePercent();
    // One thread spinning is close to 100 % of one core; a shared machine may give it less.
    QVERIFY2(percent > 20 && percent < 250, qPrintable(QString::number(percent)));
    QVERIFY(ProcessCpuMeter::coreCount() >= 1);
}

void tst_UiDashboard::budget_data()
{
    QTest::addColumn<qint64>("bufferMs");
    QTest::addColumn<QList<qint64>>("samples");
    QTest::addColumn<ChannelState>("state");
    QTest::addColumn<qint64>("current");
    QTest::addColumn<qint64>("expected");

    const qint64 twoHours = 2 * 3600 * 1000;
    QTest::newRow("average of live samples")
        << twoHours << QList<qint64> {4000000, 0, 2000000} << ChannelState::Live << qint64(2000000)
        << qint64(2700000000);
    QTest::newRow("current bitrate before the first sample")
        << qint64(60000) << QList<qint64> {} << ChannelState::Live << qint64(8000000)
        << qint64(60000000);
    QTest::newRow("never live") << twoHours << QList<qint64> {0, 0} << ChannelState::Failed
                                << qint64(0) << qint64(-1);
    QTest::newRow("no buffer") << qint64(0) << QList<qint64> {4000000} << ChannelState::Live
                               << qint64(4000000) << qint64(0);
    QTest::newRow("24 h at 1 Gbit/s")
        << qint64(24) * 3600 * 1000 << QList<qint64> {1000000000} << ChannelState::Live
        << qint64(1000000000) << qint64(10800000000000);
}

void tst_UiDashboard::budget()
{
    QFETCH(qint64, bufferMs);
    QFETCH(QList<qint64>, samples);
    QFETCH(ChannelState, state);
    QFETCH(qint64, current);
    QFETCH(qint64, expected);
    ChannelLoad load;
    load.config.bufferMs = bufferMs;
    load.status.state = state;
    load.status.inputBitrate = current;
    qint64 t = 0;
    for (qint64 bps : samples)
        load.samples.push_back({t += 3000, bps});
    QCOMPARE(load.budgetBytes(), expected);
}

void tst_UiDashboard::qrCodeHasFinderPatterns()
{
    const QImage image
        = QrCodeView::encode(QStringLiteral("http://192.168.1.20:8080/playlist.m3u"));
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), image.height());
    const int modules = image.width() - 8;
    QVERIFY(modules >= 21 && (modules - 21) % 4 == 0); // a valid QR version size
    const auto dark = [&image](int x, int y) { return qGray(image.pixel(x + 4, y + 4)) < 128; };
    QVERIFY(qGray(image.pixel(0, 0)) > 128); // quiet zone
    // The three finder patterns: a dark ring, a light ring, a dark 3x3 centre.
    for (const QPoint corner : {QPoint(0, 0), QPoint(modules - 7, 0), QPoint(0, modules - 7)}) {
        QVERIFY(dark(corner.x(), corner.y()));
        QVERIFY(dark(corner.x() + 6, corner.y() + 6));
        QVERIFY(!dark(corner.x() + 1, corner.y() + 1));
        QVERIFY(dark(corner.x() + 3, corner.y() + 3));
    }
    QVERIFY(QrCodeView::encode(QString()).isNull());
}

void tst_UiDashboard::qrCodeIsPaintedCrisp()
{
    QrCodeView view;
    view.setText(QStringLiteral("http://192.168.1.20:8080/playlist.m3u"));
    view.resize(173, 173); // not a multiple of the module count
    const QImage shot = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
    int dark = 0;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) {
            const int g = qGray(shot.pixel(x, y));
            if (g < 128)
                ++dark;
            // Inside the code only black and white: no blurred module edges.
            const QRgb bg = view.palette().color(QPalette::Window).rgb();
            if (shot.pixel(x, y) != bg)
                QVERIFY2(g == 0 || g == 255,
                    qPrintable(QStringLiteral("grey %1 at %2,%3").arg(g).arg(x).arg(y)));
        }
    QVERIFY(dark > 0);
}

static quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

void tst_UiDashboard::pageOnLiveDemoChannel()
{
    QTemporaryDir dataDir;
    EngineOptions options;
    options.dataDir = dataDir.path();
    options.httpPort = freePort();
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = true;
    EngineClient client(options);
    DashboardPage page(&client);
    page.controller()->setSampleIntervalMs(200);
    page.controller()->setDiskIntervalMs(300);
    page.resize(1100, 800);
    page.show();
    client.start();

    QTRY_VERIFY_WITH_TIMEOUT(client.serverState() == EngineClient::ServerState::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!client.channels().isEmpty(), 10000);
    const qint64 id = client.channels().first().id;
    QTRY_VERIFY_WITH_TIMEOUT(client.status(id).state == ChannelState::Live, 30000);

    // The viewer URL, copyable, and its QR code.
    auto *url = page.findChild<QLineEdit *>(QStringLiteral("playlistUrl"));
    QTRY_COMPARE(url->text(), client.playlistUrl());
    QVERIFY(url->text().endsWith(QStringLiteral("/playlist.m3u")));
    QCOMPARE(page.findChild<QrCodeView *>(QStringLiteral("playlistQr"))->text(), url->text());
    QTest::mouseClick(
        page.findChild<QPushButton *>(QStringLiteral("copyPlaylistUrl")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), client.playlistUrl());
    // Loopback only: the page says other devices cannot use it.
    auto *note = page.findChild<QLabel *>(QStringLiteral("playlistUrlNote"));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("Only this computer")));

    // The bitrate graph fills from the live status.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto points = page.chart()->points(id);
            return !points.isEmpty() && points.last().y() > 0;
        }(),
        20000);
    const auto points = page.chart()->points(id);
    QVERIFY(points.first().x() >= points.last().x()); // x is minutes ago: newest is nearest 0

    // The storage bar shows the segment bytes the engine reports, against the budget.
    auto *storage = page.findChild<QProgressBar *>(QStringLiteral("storage_%1").arg(id));
    QVERIFY(storage);
    QTRY_VERIFY_WITH_TIMEOUT(client.status(id).bufferBytes > 0, 30000);
    const auto shownBytes = [&] {
        return QLocale().formattedDataSize(
            client.status(id).bufferBytes, 1, QLocale::DataSizeSIFormat);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(storage->format().startsWith(shownBytes() + QStringLiteral(" of ")),
        qPrintable(storage->format() + QStringLiteral(" / ") + shownBytes()), 10000);
    QVERIFY2(
        storage->toolTip().startsWith(QStringLiteral("Segments on disk: %1.").arg(shownBytes())),
        qPrintable(storage->toolTip()));
    QVERIFY(storage->toolTip().contains(QStringLiteral("Budget = buffer length")));

    // The machine figures.
    QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QLabel *>(QStringLiteral("diskFree"))
                                 ->text()
                                 .contains(QStringLiteral("free of")),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QLabel *>(QStringLiteral("cpuLoad"))
                                 ->text()
                                 .contains(QStringLiteral("core")),
        10000);

    // A removed channel leaves the page.
    client.removeChannel(id);
    QTRY_VERIFY_WITH_TIMEOUT(
        !page.findChild<QProgressBar *>(QStringLiteral("storage_%1").arg(id)), 10000);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("noChannels"))->isVisible());

    QSignalSpy down(&client, &EngineClient::shutDown);
    client.shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(down.size() == 1, 30000);
}

QTEST_MAIN(tst_UiDashboard)
#include "tst_ui_dashboard.moc"
