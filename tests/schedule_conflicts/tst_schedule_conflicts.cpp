// Colliding plans, as tables: a channel stopped while it is started or recorded, more
// recordings or ABR transcodes at once than allowed, a week of recordings beyond the free DVR
// quota; each conflict names its schedules and occurrences, in a sentence (English and German).
#include "schedule/Conflicts.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace panelx;

Q_DECLARE_METATYPE(panelx::ConflictLimits)

namespace {

constexpr qint64 kMegabyte = 1'000'000;

qint64 utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch();
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// Tuesday; the horizon runs to the next Tuesday 00:00 UTC.
const qint64 kNow = utc(QStringLiteral("2026-12-01T00:00:00Z"));

// In UTC, so the expected instants read as the schedule's times. `date` empty: daily from now.
Schedule make(qint64 id, ScheduleAction action, qint64 channel, const QString &time, int minutes,
    const QString &date = {})
{
    Schedule s;
    s.id = id;
    s.name = QStringLiteral("S%1").arg(id);
    s.action = action;
    s.channelId = channel;
    s.timeZoneId = "UTC";
    s.startTime = QTime::fromString(time, QStringLiteral("HH:mm"));
    s.durationMinutes = minutes;
    s.recurrence = date.isEmpty() ? Recurrence::Daily : Recurrence::Once;
    s.firstDate = date.isEmpty() ? QDate(2026, 11, 1) : QDate::fromString(date, Qt::ISODate);
    return s;
}

Schedule record(qint64 id, qint64 channel, const QString &time, int minutes,
    const QString &date = QStringLiteral("2026-12-01"), int before = 0, int after = 0)
{
    Schedule s = make(id, ScheduleAction::Record, channel, time, minutes, date);
    s.paddingBeforeMinutes = before;
    s.paddingAfterMinutes = after;
    return s;
}

Schedule start(qint64 id, qint64 channel, const QString &time, int minutes,
    const QString &date = QStringLiteral("2026-12-01"))
{
    return make(id, ScheduleAction::Start, channel, time, minutes, date);
}

Schedule stop(qint64 id, qint64 channel, const QString &time, int minutes,
    const QString &date = QStringLiteral("2026-12-01"))
{
    return make(id, ScheduleAction::Stop, channel, time, minutes, date);
}

QString kindName(ConflictKind kind)
{
    switch (kind) {
    case ConflictKind::StartStop:
        return QStringLiteral("start-stop");
    case ConflictKind::Recordings:
        return QStringLiteral("recordings");
    case ConflictKind::Transcodes:
        return QStringLiteral("transcodes");
    case ConflictKind::Quota:
        return QStringLiteral("quota");
    case ConflictKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

// "recordings 1,2,3 2026-12-01T20:30:00Z..2026-12-01T21:00:00Z x3": kind, schedules, when,
// how many occurrences.
QString text(const Conflict &conflict)
{
    QStringList ids;
    for (qint64 id : conflict.scheduleIds)
        ids.append(QString::number(id));
    return QStringLiteral("%1 %2 %3..%4 x%5")
        .arg(kindName(conflict.kind), ids.join(u','), utcText(conflict.fromUtcMs),
            utcText(conflict.toUtcMs))
        .arg(conflict.occurrences.size());
}

ConflictLimits limits(int maxRecordings, int maxTranscodes = 0)
{
    ConflictLimits l;
    l.maxRecordings = maxRecordings;
    l.maxTranscodes = maxTranscodes;
    return l;
}

ConflictLimits abr(ConflictLimits l, QList<qint64> channels)
{
    for (qint64 channel : channels)
        l.channels[channel].abr = true;
    return l;
}

ConflictLimits quota(qint64 freeBytes, qint64 bytesPerMinute)
{
    ConflictLimits l;
    l.freeQuotaBytes = freeBytes;
    for (qint64 channel : {1, 2, 3})
        l.channels[channel].bytesPerMinute = bytesPerMinute;
    return l;
}

} // namespace

class TestScheduleConflicts : public QObject {
    Q_OBJECT
private slots:
    void find_data()
    {
        QTest::addColumn<QList<Schedule>>("schedules");
        QTest::addColumn<ConflictLimits>("limits");
        QTest::addColumn<QStringList>("expected");
        using L = QList<Schedule>;
        const auto R = ScheduleAction::Record;

        QTest::newRow("nothing collides")
            << L {record(1, 1, "20:00", 60), record(2, 2, "21:00", 60)} << limits(1)
            << QStringList {};

        // A channel started and stopped.
        QTest::newRow("a stop inside a held start")
            << L {start(1, 1, "18:00", 240), stop(2, 1, "20:00", 0)} << limits(0)
            << QStringList {"start-stop 1,2 2026-12-01T20:00:00Z..2026-12-01T20:00:00Z x2"};
        QTest::newRow("a recording while the channel is held stopped")
            << L {stop(1, 1, "01:00", 300), record(2, 1, "05:00", 30)} << limits(0)
            << QStringList {"start-stop 1,2 2026-12-01T05:00:00Z..2026-12-01T05:30:00Z x2"};
        QTest::newRow("a stop and a start at one instant")
            << L {start(1, 1, "06:00", 0), stop(2, 1, "06:00", 0)} << limits(0)
            << QStringList {"start-stop 1,2 2026-12-01T06:00:00Z..2026-12-01T06:00:00Z x2"};
        QTest::newRow("stopped at night, started in the morning, every day") << L {
            make(1, ScheduleAction::Stop, 1, "01:00", 0),
            make(2, ScheduleAction::Start, 1, "06:00", 0)} << limits(0) << QStringList {};
        QTest::newRow("the padding before a recording meets a stop's end")
            << L {stop(1, 1, "01:00", 300), record(2, 1, "06:00", 30, "2026-12-01", 5)} << limits(0)
            << QStringList {"start-stop 1,2 2026-12-01T05:55:00Z..2026-12-01T06:00:00Z x2"};
        QTest::newRow("other channels are no matter")
            << L {start(1, 1, "18:00", 240), stop(2, 2, "20:00", 0)} << limits(0) << QStringList {};

        // More recordings at once than allowed.
        QTest::newRow("three where two may run")
            << L {record(1, 1, "19:30", 90), record(2, 2, "20:00", 60), record(3, 3, "20:30", 90),
                   record(4, 1, "23:00", 60)}
            << limits(2)
            << QStringList {"recordings 1,2,3 2026-12-01T20:30:00Z..2026-12-01T21:00:00Z x3"};
        QTest::newRow("back to back is no overlap") << L {record(1, 1, "19:00", 60),
            record(2, 2, "20:00", 60)} << limits(1) << QStringList {};
        QTest::newRow("padding makes them overlap")
            << L {record(1, 1, "19:00", 60, "2026-12-01", 0, 5),
                   record(2, 2, "20:00", 60, "2026-12-01", 5, 0)}
            << limits(1)
            << QStringList {"recordings 1,2 2026-12-01T19:55:00Z..2026-12-01T20:05:00Z x2"};
        QTest::newRow("no limit") << L {record(1, 1, "20:00", 60), record(2, 2, "20:00", 60)}
                                  << limits(0) << QStringList {};
        QList<Schedule> daily {make(1, R, 1, "20:00", 60), make(2, R, 2, "20:30", 60)};
        QStringList everyDay;
        for (int day = 1; day <= 7; ++day)
            everyDay.append(QStringLiteral("recordings 1,2 2026-12-%1T20:30:00Z..2026-12-%1T21:00:"
                                           "00Z x2")
                                .arg(day, 2, 10, QLatin1Char('0')));
        QTest::newRow("two daily ones, every day of the week") << daily << limits(1) << everyDay;
        daily[1].enabled = false;
        QTest::newRow("a disabled schedule takes part in nothing")
            << daily << limits(1) << QStringList {};

        // ABR transcodes, per channel.
        QTest::newRow("two ABR channels where one may transcode")
            << L {record(1, 1, "20:00", 60), start(2, 2, "20:30", 90), record(3, 3, "20:00", 60)}
            << abr(limits(0, 1), {1, 2})
            << QStringList {"transcodes 1,2 2026-12-01T20:30:00Z..2026-12-01T21:00:00Z x2"};
        QTest::newRow("one ABR channel recorded twice transcodes once")
            << L {record(1, 1, "20:00", 60), record(2, 1, "20:30", 60)} << abr(limits(0, 1), {1})
            << QStringList {};
        QTest::newRow("a start that is not held runs until its channel's stop")
            << L {start(1, 2, "10:00", 0), stop(2, 2, "12:00", 0), record(3, 1, "11:00", 30),
                   record(4, 1, "13:00", 30)}
            << abr(limits(0, 1), {1, 2})
            << QStringList {"transcodes 1,3 2026-12-01T11:00:00Z..2026-12-01T11:30:00Z x2"};

        // The week's bytes against the free quota (1 MB a minute).
        QTest::newRow("from the fourth day on they do not fit")
            << L {make(1, R, 1, "20:00", 30)} << quota(100 * kMegabyte, kMegabyte)
            << QStringList {"quota 1 2026-12-04T20:00:00Z..2026-12-08T00:00:00Z x4"};
        QTest::newRow("a channel recorded twice at once counts once")
            << L {record(1, 1, "20:00", 60), record(2, 1, "20:30", 60)}
            << quota(90 * kMegabyte, kMegabyte) << QStringList {};
        QTest::newRow("two channels at once count twice")
            << L {record(1, 1, "20:00", 60), record(2, 2, "20:30", 60)}
            << quota(90 * kMegabyte, kMegabyte)
            << QStringList {"quota 2 2026-12-01T20:30:00Z..2026-12-08T00:00:00Z x1"};
        QTest::newRow("of one in progress only what is left counts")
            << L {record(1, 1, "23:00", 120, "2026-11-30")} << quota(60 * kMegabyte, kMegabyte)
            << QStringList {};
        QTest::newRow("beyond the week is no matter")
            << L {record(1, 1, "20:00", 120, "2026-12-08")} << quota(60 * kMegabyte, kMegabyte)
            << QStringList {};
    }
    void find()
    {
        QFETCH(QList<Schedule>, schedules);
        QFETCH(ConflictLimits, limits);
        QFETCH(QStringList, expected);
        for (const Schedule &s : schedules)
            QVERIFY2(ScheduleValidator::validate(s).isEmpty(),
                qPrintable(ScheduleValidator::validate(s).value(0).message));
        const QList<Conflict> conflicts = Conflicts::find(schedules, limits, kNow);
        QStringList found;
        for (const Conflict &conflict : conflicts) {
            found.append(text(conflict));
            QVERIFY(!conflict.message.isEmpty());
            for (const Occurrence &o : conflict.occurrences)
                QVERIFY(conflict.involves(o.scheduleId));
        }
        QCOMPARE(found, expected);
    }

    void sentences()
    {
        // In Berlin: the times are the schedule's local ones, the names are the schedules'.
        QList<Schedule> schedules {
            record(1, 1, "19:30", 90), record(2, 2, "20:00", 60), record(3, 3, "20:30", 90)};
        for (Schedule &s : schedules)
            s.timeZoneId = "Europe/Berlin";
        schedules[0].name = QStringLiteral("News");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QList<Conflict> conflicts = Conflicts::find(schedules, limits(2), kNow);
        QCOMPARE(conflicts.size(), 1);
        const QString message = conflicts.first().message;
        QVERIFY2(message.contains(QStringLiteral("3 recordings would run at once at Tue 1 Dec "
                                                 "2026, 20:30 (Europe/Berlin), but at most 2 "
                                                 "may: “News”, “S2”, “S3”.")),
            qPrintable(message));

        // Of many schedules, the first few are named.
        QList<Schedule> many;
        for (int id = 1; id <= 7; ++id)
            many.append(record(id, id, "20:00", 30));
        const QList<Conflict> crowded = Conflicts::find(many, limits(1), kNow);
        QCOMPARE(crowded.size(), 1);
        QCOMPARE(crowded.first().scheduleIds, (QList<qint64> {1, 2, 3, 4, 5, 6, 7}));
        QVERIFY2(crowded.first().message.contains(QStringLiteral(
                     "“S1”, “S2”, “S3”, “S4”, “S5” and others (7 schedules in all)")),
            qPrintable(crowded.first().message));

        const QString catalogue
            = QStringLiteral(PANELX_TRANSLATIONS_DIR) + QStringLiteral("/panelx_de.qm");
        if (!QFileInfo::exists(catalogue))
            QSKIP("The German catalogue is built with the window (PANELX_UI=ON)");
        QTranslator translator;
        QVERIFY(translator.load(catalogue));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        ConflictLimits full = quota(10 * kMegabyte, kMegabyte);
        full.channels[1].name = QStringLiteral("Sport");
        const QList<Conflict> german
            = Conflicts::find({schedules[0], stop(4, 1, "19:00", 0, "2026-12-01")}, full, kNow);
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(german.size(), 2);
        QCOMPARE(german[0].kind, ConflictKind::StartStop);
        QVERIFY2(german[0].message.startsWith(QStringLiteral(
                     "„News“, „S4“ würden „Sport“ gleichzeitig stoppen und starten, am Di. 1. "
                     "Dez. 2026, 20:00 (Europe/Berlin).")),
            qPrintable(german[0].message));
        QCOMPARE(german[1].kind, ConflictKind::Quota);
        QVERIFY2(german[1].message.startsWith(QStringLiteral(
                     "Die Aufnahmen der kommenden 7 Tage brauchen etwa 90,0 MB, vom "
                     "DVR-Kontingent sind aber nur 10,0 MB frei; ab Di. 1. Dez. 2026, 19:30 "
                     "(Europe/Berlin) passen sie nicht mehr: „News“.")),
            qPrintable(german[1].message));
    }
};

QTEST_GUILESS_MAIN(TestScheduleConflicts)
#include "tst_schedule_conflicts.moc"
