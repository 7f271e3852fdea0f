// Which rungs a ladder makes of a source and at what size: table-driven, no media.
#include "transcode/LadderPlan.h"

#include <QtTest>

using namespace panelx;

namespace {

// "1080p 1920x1080" per running rung, "1080p skipped" per skipped one, highest first.
QStringList describe(const LadderPlan &plan)
{
    QStringList lines;
    for (const PlannedRung &rung : plan.rungs) {
        lines.append(rung.state == RungState::Skipped
                ? QStringLiteral("%1 skipped").arg(rung.spec.name)
                : QStringLiteral("%1 %2x%3").arg(rung.spec.name).arg(rung.width).arg(rung.height));
    }
    return lines;
}

} // namespace

class TestLadderPlan : public QObject {
    Q_OBJECT

private slots:
    void plan_data();
    void plan();
    void rungsKeepTheirSpec();
    void threadsAndPriority_data();
    void threadsAndPriority();
    void cascade_data();
    void cascade();
    void audioOnlyIsRefused();
    void tooSmallIsRefused();
};

void TestLadderPlan::plan_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("sarNum");
    QTest::addColumn<int>("sarDen");
    QTest::addColumn<bool>("interlaced");
    QTest::addColumn<QStringList>("rungs");
    QTest::addColumn<bool>("deinterlace");
    QTest::addColumn<QStringList>("expected");
    const QStringList all {"1080p", "720p", "480p", "360p"};
    QTest::newRow("1080p: every rung")
        << 1920 << 1080 << 1 << 1 << false << all << false
        << QStringList {"1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"};
    QTest::newRow("1080p, unknown sample aspect")
        << 1920 << 1080 << 0 << 1 << false << all << false
        << QStringList {"1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"};
    QTest::newRow("576i PAL 16:9: deinterlaced, 480p and 360p")
        << 720 << 576 << 64 << 45 << true << all << true
        << QStringList {"1080p skipped", "720p skipped", "480p 854x480", "360p 640x360"};
    QTest::newRow("576i PAL 4:3") << 720 << 576 << 16 << 15 << true << all << true
                                  << QStringList {"1080p skipped", "720p skipped", "480p 640x480",
                                         "360p 480x360"};
    QTest::newRow("anamorphic 1440x1080 HDV")
        << 1440 << 1080 << 4 << 3 << false << all << false
        << QStringList {"1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"};
    QTest::newRow("odd size rounded to even")
        << 1279 << 719 << 1 << 1 << false << all << false
        << QStringList {"1080p skipped", "720p skipped", "480p 854x480", "360p 640x360"};
    QTest::newRow("exactly 480 lines keeps 480p")
        << 640 << 480 << 1 << 1 << false << all << false
        << QStringList {"1080p skipped", "720p skipped", "480p 640x480", "360p 480x360"};
    QTest::newRow("some rungs, in any order and spelling")
        << 1920 << 1080 << 1 << 1 << false << QStringList {"360", "720P"} << false
        << QStringList {"720p 1280x720", "360p 640x360"};
    QTest::newRow("portrait 1080x1920")
        << 1080 << 1920 << 1 << 1 << false << QStringList {"720p", "360p"} << false
        << QStringList {"720p 406x720", "360p 202x360"};
}

void TestLadderPlan::plan()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, sarNum);
    QFETCH(int, sarDen);
    QFETCH(bool, interlaced);
    QFETCH(QStringList, rungs);
    QFETCH(bool, deinterlace);
    QFETCH(QStringList, expected);
    SourceVideo source;
    source.width = width;
    source.height = height;
    source.sampleAspectNum = sarNum;
    source.sampleAspectDen = sarDen;
    source.interlaced = interlaced;
    source.frameRate = 25;
    AbrConfig abr;
    abr.enabled = true;
    abr.rungs = rungs;
    const LadderPlan plan = ladder::plan(source, abr, 2);
    QVERIFY2(plan.runs(), qPrintable(plan.refusal));
    QCOMPARE(plan.deinterlace, deinterlace);
    QCOMPARE(describe(plan), expected);
    for (const PlannedRung &rung : plan.rungs) {
        QCOMPARE(rung.width % 2, 0);
        QCOMPARE(rung.height % 2, 0);
        if (rung.state == RungState::Skipped) {
            QVERIFY2(rung.message.contains(QStringLiteral("only %1 lines").arg(height)),
                qPrintable(rung.message));
        } else {
            QCOMPARE(rung.state, RungState::Starting);
            QVERIFY(rung.message.isEmpty());
        }
    }
}

void TestLadderPlan::rungsKeepTheirSpec()
{
    SourceVideo source {1920, 1080, 1, 1, false, 25};
    const LadderPlan plan = ladder::plan(source, AbrConfig {}, 2);
    QCOMPARE(plan.rungs.size(), 4);
    const QList<qint64> bitrates {5'000'000, 2'800'000, 1'400'000, 800'000};
    const QStringList profiles {"high", "high", "main", "main"};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(plan.rungs[i].spec.videoBitrate, bitrates[i]);
        QCOMPARE(plan.rungs[i].spec.profile, profiles[i]);
        QCOMPARE(plan.rungs[i].spec.maxRate(), bitrates[i] * 11 / 10);
        QCOMPARE(plan.rungs[i].spec.bufferSize(), bitrates[i] * 2);
    }
}

