// The week view's time ↔ geometry mapping as tables: a grid of 7 × 100 px days and 24 × 20 px
// hours right of a 50 px gutter and below a 20 px header, on the wall clock of a zone given
// (Europe/Berlin falls back on Sunday 25 Oct 2026; Asia/Kolkata is half an hour off the hour).
#include "schedules/WeekGeometry.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace panelx;

namespace {
const QDate kMonday(2026, 10, 19);
const QSizeF kSize(750, 500);
constexpr qreal kGutter = 50;
constexpr qreal kHeader = 20;

qint64 utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

WeekGeometry berlinWeek()
{
    return WeekGeometry(kMonday, "Europe/Berlin", kSize, kGutter, kHeader);
}
} // namespace

class TestWeekGeometry : public QObject {
    Q_OBJECT
private slots:
    void layout();
    void blocks_data();
    void blocks();
    void nowLine();
    void wallClockAt_data();
    void wallClockAt();
    void pointAndBlockAgree();
};

void TestWeekGeometry::layout()
{
    const WeekGeometry geometry = berlinWeek();
    QCOMPARE(geometry.grid(), QRectF(50, 20, 700, 480));
    QCOMPARE(geometry.dayWidth(), 100.0);
    QCOMPARE(geometry.hourHeight(), 20.0);
    QCOMPARE(geometry.lastDay(), QDate(2026, 10, 25));
    QCOMPARE(geometry.dayColumn(3), QRectF(350, 20, 100, 480));
    QCOMPARE(geometry.dayHeader(6), QRectF(650, 0, 100, 20));
    QCOMPARE(geometry.yOf(QTime(12, 30)), 270.0);
    QCOMPARE(geometry.yOf(QTime(0, 0), true), 500.0);

    // Too small to hold the gutter and header: an empty grid, and no wall clock anywhere.
    const WeekGeometry tiny(kMonday, "Europe/Berlin", QSizeF(30, 10), kGutter, kHeader);
    QVERIFY(tiny.grid().isEmpty());
    QVERIFY(!tiny.wallClockAt(QPointF(10, 5)));
}

void TestWeekGeometry::blocks_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("startUtcMs");
    QTest::addColumn<qint64>("endUtcMs");
    QTest::addColumn<QList<QRectF>>("expected");

    const QByteArray berlin = "Europe/Berlin";
    // Berlin is UTC+2 until the 25th at 03:00 local, UTC+1 after.
    QTest::newRow("Monday 20:00-21:00")
        << berlin << utc(10, 19, 18) << utc(10, 19, 19) << QList {QRectF(50, 420, 100, 20)};
    QTest::newRow("Tuesday 23:00 to Wednesday 01:00: one part a day")
        << berlin << utc(10, 20, 21) << utc(10, 20, 23)
        << QList {QRectF(150, 480, 100, 20), QRectF(250, 20, 100, 20)};
    QTest::newRow("ends at midnight: nothing on the next day")
        << berlin << utc(10, 19, 21) << utc(10, 19, 22) << QList {QRectF(50, 480, 100, 20)};
    QTest::newRow("an instant at noon")
        << berlin << utc(10, 19, 10) << utc(10, 19, 10)
        << QList {QRectF(50, 260, 100, WeekGeometry::kInstantHeight)};
    QTest::newRow("an instant at 23:59 stays inside the day")
        << berlin << utc(10, 19, 21, 59) << utc(10, 19, 21, 59)
        << QList {
               QRectF(50, 500 - WeekGeometry::kInstantHeight, 100, WeekGeometry::kInstantHeight)};
    QTest::newRow("begins the Sunday before: clipped to Monday")
        << berlin << utc(10, 18, 20) << utc(10, 19, 0) << QList {QRectF(50, 20, 100, 40)};
    QTest::newRow("runs past the week: clipped to Sunday")
        << berlin << utc(10, 25, 22) << utc(10, 26, 3) << QList {QRectF(650, 480, 100, 20)};
    QTest::newRow("the Monday after: none")
        << berlin << utc(10, 26, 10) << utc(10, 26, 11) << QList<QRectF> {};
    QTest::newRow("an instant before the week: none")
        << berlin << utc(10, 18, 10) << utc(10, 18, 10) << QList<QRectF> {};
    // 01:00 CEST to 04:00 CET is four hours of time but three of wall clock.
    QTest::newRow("across the fall-back hour: the wall clock's span")
        << berlin << utc(10, 24, 23) << utc(10, 25, 3) << QList {QRectF(650, 40, 100, 60)};
    QTest::newRow("Kolkata 20:00-20:45, UTC+05:30")
        << QByteArray("Asia/Kolkata") << utc(10, 19, 14, 30) << utc(10, 19, 15, 15)
        << QList {QRectF(50, 420, 100, 15)};
}

