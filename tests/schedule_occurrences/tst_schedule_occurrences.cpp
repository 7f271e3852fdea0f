// When schedules run, as tables: occurrences across the DST changes of four zones (a 1-hour
// shift in Berlin and New York, a 30-minute one on Lord Howe, none in Kolkata), weekday sets,
// last dates, local times that do not exist or exist twice, what downtime leaves in progress
// or missed; the schedules' validation; the recurrence in words, in English and German.
#include "schedule/Occurrences.h"
#include "schedule/RecurrenceText.h"
#include "schedule/Schedule.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace panelx;

namespace {

qint64 utc(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(at.isValid());
    return at.toMSecsSinceEpoch();
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// "once", "daily" or "weekly:mon,wed"; first and last dates as YYYY-MM-DD (last may be empty).
Schedule schedule(const QByteArray &zone, const QString &time, const QString &repeat,
    const QString &first, const QString &last = {})
{
    Schedule s;
    s.id = 7;
    s.name = QStringLiteral("News");
    s.channelId = 1;
    s.timeZoneId = zone;
    s.startTime = QTime::fromString(time, QStringLiteral("HH:mm"));
    s.firstDate = QDate::fromString(first, Qt::ISODate);
    s.lastDate = QDate::fromString(last, Qt::ISODate);
    const QString kind = repeat.section(u':', 0, 0);
    s.recurrence = recurrenceFromName(kind);
    s.weekdays = Weekdays::fromNames(repeat.section(u':', 1).split(u',', Qt::SkipEmptyParts));
    return s;
}

// "2026-03-29T01:00:00Z 2026-03-29T03:00:00+02:00 shifted"
QStringList texts(const QList<Occurrence> &occurrences)
{
    QStringList list;
    for (const Occurrence &o : occurrences) {
        QString text = utcText(o.startUtcMs) + u' ' + o.localStart().toString(Qt::ISODate);
        if (o.shifted)
            text += QStringLiteral(" shifted");
        list.append(text);
    }
    return list;
}

QString translationsDir()
{
    return QStringLiteral(PANELX_TRANSLATIONS_DIR);
}

} // namespace

class TestScheduleOccurrences : public QObject {
    Q_OBJECT
private slots:
    void next_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("repeat");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("expected");
        const QByteArray berlin("Europe/Berlin");
        const QByteArray newYork("America/New_York");
        const QByteArray lordHowe("Australia/Lord_Howe");
        const QByteArray kolkata("Asia/Kolkata");

        // Berlin: CET +01:00, CEST +02:00 from 2026-03-29 02:00 to 2026-10-25 03:00.
        QTest::newRow("Berlin 20:00 stays 20:00 when the clocks go forward")
            << berlin << "20:00"
            << "daily"
            << "2026-03-27"
            << ""
            << "2026-03-27T00:00:00Z" << 4
            << QStringList {"2026-03-27T19:00:00Z 2026-03-27T20:00:00+01:00",
                   "2026-03-28T19:00:00Z 2026-03-28T20:00:00+01:00",
                   "2026-03-29T18:00:00Z 2026-03-29T20:00:00+02:00",
                   "2026-03-30T18:00:00Z 2026-03-30T20:00:00+02:00"};
        QTest::newRow("Berlin 20:00 stays 20:00 when the clocks go back")
            << berlin << "20:00"
            << "daily"
            << "2026-10-01"
            << ""
            << "2026-10-24T12:00:00Z" << 3
            << QStringList {"2026-10-24T18:00:00Z 2026-10-24T20:00:00+02:00",
                   "2026-10-25T19:00:00Z 2026-10-25T20:00:00+01:00",
                   "2026-10-26T19:00:00Z 2026-10-26T20:00:00+01:00"};
        QTest::newRow("Berlin 02:30 does not exist on 29 March: runs at 03:00")
            << berlin << "02:30"
            << "daily"
            << "2026-03-28"
            << ""
            << "2026-03-27T00:00:00Z" << 3
            << QStringList {"2026-03-28T01:30:00Z 2026-03-28T02:30:00+01:00",
                   "2026-03-29T01:00:00Z 2026-03-29T03:00:00+02:00 shifted",
                   "2026-03-30T00:30:00Z 2026-03-30T02:30:00+02:00"};
        QTest::newRow("Berlin 02:00, the first minute of the gap, also runs at 03:00")
            << berlin << "02:00"
            << "once"
            << "2026-03-29"
            << ""
            << "2026-03-01T00:00:00Z" << 5
            << QStringList {"2026-03-29T01:00:00Z 2026-03-29T03:00:00+02:00 shifted"};
        QTest::newRow("Berlin 03:00 on 29 March exists")
            << berlin << "03:00"
            << "once"
            << "2026-03-29"
            << ""
            << "2026-03-01T00:00:00Z" << 5
            << QStringList {"2026-03-29T01:00:00Z 2026-03-29T03:00:00+02:00"};
        QTest::newRow("Berlin 02:30 exists twice on 25 October: runs once, at the first")
            << berlin << "02:30"
            << "daily"
            << "2026-10-24"
            << ""
            << "2026-10-23T00:00:00Z" << 3
            << QStringList {"2026-10-24T00:30:00Z 2026-10-24T02:30:00+02:00",
                   "2026-10-25T00:30:00Z 2026-10-25T02:30:00+02:00",
                   "2026-10-26T01:30:00Z 2026-10-26T02:30:00+01:00"};
        QTest::newRow("Berlin in the next year's March")
            << berlin << "02:15"
            << "once"
            << "2027-03-28"
            << ""
            << "2026-12-01T00:00:00Z" << 1
            << QStringList {"2027-03-28T01:00:00Z 2027-03-28T03:00:00+02:00 shifted"};

