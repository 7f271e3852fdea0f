// The Channels page driven as a user would (QTest keyboard and mouse) against a real engine on a
// temporary data folder: the dialog's validation, adding a live channel, the table's columns, the
// source test, the delete confirmation, and the add dialog taking the defaults saved in Settings.
#include "EngineClient.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "api/AdminToken.h"
#include "channels/ChannelDialog.h"
#include "channels/ChannelStateDelegate.h"
#include "channels/ChannelTableModel.h"
#include "channels/ChannelsPage.h"
#include "channels/SourceTestPanel.h"
#include "settings/SettingsController.h"
#include "settings/SettingsPage.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUdpSocket>

using namespace panelx;

class TestUiChannels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void badInputShowsErrorNextToField_data();
    void badInputShowsErrorNextToField();
    void validSourceAppearsAndGoesLive();
    void columnsFitTheirValues();
    void duplicateNameIsRefused();
    void testSourceShowsStreams();
    void testSourceCanBeCancelled();
    void longTestResultIsShownWhole();
    void deleteAsksFirst();
    void addDialogTakesSavedDefaults_data();
    void addDialogTakesSavedDefaults();
    void unreachableSourceSaysWhyInTheTable();
    void adminApiChangesShowInTheTable();

private:
    ChannelDialog *openAddDialog();
    void clickAction(const char *objectName);
    void fillDialog(ChannelDialog *dialog, const QString &name, const QString &url);
    void clickOk(ChannelDialog *dialog);
    QLabel *errorLabel(ChannelDialog *dialog, const QString &field);
    int rowOf(const QString &name) const;
    QString stateOf(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_mediaPath;
    std::unique_ptr<EngineClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    ChannelsPage *m_page = nullptr;
};

void TestUiChannels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The application's QSettings go to a file in the test's own folder.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(
        QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
    QCoreApplication::setOrganizationName(QStringLiteral("PanelXTest"));
    QCoreApplication::setApplicationName(QStringLiteral("PanelXTest"));
    if (!test::haveProgram(QStringLiteral("ffmpeg")))
        QSKIP("ffmpeg is needed to make the test source");
    // A minute of small H.264/AAC in MPEG-TS: file sources play at their own pace, like a live
    // feed, so the channel stays live for the whole test.
    m_mediaPath = m_dir.filePath(QStringLiteral("source.ts"));
    const QByteArray err = test::makeSmallClip(m_mediaPath, 60);
    QVERIFY2(err.isEmpty(), err.constData());

    EngineOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.httpPort = 0; // any free port
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = false;
    m_client = std::make_unique<EngineClient>(options);
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    m_page = m_window->findChild<ChannelsPage *>();
    QVERIFY(m_page);
    m_window->showPage(m_page);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->serverState() == EngineClient::ServerState::Running, 20000);
    QVERIFY(m_client->httpPort() != 0);
    const auto *serverState = m_window->statusBar()->findChild<QLabel *>("serverState");
    QVERIFY(serverState);
    QVERIFY2(serverState->text().contains(QString::number(m_client->httpPort())),
        qPrintable(serverState->text()));
    QCOMPARE(m_page->model()->rowCount(), 0);
}

void TestUiChannels::cleanupTestCase()
{
    if (!m_client)
        return;
    QSignalSpy down(m_client.get(), &EngineClient::shutDown);
    m_client->shutdown();
    QVERIFY(down.wait(20000) || down.count() == 1);
    m_window.reset();
    m_client.reset();
}

