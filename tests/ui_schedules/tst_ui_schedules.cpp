// The Schedules page for real: a real engine with one channel and room for one recording at a
// time. The test uses the editor as a user would — a weekly schedule with its live preview of
// the next runs and of conflicts — sees it in the list and the week view, then saves an
// overlapping one that is beyond the capacity (after the explicit "Save anyway") and sees both
// marked, until one is switched off in the list.
#include "EngineClient.h"
#include "TestSupport.h"
#include "Translations.h"
#include "schedule/Occurrences.h"
#include "schedule/RecurrenceText.h"
#include "schedules/ScheduleDialog.h"
#include "schedules/ScheduleTableModel.h"
#include "schedules/ScheduleWords.h"
#include "schedules/SchedulesPage.h"
#include "schedules/WeekView.h"
#include "settings/SettingsController.h"
#include "settings/SettingsPage.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTranslator>

using namespace panelx;

class TestUiSchedules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void emptyPageSaysHowToPlan();
    void editorShowsProblemsInWords();
    void weeklyScheduleThroughTheEditor();
    void weekViewBlockOpensTheEditor();
    void overlapBeyondCapacityIsFlagged();
    void raisingTheMaximumResolvesIt();
    void settingsGroupChecksTheMaxima();
    void switchedOffInTheList();
    void deleteAsksAndRemoves();
    void germanCatalogueHasThePage();

private:
    ScheduleDialog *openNewDialog();
    // Fills the form: a Monday-to-Friday recording at `time` Berlin time for `minutes`.
    void fillWeekdayRecording(ScheduleDialog *dialog, const QString &name, QTime time, int minutes);
    QPushButton *okButton(ScheduleDialog *dialog) const;
    QList<WeekView::Block> blocksOf(qint64 scheduleId) const;
    bool rowConflicted(qint64 scheduleId) const;

    QTemporaryDir m_dir;
    std::unique_ptr<EngineClient> m_client;
    std::unique_ptr<SchedulesPage> m_page;
    qint64 m_channelId = 0;
    qint64 m_newsId = 0; // made by weeklyScheduleThroughTheEditor
    qint64 m_lateId = 0; // made by overlapBeyondCapacityIsFlagged
};

void TestUiSchedules::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(installTranslations(UiLanguage::English), QStringLiteral("en"));
    EngineOptions options;
    options.dataDir = m_dir.path();
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = false;
    // Two recordings at once are a conflict; the quota is never one.
    options.schedules.maxRecordings = 1;
    options.dvr.quotaBytes = 1'000'000'000'000'000LL;
    m_client = std::make_unique<EngineClient>(options);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->serverState() == EngineClient::ServerState::Running, 20000);
    ChannelConfig channel;
    channel.name = QStringLiteral("News channel");
    channel.sourceUrl = kDemoSourceUrl;
    channel.enabled = false; // schedules need a channel, not its pictures
    m_client->addChannel(channel);
    QTRY_COMPARE(m_client->channels().size(), 1);
    m_channelId = m_client->channels().first().id;
    m_page = std::make_unique<SchedulesPage>(m_client.get());
    m_page->resize(1100, 800);
    m_page->show();
}

void TestUiSchedules::cleanupTestCase()
{
    m_page.reset();
    if (!m_client)
        return;
    QSignalSpy down(m_client.get(), &EngineClient::shutDown);
    m_client->shutdown();
    QVERIFY(down.count() == 1 || down.wait(20000));
    m_client.reset();
}