        QTest::newRow("Berlin in 2040, past the transitions Qt 6.4 lists in one go")
            << berlin << "02:30"
            << "once"
            << "2040-03-25"
            << ""
            << "2040-01-01T00:00:00Z" << 1
            << QStringList {"2040-03-25T01:00:00Z 2040-03-25T03:00:00+02:00 shifted"};
        QTest::newRow("Berlin from 2037 into 2038")
            << berlin << "20:00"
            << "daily"
            << "2037-12-30"
            << ""
            << "2037-12-29T00:00:00Z" << 4
            << QStringList {"2037-12-30T19:00:00Z 2037-12-30T20:00:00+01:00",
                   "2037-12-31T19:00:00Z 2037-12-31T20:00:00+01:00",
                   "2038-01-01T19:00:00Z 2038-01-01T20:00:00+01:00",
                   "2038-01-02T19:00:00Z 2038-01-02T20:00:00+01:00"};

        // New York: EST -05:00, EDT -04:00 from 2026-03-08 02:00 to 2026-11-01 02:00.
        QTest::newRow("New York 02:30 does not exist on 8 March: runs at 03:00")
            << newYork << "02:30"
            << "daily"
            << "2026-03-07"
            << ""
            << "2026-03-01T00:00:00Z" << 3
            << QStringList {"2026-03-07T07:30:00Z 2026-03-07T02:30:00-05:00",
                   "2026-03-08T07:00:00Z 2026-03-08T03:00:00-04:00 shifted",
                   "2026-03-09T06:30:00Z 2026-03-09T02:30:00-04:00"};
        QTest::newRow("New York 01:30 exists twice on 1 November: runs once, at the first")
            << newYork << "01:30"
            << "daily"
            << "2026-10-31"
            << ""
            << "2026-10-30T00:00:00Z" << 3
            << QStringList {"2026-10-31T05:30:00Z 2026-10-31T01:30:00-04:00",
                   "2026-11-01T05:30:00Z 2026-11-01T01:30:00-04:00",
                   "2026-11-02T06:30:00Z 2026-11-02T01:30:00-05:00"};
        QTest::newRow("New York Sundays at 20:00 across the spring change")
            << newYork << "20:00"
            << "weekly:sun"
            << "2026-02-25"
            << ""
            << "2026-02-25T00:00:00Z" << 3
            << QStringList {"2026-03-02T01:00:00Z 2026-03-01T20:00:00-05:00",
                   "2026-03-09T00:00:00Z 2026-03-08T20:00:00-04:00",
                   "2026-03-16T00:00:00Z 2026-03-15T20:00:00-04:00"};