void TestUiChannels::clickAction(const char *objectName)
{
    auto *action = m_page->findChild<QAction *>(QString::fromLatin1(objectName));
    QVERIFY2(action, objectName);
    QVERIFY2(action->isEnabled(), objectName);
    auto *toolBar = m_page->findChild<QToolBar *>();
    QWidget *button = toolBar->widgetForAction(action);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

ChannelDialog *TestUiChannels::openAddDialog()
{
    clickAction("addChannel");
    ChannelDialog *dialog = nullptr;
    test::waitFor(
        [&] {
            dialog = m_page->findChild<ChannelDialog *>();
            return dialog && dialog->isVisible();
        },
        5000);
    return dialog;
}

void TestUiChannels::fillDialog(ChannelDialog *dialog, const QString &name, const QString &url)
{
    auto *nameEdit = dialog->findChild<QLineEdit *>("name");
    auto *urlEdit = dialog->findChild<QLineEdit *>("sourceUrl");
    QVERIFY(nameEdit && urlEdit);
    nameEdit->clear();
    urlEdit->clear();
    QTest::keyClicks(nameEdit, name);
    QTest::keyClicks(urlEdit, url);
}

void TestUiChannels::clickOk(ChannelDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

QLabel *TestUiChannels::errorLabel(ChannelDialog *dialog, const QString &field)
{
    return dialog->findChild<QLabel *>(field + QStringLiteral("Error"));
}

int TestUiChannels::rowOf(const QString &name) const
{
    const QAbstractItemModel *model = m_page->table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, ChannelTableModel::NameColumn).data().toString() == name)
            return row;
    return -1;
}

QString TestUiChannels::stateOf(const QString &name) const
{
    const int row = rowOf(name);
    if (row < 0)
        return {};
    return m_page->table()->model()->index(row, ChannelTableModel::StateColumn).data().toString();
}

void TestUiChannels::badInputShowsErrorNextToField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown scheme") << "Bad scheme"
                                    << "nosuchproto://10.0.0.1:1234"
                                    << "sourceUrl"
                                    << "Unknown URL scheme";
    QTest::newRow("not a URL") << "Words"
                               << "just some words"
                               << "sourceUrl"
                               << "is not a URL";
    QTest::newRow("no address") << "Empty udp"
                                << "udp://"
                                << "sourceUrl"
                                << "has no address";
    QTest::newRow("no name") << ""
                             << "demo:"
                             << "name"
                             << "Enter a name";
}

void TestUiChannels::badInputShowsErrorNextToField()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const int channelsBefore = m_client->channels().size();

    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    fillDialog(dialog, name, url);
    QLabel *error = errorLabel(dialog, field);
    QVERIFY(error);
    QVERIFY(!error->isVisible());
    clickOk(dialog);

    QVERIFY2(error->isVisible(), qPrintable(field));
    QVERIFY2(error->text().contains(expected), qPrintable(error->text()));
    QVERIFY2(dialog->isVisible(), "a refused form must stay open");
    // Only the field at fault shows a message.
    for (const QString &other : {QStringLiteral("name"), QStringLiteral("sourceUrl")})
        if (other != field)
            QVERIFY2(!errorLabel(dialog, other)->isVisible(), qPrintable(other));

    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
    QCOMPARE(m_client->channels().size(), channelsBefore);
    QCOMPARE(m_page->model()->rowCount(), channelsBefore);
}

void TestUiChannels::validSourceAppearsAndGoesLive()
{
    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    fillDialog(dialog, QStringLiteral("Test Card"), m_mediaPath);
    clickOk(dialog);
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());

    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Test Card")) >= 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("Test Card")), QStringLiteral("Live"), 30000);
    const int row = rowOf(QStringLiteral("Test Card"));
    const QAbstractItemModel *model = m_page->table()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->index(row, ChannelTableModel::VideoColumn)
                                 .data()
                                 .toString()
                                 .contains(QStringLiteral("320×240")),
        10000);
    QVERIFY(model->index(row, ChannelTableModel::VideoColumn).data().toString().contains("h264"));
    QCOMPARE(
        model->index(row, ChannelTableModel::AudioColumn).data().toString(), QStringLiteral("aac"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !model->index(row, ChannelTableModel::BitrateColumn).data().toString().isEmpty(), 10000);
    // The badge is green for Live, and the status bar counts it.
    QCOMPARE(ChannelStateDelegate::badgeColour(
                 static_cast<ChannelState>(model->index(row, ChannelTableModel::StateColumn)
                                               .data(ChannelTableModel::StateRole)
                                               .toInt())),
        ChannelStateDelegate::badgeColour(ChannelState::Live));
    const auto *liveCount = m_window->statusBar()->findChild<QLabel *>("liveCount");
    QTRY_VERIFY(liveCount->text().startsWith(QStringLiteral("1 of 1")));

    // Its viewer URL is served by our own server.
    const qint64 id = m_client->channelByName(QStringLiteral("Test Card"))->id;
    const QString url = m_client->liveUrl(id);
    QVERIFY(url.startsWith(QStringLiteral("http://")));
    QTRY_VERIFY_WITH_TIMEOUT(test::httpRequest(url).body.contains("#EXTINF"), 20000);
}