ScheduleDialog *TestUiSchedules::openNewDialog()
{
    auto *action = m_page->findChild<QAction *>(QStringLiteral("newSchedule"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    ScheduleDialog *dialog = nullptr;
    test::waitFor(
        [&] {
            dialog = m_page->findChild<ScheduleDialog *>();
            return dialog && dialog->isVisible();
        },
        5000);
    return dialog;
}

QPushButton *TestUiSchedules::okButton(ScheduleDialog *dialog) const
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void TestUiSchedules::fillWeekdayRecording(
    ScheduleDialog *dialog, const QString &name, QTime time, int minutes)
{
    auto *nameEdit = dialog->findChild<QLineEdit *>(QStringLiteral("scheduleName"));
    QTest::keyClicks(nameEdit, name);
    auto *channel = dialog->findChild<QComboBox *>(QStringLiteral("scheduleChannel"));
    channel->setCurrentIndex(channel->findData(m_channelId));
    dialog->findChild<QTimeEdit *>(QStringLiteral("scheduleTime"))->setTime(time);
    dialog->findChild<QComboBox *>(QStringLiteral("scheduleZone"))
        ->setCurrentText(QStringLiteral("Europe/Berlin"));
    dialog->findChild<QSpinBox *>(QStringLiteral("scheduleMinutes"))->setValue(minutes);
    auto *repeat = dialog->findChild<QComboBox *>(QStringLiteral("scheduleRepeat"));
    repeat->setCurrentIndex(repeat->findData(int(Recurrence::Weekly)));
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        dialog->findChild<QCheckBox *>(QStringLiteral("weekday%1").arg(day))
            ->setChecked(day <= Qt::Friday);
}

QList<WeekView::Block> TestUiSchedules::blocksOf(qint64 scheduleId) const
{
    QList<WeekView::Block> result;
    for (const WeekView::Block &block : m_page->weekView()->blocks())
        if (block.scheduleId == scheduleId)
            result.append(block);
    return result;
}

bool TestUiSchedules::rowConflicted(qint64 scheduleId) const
{
    const int row = m_page->model()->rowOf(scheduleId);
    return row >= 0
        && m_page->model()->index(row, 0).data(ScheduleTableModel::ConflictedRole).toBool();
}

void TestUiSchedules::emptyPageSaysHowToPlan()
{
    QCOMPARE(m_page->model()->rowCount(), 0);
    auto *hint = m_page->findChild<QLabel *>(QStringLiteral("schedulesEmptyHint"));
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("New schedule")), qPrintable(hint->text()));
    QVERIFY(!m_page->findChild<QAction *>(QStringLiteral("editSchedule"))->isEnabled());
    QVERIFY(!m_page->findChild<QAction *>(QStringLiteral("deleteSchedule"))->isEnabled());
    QVERIFY(m_page->weekView()->blocks().isEmpty());
}

void TestUiSchedules::editorShowsProblemsInWords()
{
    ScheduleDialog *dialog = openNewDialog();
    QVERIFY(dialog);
    // No name yet: the validator's sentence under the field, and no saving.
    auto *nameError = dialog->findChild<QLabel *>(QStringLiteral("nameError"));
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QStringLiteral("Give the schedule a name")),
        qPrintable(nameError->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    QCOMPARE(dialog->preview()->count(), 1); // what to do first

    fillWeekdayRecording(dialog, QStringLiteral("Nothing ticked"), QTime(9, 0), 30);
    QVERIFY(!nameError->isVisible());
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        dialog->findChild<QCheckBox *>(QStringLiteral("weekday%1").arg(day))->setChecked(false);
    auto *weekdaysError = dialog->findChild<QLabel *>(QStringLiteral("weekdaysError"));
    QVERIFY(weekdaysError->isVisible());
    QCOMPARE(
        weekdaysError->text(), QStringLiteral("Tick at least one weekday for a weekly schedule."));
    QVERIFY(!okButton(dialog)->isEnabled());

    // An unknown zone is named; the zone box finds zones by any part of their name.
    auto *zone = dialog->findChild<QComboBox *>(QStringLiteral("scheduleZone"));
    zone->setCurrentText(QStringLiteral("Berlin"));
    auto *zoneError = dialog->findChild<QLabel *>(QStringLiteral("timeZoneError"));
    QVERIFY(zoneError->isVisible());
    QVERIFY2(zoneError->text().contains(QStringLiteral("“Berlin” is not a time zone")),
        qPrintable(zoneError->text()));
    zone->completer()->setCompletionPrefix(QStringLiteral("york"));
    QCOMPARE(zone->completer()->currentCompletion(), QStringLiteral("America/New_York"));

    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ScheduleDialog *>());
    QCOMPARE(m_page->model()->rowCount(), 0);
}