        // Lord Howe: +10:30, +11:00 from 2026-10-04 02:00 (to 02:30) until 2026-04-05 02:00
        // (back to 01:30): the clock moves by 30 minutes.
        QTest::newRow("Lord Howe 02:15 does not exist on 4 October: runs at 02:30")
            << lordHowe << "02:15"
            << "daily"
            << "2026-10-03"
            << ""
            << "2026-10-01T00:00:00Z" << 3
            << QStringList {"2026-10-02T15:45:00Z 2026-10-03T02:15:00+10:30",
                   "2026-10-03T15:30:00Z 2026-10-04T02:30:00+11:00 shifted",
                   "2026-10-04T15:15:00Z 2026-10-05T02:15:00+11:00"};
        QTest::newRow("Lord Howe 01:45 exists twice on 5 April: runs once, at the first")
            << lordHowe << "01:45"
            << "daily"
            << "2026-04-04"
            << ""
            << "2026-04-01T00:00:00Z" << 3
            << QStringList {"2026-04-03T14:45:00Z 2026-04-04T01:45:00+11:00",
                   "2026-04-04T14:45:00Z 2026-04-05T01:45:00+11:00",
                   "2026-04-05T15:15:00Z 2026-04-06T01:45:00+10:30"};
        QTest::newRow("Lord Howe 20:00 stays 20:00 across the half-hour change")
            << lordHowe << "20:00"
            << "daily"
            << "2026-10-03"
            << ""
            << "2026-10-01T00:00:00Z" << 2
            << QStringList {"2026-10-03T09:30:00Z 2026-10-03T20:00:00+10:30",
                   "2026-10-04T09:00:00Z 2026-10-04T20:00:00+11:00"};

        // Kolkata: +05:30 all year; Europe's change days are ordinary days there.
        QTest::newRow("Kolkata has no change")
            << kolkata << "02:30"
            << "daily"
            << "2026-03-28"
            << ""
            << "2026-03-27T00:00:00Z" << 3
            << QStringList {"2026-03-27T21:00:00Z 2026-03-28T02:30:00+05:30",
                   "2026-03-28T21:00:00Z 2026-03-29T02:30:00+05:30",
                   "2026-03-29T21:00:00Z 2026-03-30T02:30:00+05:30"};

