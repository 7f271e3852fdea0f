// The screenshot tour behind `panelx --screenshots DIR`: it waits for the demo channel, visits
// every page of the real window and writes one PNG per page.
#include "EngineClient.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "TestSupport.h"

#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

class tst_UiScreenshots : public QObject {
    Q_OBJECT
private slots:
    void everyPageIsSaved();
    void unwritableFolderIsReported();
};

static quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

void tst_UiScreenshots::everyPageIsSaved()
{
    QTemporaryDir dataDir, outDir;
    EngineOptions options;
    options.dataDir = dataDir.path();
    options.httpPort = freePort();
    options.listenAddress = QHostAddress::LocalHost;
    EngineClient client(options);
    MainWindow window(&client);
    client.start();

    ScreenshotTour tour(&window, &client, outDir.filePath(QStringLiteral("shots")));
    tour.setWarmUpMs(0);
    QSignalSpy finished(&tour, &ScreenshotTour::finished);
    tour.start();
    QVERIFY(finished.wait(90000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    const QList<QWidget *> pages = window.pages();
    QCOMPARE(tour.savedFiles().size(), pages.size());
    const QStringList names = QDir(outDir.filePath(QStringLiteral("shots")))
                                  .entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(names.size(), pages.size());
    QVERIFY2(names.first() == QStringLiteral("01-dashboard.png"), qPrintable(names.join(' ')));
    QVERIFY2(names.contains(QStringLiteral("02-channels.png")), qPrintable(names.join(' ')));
    for (const QString &file : tour.savedFiles()) {
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    }
    // The tour waited for the demo channel, so the pictures show it live.
    QVERIFY(client.liveChannelCount() >= 1);

    QSignalSpy down(&client, &EngineClient::shutDown);
    client.shutdown();
    QVERIFY(down.size() == 1 || down.wait(30000));
}

void tst_UiScreenshots::unwritableFolderIsReported()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("a-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    EngineOptions options;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.httpPort = freePort();
    options.listenAddress = QHostAddress::LocalHost;
    EngineClient client(options);
    MainWindow window(&client);
    ScreenshotTour tour(&window, &client, file.fileName() + QStringLiteral("/shots"));
    QSignalSpy finished(&tour, &ScreenshotTour::finished);
    tour.start();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("Cannot create the folder")),
        qPrintable(finished.at(0).at(1).toString()));
}

QTEST_MAIN(tst_UiScreenshots)
#include "tst_ui_screenshots.moc"