void TestUiSchedules::weeklyScheduleThroughTheEditor()
{
    ScheduleDialog *dialog = openNewDialog();
    QVERIFY(dialog);
    fillWeekdayRecording(dialog, QStringLiteral("News at eight"), QTime(20, 0), 30);
    QVERIFY(okButton(dialog)->isEnabled());

    // The preview: the next five runs as Occurrences::next has them, and no conflict.
    const Schedule draft = dialog->schedule();
    QCOMPARE(draft.weekdays, Weekdays::mondayToFriday());
    const QList<Occurrence> next = Occurrences::next(
        draft, QDateTime::currentMSecsSinceEpoch(), ScheduleDialog::kPreviewCount);
    QCOMPARE(next.size(), 5);
    QCOMPARE(dialog->preview()->count(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(dialog->preview()->item(i)->text(),
            ScheduleWords::occurrence(next.at(i), "Europe/Berlin", QTimeZone::systemTimeZoneId()));
        QVERIFY(next.at(i).localDate.dayOfWeek() <= Qt::Friday);
        QCOMPARE(next.at(i).localTime, QTime(20, 0));
    }
    QTRY_COMPARE(
        dialog->conflictSummary()->text(), QStringLiteral("No conflicts in the coming week."));

    QSignalSpy added(m_client.get(), &EngineClient::scheduleAdded);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->findChild<ScheduleDialog *>(), 10000);
    QCOMPARE(added.size(), 1);
    const auto stored = added.first().first().value<Schedule>();
    m_newsId = stored.id;
    QVERIFY(m_newsId > 0);
    QCOMPARE(stored.name, QStringLiteral("News at eight"));
    QCOMPARE(stored.recurrence, Recurrence::Weekly);
    QCOMPARE(stored.timeZoneId, QByteArray("Europe/Berlin"));

    // The list: one selected row, the recurrence in words, the next run, switched on.
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->selectedScheduleId(), m_newsId);
    const auto cell = [this](int column) { return m_page->model()->index(0, column); };
    QCOMPARE(
        cell(ScheduleTableModel::NameColumn).data().toString(), QStringLiteral("News at eight"));
    QCOMPARE(cell(ScheduleTableModel::ActionColumn).data().toString(), QStringLiteral("Record"));
    QCOMPARE(
        cell(ScheduleTableModel::ChannelColumn).data().toString(), QStringLiteral("News channel"));
    const QString when = cell(ScheduleTableModel::RecurrenceColumn).data().toString();
    QVERIFY2(when.startsWith(QStringLiteral("Weekdays at 20:00")), qPrintable(when));
    QCOMPARE(when, RecurrenceText::describe(stored, QTimeZone::systemTimeZoneId()));
    QCOMPARE(cell(ScheduleTableModel::NextRunColumn).data().toString(),
        ScheduleWords::occurrence(next.first(), "Europe/Berlin", QTimeZone::systemTimeZoneId()));
    QCOMPARE(
        cell(ScheduleTableModel::EnabledColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Checked);
    QCOMPARE(cell(ScheduleTableModel::LastResultColumn).data().toString(),
        QStringLiteral("Not run yet"));
    QVERIFY(!rowConflicted(m_newsId));
    QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("schedulesEmptyHint"))->isVisible());

    // The week view: a block for each weekday run of the seven days shown, none red.
    const QList<WeekView::Block> blocks = blocksOf(m_newsId);
    QVERIFY2(blocks.size() >= 4 && blocks.size() <= 5, qPrintable(QString::number(blocks.size())));
    for (const WeekView::Block &block : blocks) {
        QVERIFY(!block.conflicted);
        QCOMPARE(block.endUtcMs - block.startUtcMs, 30 * 60'000);
        QCOMPARE(Occurrences::wallClock("Europe/Berlin", block.startUtcMs).time(), QTime(20, 0));
    }
}

