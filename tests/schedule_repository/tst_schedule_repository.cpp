#include "schedule/ScheduleRepository.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

namespace {

Schedule weekly(const QString &name)
{
    Schedule s;
    s.name = name;
    s.action = ScheduleAction::Record;
    s.channelId = 3;
    s.title = QStringLiteral("Evening news");
    s.firstDate = QDate(2026, 12, 1);
    s.startTime = QTime(20, 0, 30);
    s.timeZoneId = "Europe/Berlin";
    s.durationMinutes = 45;
    s.recurrence = Recurrence::Weekly;
    s.weekdays = Weekdays().add(Qt::Monday).add(Qt::Friday);
    s.lastDate = QDate(2027, 3, 31);
    s.paddingBeforeMinutes = 2;
    s.paddingAfterMinutes = 5;
    s.enabled = false;
    s.createdUtcMs = 1'764'000'000'000;
    return s;
}

ScheduleRun run(qint64 scheduleId, qint64 plannedUtcMs, ScheduleRun::Result result)
{
    ScheduleRun r;
    r.scheduleId = scheduleId;
    r.plannedUtcMs = plannedUtcMs;
    r.result = result;
    if (result != ScheduleRun::Result::Missed)
        r.actualUtcMs = plannedUtcMs + 40;
    r.reason = result == ScheduleRun::Result::Done ? QStringLiteral("recording 12")
                                                   : QStringLiteral("The channel was deleted.");
    r.recordingId = result == ScheduleRun::Result::Done ? 12 : 0;
    return r;
}

struct Fixture {
    QTemporaryDir dir;
    Database db {dir.filePath(QStringLiteral("panelx.db"))};
    ScheduleRepository repo {db};
    Fixture()
    {
        QString error;
        if (!db.open(&error))
            qFatal("cannot open the test database: %s", qPrintable(error));
    }
    Schedule insert(Schedule s, qint64 watchedFromUtcMs = 0)
    {
        QString error;
        if (!repo.insert(s, watchedFromUtcMs, &error))
            qFatal("cannot insert a schedule: %s", qPrintable(error));
        return s;
    }
    ScheduleRun add(ScheduleRun r)
    {
        QString error;
        if (!repo.addRun(r, &error))
            qFatal("cannot log a run: %s", qPrintable(error));
        return r;
    }
};

} // namespace

class TestScheduleRepository : public QObject {
    Q_OBJECT

private slots:
    void insertStoresEveryField_data();
    void insertStoresEveryField();
    void allIsOrderedByName();
    void update();
    void removeTakesTheHistoryAlong();
    void runsAreNewestFirst();
    void figuresCountFailuresAndMisses();
    void watchedFromIsTheLaterOfChangeAndLastRun();
    void resultNamesRoundTrip();
};

void TestScheduleRepository::insertStoresEveryField_data()
{
    QTest::addColumn<Schedule>("schedule");
    QTest::newRow("weekly record with seconds, padding and an end") << weekly("News");
    Schedule daily = weekly("Night stop");
    daily.action = ScheduleAction::Stop;
    daily.title.clear();
    daily.recurrence = Recurrence::Daily;
    daily.weekdays = Weekdays();
    daily.lastDate = QDate();
    daily.startTime = QTime(23, 30);
    daily.durationMinutes = 0;
    daily.paddingBeforeMinutes = daily.paddingAfterMinutes = 0;
    daily.enabled = true;
    QTest::newRow("daily stop without end or title") << daily;
    Schedule once = daily;
    once.action = ScheduleAction::Start;
    once.recurrence = Recurrence::Once;
    once.timeZoneId = "Asia/Kolkata";
    once.durationMinutes = 90;
    QTest::newRow("a start held once") << once;
}

void TestScheduleRepository::insertStoresEveryField()
{
    QFETCH(Schedule, schedule);
    Fixture f;
    const Schedule stored = f.insert(schedule);
    QVERIFY(stored.id > 0);
    const QList<Schedule> all = f.repo.all();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first(), stored);
    // Read back, an empty title and last date are empty again, not the text "".
    QCOMPARE(all.first().lastDate.isNull(), schedule.lastDate.isNull());
}

void TestScheduleRepository::allIsOrderedByName()
{
    Fixture f;
    const qint64 b = f.insert(weekly(QStringLiteral("beta"))).id;
    const qint64 a = f.insert(weekly(QStringLiteral("Alpha"))).id;
    const qint64 b2 = f.insert(weekly(QStringLiteral("Beta"))).id;
    QList<qint64> ids;
    for (const Schedule &s : f.repo.all())
        ids << s.id;
    QCOMPARE(ids, (QList<qint64> {a, b, b2}));
}

void TestScheduleRepository::update()
{
    Fixture f;
    Schedule s = f.insert(weekly(QStringLiteral("News")));
    const Schedule other = f.insert(weekly(QStringLiteral("Other")));
    s.name = QStringLiteral("Late news");
    s.startTime = QTime(22, 15);
    s.weekdays = Weekdays::mondayToFriday();
    s.enabled = true;
    QString error;
    QVERIFY2(f.repo.update(s, 5000, &error), qPrintable(error));
    QCOMPARE(f.repo.all(), (QList<Schedule> {s, other}));
    QCOMPARE(f.repo.watchedFrom(s.id), 5000);
}

