// The Quality page, the ladder editor and the Channels page's ladder hint against a real engine on
// a temporary data folder: the grid shows a channel's rungs from its status, a rung switched off
// in the grid is stored without it (read back from a new engine on the same folder), the engine's
// refusal comes back in words, the editor refuses an empty ladder, and a real MPEG-2 + MP2 source
// gets the hint whose button opens the editor. The codec rule is checked as a table.
#include "ChannelValidator.h"
#include "EngineClient.h"
#include "TestSupport.h"
#include "Translations.h"
#include "channels/BrowserCodecs.h"
#include "channels/ChannelTableModel.h"
#include "channels/ChannelsPage.h"
#include "quality/LadderController.h"
#include "quality/LadderDialog.h"
#include "quality/QualityPage.h"
#include "quality/QualityTableModel.h"
#include "transcode/Ladder.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

class TestUiQuality : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void gridShowsTheRungsOfAStatus();
    void gridShowsRungsOutsideTheLadder();
    void switchingARungOffSavesTheLadderWithoutIt();
    void refusalIsShownInWords();
    void ladderDialogRefusesAnEmptyLadder();
    void ladderDialogSavesThroughTheEngine();
    void hintNamesWhatBrowsersCannotPlay_data();
    void hintNamesWhatBrowsersCannotPlay();
    void mpeg2ChannelShowsTheHintThatOpensTheEditor();
    // Near the end: a catalogue stays installed for the rest of the run.
    void speaksGerman();
    // Last: stops the window's engine to read the store with a new one.
    void ladderChangeIsStored();

private:
    // Adds a stopped channel (no ingest, so no status but the one a test feeds) with `abr`.
    ChannelConfig addChannel(const QString &name, const AbrConfig &abr, bool enabled = false,
        const QString &url = kDemoSourceUrl);
    static RungStatus rung(const QString &rendition, RungState state, int width, int height,
        qint64 measured, double speed, const QString &message = {});
    static QString cell(const QualityTableModel *model, qint64 channelId, const QString &rendition,
        int role = Qt::DisplayRole);

    QTemporaryDir m_dir;
    std::unique_ptr<EngineClient> m_client;
    qint64 m_storedId = 0; // the channel whose 480p was switched off
};

void TestUiQuality::initTestCase()
{
    QVERIFY(m_dir.isValid());
    EngineOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = false;
    m_client = std::make_unique<EngineClient>(options);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->serverState() == EngineClient::ServerState::Running, 20000);
}

void TestUiQuality::cleanupTestCase()
{
    if (!m_client)
        return;
    QSignalSpy down(m_client.get(), &EngineClient::shutDown);
    m_client->shutdown();
    QVERIFY(down.count() == 1 || down.wait(20000));
    m_client.reset();
}

ChannelConfig TestUiQuality::addChannel(
    const QString &name, const AbrConfig &abr, bool enabled, const QString &url)
{
    ChannelConfig channel;
    channel.name = name;
    channel.sourceUrl = url;
    channel.enabled = enabled;
    channel.abr = abr;
    QSignalSpy added(m_client.get(), &EngineClient::channelAdded);
    m_client->addChannel(channel);
    if (!added.wait(10000) && added.isEmpty())
        return {};
    return added.first().first().value<ChannelConfig>();
}

RungStatus TestUiQuality::rung(const QString &rendition, RungState state, int width, int height,
    qint64 measured, double speed, const QString &message)
{
    RungStatus result;
    result.rendition = rendition;
    result.state = state;
    result.width = width;
    result.height = height;
    result.targetBitrate = ladder::rung(rendition)->videoBitrate;
    result.videoBitrate = measured;
    result.measuredBitrate = measured + 250'000; // whole segments: the grid shows the video
    result.speed = speed;
    result.message = message;
    return result;
}

QString TestUiQuality::cell(
    const QualityTableModel *model, qint64 channelId, const QString &rendition, int role)
{
    return model->index(model->rowOf(channelId), model->columnOf(rendition)).data(role).toString();
}