void TestUiChannels::columnsFitTheirValues()
{
    // sizeHintForColumn() is public only on the base class.
    const QAbstractItemView *view = m_page->table();
    const QTableView *table = m_page->table();
    const QHeaderView *header = table->horizontalHeader();
    QVERIFY(rowOf(QStringLiteral("Test Card")) >= 0);
    // No value is cut off, and the name does not take the room the others need.
    for (int column = ChannelTableModel::StateColumn; column < ChannelTableModel::ColumnCount;
         ++column)
        QVERIFY2(header->sectionSize(column) >= view->sizeHintForColumn(column),
            qPrintable(QString::number(column)));
    // Room for the longest state and a full HD picture from the start, so the table does not
    // jump when a channel reconnects or a bigger source arrives.
    const QFontMetrics metrics(table->font());
    QVERIFY(header->sectionSize(ChannelTableModel::StateColumn) >= ChannelStateDelegate::cellSize(
                metrics, ChannelTableModel::stateText(ChannelState::Reconnecting))
                                                                       .width());
    QVERIFY(header->sectionSize(ChannelTableModel::VideoColumn) > metrics.horizontalAdvance(
                ChannelTableModel::videoText(QStringLiteral("h264"), 1920, 1080)));
    QVERIFY(header->sectionSize(ChannelTableModel::NameColumn) > 0);
}

void TestUiChannels::duplicateNameIsRefused()
{
    QVERIFY(m_client->channelByName(QStringLiteral("Test Card")));
    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    fillDialog(dialog, QStringLiteral("test card"), QStringLiteral("demo:"));
    clickOk(dialog);
    QLabel *error = errorLabel(dialog, QStringLiteral("name"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("already exists")), qPrintable(error->text()));
    // The message follows the typing once shown: a free name clears it.
    auto *nameEdit = dialog->findChild<QLineEdit *>("name");
    QTest::keyClicks(nameEdit, QStringLiteral(" 2"));
    QVERIFY(!error->isVisible());
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
    QCOMPARE(m_client->channels().size(), 1);
}

