// The schedules through a real engine on its own thread (real SQLite, the "demo:" generated
// source): the facade's outcomes, the runner's timer, and what runs, fails or is missed around
// downtime. Instants are seconds ahead of the wall clock; everything waits on signals.
#include "Engine.h"
#include "TestSupport.h"
#include "schedule/ScheduleRunner.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace panelx;
using namespace panelx::test;

namespace {

const QByteArray kZone = "Asia/Kolkata";

// A schedule `action` of `channelId` once at `atUtcMs` (whole seconds), in Asia/Kolkata.
Schedule onceAt(
    const QString &name, ScheduleAction action, qint64 channelId, qint64 atUtcMs, int minutes = 0)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(atUtcMs, QTimeZone(kZone));
    Schedule s;
    s.name = name;
    s.action = action;
    s.channelId = channelId;
    s.firstDate = local.date();
    s.startTime = local.time();
    s.timeZoneId = kZone;
    s.durationMinutes = minutes;
    s.recurrence = Recurrence::Once;
    return s;
}

// Whole seconds, at least `seconds` from now.
qint64 secondsAhead(int seconds)
{
    return (QDateTime::currentMSecsSinceEpoch() / 1000 + seconds + 1) * 1000;
}

} // namespace

class TestScheduleRunner : public QObject {
    Q_OBJECT

    template<typename Call> auto onEngine(Call call)
    {
        decltype(call()) result;
        QMetaObject::invokeMethod(
            m_engine, [&] { result = call(); }, Qt::BlockingQueuedConnection);
        return result;
    }

    void startEngine(const ScheduleSettings &settings = {})
    {
        EngineOptions options;
        options.dataDir = m_dir->path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        options.createDemoChannel = false;
        options.schedules = settings;
        const QString failure = m_running.start(options);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_engine = m_running.engine();
    }

    ChannelConfig addChannel(const QString &name, bool enabled)
    {
        ChannelConfig channel;
        channel.name = name;
        channel.sourceUrl = kDemoSourceUrl;
        channel.segmentDurationMs = 1000;
        channel.enabled = enabled;
        const ChannelChange change = onEngine([&] { return m_engine->createChannel(channel); });
        if (!change.ok())
            qFatal("cannot add a channel: %s", qPrintable(change.error));
        return change.channel;
    }

    Schedule create(const Schedule &schedule, bool force = false)
    {
        const ScheduleChange change
            = onEngine([&] { return m_engine->createSchedule(schedule, force); });
        if (!change.ok())
            qFatal("cannot create a schedule: %s %s", qPrintable(change.error),
                change.problems.isEmpty() ? "" : qPrintable(change.problems.first().message));
        return change.schedule;
    }

    bool channelEnabled(qint64 id)
    {
        for (const ChannelConfig &channel : onEngine([&] { return m_engine->channels(); }))
            if (channel.id == id)
                return channel.enabled;
        return false;
    }

