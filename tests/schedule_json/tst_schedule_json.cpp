// Schedules as the admin API reads and writes them, without a server: a body applied to a
// schedule (what it leaves out stays), the values refused before the validator with the field
// named, a schedule written and read back unchanged, occurrences as UTC instants beside the wall
// clock of their zone, conflicts and the 409 that carries them.
#include "api/ScheduleJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace panelx;
using namespace panelx::api;

namespace {

JsonBody body(const QByteArray &json)
{
    http::ApiResponse refused;
    const auto parsed = JsonBody::parse(json, ScheduleJson::kWritableFields, &refused);
    if (!parsed)
        qFatal("test body refused: %s", refused.body.constData());
    return *parsed;
}

QJsonObject answerOf(const http::ApiResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

qint64 utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch();
}

// A daily recording of channel 3 at 20:00 Berlin time from 1 December 2026.
Schedule newsAtEight()
{
    Schedule s;
    s.id = 7;
    s.name = QStringLiteral("News at eight");
    s.action = ScheduleAction::Record;
    s.channelId = 3;
    s.title = QStringLiteral("News");
    s.firstDate = QDate(2026, 12, 1);
    s.startTime = QTime(20, 0);
    s.timeZoneId = "Europe/Berlin";
    s.durationMinutes = 30;
    s.recurrence = Recurrence::Weekly;
    s.weekdays = Weekdays::mondayToFriday();
    s.lastDate = QDate(2027, 3, 31);
    s.paddingBeforeMinutes = 2;
    s.paddingAfterMinutes = 5;
    s.createdUtcMs = utc(QStringLiteral("2026-11-20T10:00:00Z"));
    return s;
}

} // namespace

class TestScheduleJson : public QObject {
    Q_OBJECT
private slots:
    void appliesAWholeBody();
    void leavesOutWhatTheBodyDoesNotSay();
    void startMayHaveSeconds();
    void untilNullOrEmptyRemovesTheEnd();
    void refusesWhatIsNoScheduleValue_data();
    void refusesWhatIsNoScheduleValue();
    void leavesImpossibleDatesAndUnknownZonesToTheValidator_data();
    void leavesImpossibleDatesAndUnknownZonesToTheValidator();
    void writesAScheduleThatReadsBackTheSame();
    void occurrenceIsUtcBesideTheZonesWallClock();
    void figuresCarryTheLastAndNextRun();
    void conflictNamesItsSchedulesAndOccurrences();
};

void TestScheduleJson::appliesAWholeBody()
{
    Schedule s;
    QString channel;
    const auto refused = ScheduleJson::apply(
        body(R"({"name": "News at eight", "action": "record", "channel": "news",
            "title": "News", "start": "2026-12-01T20:00", "timeZone": "Europe/Berlin",
            "minutes": 30, "repeat": "weekly", "weekdays": ["mon", "TUE", "wed", "thu", "fri"],
            "until": "2027-03-31", "padding": {"before": 2, "after": 5}, "enabled": false,
            "force": true})"),
        &s, &channel);
    QVERIFY2(!refused, refused ? refused->body.constData() : "");
    QCOMPARE(channel, QStringLiteral("news"));
    Schedule expected = newsAtEight();
    expected.id = 0;
    expected.channelId = 0; // the caller's to look up
    expected.createdUtcMs = 0;
    expected.enabled = false;
    QCOMPARE(s, expected);
    QVERIFY(ScheduleValidator::validate(newsAtEight()).isEmpty());

    // A channel given by its number is a reference too.
    QVERIFY(!ScheduleJson::apply(body(R"({"channel": 12})"), &s, &channel));
    QCOMPARE(channel, QStringLiteral("12"));
}

void TestScheduleJson::leavesOutWhatTheBodyDoesNotSay()
{
    Schedule s = newsAtEight();
    QString channel;
    QVERIFY(
        !ScheduleJson::apply(body(R"({"minutes": 45, "padding": {"after": 0}})"), &s, &channel));
    Schedule expected = newsAtEight();
    expected.durationMinutes = 45;
    expected.paddingAfterMinutes = 0;
    QCOMPARE(s, expected);
    QVERIFY(channel.isEmpty());
}