void TestUiChannels::testSourceShowsStreams()
{
    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    fillDialog(dialog, QStringLiteral("Probe"), m_mediaPath);
    auto *panel = dialog->findChild<SourceTestPanel *>();
    QVERIFY(panel);
    QTest::mouseClick(dialog->findChild<QPushButton *>("testSource"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 15000);
    const QString result = panel->resultText();
    QVERIFY2(result.contains(QStringLiteral("h264")) && result.contains(QStringLiteral("320×240"))
            && result.contains(QStringLiteral("aac")),
        qPrintable(result));

    // A file that is not there: the error in words, next to the button.
    auto *urlEdit = dialog->findChild<QLineEdit *>("sourceUrl");
    urlEdit->clear();
    QTest::keyClicks(urlEdit, m_dir.filePath(QStringLiteral("missing.ts")));
    QTest::mouseClick(dialog->findChild<QPushButton *>("testSource"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 15000);
    QVERIFY2(
        panel->resultText().contains(QStringLiteral("not found")), qPrintable(panel->resultText()));
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
}

void TestUiChannels::testSourceCanBeCancelled()
{
    // A UDP port nobody sends to: the probe would wait for its full time-out.
    QUdpSocket reserve;
    QVERIFY(reserve.bind(QHostAddress::LocalHost, 0));
    const quint16 port = reserve.localPort();
    reserve.close();

    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    fillDialog(dialog, QStringLiteral("Silent"), QStringLiteral("udp://127.0.0.1:%1").arg(port));
    auto *panel = dialog->findChild<SourceTestPanel *>();
    QTest::mouseClick(dialog->findChild<QPushButton *>("testSource"), Qt::LeftButton);
    QVERIFY(panel->isBusy());
    auto *cancel = dialog->findChild<QPushButton *>("cancelTest");
    QVERIFY(cancel->isVisible());

    // The dialog keeps answering input while the probe runs.
    auto *nameEdit = dialog->findChild<QLineEdit *>("name");
    QTest::keyClicks(nameEdit, QStringLiteral(" feed"));
    QCOMPARE(nameEdit->text(), QStringLiteral("Silent feed"));

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!panel->isBusy());
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY2(
        panel->resultText().contains(QStringLiteral("cancelled")), qPrintable(panel->resultText()));
    QVERIFY(!cancel->isVisible());
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
}

// Regression: a result of two lines or more was cut after a line and a half, because the
// dialog's minimum size ignores the height a wrapped label needs at its width.
void TestUiChannels::longTestResultIsShownWhole()
{
    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    const QString missing = m_dir.filePath(
        QStringLiteral("Recordings of the evening news/from the second channel on the last "
                       "Tuesday of the month at eight o'clock.ts"));
    fillDialog(dialog, QStringLiteral("Long result"), missing);
    auto *panel = dialog->findChild<SourceTestPanel *>();
    auto *result = dialog->findChild<QLabel *>(QStringLiteral("testResult"));
    QVERIFY(panel && result);
    const int heightBefore = dialog->height();
    QTest::mouseClick(dialog->findChild<QPushButton *>("testSource"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 15000);
    QVERIFY2(
        panel->resultText().contains(QStringLiteral("not found")), qPrintable(panel->resultText()));
    // Long enough to wrap at least twice at this width.
    QVERIFY(result->heightForWidth(result->width()) >= 3 * result->fontMetrics().lineSpacing());
    QTRY_VERIFY2(result->height() >= result->heightForWidth(result->width()),
        qPrintable(QStringLiteral("label %1 px high, its text needs %2 px at %3 px wide")
                       .arg(result->height())
                       .arg(result->heightForWidth(result->width()))
                       .arg(result->width())));
    QVERIFY(dialog->height() > heightBefore);
    // Nothing under it is pushed out of the dialog either.
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons->geometry().bottom() < dialog->height());
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
}

void TestUiChannels::deleteAsksFirst()
{
    const auto channel = m_client->channelByName(QStringLiteral("Test Card"));
    QVERIFY(channel);
    const QString liveUrl = m_client->liveUrl(channel->id);
    m_page->selectChannel(channel->id);
    QCOMPARE(m_page->selectedChannelId(), channel->id);

    // First answer "Cancel": nothing is removed.
    clickAction("deleteChannel");
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>("confirmDelete")) && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("Test Card")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("segment")),
        qPrintable(box->informativeText()));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<QMessageBox *>("confirmDelete"));
    QVERIFY(m_client->channel(channel->id));
    QVERIFY(rowOf(QStringLiteral("Test Card")) >= 0);

    // Then "Delete channel": the row and the channel go.
    clickAction("deleteChannel");
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>("confirmDelete")) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>("confirmDeleteButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Test Card")) < 0, 15000);
    QVERIFY(!m_client->channel(channel->id));
    QCOMPARE(m_page->model()->rowCount(), 0);
    QTRY_COMPARE(test::httpRequest(liveUrl).status, 404);
}

void TestUiChannels::addDialogTakesSavedDefaults_data()
{
    QTest::addColumn<int>("segmentSeconds");
    QTest::addColumn<double>("bufferHours");
    QTest::newRow("long segments, short buffer") << 7 << 1.5;
    // A second save must reach the next dialog too, not only the first one.
    QTest::newRow("short segments, no buffer") << 2 << 0.0;
}

