// The Recordings page for real: a real engine records its demo channel. The test drives the
// page's buttons and dialogs as a user would: records through the dialog (with the duration
// rule and the engine's refusals shown in words), watches the progress, extends, keeps and
// stops, plays the recording in the player and seeks in it, sees automatic clean-up in the log
// and deletes after the question.
#include "EngineClient.h"
#include "TestSupport.h"
#include "Translations.h"
#include "dvr/DvrPolicy.h"
#include "player/PlayerPage.h"
#include "player/PositionSlider.h"
#include "recordings/DvrUsageBar.h"
#include "recordings/RecordDialog.h"
#include "recordings/RecordingExporter.h"
#include "recordings/RecordingTableModel.h"
#include "recordings/RecordingsController.h"
#include "recordings/RecordingsPage.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMediaPlayer>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

using namespace panelx;

class TestUiRecordings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void stateWordsAndGaps();
    void positionSliderSeeks();
    void emptyPageSaysHowToRecord();
    void quotaBarInWords();
    void recordNowThroughTheDialog();
    void engineRefusalShownInTheDialog();
    void extendKeepAndStop();
    void playsAndSeeksTheRecording();
    void exportsThroughTheDialog();
    void exportCancelLeavesNoFile();
    void cleanupIsLogged();
    void deleteAsksAndRemoves();

private:
    qint64 demoChannelId() const;
    void trigger(const char *objectName);
    RecordDialog *openRecordDialog(const char *action);
    void submit(RecordDialog *dialog);
    Recording recordingAtRow(int row) const;

    QTemporaryDir m_dir;
    std::unique_ptr<EngineClient> m_client;
    std::unique_ptr<RecordingsPage> m_page;
    qint64 m_recordingId = 0; // made by recordNowThroughTheDialog
};

void TestUiRecordings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // English, with its plural forms ("2 gaps"), as the window installs it.
    QCOMPARE(installTranslations(UiLanguage::English), QStringLiteral("en"));
    EngineOptions options;
    options.dataDir = m_dir.path();
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = true;
    m_client = std::make_unique<EngineClient>(options);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->serverState() == EngineClient::ServerState::Running, 20000);
    QVERIFY(demoChannelId() != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(demoChannelId()).state, ChannelState::Live, 30000);
    m_page = std::make_unique<RecordingsPage>(m_client.get());
    m_page->resize(1000, 600);
    m_page->show();
}

void TestUiRecordings::cleanupTestCase()
{
    m_page.reset();
    if (!m_client)
        return;
    QSignalSpy down(m_client.get(), &EngineClient::shutDown);
    m_client->shutdown();
    QVERIFY(down.count() == 1 || down.wait(20000));
    m_client.reset();
}

qint64 TestUiRecordings::demoChannelId() const
{
    for (const ChannelConfig &channel : m_client->channels())
        if (channel.sourceUrl == kDemoSourceUrl)
            return channel.id;
    return 0;
}

void TestUiRecordings::trigger(const char *objectName)
{
    auto *action = m_page->findChild<QAction *>(QString::fromLatin1(objectName));
    QVERIFY2(action, objectName);
    QVERIFY2(action->isEnabled(), objectName);
    action->trigger();
}

RecordDialog *TestUiRecordings::openRecordDialog(const char *action)
{
    trigger(action);
    RecordDialog *dialog = nullptr;
    test::waitFor(
        [&] {
            dialog = m_page->findChild<RecordDialog *>();
            return dialog && dialog->isVisible();
        },
        5000);
    return dialog;
}