void TestUiQuality::gridShowsTheRungsOfAStatus()
{
    AbrConfig abr;
    abr.enabled = true;
    const ChannelConfig channel = addChannel(QStringLiteral("Sport"), abr);
    QVERIFY(channel.id != 0);
    QualityPage page(m_client.get());
    QualityTableModel *model = page.model();
    QVERIFY(model->rowOf(channel.id) >= 0);
    QCOMPARE(model->columnCount(), 1 + int(ladder::catalogue().size()));
    QCOMPARE(
        model->headerData(model->columnOf(QStringLiteral("720p")), Qt::Horizontal, Qt::DisplayRole)
            .toString(),
        QStringLiteral("720p (2.8 Mbit/s)"));
    // Before the channel reports rungs, each planned rung says what it aims at.
    QCOMPARE(cell(model, channel.id, QStringLiteral("720p")), QStringLiteral("target 2.8 Mbit/s"));

    const QString behind = QStringLiteral(
        "480p falls behind at 0.8× real time — remove a rung or choose a faster preset");
    ChannelStatus status;
    status.channelId = channel.id;
    status.state = ChannelState::Live;
    status.rungs = {
        rung(QStringLiteral("1080p"), RungState::Skipped, 0, 0, 0, 0,
            QStringLiteral("The source is 720 lines tall, so 1080p is skipped.")),
        rung(QStringLiteral("720p"), RungState::Running, 1280, 720, 2'700'000, 1.02),
        rung(QStringLiteral("480p"), RungState::Behind, 854, 480, 1'350'000, 0.8, behind),
        rung(QStringLiteral("360p"), RungState::Shed, 640, 360, 0, 0,
            QStringLiteral("360p was switched off: the machine could not keep up.")),
    };
    model->setStatus(status);

    QCOMPARE(cell(model, channel.id, QStringLiteral("720p")),
        QStringLiteral("1280×720 · 2.8 / 2.7 Mbit/s · 1.02×\n%1")
            .arg(rungStateName(RungState::Running)));
    QCOMPARE(cell(model, channel.id, QStringLiteral("1080p")), rungStateName(RungState::Skipped));
    QCOMPARE(cell(model, channel.id, QStringLiteral("1080p"), Qt::ToolTipRole),
        QStringLiteral("The source is 720 lines tall, so 1080p is skipped."));
    QCOMPARE(cell(model, channel.id, QStringLiteral("480p")),
        QStringLiteral("854×480 · 1.4 / 1.4 Mbit/s · 0.80×\n%1")
            .arg(rungStateName(RungState::Behind)));
    QCOMPARE(cell(model, channel.id, QStringLiteral("480p"), Qt::ToolTipRole), behind);
    QCOMPARE(cell(model, channel.id, QStringLiteral("360p")),
        QStringLiteral("640×360 · 0.8 / … Mbit/s\n%1").arg(rungStateName(RungState::Shed)));
    // Behind and Shed stand out, each in its own colour; a running rung does not.
    const QModelIndex running = model->index(model->rowOf(channel.id), model->columnOf("720p"));
    const QModelIndex slow = model->index(model->rowOf(channel.id), model->columnOf("480p"));
    const QModelIndex shed = model->index(model->rowOf(channel.id), model->columnOf("360p"));
    QVERIFY(!running.data(Qt::BackgroundRole).isValid());
    QVERIFY(slow.data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(shed.data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(slow.data(Qt::BackgroundRole) != shed.data(Qt::BackgroundRole));
    QCOMPARE(slow.data(QualityTableModel::RungStateRole).toInt(), int(RungState::Behind));
    QCOMPARE(running.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void TestUiQuality::gridShowsRungsOutsideTheLadder()
{
    AbrConfig partial;
    partial.enabled = true;
    partial.rungs = {QStringLiteral("480p"), QStringLiteral("360p")};
    const ChannelConfig some = addChannel(QStringLiteral("Phones"), partial);
    const ChannelConfig none = addChannel(QStringLiteral("Copy only"), AbrConfig {});
    QVERIFY(some.id != 0 && none.id != 0);
    QualityPage page(m_client.get());
    const QualityTableModel *model = page.model();
    QCOMPARE(cell(model, some.id, QStringLiteral("1080p")), QStringLiteral("—"));
    QCOMPARE(cell(model, some.id, QStringLiteral("720p")), QStringLiteral("—"));
    QCOMPARE(cell(model, some.id, QStringLiteral("480p")), QStringLiteral("target 1.4 Mbit/s"));
    const QModelIndex absent = model->index(model->rowOf(some.id), model->columnOf("720p"));
    QCOMPARE(absent.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    // Ladder off: every rung is off, and there is nothing to tick until it is turned on.
    for (const RungSpec &spec : ladder::catalogue())
        QCOMPARE(cell(model, none.id, spec.name), QStringLiteral("off"));
    const QModelIndex off = model->index(model->rowOf(none.id), model->columnOf("720p"));
    QVERIFY(!(off.flags() & Qt::ItemIsUserCheckable));
}

void TestUiQuality::switchingARungOffSavesTheLadderWithoutIt()
{
    AbrConfig abr;
    abr.enabled = true;
    const ChannelConfig channel = addChannel(QStringLiteral("Weather"), abr);
    QVERIFY(channel.id != 0);
    QualityPage page(m_client.get());
    page.resize(900, 400);
    page.show();
    QualityTableModel *model = page.model();
    const QModelIndex cell480
        = model->index(model->rowOf(channel.id), model->columnOf(QStringLiteral("480p")));
    QVERIFY(cell480.flags() & Qt::ItemIsUserCheckable);
    // What the view does when the cell's box is clicked.
    model->setData(cell480, Qt::Unchecked, Qt::CheckStateRole);
    const QStringList expected
        = {QStringLiteral("1080p"), QStringLiteral("720p"), QStringLiteral("360p")};
    QTRY_COMPARE_WITH_TIMEOUT(m_client->channel(channel.id)->abr.rungs, expected, 10000);
    QTRY_COMPARE(cell480.data(Qt::DisplayRole).toString(), QStringLiteral("—"));
    QVERIFY(!page.problemBanner()->isVisible());
    m_storedId = channel.id;
}

void TestUiQuality::refusalIsShownInWords()
{
    AbrConfig single;
    single.enabled = true;
    single.rungs = {QStringLiteral("360p")};
    const ChannelConfig channel = addChannel(QStringLiteral("Radio pictures"), single);
    QVERIFY(channel.id != 0);
    QualityPage page(m_client.get());
    page.resize(900, 400);
    page.show();
    QualityTableModel *model = page.model();
    QSignalSpy refused(page.controller(), &LadderController::problem);
    model->setData(model->index(model->rowOf(channel.id), model->columnOf(QStringLiteral("360p"))),
        Qt::Unchecked, Qt::CheckStateRole);
    QVERIFY(refused.wait(10000));
    QTRY_VERIFY(page.problemBanner()->isVisible());
    QVERIFY2(page.problemBanner()->text().contains(QStringLiteral("Radio pictures"))
            && page.problemBanner()->text().contains(QStringLiteral("Choose at least one rung")),
        qPrintable(page.problemBanner()->text()));
    QCOMPARE(m_client->channel(channel.id)->abr.rungs, single.rungs);
}

void TestUiQuality::ladderDialogRefusesAnEmptyLadder()
{
    ChannelConfig channel;
    channel.id = 42;
    channel.name = QStringLiteral("Film");
    channel.abr.enabled = true;
    LadderDialog dialog(channel);
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.rungsMessage()->isHidden());

    for (const RungSpec &spec : ladder::catalogue())
        dialog.rungBox(spec.name)->setChecked(false);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.rungsMessage()->isHidden());
    AbrConfig empty = channel.abr;
    empty.rungs.clear();
    const QList<FieldError> expected = ladder::validate(empty);
    QCOMPARE(expected.size(), 1);
    QCOMPARE(dialog.rungsMessage()->text(), expected.first().message);
    QVERIFY(dialog.presetMessage()->isHidden());

    // With the ladder off, no rung is fine.
    dialog.enabledSwitch()->setChecked(false);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.rungsMessage()->isHidden());
    dialog.enabledSwitch()->setChecked(true);
    dialog.rungBox(QStringLiteral("720p"))->setChecked(true);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.channel().abr.rungs, QStringList {QStringLiteral("720p")});

    // A preset stored that libx264 does not have is shown, with what to choose instead.
    channel.abr.preset = QStringLiteral("warp");
    LadderDialog odd(channel);
    QCOMPARE(odd.presetBox()->currentText(), QStringLiteral("warp"));
    QVERIFY(!odd.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY2(odd.presetMessage()->text().contains(QStringLiteral("veryfast")),
        qPrintable(odd.presetMessage()->text()));
    odd.presetBox()->setCurrentText(QStringLiteral("faster"));
    QVERIFY(odd.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestUiQuality::ladderDialogSavesThroughTheEngine()
{
    const ChannelConfig channel = addChannel(QStringLiteral("Kids"), AbrConfig {});
    QVERIFY(channel.id != 0);
    QualityPage page(m_client.get());
    page.resize(900, 400);
    page.show();
    LadderDialog *dialog = page.controller()->editLadder(channel.id);
    QVERIFY(dialog);
    QVERIFY(!dialog->enabledSwitch()->isChecked());
    dialog->enabledSwitch()->setChecked(true);
    dialog->rungBox(QStringLiteral("1080p"))->setChecked(false);
    dialog->presetBox()->setCurrentText(QStringLiteral("superfast"));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->channel(channel.id)->abr.enabled, 10000);
    const AbrConfig stored = m_client->channel(channel.id)->abr;
    QCOMPARE(stored.rungs,
        QStringList({QStringLiteral("720p"), QStringLiteral("480p"), QStringLiteral("360p")}));
    QCOMPARE(stored.preset, QStringLiteral("superfast"));
    QTRY_COMPARE(cell(page.model(), channel.id, QStringLiteral("1080p")), QStringLiteral("—"));
}

void TestUiQuality::hintNamesWhatBrowsersCannotPlay_data()
{
    QTest::addColumn<QString>("video");
    QTest::addColumn<QString>("audio");
    QTest::addColumn<bool>("ladderOn");
    QTest::addColumn<QString>("hint");
    const QString ending = QStringLiteral("; turn the ladder on to reach every device.");
    const QString start = QStringLiteral("Browsers and many phones cannot play ");
    QTest::newRow("h264 aac") << "h264"
                              << "aac" << false << QString();
    QTest::newRow("mpeg2 aac") << "mpeg2video"
                               << "aac" << false << start + QStringLiteral("MPEG-2 video") + ending;
    QTest::newRow("dvb: mpeg2 mp2")
        << "mpeg2video"
        << "mp2" << false << start + QStringLiteral("MPEG-2 video or MP2 audio") + ending;
    QTest::newRow("dvb, ladder on") << "mpeg2video"
                                    << "mp2" << true << QString();
    QTest::newRow("hevc") << "hevc"
                          << "aac" << false << start + "HEVC video" + ending;
    QTest::newRow("h265 alias") << "h265"
                                << "aac" << false << start + "HEVC video" + ending;
    QTest::newRow("ac3") << "h264"
                         << "ac3" << false << start + "AC-3 audio" + ending;
    QTest::newRow("eac3") << "h264"
                          << "eac3" << false << start + "E-AC-3 audio" + ending;
    QTest::newRow("mp3 plays") << "h264"
                               << "mp3" << false << QString();
    QTest::newRow("audio only mp2") << ""
                                    << "mp2" << false << start + "MP2 audio" + ending;
    QTest::newRow("not known yet") << ""
                                   << "" << false << QString();
}

void TestUiQuality::hintNamesWhatBrowsersCannotPlay()
{
    QFETCH(QString, video);
    QFETCH(QString, audio);
    QFETCH(bool, ladderOn);
    QFETCH(QString, hint);
    ChannelConfig channel;
    channel.abr.enabled = ladderOn;
    ChannelStatus status;
    status.videoCodec = video;
    status.audioCodec = audio;
    QCOMPARE(browsercodecs::ladderHint(channel, status), hint);
}

void TestUiQuality::mpeg2ChannelShowsTheHintThatOpensTheEditor()
{
    if (!test::haveProgram(QStringLiteral("ffmpeg")))
        QSKIP("ffmpeg is needed to make the MPEG-2 source");
    // A DVB-like source: MPEG-2 video and MP2 audio in MPEG-TS, played at its own pace.
    const QString path = m_dir.filePath(QStringLiteral("dvb.ts"));
    QByteArray err;
    QCOMPARE(test::runProgram(QStringLiteral("ffmpeg"),
                 {"-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                     "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                     "-t", "60", "-c:v", "mpeg2video", "-g", "25", "-b:v", "800k", "-c:a", "mp2",
                     "-b:a", "128k", "-f", "mpegts", path},
                 120000, nullptr, &err),
        0);
    const ChannelConfig channel = addChannel(QStringLiteral("DVB"), AbrConfig {}, true, path);
    QVERIFY(channel.id != 0);
    ChannelsPage page(m_client.get());
    page.resize(1000, 500);
    page.show();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_client->status(channel.id).videoCodec, QStringLiteral("mpeg2video"), 30000);
    page.selectChannel(channel.id);
    const QString expected = QStringLiteral("Browsers and many phones cannot play MPEG-2 video or "
                                            "MP2 audio; turn the ladder on to reach every device.");
    QTRY_VERIFY(page.ladderHint()->isVisible());
    QCOMPARE(page.ladderHintText()->text(), expected);
    // The row says so too, with an icon and its tooltip.
    const ChannelTableModel *model = page.model();
    const QModelIndex name = model->index(model->rowOf(channel.id), ChannelTableModel::NameColumn);
    QVERIFY(!name.data(Qt::DecorationRole).isNull());
    QVERIFY(name.data(Qt::ToolTipRole).toString().startsWith(expected));

    QTest::mouseClick(page.ladderHintButton(), Qt::LeftButton);
    LadderDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<LadderDialog *>()) != nullptr);
    dialog->enabledSwitch()->setChecked(true);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->channel(channel.id)->abr.enabled, 10000);
    QTRY_VERIFY(!page.ladderHint()->isVisible());
    QVERIFY(name.data(Qt::DecorationRole).isNull());
    m_client->setChannelEnabled(channel.id, false);
}