void TestUiChannels::addDialogTakesSavedDefaults()
{
    QFETCH(int, segmentSeconds);
    QFETCH(double, bufferHours);
    QVERIFY(segmentSeconds * 1000 != kDefaultSegmentDurationMs);

    // Save them on the Settings page, as a user would, while this run keeps going.
    auto *settings = m_window->findChild<SettingsPage *>();
    QVERIFY(settings);
    m_window->showPage(settings);
    auto *dataDir = settings->findChild<QLineEdit *>(QStringLiteral("dataDir"));
    dataDir->setText(m_dir.filePath(QStringLiteral("settings-data")));
    settings->findChild<QSpinBox *>(QStringLiteral("segmentDuration"))->setValue(segmentSeconds);
    settings->findChild<QDoubleSpinBox *>(QStringLiteral("bufferHours"))->setValue(bufferHours);
    QTRY_VERIFY_WITH_TIMEOUT(settings->controller()->canSave(), 10000);
    QSignalSpy saved(settings, &SettingsPage::settingsSaved);
    QTest::mouseClick(
        settings->findChild<QPushButton *>(QStringLiteral("saveSettings")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    m_window->showPage(m_page);

    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    QCOMPARE(
        dialog->findChild<QSpinBox *>(QStringLiteral("segmentDuration"))->value(), segmentSeconds);
    QCOMPARE(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("buffer"))->value(), bufferHours);
    QCOMPARE(dialog->channel().segmentDurationMs, segmentSeconds * 1000);
    QCOMPARE(dialog->channel().bufferMs, qint64(bufferHours * 3600 * 1000));
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
}

// A channel that cannot reach its source says why in the row itself, not only by a badge's
// colour or in a tooltip.
void TestUiChannels::unreachableSourceSaysWhyInTheTable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    ChannelDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    fillDialog(dialog, QStringLiteral("Unreachable"),
        QStringLiteral("http://127.0.0.1:%1/feed.ts").arg(port));
    clickOk(dialog);
    QTRY_VERIFY(!m_page->findChild<ChannelDialog *>());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Unreachable")) >= 0, 10000);
    const QString refused = QStringLiteral("connection refused by 127.0.0.1:%1").arg(port);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(QStringLiteral("Unreachable")).contains(refused), 30000);

    const auto channel = m_client->channelByName(QStringLiteral("Unreachable"));
    QVERIFY(channel);
    const ChannelStatus status = m_client->status(channel->id);
    QVERIFY(status.state == ChannelState::Reconnecting || status.state == ChannelState::Failed);
    const QModelIndex cell = m_page->table()->model()->index(
        rowOf(QStringLiteral("Unreachable")), ChannelTableModel::StateColumn);
    QCOMPARE(cell.data().toString(),
        ChannelTableModel::stateText(status.state) + QStringLiteral(" — ") + status.message);
    QCOMPARE(cell.data(ChannelTableModel::ReasonRole).toString(), status.message);
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), status.message);

    // The column makes room for the reason beside the badge (what is longer is elided).
    const QTableView *table = m_page->table();
    const QFontMetrics metrics(table->font());
    const int badgeOnly
        = ChannelStateDelegate::cellSize(metrics, ChannelTableModel::stateText(status.state))
              .width();
    QTRY_VERIFY(table->horizontalHeader()->sectionSize(ChannelTableModel::StateColumn)
        >= badgeOnly + metrics.horizontalAdvance(refused));

    m_client->removeChannel(channel->id);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Unreachable")) < 0, 15000);
}

// A channel added, renamed and deleted over the admin API shows in the window as one added in
// its own dialog.
void TestUiChannels::adminApiChangesShowInTheTable()
{
    const QByteArray authorization = "Bearer " + AdminToken::read(m_client->dataDir());
    const QString base
        = QStringLiteral("http://127.0.0.1:%1/api/v1/channels").arg(m_client->httpPort());
    const test::HttpReply added = test::httpRequest(base, "POST",
        {{"Authorization", authorization}, {"Content-Type", "application/json"}}, 10000,
        R"({"name": "From the API", "url": "udp://127.0.0.1:9", "enabled": false})");
    QCOMPARE(added.status, 201);
    QTRY_VERIFY(rowOf(QStringLiteral("From the API")) >= 0);
    const QByteArray one
        = QJsonDocument::fromJson(added.body).object().value("slug").toString().toUtf8();
    QCOMPARE(test::httpRequest(base + "/" + one, "PATCH",
                 {{"Authorization", authorization}, {"Content-Type", "application/json"}}, 10000,
                 R"({"name": "Renamed by the API"})")
                 .status,
        200);
    QTRY_VERIFY(rowOf(QStringLiteral("Renamed by the API")) >= 0);
    QCOMPARE(rowOf(QStringLiteral("From the API")), -1);
    QCOMPARE(
        test::httpRequest(base + "/" + one, "DELETE", {{"Authorization", authorization}}).status,
        204);
    QTRY_COMPARE(rowOf(QStringLiteral("Renamed by the API")), -1);
}

QTEST_MAIN(TestUiChannels)
#include "tst_ui_channels.moc"
