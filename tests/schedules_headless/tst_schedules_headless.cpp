// Schedules run by the headless program, in a process whose zone (America/New_York) is not the
// schedules' (Asia/Kolkata): a minute recorded from a few seconds ahead, a stopped channel started
// and stopped again, a disabled schedule due at the same instant left alone, and a recording
// whose program was killed with SIGKILL finished after the restart from what the buffer held.
// Set up through the engine in this process, observed in the database the program writes.
#include "Engine.h"
#include "HeadlessProcess.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>

using namespace panelx;
using namespace panelx::test;

namespace {

const QByteArray kZone = "Asia/Kolkata"; // UTC+05:30 all year
constexpr qint64 kKolkataOffsetMs = 19'800'000;

// The database as another process reads it.
class Rows {
public:
    explicit Rows(const QString &dataDir)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        m_db.setDatabaseName(dataDir + QStringLiteral("/panelx.db"));
        m_db.open();
    }
    ~Rows()
    {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
    // The first column of each row.
    QVariantList column(const QString &sql)
    {
        QSqlQuery query(m_db);
        QVariantList values;
        if (query.exec(sql))
            while (query.next())
                values << query.value(0);
        return values;
    }
    QVariant value(const QString &sql) { return column(sql).value(0); }

private:
    QSqlDatabase m_db;
};

// Once at `atUtcMs` in Asia/Kolkata: the wall clock there, seconds included.
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
    return s;
}

} // namespace