void TestUiRecordings::submit(RecordDialog *dialog)
{
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

Recording TestUiRecordings::recordingAtRow(int row) const
{
    const qint64 id
        = m_page->model()->index(row, 0).data(RecordingTableModel::RecordingIdRole).toLongLong();
    return m_client->recording(id).value_or(Recording {});
}

void TestUiRecordings::stateWordsAndGaps()
{
    Recording partial;
    partial.state = RecordingState::Partial;
    partial.startUtcMs = QDateTime(QDate(2026, 11, 30), QTime(20, 0)).toMSecsSinceEpoch();
    partial.endUtcMs = partial.startUtcMs + 3'600'000;
    partial.gaps = {{partial.startUtcMs + 600'000, partial.startUtcMs + 755'000},
        {partial.startUtcMs + 1'800'000, partial.startUtcMs + 1'805'000}};
    QCOMPARE(RecordingTableModel::detailText(partial), QStringLiteral("2 gaps, 00:02:40 missing"));
    QCOMPARE(RecordingTableModel::gapsText(partial),
        QStringLiteral("20:10:00 – 20:12:35 (00:02:35)\n20:30:00 – 20:30:05 (00:00:05)"));

    Recording stopped;
    stopped.state = RecordingState::Stopped;
    stopped.reason = QStringLiteral("quota full: delete recordings");
    QCOMPARE(RecordingTableModel::detailText(stopped), stopped.reason);
    Recording finished;
    finished.state = RecordingState::Finished;
    QVERIFY(RecordingTableModel::detailText(finished).isEmpty());
    QCOMPARE(
        RecordingTableModel::stateText(RecordingState::Recording), QStringLiteral("Recording"));
}

void TestUiRecordings::positionSliderSeeks()
{
    PositionSlider slider;
    slider.resize(400, 30);
    slider.show();
    slider.setDuration(3'600'000);
    slider.setPosition(754'000);
    QCOMPARE(slider.timeText(), QStringLiteral("00:12:34 / 01:00:00"));
    QSignalSpy seeks(&slider, &PositionSlider::seekRequested);
    auto *handle = slider.findChild<QSlider *>(QStringLiteral("positionSlider"));

    // While the handle is held, the player's position does not move it; the time previews the
    // drag, and letting go seeks there.
    handle->setSliderDown(true);
    handle->setSliderPosition(1'800'000);
    slider.setPosition(755'000);
    QCOMPARE(handle->sliderPosition(), 1'800'000);
    QCOMPARE(slider.timeText(), QStringLiteral("00:30:00 / 01:00:00"));
    QVERIFY(seeks.isEmpty());
    handle->setSliderDown(false);
    QCOMPARE(seeks.size(), 1);
    QCOMPARE(seeks.takeFirst().first().toLongLong(), 1'800'000);

    // A key moves and seeks at once.
    handle->setFocus();
    QTest::keyClick(handle, Qt::Key_PageUp);
    QCOMPARE(seeks.size(), 1);
    QCOMPARE(seeks.takeFirst().first().toLongLong(), 1'860'000);
}

void TestUiRecordings::emptyPageSaysHowToRecord()
{
    QCOMPARE(m_page->model()->rowCount(), 0);
    auto *hint = m_page->findChild<QLabel *>(QStringLiteral("recordingsEmptyHint"));
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("Record now")), qPrintable(hint->text()));
    // Nothing selected: only the record actions work.
    for (const char *name :
        {"stopRecording", "extendRecording", "playRecording", "keepRecording", "deleteRecording"})
        QVERIFY2(!m_page->findChild<QAction *>(QString::fromLatin1(name))->isEnabled(), name);
}

void TestUiRecordings::quotaBarInWords()
{
    QCOMPARE(DvrUsageBar::quotaText(3'200'000'000LL, 10'000'000'000LL),
        QStringLiteral("%1 of %2")
            .arg(
                DvrPolicy::formatBytes(3'200'000'000LL), DvrPolicy::formatBytes(10'000'000'000LL)));
    // The engine's figure: nothing recorded yet, the default 10 GB quota.
    QTRY_COMPARE(m_page->usageBar()->usageText(), DvrUsageBar::quotaText(0, kDefaultDvrQuotaBytes));
    QVERIFY2(m_page->usageBar()->usageText().endsWith(DvrPolicy::formatBytes(10'000'000'000LL)),
        qPrintable(m_page->usageBar()->usageText()));
    auto *buffer = m_page->usageBar()->findChild<QLabel *>(QStringLiteral("dvrBufferUse"));
    QVERIFY2(
        buffer->text().contains(QStringLiteral("outside the quota")), qPrintable(buffer->text()));
}

void TestUiRecordings::recordNowThroughTheDialog()
{
    RecordDialog *dialog = openRecordDialog("recordNow");
    QVERIFY(dialog);
    auto *channel = dialog->findChild<QComboBox *>(QStringLiteral("recordChannel"));
    auto *minutes = dialog->findChild<QSpinBox *>(QStringLiteral("recordMinutes"));
    auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("recordTitle"));
    auto *minutesError = dialog->findChild<QLabel *>(QStringLiteral("minutesError"));
    QCOMPARE(channel->currentData().toLongLong(), demoChannelId()); // the live one
    QCOMPARE(minutes->value(), kDefaultRecordingMinutes);

    // Past the limit: the rule in words, and OK waits for a valid number.
    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("721"));
    QCOMPARE(minutes->value(), 721);
    QVERIFY(minutesError->isVisible());
    QCOMPARE(minutesError->text(), DvrPolicy::checkMinutes(721));
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    minutes->selectAll();
    QTest::keyClicks(minutes, QStringLiteral("5"));
    QVERIFY(!minutesError->isVisible());
    QTest::keyClicks(title, QStringLiteral("Evening news"));

    QSignalSpy added(m_client.get(), &EngineClient::recordingAdded);
    submit(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->findChild<RecordDialog *>(), 10000);
    QCOMPARE(added.size(), 1);
    const auto recording = added.first().first().value<Recording>();
    m_recordingId = recording.id;
    QCOMPARE(recording.title, QStringLiteral("Evening news"));
    QCOMPARE(recording.durationMs(), 5 * 60'000);
    QCOMPARE(recording.state, RecordingState::Recording);

    // The row is there, selected, with a moving progress bar.
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->selectedRecordingId(), m_recordingId);
    const QModelIndex state = m_page->model()->index(0, RecordingTableModel::StateColumn);
    QCOMPARE(state.data(RecordingTableModel::StateRole).toInt(), int(RecordingState::Recording));
    QVERIFY(state.data(RecordingTableModel::ProgressRole).isValid());
    const double firstProgress = state.data(RecordingTableModel::ProgressRole).toDouble();
    QTRY_VERIFY_WITH_TIMEOUT(
        state.data(RecordingTableModel::ProgressRole).toDouble() > firstProgress, 5000);
    QVERIFY2(state.data(RecordingTableModel::ProgressTextRole)
                 .toString()
                 .endsWith(QStringLiteral(" / 00:05:00")),
        qPrintable(state.data(RecordingTableModel::ProgressTextRole).toString()));
    QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("recordingsEmptyHint"))->isVisible());
    // The size and the quota bar follow the disk.
    QTRY_VERIFY_WITH_TIMEOUT(m_client->recording(m_recordingId)->sizeBytes > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->dvrUsage().pinnedBytes > 0, 10000);
    QCOMPARE(m_page->usageBar()->usageText(),
        DvrUsageBar::quotaText(m_client->dvrUsage().pinnedBytes, kDefaultDvrQuotaBytes));
}