void TestUiSchedules::weekViewBlockOpensTheEditor()
{
    QVERIFY(m_newsId != 0);
    WeekView *week = m_page->weekView();
    const WeekView::Block block = blocksOf(m_newsId).first();
    const QList<QRectF> rects = week->geometryNow().blocks(block.startUtcMs, block.endUtcMs);
    QVERIFY(!rects.isEmpty());
    const QPoint inside = rects.first().center().toPoint();
    QCOMPARE(week->blockAt(inside)->scheduleId, m_newsId);
    QTest::mouseClick(week, Qt::LeftButton, {}, inside);
    ScheduleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<ScheduleDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->schedule(), *m_client->schedule(m_newsId));
    dialog->reject();
    QTRY_VERIFY(!m_page->findChild<ScheduleDialog *>());
}

void TestUiSchedules::overlapBeyondCapacityIsFlagged()
{
    QVERIFY(m_newsId != 0);
    ScheduleDialog *dialog = openNewDialog();
    QVERIFY(dialog);
    // 20:15-20:45 overlaps 20:00-20:30 on every weekday; one recording at a time is allowed.
    fillWeekdayRecording(dialog, QStringLiteral("Late news"), QTime(20, 15), 30);
    QTRY_VERIFY(dialog->conflictSummary()->text().startsWith(
        QStringLiteral("Conflicts in the coming week:")));
    const QString summary = dialog->conflictSummary()->text();
    QVERIFY2(summary.contains(QStringLiteral("News at eight"))
            && summary.contains(QStringLiteral("but at most 1 may")),
        qPrintable(summary));
    QCOMPARE(okButton(dialog)->text(), QStringLiteral("Save"));

    // Saving is refused with the conflicts until the user confirms.
    QSignalSpy added(m_client.get(), &EngineClient::scheduleAdded);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(okButton(dialog)->text(), QStringLiteral("Save anyway"));
    QVERIFY(dialog->isVisible());
    QVERIFY(added.isEmpty());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("formError"))->isVisible());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->findChild<ScheduleDialog *>(), 10000);
    QCOMPARE(added.size(), 1);
    m_lateId = added.first().first().value<Schedule>().id;

    // Both are marked in the list, with the sentence, and red in the week view.
    QCOMPARE(m_page->model()->rowCount(), 2);
    QTRY_VERIFY(rowConflicted(m_lateId) && rowConflicted(m_newsId));
    const int row = m_page->model()->rowOf(m_lateId);
    QVERIFY(m_page->model()
                ->index(row, ScheduleTableModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("recordings would run at once")));
    QVERIFY(!m_page->model()->conflictsOf(m_lateId).isEmpty());
    for (const qint64 id : {m_newsId, m_lateId}) {
        const QList<WeekView::Block> blocks = blocksOf(id);
        QVERIFY(!blocks.isEmpty());
        QVERIFY2(std::any_of(blocks.cbegin(), blocks.cend(),
                     [](const WeekView::Block &block) { return block.conflicted; }),
            qPrintable(QString::number(id)));
    }
}

void TestUiSchedules::raisingTheMaximumResolvesIt()
{
    QVERIFY(m_lateId != 0);
    ScheduleSettings two;
    two.maxRecordings = 2;
    m_client->setScheduleSettings(two);
    QTRY_VERIFY(!rowConflicted(m_newsId) && !rowConflicted(m_lateId));
    QVERIFY(m_client->scheduleConflicts().isEmpty());
    for (const WeekView::Block &block : m_page->weekView()->blocks())
        QVERIFY(!block.conflicted);

    ScheduleSettings one;
    one.maxRecordings = 1;
    m_client->setScheduleSettings(one);
    QTRY_VERIFY(rowConflicted(m_newsId) && rowConflicted(m_lateId));
}