void TestScheduleJson::startMayHaveSeconds()
{
    Schedule s = newsAtEight();
    QString channel;
    QVERIFY(!ScheduleJson::apply(body(R"({"start": "2026-12-02T06:30:15"})"), &s, &channel));
    QCOMPARE(s.firstDate, QDate(2026, 12, 2));
    QCOMPARE(s.startTime, QTime(6, 30, 15));
    QCOMPARE(
        ScheduleJson::localStart(s.firstDate, s.startTime), QStringLiteral("2026-12-02T06:30:15"));
    QCOMPARE(
        ScheduleJson::localStart(s.firstDate, QTime(6, 30)), QStringLiteral("2026-12-02T06:30"));
}

void TestScheduleJson::untilNullOrEmptyRemovesTheEnd()
{
    for (const QByteArray &text :
        {QByteArray(R"({"until": null})"), QByteArray(R"({"until": ""})")}) {
        Schedule s = newsAtEight();
        QString channel;
        QVERIFY(!ScheduleJson::apply(body(text), &s, &channel));
        QVERIFY2(s.lastDate.isNull(), text.constData());
    }
}

void TestScheduleJson::refusesWhatIsNoScheduleValue_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("name not a string") << QByteArray(R"({"name": 5})") << 400 << "name"
                                       << "string";
    QTest::newRow("unknown action") << QByteArray(R"({"action": "tape"})") << 422 << "action"
                                    << "use record, start or stop";
    QTest::newRow("unknown repeat") << QByteArray(R"({"repeat": "monthly"})") << 422 << "repeat"
                                    << "use once, daily or weekly";
    QTest::newRow("start with a space")
        << QByteArray(R"({"start": "2026-12-01 20:00"})") << 422 << "start"
        << "\"2026-12-01T20:00\"";
    QTest::newRow("start with an offset")
        << QByteArray(R"({"start": "2026-12-01T20:00+01:00"})") << 422 << "start"
        << "no offset";
    QTest::newRow("start in words") << QByteArray(R"({"start": "tomorrow"})") << 422 << "start"
                                    << "not a local date and time";
    QTest::newRow("weekdays not a list")
        << QByteArray(R"({"weekdays": "mon"})") << 400 << "weekdays"
        << "list of strings";
    QTest::newRow("weekdays with a number")
        << QByteArray(R"({"weekdays": ["mon", 2]})") << 400 << "weekdays"
        << "list of strings";
    QTest::newRow("unknown weekday")
        << QByteArray(R"({"weekdays": ["mon", "funday"]})") << 422 << "weekdays"
        << "“funday” is not a weekday";
    QTest::newRow("impossible last date")
        << QByteArray(R"({"until": "2027-02-30"})") << 422 << "until"
        << "not a date in the calendar";
    QTest::newRow("last date in words") << QByteArray(R"({"until": "March"})") << 422 << "until"
                                        << "\"2027-03-31\"";
    QTest::newRow("fraction of a minute") << QByteArray(R"({"minutes": 1.5})") << 422 << "minutes"
                                          << "whole number of minutes";
    QTest::newRow("padding not an object") << QByteArray(R"({"padding": 5})") << 400 << "padding"
                                           << "an object";
    QTest::newRow("padding fraction")
        << QByteArray(R"({"padding": {"before": 0.5}})") << 422 << "padding.before"
        << "whole number of minutes";
    QTest::newRow("padding unknown field")
        << QByteArray(R"({"padding": {"around": 1}})") << 400 << "padding.around"
        << "Known fields here: before, after";
    QTest::newRow("enabled as text") << QByteArray(R"({"enabled": "yes"})") << 400 << "enabled"
                                     << "true or false";
}

