// The timeline's geometry (TimelineScale): time to x and back, clamping at the buffer's ends,
// the span growing as live moves on, and ticks on whole local minutes and hours.
#include "player/TimelineScale.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace panelx;

namespace {
// 2026-03-29 00:00 UTC; Berlin switches to summer time at 01:00 UTC that day.
constexpr qint64 kBaseMs = 1774742400000LL;
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void xAt_data();
    void xAt();
    void timeAt_data();
    void timeAt();
    void roundTripWithinOnePixel();
    void growthKeepsTheStartAndSqueezes();
    void emptySpanIsHarmless();
    void stepMs_data();
    void stepMs();
    void ticks_data();
    void ticks();
    void ticksFollowDaylightSaving();
};

void TestTimeline::xAt_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("width");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<double>("x");
    QTest::newRow("start") << kBaseMs << kBaseMs + kHourMs << 600 << kBaseMs << 0.0;
    QTest::newRow("end") << kBaseMs << kBaseMs + kHourMs << 600 << kBaseMs + kHourMs << 600.0;
    QTest::newRow("middle") << kBaseMs << kBaseMs + kHourMs << 600 << kBaseMs + kHourMs / 2
                            << 300.0;
    QTest::newRow("ten minutes of an hour")
        << kBaseMs << kBaseMs + kHourMs << 600 << kBaseMs + 10 * kMinuteMs << 100.0;
    QTest::newRow("before the buffer clamps")
        << kBaseMs << kBaseMs + kHourMs << 600 << kBaseMs - kHourMs << 0.0;
    QTest::newRow("after live clamps")
        << kBaseMs << kBaseMs + kHourMs << 600 << kBaseMs + 3 * kHourMs << 600.0;
    QTest::newRow("2 h over 1000 px")
        << kBaseMs << kBaseMs + 2 * kHourMs << 1000 << kBaseMs + 90 * kMinuteMs << 750.0;
}

void TestTimeline::xAt()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, width);
    QFETCH(qint64, time);
    QFETCH(double, x);
    QCOMPARE(TimelineScale(from, to, width).xAt(time), x);
}

void TestTimeline::timeAt_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<qint64>("time");
    // One hour over 600 px: 6 s a pixel.
    QTest::newRow("left edge") << 0.0 << kBaseMs;
    QTest::newRow("right edge") << 600.0 << kBaseMs + kHourMs;
    QTest::newRow("one pixel") << 1.0 << kBaseMs + 6000;
    QTest::newRow("half a pixel") << 0.5 << kBaseMs + 3000;
    QTest::newRow("middle") << 300.0 << kBaseMs + kHourMs / 2;
    QTest::newRow("left of the bar clamps") << -40.0 << kBaseMs;
    QTest::newRow("right of the bar clamps") << 900.0 << kBaseMs + kHourMs;
}

void TestTimeline::timeAt()
{
    QFETCH(double, x);
    QFETCH(qint64, time);
    QCOMPARE(TimelineScale(kBaseMs, kBaseMs + kHourMs, 600).timeAt(x), time);
}

void TestTimeline::roundTripWithinOnePixel()
{
    const TimelineScale scale(kBaseMs, kBaseMs + 2 * kHourMs, 777);
    const qint64 msPerPixel = 2 * kHourMs / 777 + 1;
    for (qint64 t = kBaseMs; t <= kBaseMs + 2 * kHourMs; t += 37'013)
        QVERIFY(qAbs(scale.timeAt(scale.xAt(t)) - t) <= msPerPixel);
    for (int x = 0; x <= 777; ++x)
        QVERIFY(qAbs(scale.xAt(scale.timeAt(x)) - x) < 1e-6 + 1.0 / 777);
}

void TestTimeline::growthKeepsTheStartAndSqueezes()
{
    // A buffer filling up: the start stays at x = 0, live stays at the right edge, and a fixed
    // moment moves left as the span grows.
    const qint64 moment = kBaseMs + 10 * kMinuteMs;
    double previousX = 601;
    for (qint64 span = 20 * kMinuteMs; span <= 2 * kHourMs; span += 10 * kMinuteMs) {
        const TimelineScale scale(kBaseMs, kBaseMs + span, 600);
        QCOMPARE(scale.xAt(kBaseMs), 0.0);
        QCOMPARE(scale.xAt(kBaseMs + span), 600.0);
        const double x = scale.xAt(moment);
        QVERIFY(x < previousX);
        QCOMPARE(x, 600.0 * 10 * kMinuteMs / span);
        previousX = x;
    }
    // A full buffer slides: the same span later maps the same offsets to the same x.
    const TimelineScale earlier(kBaseMs, kBaseMs + kHourMs, 600);
    const TimelineScale later(kBaseMs + kMinuteMs, kBaseMs + kHourMs + kMinuteMs, 600);
    QCOMPARE(later.xAt(moment + kMinuteMs), earlier.xAt(moment));
}

void TestTimeline::emptySpanIsHarmless()
{
    const TimelineScale none(kBaseMs, kBaseMs, 600);
    QVERIFY(!none.isValid());
    QCOMPARE(none.xAt(kBaseMs + kHourMs), 0.0);
    QCOMPARE(none.timeAt(300), kBaseMs);
    QVERIFY(none.ticks(8, 60, QTimeZone::utc()).isEmpty());
    const TimelineScale narrow(kBaseMs, kBaseMs + kHourMs, 0);
    QVERIFY(!narrow.isValid());
    QCOMPARE(narrow.timeAt(10), kBaseMs);
    // An end before the start is an empty span, not a reversed one.
    QVERIFY(!TimelineScale(kBaseMs, kBaseMs - kHourMs, 600).isValid());
}

void TestTimeline::stepMs_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("minGap");
    QTest::addColumn<qint64>("step");
    QTest::newRow("2 h, 800 px, 8 px") << 2 * kHourMs << 800 << 8 << 2 * kMinuteMs;
    QTest::newRow("2 h, 800 px, 60 px") << 2 * kHourMs << 800 << 60 << 10 * kMinuteMs;
    QTest::newRow("2 h, 800 px, 100 px") << 2 * kHourMs << 800 << 100 << 15 * kMinuteMs;
    QTest::newRow("5 min, 800 px, 60 px") << 5 * kMinuteMs << 800 << 60 << 30'000LL;
    QTest::newRow("1 min, 800 px, 8 px") << kMinuteMs << 800 << 8 << 10'000LL;
    QTest::newRow("24 h, 800 px, 60 px") << 24 * kHourMs << 800 << 60 << 2 * kHourMs;
    QTest::newRow("7 days, 100 px: the longest") << 7 * 24 * kHourMs << 100 << 60 << 24 * kHourMs;
}