        // Weekday sets and last dates.
        QTest::newRow("Monday, Wednesday and Friday from a Tuesday")
            << berlin << "06:30"
            << "weekly:mon,wed,fri"
            << "2026-12-01"
            << ""
            << "2026-11-30T00:00:00Z" << 4
            << QStringList {"2026-12-02T05:30:00Z 2026-12-02T06:30:00+01:00",
                   "2026-12-04T05:30:00Z 2026-12-04T06:30:00+01:00",
                   "2026-12-07T05:30:00Z 2026-12-07T06:30:00+01:00",
                   "2026-12-09T05:30:00Z 2026-12-09T06:30:00+01:00"};
        QTest::newRow("weekdays end on the last date, a Saturday")
            << berlin << "20:00"
            << "weekly:mon,tue,wed,thu,fri"
            << "2026-12-03"
            << "2026-12-12"
            << "2026-12-01T00:00:00Z" << 10
            << QStringList {"2026-12-03T19:00:00Z 2026-12-03T20:00:00+01:00",
                   "2026-12-04T19:00:00Z 2026-12-04T20:00:00+01:00",
                   "2026-12-07T19:00:00Z 2026-12-07T20:00:00+01:00",
                   "2026-12-08T19:00:00Z 2026-12-08T20:00:00+01:00",
                   "2026-12-09T19:00:00Z 2026-12-09T20:00:00+01:00",
                   "2026-12-10T19:00:00Z 2026-12-10T20:00:00+01:00",
                   "2026-12-11T19:00:00Z 2026-12-11T20:00:00+01:00"};
        QTest::newRow("the last date's occurrence is the last")
            << berlin << "23:30"
            << "daily"
            << "2026-12-01"
            << "2026-12-02"
            << "2026-12-01T00:00:00Z" << 5
            << QStringList {"2026-12-01T22:30:00Z 2026-12-01T23:30:00+01:00",
                   "2026-12-02T22:30:00Z 2026-12-02T23:30:00+01:00"};
        QTest::newRow("a weekend from a Tuesday")
            << berlin << "14:00"
            << "weekly:sat,sun"
            << "2026-12-01"
            << ""
            << "2026-12-01T00:00:00Z" << 3
            << QStringList {"2026-12-05T13:00:00Z 2026-12-05T14:00:00+01:00",
                   "2026-12-06T13:00:00Z 2026-12-06T14:00:00+01:00",
                   "2026-12-12T13:00:00Z 2026-12-12T14:00:00+01:00"};
        QTest::newRow("a start exactly at `after` is not next")
            << berlin << "20:00"
            << "daily"
            << "2026-12-01"
            << ""
            << "2026-12-01T19:00:00Z" << 1
            << QStringList {"2026-12-02T19:00:00Z 2026-12-02T20:00:00+01:00"};
        QTest::newRow("a daily schedule started long ago")
            << berlin << "20:00"
            << "daily"
            << "2020-01-01"
            << ""
            << "2026-12-01T19:30:00Z" << 1
            << QStringList {"2026-12-02T19:00:00Z 2026-12-02T20:00:00+01:00"};
        QTest::newRow("once, ahead")
            << berlin << "20:00"
            << "once"
            << "2026-12-01"
            << ""
            << "2026-11-01T00:00:00Z" << 3
            << QStringList {"2026-12-01T19:00:00Z 2026-12-01T20:00:00+01:00"};
        QTest::newRow("once, past") << berlin << "20:00"
                                    << "once"
                                    << "2026-12-01"
                                    << ""
                                    << "2026-12-01T19:00:00Z" << 3 << QStringList {};
        QTest::newRow("a daily schedule that ended")
            << berlin << "20:00"
            << "daily"
            << "2026-11-01"
            << "2026-11-30"
            << "2026-12-01T00:00:00Z" << 3 << QStringList {};
        QTest::newRow("the local date differs from the UTC date")
            << QByteArray("Pacific/Auckland") << "07:00"
            << "daily"
            << "2026-12-02"
            << ""
            << "2026-11-30T00:00:00Z" << 1
            << QStringList {"2026-12-01T18:00:00Z 2026-12-02T07:00:00+13:00"};
    }
    void next()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, time);
        QFETCH(QString, repeat);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, after);
        QFETCH(int, count);
        QFETCH(QStringList, expected);
        const Schedule s = schedule(zone, time, repeat, first, last);
        QVERIFY2(ScheduleValidator::validate(s).isEmpty(),
            qPrintable(ScheduleValidator::validate(s).value(0).message));
        const QList<Occurrence> found = Occurrences::next(s, utc(after), count);
        QCOMPARE(texts(found), expected);
        for (const Occurrence &o : found) {
            QCOMPARE(o.scheduleId, s.id);
            // A recording lasts its minutes of elapsed time, also across a change.
            QCOMPARE(o.endUtcMs - o.startUtcMs, qint64(s.durationMinutes) * 60'000);
        }
        // The same occurrences one at a time, each from the previous one's start.
        qint64 from = utc(after);
        for (const QString &text : expected) {
            const QList<Occurrence> one = Occurrences::next(s, from, 1);
            QCOMPARE(texts(one), QStringList {text});
            from = one.first().startUtcMs;
        }
    }

    void qtResolvesGapsDifferently()
    {
        // Why Occurrences reads the transitions itself: Qt 6.4 makes the nonexistent 02:30 an
        // invalid QDateTime and the ambiguous one the later instant (see docs/decisions.md).
        const QTimeZone berlin("Europe/Berlin");
        const QDateTime ambiguous(QDate(2026, 10, 25), QTime(2, 30), berlin);
        const QList<Occurrence> ours
            = Occurrences::next(schedule("Europe/Berlin", "02:30", "once", "2026-10-25"), 0, 1);
        QCOMPARE(ours.size(), 1);
        QVERIFY(ours.first().startUtcMs <= ambiguous.toMSecsSinceEpoch());
        QCOMPARE(utcText(ours.first().startUtcMs), QStringLiteral("2026-10-25T00:30:00Z"));
    }

    void wallClock_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Berlin, winter") << QByteArray("Europe/Berlin") << "2026-12-01T19:00:00Z"
                                        << "2026-12-01T20:00:00+01:00";
        QTest::newRow("Berlin, the instant of the jump")
            << QByteArray("Europe/Berlin") << "2026-03-29T01:00:00Z"
            << "2026-03-29T03:00:00+02:00";
        QTest::newRow("Berlin, a moment before it")
            << QByteArray("Europe/Berlin") << "2026-03-29T00:59:00Z"
            << "2026-03-29T01:59:00+01:00";
        QTest::newRow("Lord Howe, summer")
            << QByteArray("Australia/Lord_Howe") << "2026-12-01T09:00:00Z"
            << "2026-12-01T20:00:00+11:00";
        QTest::newRow("Berlin, 2040") << QByteArray("Europe/Berlin") << "2040-07-01T12:00:00Z"
                                      << "2040-07-01T14:00:00+02:00";
        QTest::newRow("not a zone: UTC") << QByteArray("Berlin") << "2026-12-01T19:00:00Z"
                                         << "2026-12-01T19:00:00Z";
    }
    void wallClock()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, at);
        QFETCH(QString, expected);
        QCOMPARE(Occurrences::wallClock(zone, utc(at)).toString(Qt::ISODate), expected);
    }

    void inProgressAndMissed_data()
    {
        QTest::addColumn<QString>("from"); // last instant the runner was alive
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("inProgress"); // UTC start, or empty
        QTest::addColumn<QStringList>("missed"); // UTC starts
        // Daily at 20:00 Berlin (19:00Z), 60 minutes, 5 minutes' padding before, 10 after.
        QTest::newRow("down for a moment during one") << "2026-12-01T19:10:00Z"
                                                      << "2026-12-01T19:30:00Z"
                                                      << "2026-12-01T19:00:00Z" << QStringList {};
        QTest::newRow("back during the padding after") << "2026-12-01T18:00:00Z"
                                                       << "2026-12-01T20:05:00Z"
                                                       << "2026-12-01T19:00:00Z" << QStringList {};
        QTest::newRow("back as the padding ends: missed")
            << "2026-12-01T18:00:00Z"
            << "2026-12-01T20:10:00Z"
            << "" << QStringList {"2026-12-01T19:00:00Z"};
        QTest::newRow("back during the padding before: not started yet") << "2026-12-01T18:00:00Z"
                                                                         << "2026-12-01T18:57:00Z"
                                                                         << "" << QStringList {};
        QTest::newRow("down for days, back during one")
            << "2026-12-01T00:00:00Z"
            << "2026-12-04T19:30:00Z"
            << "2026-12-04T19:00:00Z"
            << QStringList {"2026-12-01T19:00:00Z", "2026-12-02T19:00:00Z", "2026-12-03T19:00:00Z"};
        QTest::newRow("one that started as the runner stopped was the runner's")
            << "2026-12-01T19:00:00Z"
            << "2026-12-02T12:00:00Z"
            << "" << QStringList {};
        QTest::newRow("across the spring change")
            << "2026-03-27T20:00:00Z"
            << "2026-03-30T12:00:00Z"
            << "" << QStringList {"2026-03-28T19:00:00Z", "2026-03-29T18:00:00Z"};
    }
    void inProgressAndMissed()
    {
        QFETCH(QString, from);
        QFETCH(QString, now);
        QFETCH(QString, inProgress);
        QFETCH(QStringList, missed);
        Schedule s = schedule("Europe/Berlin", "20:00", "daily", "2026-01-01");
        s.durationMinutes = 60;
        s.paddingBeforeMinutes = 5;
        s.paddingAfterMinutes = 10;
        QVERIFY(ScheduleValidator::validate(s).isEmpty());
        const std::optional<Occurrence> running = Occurrences::inProgressAt(s, utc(now));
        QCOMPARE(running ? utcText(running->startUtcMs) : QString(), inProgress);
        if (running)
            QCOMPARE(running->paddedEndUtcMs, running->startUtcMs + 70 * 60'000);
        QStringList missedStarts;
        for (const Occurrence &o : Occurrences::missedBetween(s, utc(from), utc(now)))
            missedStarts.append(utcText(o.startUtcMs));
        QCOMPARE(missedStarts, missed);
    }

    void switchesThatAreNotHeld()
    {
        // Start a channel at 06:00 UTC every day and leave it: never "in progress"; one due
        // exactly now is not missed (the runner runs it now).
        Schedule s = schedule("UTC", "06:00", "daily", "2026-12-01");
        s.action = ScheduleAction::Start;
        s.durationMinutes = 0;
        QVERIFY(ScheduleValidator::validate(s).isEmpty());
        const qint64 six = utc(QStringLiteral("2026-12-02T06:00:00Z"));
        QVERIFY(!Occurrences::inProgressAt(s, six));
        QVERIFY(!Occurrences::inProgressAt(s, six + 1000));
        QCOMPARE(Occurrences::missedBetween(s, six - 3 * 3600'000, six).size(), 0);
        QCOMPARE(Occurrences::missedBetween(s, six - 3 * 3600'000, six + 1).size(), 1);
        const QList<Occurrence> next = Occurrences::next(s, six - 1, 1);
        QCOMPARE(next.size(), 1);
        QVERIFY(next.first().isInstant());
        QCOMPARE(next.first().startUtcMs, six);
    }

    void overlappingCoversAWeek()
    {
        // A week view from Monday 00:00 Berlin: a recording running over midnight into it is
        // in, as is the padding of one that starts as the week ends.
        Schedule s = schedule("Europe/Berlin", "23:30", "daily", "2026-11-01");
        s.durationMinutes = 60;
        s.paddingBeforeMinutes = 10;
        const qint64 monday = utc(QStringLiteral("2026-11-30T00:00:00+01:00"));
        const qint64 nextMonday = monday + 7 * 24 * 3600'000LL;
        const QList<Occurrence> week = Occurrences::overlapping(s, monday, nextMonday);
        QCOMPARE(week.size(), 8);
        QCOMPARE(week.first().localDate, QDate(2026, 11, 29));
        QCOMPARE(week.last().localDate, QDate(2026, 12, 6));
        QCOMPARE(Occurrences::overlapping(s, monday, monday).size(), 0);
    }

    void invalidSchedulesHaveNoOccurrences()
    {
        Schedule noDays = schedule("Europe/Berlin", "20:00", "weekly", "2026-12-01");
        QVERIFY(Occurrences::next(noDays, 0, 5).isEmpty());
        Schedule noZone = schedule("Mars/Olympus_Mons", "20:00", "daily", "2026-12-01");
        QVERIFY(Occurrences::next(noZone, 0, 5).isEmpty());
        Schedule posixRule = schedule("Berlin", "20:00", "daily", "2026-12-01");
        QVERIFY(Occurrences::next(posixRule, 0, 5).isEmpty());
        Schedule noDate = schedule("Europe/Berlin", "20:00", "daily", "2026-02-30");
        QVERIFY(Occurrences::next(noDate, 0, 5).isEmpty());
    }

    void validation_data()
    {
        QTest::addColumn<Schedule>("schedule");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("hint"); // in the first message
        const Schedule good = schedule("Europe/Berlin", "20:00", "weekly:mon,fri", "2026-12-01");
        QTest::newRow("good") << good << QStringList {} << "";
        Schedule s = good;
        s.name = QStringLiteral("  ");
        QTest::newRow("no name") << s << QStringList {"name"} << "name";
        s = good;
        s.name = QString(101, u'x');
        QTest::newRow("long name") << s << QStringList {"name"} << "100";
        s = good;
        s.action = ScheduleAction::Invalid;
        QTest::newRow("no action") << s << QStringList {"action"} << "record";
        s = good;
        s.channelId = 0;
        QTest::newRow("no channel") << s << QStringList {"channel"} << "channel";
        s = good;
        s.firstDate = QDate(2026, 2, 30);
        QTest::newRow("impossible date") << s << QStringList {"start"} << "calendar";
        s = good;
        s.startTime = QTime(20, 0, 30);
        QTest::newRow("seconds") << s << QStringList {} << "";
        s = good;
        s.timeZoneId = "Europe/Berln";
        QTest::newRow("unknown zone") << s << QStringList {"timeZone"} << "Europe/Berln";
        s.timeZoneId = "Berlin"; // Qt alone would take it for a POSIX rule: UTC named Berlin
        QTest::newRow("a city without its area") << s << QStringList {"timeZone"} << "IANA";
        s.timeZoneId = "Asia/Calcutta";
        QTest::newRow("an older IANA name") << s << QStringList {} << "";
        s.timeZoneId = "UTC+01:00";
        QTest::newRow("an offset from UTC") << s << QStringList {} << "";
        s = good;
        s.timeZoneId.clear();
        QTest::newRow("no zone") << s << QStringList {"timeZone"} << "Europe/Berlin";
        s = good;
        s.durationMinutes = 0;
        QTest::newRow("record of 0 minutes") << s << QStringList {"minutes"} << "720";
        s.durationMinutes = 721;
        QTest::newRow("record of 721 minutes") << s << QStringList {"minutes"} << "721";
        s.action = ScheduleAction::Stop;
        s.durationMinutes = 0;
        QTest::newRow("a stop that is not held") << s << QStringList {} << "";
        s.durationMinutes = 1441;
        QTest::newRow("a stop held too long") << s << QStringList {"minutes"} << "1440";
        s = good;
        s.weekdays = Weekdays();
        QTest::newRow("weekly without weekdays") << s << QStringList {"weekdays"} << "weekday";
        s = good;
        s.recurrence = Recurrence::Invalid;
        QTest::newRow("no recurrence") << s << QStringList {"repeat"} << "weekly";
        s = good;
        s.lastDate = QDate(2026, 11, 30);
        QTest::newRow("last date before first") << s << QStringList {"until"} << "2026-11-30";
        s.lastDate = QDate(2026, 12, 3); // Tuesday to Thursday: no Monday or Friday
        QTest::newRow("no ticked day before the last date")
            << s << QStringList {"until"} << "never";
        s = good;
        s.recurrence = Recurrence::Once;
        s.lastDate = QDate(2026, 12, 3);
        QTest::newRow("once with a last date") << s << QStringList {"until"} << "once";
        s = good;
        s.paddingBeforeMinutes = 121;
        QTest::newRow("too much padding") << s << QStringList {"padding"} << "120";
        s = good;
        s.action = ScheduleAction::Start;
        s.durationMinutes = 0;
        s.paddingAfterMinutes = 5;
        QTest::newRow("padding on a start") << s << QStringList {"padding"} << "recordings";
        s = good;
        s.name.clear();
        s.channelId = 0;
        s.timeZoneId = "Nowhere";
        QTest::newRow("several, in field order")
            << s << QStringList {"name", "channel", "timeZone"} << "name";
    }
    void validation()
    {
        QFETCH(Schedule, schedule);
        QFETCH(QStringList, fields);
        QFETCH(QString, hint);
        const QList<FieldError> errors = ScheduleValidator::validate(schedule);
        QStringList found;
        for (const FieldError &error : errors)
            found.append(error.field);
        QCOMPARE(found, fields);
        if (!errors.isEmpty())
            QVERIFY2(errors.first().message.contains(hint), qPrintable(errors.first().message));
    }

    void names()
    {
        for (ScheduleAction action :
            {ScheduleAction::Record, ScheduleAction::Start, ScheduleAction::Stop})
            QCOMPARE(scheduleActionFromName(scheduleActionName(action)), action);
        QCOMPARE(scheduleActionFromName(QStringLiteral("pause")), ScheduleAction::Invalid);
        for (Recurrence recurrence : {Recurrence::Once, Recurrence::Daily, Recurrence::Weekly})
            QCOMPARE(recurrenceFromName(recurrenceName(recurrence)), recurrence);
        QCOMPARE(recurrenceFromName(QStringLiteral("monthly")), Recurrence::Invalid);
        QStringList unknown;
        const Weekdays days = Weekdays::fromNames(
            {QStringLiteral("SUN"), QStringLiteral("mon"), QStringLiteral("funday")}, &unknown);
        QCOMPARE(days.names(), (QStringList {"mon", "sun"}));
        QCOMPARE(unknown, QStringList {"funday"});
    }

    void validationInGerman()
    {
        const QString catalogue = translationsDir() + QStringLiteral("/panelx_de.qm");
        if (!QFileInfo::exists(catalogue))
            QSKIP("The German catalogue is built with the window (PANELX_UI=ON)");
        QTranslator translator;
        QVERIFY(translator.load(catalogue));
        QCoreApplication::installTranslator(&translator);
        Schedule s = schedule("Europe/Berln", "20:00", "weekly", "2026-12-01");
        const QList<FieldError> errors = ScheduleValidator::validate(s);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].message,
            QStringLiteral("„Europe/Berln“ ist keine Zeitzone, die dieses System kennt. Verwenden "
                           "Sie einen IANA-Namen wie Europe/Berlin, America/New_York oder UTC."));
        QCOMPARE(errors[1].message,
            QStringLiteral(
                "Kreuzen Sie für einen wöchentlichen Zeitplan mindestens einen Wochentag an."));
    }

    void recurrenceText_data()
    {
        QTest::addColumn<Schedule>("schedule");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("german");
        const QByteArray berlin("Europe/Berlin");
        QTest::newRow("weekdays, another zone")
            << schedule(berlin, "20:00", "weekly:mon,tue,wed,thu,fri", "2026-12-01")
            << "Weekdays at 20:00 (Europe/Berlin)"
            << "Montag bis Freitag um 20:00 (Europe/Berlin)";
        QTest::newRow("daily, the reader's zone")
            << schedule("America/New_York", "06:30", "daily", "2026-12-01") << "Daily at 06:30"
            << "Täglich um 06:30";
        QTest::newRow("every day of the week is daily") << schedule(
            "America/New_York", "06:30", "weekly:mon,tue,wed,thu,fri,sat,sun", "2026-12-01")
                                                        << "Daily at 06:30"
                                                        << "Täglich um 06:30";
        QTest::newRow("weekend") << schedule("America/New_York", "14:00", "weekly:sat,sun",
            "2026-12-01") << "Every Saturday and Sunday at 14:00"
                                 << "Jeden Samstag und Sonntag um 14:00";
        QTest::newRow("one day") << schedule("America/New_York", "09:05", "weekly:wed",
            "2026-12-01") << "Every Wednesday at 09:05"
                                 << "Jeden Mittwoch um 09:05";
        QTest::newRow("three days")
            << schedule("America/New_York", "18:00", "weekly:fri,mon,wed", "2026-12-01")
            << "Every Monday, Wednesday and Friday at 18:00"
            << "Jeden Montag, Mittwoch und Freitag um 18:00";
        QTest::newRow("once") << schedule("America/New_York", "20:00", "once", "2026-12-01")
                              << "Once on 1 Dec 2026 at 20:00"
                              << "Einmal am 1. Dez. 2026 um 20:00";
        QTest::newRow("until") << schedule(
            berlin, "20:00", "weekly:mon,tue,wed,thu,fri", "2026-12-01", "2027-03-31")
                               << "Weekdays at 20:00 (Europe/Berlin) until 31 Mar 2027"
                               << "Montag bis Freitag um 20:00 (Europe/Berlin) bis 31. März 2027";
    }
    void recurrenceText()
    {
        QFETCH(Schedule, schedule);
        QFETCH(QString, english);
        QFETCH(QString, german);
        const QByteArray reader("America/New_York");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(RecurrenceText::describe(schedule, reader), english);

        const QString catalogue = translationsDir() + QStringLiteral("/panelx_de.qm");
        if (!QFileInfo::exists(catalogue))
            QSKIP("The German catalogue is built with the window (PANELX_UI=ON)");
        QTranslator translator;
        QVERIFY(translator.load(catalogue));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString text = RecurrenceText::describe(schedule, reader);
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(text, german);
    }
};

QTEST_GUILESS_MAIN(TestScheduleOccurrences)
#include "tst_schedule_occurrences.moc"