void TestScheduleJson::refusesWhatIsNoScheduleValue()
{
    QFETCH(QByteArray, json);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, sentence);
    http::ApiResponse refused;
    std::optional<http::ApiResponse> refusal;
    if (const auto parsed = JsonBody::parse(json, ScheduleJson::kWritableFields, &refused)) {
        Schedule s = newsAtEight();
        QString channel;
        refusal = ScheduleJson::apply(*parsed, &s, &channel);
    } else {
        refusal = refused;
    }
    QVERIFY(refusal);
    QCOMPARE(refusal->status, status);
    const QJsonObject answer = QJsonDocument::fromJson(refusal->body).object();
    QCOMPARE(answer.value(QStringLiteral("field")).toString(), field);
    QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(sentence),
        refusal->body.constData());
}

void TestScheduleJson::leavesImpossibleDatesAndUnknownZonesToTheValidator_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("30 February") << QByteArray(R"({"start": "2027-02-30T20:00"})") << "start"
                                 << "exists in the calendar";
    QTest::newRow("25 o'clock") << QByteArray(R"({"start": "2026-12-01T25:00"})") << "start"
                                << "hours and minutes";
    QTest::newRow("unknown zone") << QByteArray(R"({"timeZone": "Mars/Olympus_Mons"})")
                                  << "timeZone"
                                  << "“Mars/Olympus_Mons” is not a time zone";
    QTest::newRow("a city alone") << QByteArray(R"({"timeZone": "Berlin"})") << "timeZone"
                                  << "IANA name";
}

void TestScheduleJson::leavesImpossibleDatesAndUnknownZonesToTheValidator()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, sentence);
    Schedule s = newsAtEight();
    QString channel;
    QVERIFY(!ScheduleJson::apply(body(json), &s, &channel));
    const http::ApiResponse refusal = ScheduleJson::invalid(ScheduleValidator::validate(s));
    QCOMPARE(refusal.status, 422);
    QCOMPARE(answerOf(refusal).value(QStringLiteral("field")).toString(), field);
    QVERIFY2(answerOf(refusal).value(QStringLiteral("error")).toString().contains(sentence),
        refusal.body.constData());
}

void TestScheduleJson::writesAScheduleThatReadsBackTheSame()
{
    const Schedule s = newsAtEight();
    const QJsonObject channel {{QStringLiteral("id"), 3}, {QStringLiteral("slug"), "news"}};
    const QJsonObject written = ScheduleJson::schedule(s, channel, "Europe/Berlin");
    QCOMPARE(written.value(QStringLiteral("id")).toInteger(), 7);
    QCOMPARE(written.value(QStringLiteral("channel")).toObject(), channel);
    QCOMPARE(written.value(QStringLiteral("start")).toString(), QStringLiteral("2026-12-01T20:00"));
    QCOMPARE(written.value(QStringLiteral("weekdays")).toArray(),
        QJsonArray({"mon", "tue", "wed", "thu", "fri"}));
    QCOMPARE(written.value(QStringLiteral("until")).toString(), QStringLiteral("2027-03-31"));
    QCOMPARE(written.value(QStringLiteral("created")).toInteger(), s.createdUtcMs / 1000);
    // The zone is named only to a reader elsewhere.
    QCOMPARE(written.value(QStringLiteral("recurrence")).toString(),
        QStringLiteral("Weekdays at 20:00 until 31 Mar 2027"));
    QCOMPARE(
        ScheduleJson::schedule(s, channel, "UTC").value(QStringLiteral("recurrence")).toString(),
        QStringLiteral("Weekdays at 20:00 (Europe/Berlin) until 31 Mar 2027"));

    // What the API writes, sent back as a body (the fields it only reports left out), is the
    // same schedule.
    QJsonObject sent = written;
    for (const char *reported : {"id", "created", "recurrence"})
        sent.remove(QLatin1String(reported));
    sent.insert(QStringLiteral("channel"), 3);
    Schedule read;
    QString reference;
    QVERIFY(!ScheduleJson::apply(body(QJsonDocument(sent).toJson()), &read, &reference));
    read.id = s.id;
    read.channelId = reference.toLongLong();
    read.createdUtcMs = s.createdUtcMs;
    QCOMPARE(read, s);

    Schedule once = s;
    once.recurrence = Recurrence::Once;
    once.lastDate = QDate();
    once.weekdays = Weekdays();
    const QJsonObject onceJson = ScheduleJson::schedule(once, channel, "Europe/Berlin");
    QVERIFY(onceJson.value(QStringLiteral("until")).isNull());
    QCOMPARE(onceJson.value(QStringLiteral("weekdays")).toArray(), QJsonArray());
}