void TestUiQuality::speaksGerman()
{
    QCOMPARE(installTranslations(UiLanguage::German), QStringLiteral("de"));
    ChannelConfig channel;
    ChannelStatus status;
    status.videoCodec = QStringLiteral("mpeg2video");
    status.audioCodec = QStringLiteral("mp2");
    const QString hint = browsercodecs::ladderHint(channel, status);
    QCOMPARE(hint,
        QStringLiteral("Browser und viele Handys können MPEG-2-Video oder MP2-Audio nicht "
                       "abspielen; schalten Sie die Qualitätsstufen ein, um jedes Gerät zu "
                       "erreichen."));
    QualityTableModel model;
    model.setChannels({channel});
    QCOMPARE(model.index(0, QualityTableModel::FirstRungColumn).data().toString(),
        QStringLiteral("aus"));
    QCOMPARE(rungStateName(RungState::Behind), QStringLiteral("Fällt zurück"));
    channel.abr.enabled = true;
    LadderDialog dialog(channel);
    QCOMPARE(dialog.enabledSwitch()->text(), QStringLiteral("Qualitätsstufen kodieren"));
}

void TestUiQuality::ladderChangeIsStored()
{
    QVERIFY2(m_storedId != 0, "switchingARungOffSavesTheLadderWithoutIt did not run");
    QSignalSpy down(m_client.get(), &EngineClient::shutDown);
    m_client->shutdown();
    QVERIFY(down.count() == 1 || down.wait(20000));
    m_client.reset();

    EngineOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = false;
    test::EngineThread engine;
    const QString failed = engine.start(options);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QList<ChannelConfig> channels;
    QMetaObject::invokeMethod(
        engine.engine(), [&] { channels = engine.engine()->channels(); },
        Qt::BlockingQueuedConnection);
    const auto it = std::find_if(channels.cbegin(), channels.cend(),
        [this](const ChannelConfig &channel) { return channel.id == m_storedId; });
    QVERIFY(it != channels.cend());
    QVERIFY(it->abr.enabled);
    QCOMPARE(it->abr.rungs,
        QStringList({QStringLiteral("1080p"), QStringLiteral("720p"), QStringLiteral("360p")}));
    QVERIFY(engine.stop());
}

QTEST_MAIN(TestUiQuality)
#include "tst_ui_quality.moc"