void TestUiSchedules::settingsGroupChecksTheMaxima()
{
    SettingsPage page {Settings()};
    auto *recordings = page.findChild<QSpinBox *>(QStringLiteral("scheduleMaxRecordings"));
    auto *transcodes = page.findChild<QSpinBox *>(QStringLiteral("scheduleMaxTranscodes"));
    auto *recordingsError = page.findChild<QLabel *>(QStringLiteral("scheduleMaxRecordingsError"));
    QVERIFY(recordings && transcodes && recordingsError);
    QCOMPARE(recordings->value(), ScheduleSettings().maxRecordings);
    QCOMPARE(transcodes->value(), ScheduleSettings().maxTranscodes);

    recordings->setValue(0);
    QVERIFY(!recordingsError->isHidden());
    QVERIFY2(recordingsError->text().contains(QStringLiteral("from 1 to 64")),
        qPrintable(recordingsError->text()));
    QVERIFY(!page.controller()->canSave());
    recordings->setValue(3);
    transcodes->setValue(2);
    QVERIFY(recordingsError->isHidden());
    QCOMPARE(page.controller()->draft().schedules.maxRecordings, 3);
    QCOMPARE(page.controller()->draft().schedules.maxTranscodes, 2);
}

void TestUiSchedules::switchedOffInTheList()
{
    QVERIFY(m_lateId != 0);
    // Unticking the switch disables the schedule: it keeps its place but runs no more, and the
    // conflict goes.
    const QModelIndex enabled = m_page->model()->index(
        m_page->model()->rowOf(m_lateId), ScheduleTableModel::EnabledColumn);
    QVERIFY(m_page->model()->flags(enabled) & Qt::ItemIsUserCheckable);
    QVERIFY(!m_page->model()->setData(enabled, Qt::Unchecked, Qt::CheckStateRole));
    QTRY_VERIFY(!m_client->schedule(m_lateId)->enabled);
    QTRY_VERIFY(!rowConflicted(m_newsId) && !rowConflicted(m_lateId));
    const int row = m_page->model()->rowOf(m_lateId);
    QCOMPARE(m_page->model()->index(row, ScheduleTableModel::NextRunColumn).data().toString(),
        QStringLiteral("Disabled"));
    for (const WeekView::Block &block : m_page->weekView()->blocks())
        QVERIFY(!block.conflicted);
    for (const WeekView::Block &block : blocksOf(m_lateId))
        QVERIFY(!block.enabled);
}

void TestUiSchedules::deleteAsksAndRemoves()
{
    QVERIFY(m_lateId != 0);
    m_page->selectSchedule(m_lateId);
    m_page->findChild<QAction *>(QStringLiteral("deleteSchedule"))->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("confirmDeleteSchedule")))
        && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("Late news")));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmDeleteScheduleButton")),
        Qt::LeftButton);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QVERIFY(!m_client->schedule(m_lateId));
    QVERIFY(blocksOf(m_lateId).isEmpty());
    QVERIFY(!blocksOf(m_newsId).isEmpty());
}

void TestUiSchedules::germanCatalogueHasThePage()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(PANELX_TRANSLATIONS_DIR) + QStringLiteral("/panelx_de.qm")));
    QCOMPARE(german.translate("panelx::MainWindow", "Schedules"), QStringLiteral("Zeitpläne"));
    QCOMPARE(german.translate("panelx::ScheduleDialog", "Save anyway"),
        QStringLiteral("Trotzdem speichern"));
    QCOMPARE(german.translate("panelx::ScheduleTableModel", "Next run"),
        QStringLiteral("Nächste Ausführung"));
    QCOMPARE(german.translate("ScheduleWords", "Record"), QStringLiteral("Aufnehmen"));
    QCOMPARE(german.translate("panelx::WeekView", "Disabled"), QStringLiteral("Deaktiviert"));
}

QTEST_MAIN(TestUiSchedules)
#include "tst_ui_schedules.moc"