    // Moves back the instant from which the runner answers for a stored schedule, as if the
    // program had been down since then (the engine must be stopped).
    void downSince(qint64 scheduleId, qint64 utcMs)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "edit");
        db.setDatabaseName(m_dir->filePath(QStringLiteral("panelx.db")));
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE schedules SET watched_from_utc_ms = %1 "
                                              "WHERE id = %2")
                                   .arg(utcMs)
                                   .arg(scheduleId)));
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        QVERIFY(m_running.stop());
        m_engine = nullptr;
        m_dir.reset();
    }

    void facadeOutcomes()
    {
        startEngine(ScheduleSettings {1, 1});
        const ChannelConfig channel = addChannel(QStringLiteral("News"), false);
        QSignalSpy added(m_engine, &Engine::scheduleAdded);
        QSignalSpy updated(m_engine, &Engine::scheduleUpdated);
        QSignalSpy removed(m_engine, &Engine::scheduleRemoved);

        Schedule bad
            = onceAt(QString(), ScheduleAction::Record, channel.id + 7, secondsAhead(3600), 60);
        const ScheduleChange invalid
            = onEngine([&] { return m_engine->createSchedule(bad, false); });
        QCOMPARE(invalid.outcome, ScheduleChange::Outcome::Invalid);
        QStringList fields;
        for (const FieldError &problem : invalid.problems)
            fields << problem.field;
        QCOMPARE(fields, (QStringList {schedulefield::name, schedulefield::channel}));
        QVERIFY(invalid.problems.last().message.contains(QStringLiteral("Channels page")));

        // Two recordings at once where one is allowed: the second needs force.
        const qint64 at = secondsAhead(7200);
        const Schedule first
            = create(onceAt(QStringLiteral("B first"), ScheduleAction::Record, channel.id, at, 60));
        Schedule second = onceAt(
            QStringLiteral("A second"), ScheduleAction::Record, channel.id, at + 600'000, 60);
        QCOMPARE(onEngine([&] { return m_engine->conflictsWith(second); }).size(), 1);
        const ScheduleChange refused
            = onEngine([&] { return m_engine->createSchedule(second, false); });
        QCOMPARE(refused.outcome, ScheduleChange::Outcome::Conflicting);
        QCOMPARE(refused.conflicts.size(), 1);
        QCOMPARE(refused.conflicts.first().kind, ConflictKind::Recordings);
        QVERIFY(refused.conflicts.first().involves(first.id));
        QCOMPARE(added.size(), 1);
        second = create(second, true);
        QCOMPARE(added.size(), 2);
        QCOMPARE(onEngine([&] { return m_engine->scheduleConflicts(); }).size(), 1);
        QVERIFY(onEngine([&] { return m_engine->scheduleFigures(second.id); }).conflicted);
        QCOMPARE(onEngine([&] { return m_engine->schedules(); }),
            (QList<Schedule> {second, first})); // by name
        const ScheduleFigures figures
            = onEngine([&] { return m_engine->scheduleFigures(first.id); });
        QCOMPARE(figures.runs, 0);
        QVERIFY(figures.nextRun);
        QCOMPARE(figures.nextRun->paddedStartUtcMs, at);

        // Disabled, it neither conflicts nor has a next run; enabling it again only saves.
        const ScheduleChange disabled
            = onEngine([&] { return m_engine->enableSchedule(second.id, false); });
        QVERIFY(disabled.ok());
        QCOMPARE(updated.size(), 1);
        QVERIFY(onEngine([&] { return m_engine->scheduleConflicts(); }).isEmpty());
        QVERIFY(!onEngine([&] { return m_engine->scheduleFigures(second.id); }).nextRun);
        QVERIFY(onEngine([&] { return m_engine->enableSchedule(second.id, true); }).ok());
        QCOMPARE(onEngine([&] { return m_engine->scheduleConflicts(); }).size(), 1);

        // A channel with a schedule is not deleted: the schedule would have nowhere to run.
        const ChannelConfig kept = addChannel(QStringLiteral("Kept"), false);
        const Schedule pending = create(
            onceAt(QStringLiteral("Pending"), ScheduleAction::Start, kept.id, at + 86'400'000));
        const ChannelChange keptChange = onEngine([&] { return m_engine->deleteChannel(kept.id); });
        QCOMPARE(keptChange.outcome, ChannelChange::Outcome::Refused);
        QVERIFY2(keptChange.error.contains(QStringLiteral("1 schedule"))
                && keptChange.error.contains(QStringLiteral("Schedules page")),
            qPrintable(keptChange.error));
        QVERIFY(onEngine([&] { return m_engine->deleteSchedule(pending.id); }).ok());
        QVERIFY(onEngine([&] { return m_engine->deleteChannel(kept.id); }).ok());

        QVERIFY(onEngine([&] { return m_engine->deleteSchedule(second.id); }).ok());
        QCOMPARE(removed.size(), 2);
        QCOMPARE(onEngine([&] { return m_engine->deleteSchedule(second.id); }).outcome,
            ScheduleChange::Outcome::NotFound);
        QVERIFY(onEngine([&] { return m_engine->scheduleConflicts(); }).isEmpty());

        // The stored schedule survives a restart as it was saved, seconds and all.
        QVERIFY(m_running.stop());
        startEngine();
        QCOMPARE(onEngine([&] { return m_engine->schedules(); }), QList<Schedule> {first});
    }

    void runnerArmsAtTheNextEventAndHandsItOnThen()
    {
        ScheduleRunner runner;
        QSignalSpy due(&runner, &ScheduleRunner::due);
        QSignalSpy armed(&runner, &ScheduleRunner::armed);
        const qint64 at = secondsAhead(2);
        Schedule enabled = onceAt(QStringLiteral("on"), ScheduleAction::Start, 1, at);
        enabled.id = 1;
        Schedule disabled = enabled;
        disabled.id = 2;
        disabled.enabled = false;
        Schedule later = onceAt(QStringLiteral("later"), ScheduleAction::Stop, 1, at + 3'600'000);
        later.id = 3;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        runner.watch(later, now);
        runner.watch(disabled, now);
        runner.watch(enabled, now);
        QTRY_COMPARE_WITH_TIMEOUT(runner.armedAtUtcMs(), at, 5000);
        QCOMPARE(runner.watchedCount(), 2); // the disabled one is not watched
        QVERIFY(due.isEmpty());
        QVERIFY(due.wait(10000));
        const qint64 woke = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(woke >= at && woke - at < 1000, qPrintable(QString::number(woke - at)));
        const auto events = due.first().first().value<QList<ScheduleEvent>>();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, ScheduleEvent::Kind::Begin);
        QCOMPARE(events.first().occurrence.scheduleId, 1);
        QCOMPARE(events.first().atUtcMs(), at);
        QCOMPARE(runner.armedAtUtcMs(), at + 3'600'000);
        runner.forget(3);
        QTRY_COMPARE(runner.armedAtUtcMs(), 0);
    }

    void runnerHandsOnWhatFellDueSinceInOrder()
    {
        ScheduleRunner runner;
        QSignalSpy due(&runner, &ScheduleRunner::due);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Daily, held 30 minutes, from 3 days and an hour ago: four begins, each with its end.
        Schedule daily = onceAt(QStringLiteral("daily"), ScheduleAction::Stop, 1,
            (now - 3 * 86'400'000 - 3'600'000) / 1000 * 1000, 30);
        daily.id = 9;
        daily.recurrence = Recurrence::Daily;
        runner.watch(daily, now - 3 * 86'400'000 - 3'600'000 - 1000);
        QVERIFY(due.wait(5000));
        const auto events = due.first().first().value<QList<ScheduleEvent>>();
        QList<ScheduleEvent::Kind> kinds;
        qint64 previous = 0;
        for (const ScheduleEvent &event : events) {
            kinds << event.kind;
            QVERIFY(event.atUtcMs() >= previous);
            previous = event.atUtcMs();
        }
        using K = ScheduleEvent::Kind;
        QCOMPARE(kinds,
            (QList<K> {K::Begin, K::End, K::Begin, K::End, K::Begin, K::End, K::Begin, K::End}));
        QVERIFY(runner.armedAtUtcMs() > now);
    }

    void startsAndStopsAStoppedChannel()
    {
        startEngine();
        const ChannelConfig channel = addChannel(QStringLiteral("Sport"), false);
        QSignalSpy ran(m_engine, &Engine::scheduleRan);
        const qint64 at = secondsAhead(2);
        const Schedule start
            = create(onceAt(QStringLiteral("Start"), ScheduleAction::Start, channel.id, at));
        const Schedule stop
            = create(onceAt(QStringLiteral("Stop"), ScheduleAction::Stop, channel.id, at + 2000));
        QVERIFY(!channelEnabled(channel.id));
        QTRY_COMPARE_WITH_TIMEOUT(ran.size(), 1, 10000);
        const auto started = ran.first().first().value<ScheduleRun>();
        QCOMPARE(started.scheduleId, start.id);
        QCOMPARE(started.result, ScheduleRun::Result::Done);
        QCOMPARE(started.plannedUtcMs, at);
        QVERIFY(started.actualUtcMs >= at && started.actualUtcMs - at < 1500);
        QVERIFY(started.reason.contains(QStringLiteral("Sport")));
        QVERIFY(channelEnabled(channel.id));
        QTRY_COMPARE_WITH_TIMEOUT(ran.size(), 2, 10000);
        const auto stopped = ran.last().first().value<ScheduleRun>();
        QCOMPARE(stopped.scheduleId, stop.id);
        QCOMPARE(stopped.result, ScheduleRun::Result::Done);
        QVERIFY(!channelEnabled(channel.id));
        QCOMPARE(onEngine([&] { return m_engine->scheduleRuns(start.id, 10); }),
            QList<ScheduleRun> {started});
        const ScheduleFigures figures
            = onEngine([&] { return m_engine->scheduleFigures(stop.id); });
        QCOMPARE(figures.runs, 1);
        QCOMPARE(figures.failures, 0);
        QCOMPARE(figures.lastRun, stopped);
        QVERIFY(!figures.nextRun);
    }

    void aDisabledScheduleDoesNotRunBesideAnEnabledOne()
    {
        startEngine();
        const ChannelConfig a = addChannel(QStringLiteral("A"), false);
        const ChannelConfig b = addChannel(QStringLiteral("B"), false);
        QSignalSpy ran(m_engine, &Engine::scheduleRan);
        const qint64 at = secondsAhead(2);
        Schedule off = onceAt(QStringLiteral("Off"), ScheduleAction::Start, b.id, at);
        off.enabled = false;
        off = create(off);
        const Schedule on = create(onceAt(QStringLiteral("On"), ScheduleAction::Start, a.id, at));
        QTRY_COMPARE_WITH_TIMEOUT(ran.size(), 1, 10000);
        QCOMPARE(ran.first().first().value<ScheduleRun>().scheduleId, on.id);
        // Both were due in the same wake-up: had the disabled one run, it would be here by now.
        QVERIFY(channelEnabled(a.id));
        QVERIFY(!channelEnabled(b.id));
        QVERIFY(onEngine([&] { return m_engine->scheduleRuns(off.id, 0); }).isEmpty());
    }

    void afterDowntimeMissedAreLoggedAndTheOneInProgressRecordsFromItsStart()
    {
        startEngine();
        const ChannelConfig channel = addChannel(QStringLiteral("News"), true);
        const ChannelConfig stopped = addChannel(QStringLiteral("Stopped"), false);
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        // Daily starts of a stopped channel, an hour ago: yesterday's and today's were missed.
        Schedule starts
            = onceAt(QStringLiteral("Starts"), ScheduleAction::Start, stopped.id, now - 3'600'000);
        starts.recurrence = Recurrence::Daily;
        starts.firstDate = starts.firstDate.addDays(-1);
        starts = create(starts);
        // A 5-minute recording with a minute's padding that began 2 minutes ago.
        Schedule record = onceAt(
            QStringLiteral("Record"), ScheduleAction::Record, channel.id, now - 120'000, 5);
        record.paddingBeforeMinutes = 1;
        record = create(record);
        QVERIFY(m_running.stop());
        downSince(starts.id, now - 2 * 86'400'000);
        downSince(record.id, now - 2 * 86'400'000);

        startEngine();
        const auto runsOf
            = [this](qint64 id) { return onEngine([&] { return m_engine->scheduleRuns(id, 0); }); };
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(starts.id).size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(record.id).size(), 1, 10000);
        const QList<ScheduleRun> missed = runsOf(starts.id);
        QCOMPARE(missed.size(), 2);
        for (const ScheduleRun &run : missed) {
            QCOMPARE(run.result, ScheduleRun::Result::Missed);
            QCOMPARE(run.actualUtcMs, 0);
            QVERIFY(run.reason.contains(QStringLiteral("not made up")));
        }
        QCOMPARE(missed.first().plannedUtcMs, now - 3'600'000);
        QCOMPARE(missed.last().plannedUtcMs, now - 3'600'000 - 86'400'000);
        QVERIFY(!channelEnabled(stopped.id));

        const QList<ScheduleRun> recorded = runsOf(record.id);
        QCOMPARE(recorded.size(), 1);
        QVERIFY2(recorded.first().result == ScheduleRun::Result::Done,
            qPrintable(recorded.first().reason));
        QCOMPARE(recorded.first().plannedUtcMs, now - 180'000);
        const auto recording = onEngine([&] {
            return m_engine->recording(recorded.first().recordingId).value_or(Recording {});
        });
        // From what the buffer holds (since the channel was added, after the padded start)
        // to the padded end, in whole minutes.
        QVERIFY(recording.startUtcMs >= now - 180'000 && recording.startUtcMs <= now + 5000);
        QVERIFY(recording.endUtcMs >= now + 180'000 && recording.endUtcMs < now + 240'000);

        // Once run, an occurrence is not run again at the next start.
        QVERIFY(m_running.stop());
        startEngine();
        QSignalSpy again(m_engine, &Engine::scheduleRan);
        const Schedule probe = create(
            onceAt(QStringLiteral("Probe"), ScheduleAction::Start, stopped.id, secondsAhead(1)));
        QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 10000);
        QCOMPARE(again.first().first().value<ScheduleRun>().scheduleId, probe.id);
        QCOMPARE(onEngine([&] { return m_engine->recordings(); }).size(), 1);
        QCOMPARE(runsOf(starts.id).size(), 2);
        QCOMPARE(runsOf(record.id).size(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    EngineThread m_running;
    Engine *m_engine = nullptr;
};

QTEST_GUILESS_MAIN(TestScheduleRunner)
#include "tst_schedule_runner.moc"