void TestUiRecordings::engineRefusalShownInTheDialog()
{
    // Twelve hours back: the demo channel's buffer holds far less, and the engine says so
    // under the field.
    RecordDialog *dialog = openRecordDialog("recordPast");
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), RecordDialog::Mode::Past);
    auto *minutes = dialog->findChild<QSpinBox *>(QStringLiteral("recordMinutes"));
    auto *minutesError = dialog->findChild<QLabel *>(QStringLiteral("minutesError"));
    minutes->setValue(kMaxRecordingMinutes);
    QSignalSpy added(m_client.get(), &EngineClient::recordingAdded);
    submit(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(minutesError->isVisible(), 10000);
    QVERIFY2(
        minutesError->text().contains(QStringLiteral("buffer")), qPrintable(minutesError->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(added.isEmpty());
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<RecordDialog *>());
}

void TestUiRecordings::extendKeepAndStop()
{
    QVERIFY(m_recordingId != 0);
    m_page->selectRecording(m_recordingId);
    const Recording before = *m_client->recording(m_recordingId);

    trigger("extendRecording");
    QTRY_COMPARE(m_client->recording(m_recordingId)->endUtcMs, before.endUtcMs + 15 * 60'000);

    auto *keep = m_page->findChild<QAction *>(QStringLiteral("keepRecording"));
    QVERIFY(!keep->isChecked());
    trigger("keepRecording");
    QTRY_VERIFY(m_client->recording(m_recordingId)->keep);
    QVERIFY(keep->isChecked());
    const int row = m_page->model()->rowOf(m_recordingId);
    QVERIFY(m_page->model()->index(row, 0).data().toString().contains(QStringLiteral("kept")));

    // A few segments' worth, so there is something to play and seek in.
    QTRY_VERIFY_WITH_TIMEOUT(
        QDateTime::currentMSecsSinceEpoch() - before.startUtcMs >= 16'000, 30000);
    trigger("stopRecording");
    // It finishes once the segment in progress is stored.
    QTRY_VERIFY_WITH_TIMEOUT(isDone(m_client->recording(m_recordingId)->state), 30000);
    const Recording done = *m_client->recording(m_recordingId);
    QVERIFY2(done.state == RecordingState::Finished || done.state == RecordingState::Partial,
        qPrintable(recordingStateName(done.state) + QStringLiteral(": ") + done.reason));
    const QModelIndex state = m_page->model()->index(row, RecordingTableModel::StateColumn);
    QVERIFY(!state.data(RecordingTableModel::ProgressRole).isValid());
    QCOMPARE(state.data(RecordingTableModel::StateRole).toInt(), int(done.state));
    QVERIFY(!m_page->findChild<QAction *>(QStringLiteral("stopRecording"))->isEnabled());
    QVERIFY(!m_page->findChild<QAction *>(QStringLiteral("extendRecording"))->isEnabled());
}

void TestUiRecordings::playsAndSeeksTheRecording()
{
    QVERIFY(m_recordingId != 0);
    const QString url = m_client->recordingPlaylistUrl(m_recordingId);
    QVERIFY2(
        url.endsWith(QStringLiteral("/recordings/%1.m3u8").arg(m_recordingId)), qPrintable(url));
    const test::HttpReply playlist = test::httpRequest(url);
    if (playlist.status == 404 && !playlist.body.contains("#EXTM3U"))
        QSKIP("this build's viewer server does not serve recordings");
    QCOMPARE(playlist.status, 200);

    m_page->selectRecording(m_recordingId);
    QSignalSpy playRequested(m_page.get(), &RecordingsPage::playRequested);
    trigger("playRecording");
    QCOMPARE(playRequested.size(), 1);
    QCOMPARE(playRequested.first().first().toLongLong(), m_recordingId);

    PlayerPage player(m_client.get());
    player.resize(640, 480);
    player.show();
    int frames = 0;
    connect(player.videoSink(), &QVideoSink::videoFrameChanged, this,
        [&](const QVideoFrame &frame) { frames += frame.isValid() ? 1 : 0; });
    QSignalSpy errors(player.mediaPlayer(), &QMediaPlayer::errorOccurred);
    player.playRecording(m_recordingId);
    QCOMPARE(player.mediaPlayer()->source().toString(), url);
    QTRY_VERIFY2_WITH_TIMEOUT(
        frames >= 10 || !errors.isEmpty(), qPrintable(player.statusText()), 60000);
    QVERIFY2(errors.isEmpty(), qPrintable(player.statusText()));

    // A finished recording is seekable: the slider shows it whole and moves the position.
    PositionSlider *slider = player.positionSlider();
    QTRY_VERIFY_WITH_TIMEOUT(slider->isVisible(), 20000);
    const qint64 durationMs = player.mediaPlayer()->duration();
    QVERIFY2(durationMs >= 10'000, qPrintable(QString::number(durationMs)));
    QCOMPARE(slider->durationMs(), durationMs);
    QVERIFY2(slider->timeText().endsWith(
                 QStringLiteral(" / 00:00:%1").arg(durationMs / 1000, 2, 10, QLatin1Char('0'))),
        qPrintable(slider->timeText()));
    const qint64 target = durationMs - 4000;
    QSignalSpy seeks(slider, &PositionSlider::seekRequested);
    auto *handle = slider->findChild<QSlider *>(QStringLiteral("positionSlider"));
    handle->setSliderDown(true);
    handle->setSliderPosition(int(target));
    handle->setSliderDown(false); // released: seeks
    QCOMPARE(seeks.size(), 1);
    QCOMPARE(seeks.first().first().toLongLong(), target);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() >= target - 1000, 10000);
    QVERIFY(slider->timeText().startsWith(QStringLiteral("00:00:")));

    // Live channels keep their old face: no slider.
    player.play(demoChannelId());
    QVERIFY(!slider->isVisible());
    player.stop();
}

void TestUiRecordings::exportsThroughTheDialog()
{
    QVERIFY(m_recordingId != 0);
    const Recording recording = *m_client->recording(m_recordingId);
    m_page->selectRecording(m_recordingId);
    trigger("exportRecording");
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<QFileDialog *>(QStringLiteral("exportFileDialog"))));
    // The name offered is the title and the start, as MP4.
    const QString offered
        = RecordingExporter::defaultFileName(recording.title, recording.startUtcMs);
    QVERIFY2(offered.startsWith(QStringLiteral("Evening news 2")) && offered.endsWith(".mp4"),
        qPrintable(offered));
    QCOMPARE(QFileInfo(dialog->selectedFiles().value(0)).fileName(), offered);

    const QString target = m_dir.filePath(QStringLiteral("exported.mp4"));
    QSignalSpy exported(m_page->controller()->exporter(), &RecordingExporter::exported);
    dialog->selectFile(target);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 60000);
    QCOMPARE(exported.first().at(1).toString(), target);
    auto *notice = m_page->findChild<QLabel *>(QStringLiteral("recordingsNotice"));
    QVERIFY2(notice->isVisible() && notice->text().contains(QStringLiteral("exported.mp4")),
        qPrintable(notice->text()));
    QTRY_VERIFY(!m_page->findChild<QProgressDialog *>(QStringLiteral("exportProgress")));

    // ffprobe, not our code, says what the file is.
    if (!test::haveProgram(QStringLiteral("ffprobe")))
        QSKIP("ffprobe is not installed");
    QByteArray out;
    QCOMPARE(test::runProgram(QStringLiteral("ffprobe"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                     QStringLiteral("format=format_name,duration"), QStringLiteral("-of"),
                     QStringLiteral("default=nw=1"), target},
                 30000, &out),
        0);
    QVERIFY2(out.contains("format_name=mov,mp4"), out.constData());
    const double seconds
        = out.mid(out.indexOf("duration=") + 9).trimmed().split('\n').first().toDouble();
    // Whole segments: up to one 4 s segment more at each end than the recording's range.
    QVERIFY2(seconds >= recording.durationMs() / 1000.0 - 1
            && seconds <= recording.durationMs() / 1000.0 + 9,
        qPrintable(QStringLiteral("%1 s exported of a %2 ms recording")
                       .arg(seconds)
                       .arg(recording.durationMs())));

    // MPEG-TS by the name.
    const QString ts = m_dir.filePath(QStringLiteral("exported.ts"));
    m_page->controller()->exporter()->exportTo(m_recordingId, ts);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 60000);
    QFile tsFile(ts);
    QVERIFY(tsFile.open(QIODevice::ReadOnly));
    QCOMPARE(tsFile.read(1), QByteArray("\x47"));

    // A folder that cannot be written: the reason in the page's banner.
    auto *banner = m_page->findChild<QLabel *>(QStringLiteral("recordingsProblem"));
    m_page->controller()->exporter()->exportTo(
        m_recordingId, m_dir.filePath(QStringLiteral("no-such-folder/x.mp4")));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
    QVERIFY2(banner->text().contains(QStringLiteral("Exporting “Evening news” failed")),
        qPrintable(banner->text()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-such-folder/x.mp4"))));
}

void TestUiRecordings::exportCancelLeavesNoFile()
{
    QVERIFY(m_recordingId != 0);
    const QString target = m_dir.filePath(QStringLiteral("cancelled.mp4"));
    QSignalSpy exported(m_page->controller()->exporter(), &RecordingExporter::exported);
    m_page->controller()->exporter()->exportTo(m_recordingId, target);
    auto *progress = m_page->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
    QVERIFY(progress);
    QVERIFY(progress->isVisible());
    // Cancelled at once, before the worker has the engine's list of files: it must still end
    // without a file. (Cancelling in the middle of a remux is RecordingExport's own test.)
    QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_page->findChild<QProgressDialog *>(QStringLiteral("exportProgress")), 30000);
    QVERIFY(exported.isEmpty());
    QVERIFY(!QFile::exists(target));
    QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
}