void TestTimeline::stepMs()
{
    QFETCH(qint64, span);
    QFETCH(int, width);
    QFETCH(int, minGap);
    QFETCH(qint64, step);
    QCOMPARE(TimelineScale(kBaseMs, kBaseMs + span, width).stepMs(minGap), step);
}

void TestTimeline::ticks_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<int>("tickCount");
    QTest::addColumn<qint64>("firstTick");
    // 800 px, ticks at least 40 px apart, labels at least 100 px apart.
    // 1 h: ticks every 5 min (67 px), labels every 10 min.
    QTest::newRow("UTC, 1 h from 00:03")
        << "UTC" << kBaseMs + 3 * kMinuteMs << kBaseMs + 63 * kMinuteMs
        << QStringList {"00:10", "00:20", "00:30", "00:40", "00:50", "01:00"} << 12
        << kBaseMs + 5 * kMinuteMs;
    // Berlin is UTC+1 before the change: local 00:03 … 01:03.
    QTest::newRow("Berlin, winter time")
        << "Europe/Berlin" << kBaseMs - kHourMs + 3 * kMinuteMs << kBaseMs + 3 * kMinuteMs
        << QStringList {"00:10", "00:20", "00:30", "00:40", "00:50", "01:00"} << 12
        << kBaseMs - kHourMs + 5 * kMinuteMs;
    // India is UTC+5:30: whole local hours fall on half hours in UTC.
    QTest::newRow("Kolkata, half-hour offset")
        << "Asia/Kolkata" << kBaseMs + 3 * kMinuteMs << kBaseMs + 63 * kMinuteMs
        << QStringList {"05:40", "05:50", "06:00", "06:10", "06:20", "06:30"} << 12
        << kBaseMs + 5 * kMinuteMs;
    // Ticks on the span's very ends are kept.
    QTest::newRow("ends on ticks")
        << "UTC" << kBaseMs << kBaseMs + kHourMs
        << QStringList {"00:00", "00:10", "00:20", "00:30", "00:40", "00:50", "01:00"} << 13
        << kBaseMs;
    // A buffer only just started: ticks every 10 s, labels every 30 s, with seconds.
    QTest::newRow("90 s") << "UTC" << kBaseMs + 5000 << kBaseMs + 95'000
                          << QStringList {"00:00:30", "00:01:00", "00:01:30"} << 9
                          << kBaseMs + 10'000;
}

void TestTimeline::ticks()
{
    QFETCH(QString, zone);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QStringList, labels);
    QFETCH(int, tickCount);
    QFETCH(qint64, firstTick);
    const QTimeZone timeZone(zone.toUtf8());
    QVERIFY(timeZone.isValid());
    const TimelineScale scale(from, to, 800);
    const QList<TimelineTick> ticks = scale.ticks(40, 100, timeZone);
    QStringList seen;
    for (const TimelineTick &tick : ticks) {
        QVERIFY(tick.utcMs >= from && tick.utcMs <= to);
        if (!tick.label.isEmpty())
            seen.append(tick.label);
    }
    QCOMPARE(seen, labels);
    QCOMPARE(ticks.size(), tickCount);
    QCOMPARE(ticks.first().utcMs, firstTick);
    for (qsizetype i = 1; i < ticks.size(); ++i)
        QVERIFY(scale.xAt(ticks[i].utcMs) - scale.xAt(ticks[i - 1].utcMs) >= 40);
}

void TestTimeline::ticksFollowDaylightSaving()
{
    // Berlin 00:30 … 03:30 local across the change at 02:00 → 03:00 (01:00 UTC): two real
    // hours, ticks every 10 min labelled every 30 min with the clock's time, the hour that
    // does not exist left out and no moment ticked twice.
    const QTimeZone berlin("Europe/Berlin");
    const TimelineScale scale(kBaseMs - 30 * kMinuteMs, kBaseMs + 90 * kMinuteMs, 800);
    const QList<TimelineTick> ticks = scale.ticks(40, 100, berlin);
    QStringList labels;
    for (const TimelineTick &tick : ticks)
        if (!tick.label.isEmpty())
            labels.append(tick.label);
    QCOMPARE(labels, (QStringList {"00:30", "01:00", "01:30", "03:00", "03:30"}));
    QCOMPARE(ticks.size(), 13);
    for (qsizetype i = 1; i < ticks.size(); ++i)
        QCOMPARE(ticks[i].utcMs - ticks[i - 1].utcMs, 10 * kMinuteMs);
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