void TestScheduleJson::occurrenceIsUtcBesideTheZonesWallClock()
{
    // 20:00 in Berlin is 19:00 UTC in winter and 18:00 UTC in summer.
    Schedule s = newsAtEight();
    s.recurrence = Recurrence::Daily;
    s.lastDate = QDate();
    s.firstDate = QDate(2027, 3, 27);
    const QList<Occurrence> next
        = Occurrences::next(s, utc(QStringLiteral("2027-03-27T00:00:00Z")), 2);
    QCOMPARE(next.size(), 2);
    const QJsonObject winter = ScheduleJson::occurrence(next[0]);
    QCOMPARE(winter.value(QStringLiteral("schedule")).toInteger(), 7);
    QCOMPARE(winter.value(QStringLiteral("start")).toInteger(),
        utc(QStringLiteral("2027-03-27T19:00:00Z")) / 1000);
    QCOMPARE(winter.value(QStringLiteral("end")).toInteger(),
        utc(QStringLiteral("2027-03-27T19:30:00Z")) / 1000);
    QCOMPARE(winter.value(QStringLiteral("paddedStart")).toInteger(),
        utc(QStringLiteral("2027-03-27T18:58:00Z")) / 1000);
    QCOMPARE(winter.value(QStringLiteral("paddedEnd")).toInteger(),
        utc(QStringLiteral("2027-03-27T19:35:00Z")) / 1000);
    QCOMPARE(winter.value(QStringLiteral("local")).toString(),
        QStringLiteral("2027-03-27T20:00:00+01:00"));
    QCOMPARE(winter.value(QStringLiteral("shifted")).toBool(), false);
    const QJsonObject summer = ScheduleJson::occurrence(next[1]);
    QCOMPARE(summer.value(QStringLiteral("start")).toInteger(),
        utc(QStringLiteral("2027-03-28T18:00:00Z")) / 1000);
    QCOMPARE(summer.value(QStringLiteral("local")).toString(),
        QStringLiteral("2027-03-28T20:00:00+02:00"));
}