void TestWeekGeometry::blocks()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, startUtcMs);
    QFETCH(qint64, endUtcMs);
    QFETCH(QList<QRectF>, expected);
    const WeekGeometry geometry(kMonday, zone, kSize, kGutter, kHeader);
    QCOMPARE(geometry.blocks(startUtcMs, endUtcMs), expected);
}

void TestWeekGeometry::nowLine()
{
    const WeekGeometry geometry = berlinWeek();
    QCOMPARE(geometry.nowLine(utc(10, 22, 4)), QRectF(350, 140, 100, 0)); // Thursday 06:00
    QCOMPARE(geometry.nowLine(utc(10, 25, 22, 30)), QRectF(650, 490, 100, 0)); // Sunday 23:30 CET
    QVERIFY(!geometry.nowLine(utc(10, 25, 23))); // Monday 00:00 CET: the next week
    QVERIFY(!geometry.nowLine(utc(10, 18, 21, 59))); // Sunday before, 23:59
}

void TestWeekGeometry::wallClockAt_data()
{
    QTest::addColumn<QPointF>("point");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");

    QTest::newRow("top left") << QPointF(50, 20) << kMonday << QTime(0, 0);
    QTest::newRow("Tuesday 20:30") << QPointF(160, 430) << QDate(2026, 10, 20) << QTime(20, 30);
    QTest::newRow("within a minute rounds down")
        << QPointF(160, 430.3) << QDate(2026, 10, 20) << QTime(20, 30);
    QTest::newRow("the last pixel of Sunday")
        << QPointF(749.9, 499.9) << QDate(2026, 10, 25) << QTime(23, 59);
    QTest::newRow("the gutter") << QPointF(49, 100) << QDate() << QTime();
    QTest::newRow("the header") << QPointF(200, 19) << QDate() << QTime();
    QTest::newRow("right of the grid") << QPointF(751, 100) << QDate() << QTime();
}

void TestWeekGeometry::wallClockAt()
{
    QFETCH(QPointF, point);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    const auto wallClock = berlinWeek().wallClockAt(point);
    if (!date.isValid()) {
        QVERIFY(!wallClock);
        return;
    }
    QVERIFY(wallClock);
    QCOMPARE(wallClock->date, date);
    QCOMPARE(wallClock->time, time);
}

void TestWeekGeometry::pointAndBlockAgree()
{
    // Every whole minute of the week: the block of the instant lies where the point maps back
    // to that minute.
    const WeekGeometry geometry = berlinWeek();
    for (qint64 minute = 0; minute < 7 * 24 * 60; minute += 37) {
        const qint64 at = utc(10, 18, 22) + minute * 60'000; // from Monday 00:00 CEST
        const QList<QRectF> rects = geometry.blocks(at, at + 60'000);
        QCOMPARE(rects.size(), 1);
        const auto wallClock = geometry.wallClockAt(rects.first().center());
        QVERIFY(wallClock);
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, QTimeZone("Europe/Berlin"));
        QCOMPARE(wallClock->date, local.date());
        QCOMPARE(wallClock->time, local.time());
    }
}

QTEST_GUILESS_MAIN(TestWeekGeometry)
#include "tst_ui_week_geometry.moc"