class TestSchedulesHeadless : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!QTimeZone(kZone).isValid() || !QTimeZone("America/New_York").isValid())
            QFAIL("The zone database is needed (the tzdata package).");
    }

    void schedulesRunInTheirOwnZoneAndSurviveAKill()
    {
        QTemporaryDir dir;
        // Whole seconds, far enough ahead for the program to start.
        const qint64 at = (QDateTime::currentMSecsSinceEpoch() / 1000 + 12) * 1000;
        const qint64 killedAt = at + 70'000;
        qint64 recorded = 0, killed = 0, started = 0, stopped = 0, disabled = 0;
        qint64 switched = 0, untouched = 0;
        {
            EngineThread running;
            EngineOptions options;
            options.dataDir = dir.path();
            options.httpPort = 0;
            options.listenAddress = QHostAddress::LocalHost;
            options.createDemoChannel = false;
            QCOMPARE(running.start(options), QString());
            Engine *engine = running.engine();
            QMetaObject::invokeMethod(
                engine,
                [&] {
                    const auto channel = [engine](const QString &name, bool enabled) {
                        ChannelConfig c;
                        c.name = name;
                        c.sourceUrl = kDemoSourceUrl;
                        c.segmentDurationMs = 1000;
                        c.enabled = enabled;
                        return engine->createChannel(c).channel.id;
                    };
                    const qint64 news = channel(QStringLiteral("News"), true);
                    const qint64 sport = channel(QStringLiteral("Sport"), true);
                    switched = channel(QStringLiteral("Switched"), false);
                    untouched = channel(QStringLiteral("Untouched"), false);
                    const auto create = [engine](const Schedule &s) {
                        return engine->createSchedule(s, false).schedule.id;
                    };
                    recorded = create(
                        onceAt(QStringLiteral("Minute"), ScheduleAction::Record, news, at, 1));
                    killed = create(onceAt(
                        QStringLiteral("Killed"), ScheduleAction::Record, sport, killedAt, 1));
                    started = create(
                        onceAt(QStringLiteral("Start"), ScheduleAction::Start, switched, at));
                    stopped = create(
                        onceAt(QStringLiteral("Stop"), ScheduleAction::Stop, switched, at + 5000));
                    Schedule off
                        = onceAt(QStringLiteral("Off"), ScheduleAction::Start, untouched, at);
                    off.enabled = false;
                    disabled = create(off);
                },
                Qt::BlockingQueuedConnection);
            QVERIFY(recorded > 0 && killed > 0 && started > 0 && stopped > 0 && disabled > 0);
            QVERIFY(running.stop());
        }
        // The instant the schedules name, worked out here from the zone's fixed offset.
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, QTimeZone(kZone));
        QCOMPARE(
            QDateTime(local.date(), local.time(), Qt::UTC).toMSecsSinceEpoch() - kKolkataOffsetMs,
            at);

        Rows rows(dir.path());
        const auto runs = [&](qint64 id, const QString &column) {
            return rows.column(QStringLiteral("SELECT %1 FROM schedule_runs WHERE schedule_id = "
                                              "%2 ORDER BY id")
                                   .arg(column)
                                   .arg(id));
        };
        const auto recordingOf = [&](qint64 scheduleId) {
            return runs(scheduleId, QStringLiteral("recording_id")).value(0).toLongLong();
        };
        const auto recordingState = [&](qint64 id) {
            return rows.value(QStringLiteral("SELECT state FROM recordings WHERE id = %1").arg(id))
                .toString();
        };
        const quint16 port = freeTcpPort();
        {
            HeadlessProcess panelx(dir.path(), port, QStringLiteral("America/New_York"));
            QVERIFY(panelx.start());
            QVERIFY(waitFor([&] { return runs(stopped, "result").size() == 1; }, 40000));
            for (const qint64 id : {recorded, started, stopped}) {
                QCOMPARE(runs(id, "result"), QVariantList {"done"});
                QCOMPARE(runs(id, "planned_utc_ms").value(0).toLongLong(),
                    id == stopped ? at + 5000 : at);
                const qint64 late = runs(id, "actual_utc_ms").value(0).toLongLong()
                    - runs(id, "planned_utc_ms").value(0).toLongLong();
                QVERIFY2(late >= 0 && late < 1500, qPrintable(QString::number(late)));
            }
            QVERIFY(runs(disabled, "id").isEmpty());
            QCOMPARE(
                rows.value(
                        QStringLiteral("SELECT enabled FROM channels WHERE id = %1").arg(switched))
                    .toInt(),
                0);
            QCOMPARE(
                rows.value(
                        QStringLiteral("SELECT enabled FROM channels WHERE id = %1").arg(untouched))
                    .toInt(),
                0);

            // The minute: done, 60 ± 2 s long (partial when the generated source, on a loaded
            // machine, fell behind for a moment: the gaps are the source's, the range is whole).
            const qint64 minute = recordingOf(recorded);
            QVERIFY(minute > 0);
            QVERIFY2(waitFor(
                         [&] {
                             const QString state = recordingState(minute);
                             return state == "finished" || state == "partial";
                         },
                         120000),
                qPrintable(recordingState(minute)));
            const qint64 ms = rows.value(QStringLiteral("SELECT end_utc_ms - start_utc_ms FROM "
                                                        "recordings WHERE id = %1")
                                             .arg(minute))
                                  .toLongLong();
            QVERIFY2(qAbs(ms - 60'000) <= 2000, qPrintable(QString::number(ms)));

            // Killed 15 s into the second scheduled recording.
            QVERIFY(waitFor(
                [&] {
                    const qint64 id = recordingOf(killed);
                    return id > 0
                        && rows.value(QStringLiteral("SELECT count(*) FROM segments WHERE "
                                                     "channel_id = (SELECT channel_id FROM "
                                                     "recordings WHERE id = %1) AND "
                                                     "start_utc_ms >= %2")
                                          .arg(id)
                                          .arg(killedAt))
                               .toInt()
                        >= 15;
                },
                60000));
            panelx.signal(SIGKILL);
            QCOMPARE(panelx.process().exitStatus(), QProcess::CrashExit);
        }
        const qint64 second = recordingOf(killed);
        HeadlessProcess panelx(dir.path(), port, QStringLiteral("America/New_York"));
        QVERIFY(panelx.start());
        QVERIFY2(waitFor(
                     [&] {
                         const QString state = recordingState(second);
                         return state == "finished" || state == "partial";
                     },
                     120000),
            qPrintable(recordingState(second)));
        // Run once, not again after the restart, and nothing else ran.
        QCOMPARE(runs(killed, "result"), QVariantList {"done"});
        QCOMPARE(rows.value("SELECT count(*) FROM recordings").toInt(), 2);
        // Its range is the whole segments it holds: from the one the planned start fell in.
        const qint64 start
            = rows.value(QStringLiteral("SELECT start_utc_ms FROM recordings WHERE id = %1")
                             .arg(second))
                  .toLongLong();
        QVERIFY2(start <= killedAt && killedAt - start < 1000, qPrintable(QString::number(start)));
        QVERIFY(runs(disabled, "id").isEmpty());
        panelx.signal(SIGTERM);
        QCOMPARE(panelx.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(rows.value("PRAGMA integrity_check").toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestSchedulesHeadless)
#include "tst_schedules_headless.moc"