void TestUiRecordings::cleanupIsLogged()
{
    Recording news;
    news.title = QStringLiteral("News");
    QCOMPARE(RecordingsPage::cleanupLine(news, QStringLiteral("it is older than 30 days")),
        QStringLiteral("Deleted “News”: it is older than 30 days"));

    // A finished recording that is not kept, and one running: a quota far too small makes
    // clean-up delete the finished one while the other records.
    RecordDialog *first = openRecordDialog("recordNow");
    QVERIFY(first);
    first->findChild<QSpinBox *>(QStringLiteral("recordMinutes"))->setValue(1);
    first->findChild<QLineEdit *>(QStringLiteral("recordTitle"))
        ->setText(QStringLiteral("Old show"));
    QSignalSpy added(m_client.get(), &EngineClient::recordingAdded);
    submit(first);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
    const qint64 oldId = added.first().first().value<Recording>().id;
    QTRY_VERIFY_WITH_TIMEOUT(m_client->recording(oldId)->sizeBytes > 0, 20000);
    m_page->selectRecording(oldId);
    trigger("stopRecording");
    QTRY_VERIFY_WITH_TIMEOUT(isDone(m_client->recording(oldId)->state), 30000);

    RecordDialog *now = openRecordDialog("recordNow");
    QVERIFY(now);
    now->findChild<QLineEdit *>(QStringLiteral("recordTitle"))
        ->setText(QStringLiteral("Running show"));
    submit(now);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, 10000);
    const qint64 runningId = added.last().first().value<Recording>().id;

    // Clean-up names what it would remove next.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->usageBar()->cleanupText().contains(QStringLiteral("Old show")), 10000);

    QSignalSpy cleaned(m_client.get(), &EngineClient::recordingCleanedUp);
    DvrSettings tiny = m_client->dvrSettings();
    tiny.quotaBytes = 1;
    m_client->setDvrSettings(tiny);
    QTRY_VERIFY_WITH_TIMEOUT(!cleaned.isEmpty(), 10000);
    QCOMPARE(cleaned.first().first().value<Recording>().id, oldId);
    QTRY_VERIFY(!m_client->recording(oldId));
    QListWidget *log = m_page->cleanupLog();
    QVERIFY(log->isVisible());
    QVERIFY2(log->item(0)->text().contains(QStringLiteral("Deleted “Old show”: ")),
        qPrintable(log->item(0)->text()));
    // The kept recording stays; the running one ends for the quota, with the reason shown.
    QVERIFY(m_client->recording(m_recordingId));
    QTRY_VERIFY_WITH_TIMEOUT(isDone(m_client->recording(runningId)->state), 30000);
    const Recording stopped = *m_client->recording(runningId);
    if (stopped.state == RecordingState::Stopped) {
        const int row = m_page->model()->rowOf(runningId);
        const QModelIndex state = m_page->model()->index(row, RecordingTableModel::StateColumn);
        QVERIFY2(state.data(Qt::ToolTipRole).toString().contains(QStringLiteral("quota")),
            qPrintable(state.data(Qt::ToolTipRole).toString()));
        QCOMPARE(state.data(RecordingTableModel::DetailRole).toString(), stopped.reason);
    }

    m_client->setDvrSettings(DvrSettings {});
    QTRY_COMPARE(m_client->dvrUsage().quotaBytes, kDefaultDvrQuotaBytes);
}

void TestUiRecordings::deleteAsksAndRemoves()
{
    QVERIFY(m_recordingId != 0);
    m_page->selectRecording(m_recordingId);
    const int rowsBefore = m_page->model()->rowCount();
    trigger("deleteRecording");
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("confirmDeleteRecording"))));
    QVERIFY2(box->text().contains(QStringLiteral("“Evening news”")), qPrintable(box->text()));
    // Cancel keeps it.
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_page->findChild<QMessageBox *>(QStringLiteral("confirmDeleteRecording")));
    QVERIFY(m_client->recording(m_recordingId));

    trigger("deleteRecording");
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("confirmDeleteRecording"))));
    QSignalSpy removed(m_client.get(), &EngineClient::recordingRemoved);
    box->findChild<QPushButton *>(QStringLiteral("confirmDeleteRecordingButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
    QCOMPARE(removed.first().first().toLongLong(), m_recordingId);
    QVERIFY(!m_client->recording(m_recordingId));
    QCOMPARE(m_page->model()->rowCount(), rowsBefore - 1);
    QCOMPARE(m_page->model()->rowOf(m_recordingId), -1);
}

QTEST_MAIN(TestUiRecordings)
#include "tst_ui_recordings.moc"