void TestScheduleRepository::removeTakesTheHistoryAlong()
{
    Fixture f;
    const Schedule gone = f.insert(weekly(QStringLiteral("Gone")));
    const Schedule kept = f.insert(weekly(QStringLiteral("Kept")));
    f.add(run(gone.id, 1000, ScheduleRun::Result::Done));
    const ScheduleRun keptRun = f.add(run(kept.id, 1000, ScheduleRun::Result::Done));
    QString error;
    QVERIFY2(f.repo.remove(gone.id, &error), qPrintable(error));
    QCOMPARE(f.repo.all(), QList<Schedule> {kept});
    QVERIFY(f.repo.runs(gone.id, 0).isEmpty());
    QCOMPARE(f.repo.runs(kept.id, 0), QList<ScheduleRun> {keptRun});
    QSqlQuery count(f.db.connection());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM schedule_runs")) && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TestScheduleRepository::runsAreNewestFirst()
{
    Fixture f;
    const Schedule s = f.insert(weekly(QStringLiteral("News")));
    const ScheduleRun first = f.add(run(s.id, 1000, ScheduleRun::Result::Done));
    const ScheduleRun third = f.add(run(s.id, 3000, ScheduleRun::Result::Missed));
    const ScheduleRun second = f.add(run(s.id, 2000, ScheduleRun::Result::Failed));
    QVERIFY(first.id > 0);
    QCOMPARE(f.repo.runs(s.id, 0), (QList<ScheduleRun> {third, second, first}));
    QCOMPARE(f.repo.runs(s.id, 2), (QList<ScheduleRun> {third, second}));
    // A missed one has no actual time: stored as NULL, read as 0.
    QCOMPARE(third.actualUtcMs, 0);
    QSqlQuery actual(f.db.connection());
    QVERIFY(
        actual.exec(
            QStringLiteral("SELECT actual_utc_ms FROM schedule_runs WHERE id = %1").arg(third.id))
        && actual.next());
    QVERIFY(actual.isNull(0));
    QCOMPARE(f.repo.runAt(s.id, 2000), second);
    QVERIFY(!f.repo.runAt(s.id, 2001));
    QVERIFY(!f.repo.runAt(s.id + 1, 2000));
}

void TestScheduleRepository::figuresCountFailuresAndMisses()
{
    Fixture f;
    const Schedule s = f.insert(weekly(QStringLiteral("News")));
    ScheduleFigures none = f.repo.figures(s.id);
    QCOMPARE(none.runs, 0);
    QCOMPARE(none.failures, 0);
    QVERIFY(!none.lastRun);
    f.add(run(s.id, 1000, ScheduleRun::Result::Done));
    f.add(run(s.id, 2000, ScheduleRun::Result::Failed));
    const ScheduleRun last = f.add(run(s.id, 4000, ScheduleRun::Result::Done));
    f.add(run(s.id, 3000, ScheduleRun::Result::Missed));
    const ScheduleFigures figures = f.repo.figures(s.id);
    QCOMPARE(figures.runs, 4);
    QCOMPARE(figures.failures, 2);
    QCOMPARE(figures.lastRun, last);
}

void TestScheduleRepository::watchedFromIsTheLaterOfChangeAndLastRun()
{
    Fixture f;
    const Schedule s = f.insert(weekly(QStringLiteral("News")), 5000);
    QCOMPARE(f.repo.watchedFrom(s.id), 5000);
    f.add(run(s.id, 4000, ScheduleRun::Result::Done));
    QCOMPARE(f.repo.watchedFrom(s.id), 5000);
    f.add(run(s.id, 9000, ScheduleRun::Result::Done));
    QCOMPARE(f.repo.watchedFrom(s.id), 9000);
    QCOMPARE(f.repo.watchedFrom(s.id + 1), 0);
    QString error;
    QVERIFY2(f.repo.advanceWatchedFrom(s.id, 12000, &error), qPrintable(error));
    QCOMPARE(f.repo.watchedFrom(s.id), 12000);
    QVERIFY2(f.repo.advanceWatchedFrom(s.id, 7000, &error), qPrintable(error));
    QCOMPARE(f.repo.watchedFrom(s.id), 12000);
}

void TestScheduleRepository::resultNamesRoundTrip()
{
    for (const auto result :
        {ScheduleRun::Result::Done, ScheduleRun::Result::Failed, ScheduleRun::Result::Missed})
        QCOMPARE(scheduleRunResultFromName(scheduleRunResultName(result)), result);
    QCOMPARE(scheduleRunResultFromName(QStringLiteral("Done")), ScheduleRun::Result::Invalid);
}

QTEST_GUILESS_MAIN(TestScheduleRepository)
#include "tst_schedule_repository.moc"