void TestLadderPlan::threadsAndPriority_data()
{
    QTest::addColumn<int>("sourceHeight");
    QTest::addColumn<int>("cores");
    QTest::addColumn<QList<int>>("threads"); // per rung, highest first; 0: skipped
    QTest::addColumn<QList<int>>("niceness");
    const int lower = ladder::kLowerRungNiceness;
    QTest::newRow("1080p on 2 cores: one each")
        << 1080 << 2 << QList<int> {1, 1, 1, 1} << QList<int> {0, lower, lower, lower};
    QTest::newRow("1080p on 4 cores: 1080p gets two")
        << 1080 << 4 << QList<int> {2, 1, 1, 1} << QList<int> {0, lower, lower, lower};
    QTest::newRow("1080p on 16 cores: by pixels")
        << 1080 << 16 << QList<int> {9, 4, 2, 1} << QList<int> {0, lower, lower, lower};
    QTest::newRow("one core") << 1080 << 1 << QList<int> {1, 1, 1, 1}
                              << QList<int> {0, lower, lower, lower};
    QTest::newRow("720p source: 720p is the top")
        << 720 << 8 << QList<int> {0, 5, 2, 1} << QList<int> {0, 0, lower, lower};
}

void TestLadderPlan::threadsAndPriority()
{
    QFETCH(int, sourceHeight);
    QFETCH(int, cores);
    QFETCH(QList<int>, threads);
    QFETCH(QList<int>, niceness);
    const SourceVideo source {sourceHeight * 16 / 9, sourceHeight, 1, 1, false, 30};
    const LadderPlan plan = ladder::plan(source, AbrConfig {}, cores);
    QCOMPARE(plan.rungs.size(), threads.size());
    QList<int> planned, nice;
    for (const PlannedRung &rung : plan.rungs) {
        const bool skipped = rung.state == RungState::Skipped;
        planned.append(skipped ? 0 : rung.threads);
        nice.append(rung.niceness);
    }
    QCOMPARE(planned, threads);
    QCOMPARE(nice, niceness);
}

void TestLadderPlan::cascade_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QStringList>("rungs");
    QTest::addColumn<QStringList>("from"); // per rung, highest first: its pictures' rung
    const QStringList all {"1080p", "720p", "480p", "360p"};
    const QString source = QStringLiteral("source");
    QTest::newRow("1080p: 360p from 720p, the rest from the source")
        << 1920 << 1080 << all << QStringList {source, source, source, "720p"};
    QTest::newRow("720p source: 720p is not scaled, so 360p takes the source")
        << 1280 << 720 << all << QStringList {"skipped", source, source, source};
    QTest::newRow("1080p without 720p") << 1920 << 1080 << QStringList {"1080p", "480p", "360p"}
                                        << QStringList {source, source, source};
    QTest::newRow("anamorphic 1440x1080 HDV: still exactly twice")
        << 1440 << 1080 << all << QStringList {source, source, source, "720p"};
    QTest::newRow("1000 lines: 720p is scaled, 360p from it")
        << 1778 << 1000 << all << QStringList {"skipped", source, source, "720p"};
}

void TestLadderPlan::cascade()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QStringList, rungs);
    QFETCH(QStringList, from);
    // HDV's samples are 4:3 wide; the others square.
    const bool hdv = width == 1440;
    const SourceVideo video {width, height, hdv ? 4 : 1, hdv ? 3 : 1, false, 25};
    AbrConfig abr;
    abr.rungs = rungs;
    const LadderPlan plan = ladder::plan(video, abr, 2);
    QStringList got;
    for (const PlannedRung &rung : plan.rungs) {
        if (rung.state == RungState::Skipped)
            got.append(QStringLiteral("skipped"));
        else if (rung.scaledFrom < 0)
            got.append(QStringLiteral("source"));
        else
            got.append(plan.rungs.at(rung.scaledFrom).spec.name);
    }
    QCOMPARE(got, from);
}

void TestLadderPlan::audioOnlyIsRefused()
{
    const LadderPlan plan = ladder::plan(SourceVideo {}, AbrConfig {}, 2, false);
    QVERIFY(!plan.runs());
    QVERIFY(plan.rungs.isEmpty());
    QVERIFY2(plan.refusal.contains(QStringLiteral("no video"))
            && plan.refusal.contains(QStringLiteral("turn the ladder off")),
        qPrintable(plan.refusal));
}

void TestLadderPlan::tooSmallIsRefused()
{
    const LadderPlan plan = ladder::plan(SourceVideo {320, 240, 1, 1, false, 25}, AbrConfig {}, 2);
    QVERIFY(!plan.runs());
    QCOMPARE(plan.runningCount(), 0);
    QVERIFY2(plan.refusal.contains(QStringLiteral("320×240")), qPrintable(plan.refusal));
}

QTEST_GUILESS_MAIN(TestLadderPlan)
#include "tst_ladderplan.moc"