void TestScheduleJson::figuresCarryTheLastAndNextRun()
{
    const QJsonObject plain = ScheduleJson::schedule(newsAtEight(), {}, "Europe/Berlin");
    const QJsonObject none = ScheduleJson::withFigures(plain, {});
    QCOMPARE(none.value(QStringLiteral("runs")), QJsonValue(0));
    QCOMPARE(none.value(QStringLiteral("failures")), QJsonValue(0));
    QVERIFY(none.value(QStringLiteral("lastRun")).isNull());
    QVERIFY(none.value(QStringLiteral("nextRun")).isNull());
    QCOMPARE(none.value(QStringLiteral("conflicted")), QJsonValue(false));
    QCOMPARE(none.value(QStringLiteral("name")), plain.value(QStringLiteral("name")));

    ScheduleFigures figures;
    figures.runs = 3;
    figures.failures = 1;
    figures.conflicted = true;
    ScheduleRun done;
    done.scheduleId = 7;
    done.plannedUtcMs = utc(QStringLiteral("2026-12-01T18:58:00Z"));
    done.actualUtcMs = done.plannedUtcMs + 400;
    done.reason = QStringLiteral("recording 12");
    done.recordingId = 12;
    figures.lastRun = done;
    figures.nextRun
        = Occurrences::next(newsAtEight(), utc(QStringLiteral("2026-12-01T20:00:00Z")), 1).value(0);
    const QJsonObject some = ScheduleJson::withFigures(plain, figures);
    QCOMPARE(some.value(QStringLiteral("runs")), QJsonValue(3));
    QCOMPARE(some.value(QStringLiteral("failures")), QJsonValue(1));
    QCOMPARE(some.value(QStringLiteral("conflicted")), QJsonValue(true));
    QCOMPARE(some.value(QStringLiteral("lastRun")).toObject(),
        (QJsonObject {{QStringLiteral("planned"), done.plannedUtcMs / 1000},
            {QStringLiteral("actual"), done.plannedUtcMs / 1000},
            {QStringLiteral("result"), "done"}, {QStringLiteral("reason"), "recording 12"},
            {QStringLiteral("recording"), 12}}));
    QCOMPARE(some.value(QStringLiteral("nextRun")).toObject(),
        ScheduleJson::occurrence(*figures.nextRun));
    QCOMPARE(some.value(QStringLiteral("nextRun")).toObject().value(QStringLiteral("local")),
        QJsonValue(QStringLiteral("2026-12-02T20:00:00+01:00")));

    ScheduleRun missed;
    missed.plannedUtcMs = done.plannedUtcMs;
    missed.result = ScheduleRun::Result::Missed;
    missed.reason = QStringLiteral("PanelX was not running.");
    const QJsonObject missedJson = ScheduleJson::run(missed);
    QCOMPARE(missedJson.value(QStringLiteral("result")), QJsonValue("missed"));
    QVERIFY(missedJson.value(QStringLiteral("actual")).isNull());
    QVERIFY(missedJson.value(QStringLiteral("recording")).isNull());
    missed.result = ScheduleRun::Result::Failed;
    QCOMPARE(ScheduleJson::run(missed).value(QStringLiteral("result")), QJsonValue("failed"));
}

void TestScheduleJson::conflictNamesItsSchedulesAndOccurrences()
{
    Schedule first = newsAtEight();
    first.recurrence = Recurrence::Once;
    first.lastDate = QDate();
    Schedule second = first;
    second.id = 8;
    second.name = QStringLiteral("Sports");
    second.channelId = 4;
    ConflictLimits limits;
    limits.maxRecordings = 1;
    const QList<Conflict> conflicts
        = Conflicts::find({first, second}, limits, utc(QStringLiteral("2026-12-01T00:00:00Z")));
    QCOMPARE(conflicts.size(), 1);

    const QJsonObject written = ScheduleJson::conflict(conflicts.first());
    QCOMPARE(written.value(QStringLiteral("kind")).toString(), QStringLiteral("recordings"));
    QCOMPARE(written.value(QStringLiteral("schedules")).toArray(), QJsonArray({7, 8}));
    QCOMPARE(written.value(QStringLiteral("message")).toString(), conflicts.first().message);
    QCOMPARE(written.value(QStringLiteral("from")).toInteger(), conflicts.first().fromUtcMs / 1000);
    QCOMPARE(written.value(QStringLiteral("to")).toInteger(), conflicts.first().toUtcMs / 1000);
    QCOMPARE(written.value(QStringLiteral("occurrences")).toArray().size(), 2);
    QCOMPARE(written.value(QStringLiteral("occurrences"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("schedule")),
        8);

    const http::ApiResponse refusal = ScheduleJson::conflicting(conflicts);
    QCOMPARE(refusal.status, 409);
    const QString error = answerOf(refusal).value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(conflicts.first().message), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("\"force\": true")), qPrintable(error));
    QCOMPARE(answerOf(refusal).value(QStringLiteral("conflicts")).toArray(), QJsonArray({written}));

    QCOMPARE(ScheduleJson::conflictKindName(ConflictKind::StartStop), QStringLiteral("startStop"));
    QCOMPARE(
        ScheduleJson::conflictKindName(ConflictKind::Transcodes), QStringLiteral("transcodes"));
    QCOMPARE(ScheduleJson::conflictKindName(ConflictKind::Quota), QStringLiteral("quota"));
}

QTEST_GUILESS_MAIN(TestScheduleJson)
#include "tst_schedule_json.moc"
