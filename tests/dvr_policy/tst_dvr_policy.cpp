// The DVR's rules as tables: durations, gaps, clean-up order and admission against the quota.
#include "dvr/DvrPolicy.h"
#include "dvr/RecordingRepository.h"

#include <QTest>

using namespace panelx;

namespace {

SegmentInfo segment(qint64 startUtcMs, qint64 durationMs)
{
    SegmentInfo info;
    info.startUtcMs = startUtcMs;
    info.durationMs = durationMs;
    return info;
}

Recording recording(qint64 id, qint64 endUtcMs, RecordingState state, bool keep = false)
{
    Recording r;
    r.id = id;
    r.startUtcMs = endUtcMs - 60'000;
    r.endUtcMs = endUtcMs;
    r.state = state;
    r.keep = keep;
    return r;
}

QList<qint64> ids(const QList<Recording> &recordings)
{
    QList<qint64> list;
    for (const Recording &r : recordings)
        list.append(r.id);
    return list;
}

constexpr qint64 kDay = 24LL * 3600 * 1000;

} // namespace

class TestDvrPolicy : public QObject {
    Q_OBJECT
private slots:
    void durationLimits_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("zero") << 0 << false;
        QTest::newRow("negative") << -5 << false;
        QTest::newRow("one") << 1 << true;
        QTest::newRow("default") << kDefaultRecordingMinutes << true;
        QTest::newRow("twelve hours") << 720 << true;
        QTest::newRow("one more") << 721 << false;
    }
    void durationLimits()
    {
        QFETCH(int, minutes);
        QFETCH(bool, allowed);
        const QString problem = DvrPolicy::checkMinutes(minutes);
        QCOMPARE(problem.isEmpty(), allowed);
        if (!allowed) // the sentence names the limits and the value
            QVERIFY2(problem.contains(QStringLiteral("720"))
                    && problem.contains(QString::number(minutes)),
                qPrintable(problem));
    }

    void gaps_data()
    {
        QTest::addColumn<QList<SegmentInfo>>("segments");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("leadGrace");
        QTest::addColumn<QList<RecordingGap>>("expected");
        using S = QList<SegmentInfo>;
        using G = QList<RecordingGap>;
        const S continuous {segment(0, 4000), segment(4000, 4000), segment(8000, 4000)};
        QTest::newRow("continuous")
            << continuous << qint64(1000) << qint64(11000) << qint64(0) << G {};
        QTest::newRow("keyframe jitter is no gap")
            << S {segment(0, 4000), segment(4400, 4000)} << qint64(0) << qint64(8400) << qint64(0)
            << G {};
        QTest::newRow("source down for 6 s")
            << S {segment(0, 4000), segment(10000, 4000)} << qint64(0) << qint64(14000) << qint64(0)
            << G {{4000, 10000}};
        QTest::newRow("two outages")
            << S {segment(0, 1000), segment(5000, 1000), segment(9000, 1000)} << qint64(0)
            << qint64(10000) << qint64(0) << G {{1000, 5000}, {6000, 9000}};
        QTest::newRow("nothing at all")
            << S {} << qint64(0) << qint64(60000) << qint64(0) << G {{0, 60000}};
        QTest::newRow("slow first segment inside the grace")
            << S {segment(5000, 4000)} << qint64(0) << qint64(9000) << qint64(10000) << G {};
        QTest::newRow("late start beyond the grace")
            << S {segment(20000, 4000)} << qint64(0) << qint64(24000) << qint64(10000)
            << G {{0, 20000}};
        QTest::newRow("the segment in progress at the end is no gap")
            << S {segment(0, 4000)} << qint64(0) << qint64(9000) << qint64(0) << G {};
        QTest::newRow("a source that died before the end")
            << S {segment(0, 4000)} << qint64(0) << qint64(30000) << qint64(0) << G {{4000, 30000}};
        QTest::newRow("gaps are clipped to the range")
            << S {segment(0, 4000), segment(20000, 4000)} << qint64(2000) << qint64(10000)
            << qint64(0) << G {{4000, 10000}};
    }
    void gaps()
    {
        QFETCH(QList<SegmentInfo>, segments);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, leadGrace);
        QFETCH(QList<RecordingGap>, expected);
        const QList<RecordingGap> found
            = DvrPolicy::findGaps(segments, start, end, 4000, leadGrace);
        QCOMPARE(found, expected);
        // Stored and read back unchanged.
        QCOMPARE(RecordingRepository::gapsFromText(RecordingRepository::gapsToText(found)), found);
    }

    void finalState()
    {
        QCOMPARE(DvrPolicy::finalState(false, {}), RecordingState::Failed);
        QCOMPARE(DvrPolicy::finalState(true, {}), RecordingState::Finished);
        QCOMPARE(DvrPolicy::finalState(true, {{1, 2}}), RecordingState::Partial);
    }

    void cleanupNeverTakesKeptOrRunning()
    {
        const QList<Recording> all {
            recording(1, 5000, RecordingState::Finished),
            recording(2, 1000, RecordingState::Finished, true), // kept
            recording(3, 2000, RecordingState::Recording), // in progress
            recording(4, 3000, RecordingState::Partial),
            recording(5, 4000, RecordingState::Scheduled),
            recording(6, 500, RecordingState::Stopped),
            recording(7, 500, RecordingState::Failed),
        };
        // Oldest end first; ties by id.
        QCOMPARE(ids(DvrPolicy::removable(all)), (QList<qint64> {6, 7, 4, 1}));
    }

    void expiredByAge_data()
    {
        QTest::addColumn<int>("keepDays");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("never") << 0 << QList<qint64> {};
        QTest::newRow("30 days") << 30 << QList<qint64> {1};
        QTest::newRow("5 days") << 5 << QList<qint64> {1, 3};
    }
    void expiredByAge()
    {
        QFETCH(int, keepDays);
        QFETCH(QList<qint64>, expected);
        const qint64 now = 100 * kDay;
        const QList<Recording> all {
            recording(1, now - 31 * kDay, RecordingState::Finished),
            recording(2, now - 40 * kDay, RecordingState::Finished, true),
            recording(3, now - 6 * kDay, RecordingState::Partial),
            recording(4, now - 1 * kDay, RecordingState::Finished),
        };
        QCOMPARE(ids(DvrPolicy::expired(all, now, keepDays)), expected);
    }

    void admission_data()
    {
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<qint64>("pinned");
        QTest::addColumn<bool>("autoCleanup");
        QTest::addColumn<bool>("admitted");
        QTest::addColumn<QList<qint64>>("removed");
        // Quota 1000; candidates 10 (frees 300) then 11 (frees 500), oldest first.
        QTest::newRow("fits") << qint64(400) << qint64(600) << true << true << QList<qint64> {};
        QTest::newRow("fits exactly")
            << qint64(400) << qint64(600) << false << true << QList<qint64> {};
        QTest::newRow("clean-up frees the oldest")
            << qint64(600) << qint64(600) << true << true << QList<qint64> {10};
        QTest::newRow("clean-up needs both")
            << qint64(900) << qint64(600) << true << true << QList<qint64> {10, 11};
        QTest::newRow("even clean-up is not enough")
            << qint64(1300) << qint64(600) << true << false << QList<qint64> {};
        QTest::newRow("clean-up off")
            << qint64(600) << qint64(600) << false << false << QList<qint64> {};
        QTest::newRow("over quota already")
            << qint64(1) << qint64(1200) << false << false << QList<qint64> {};
    }
    void admission()
    {
        QFETCH(qint64, expected);
        QFETCH(qint64, pinned);
        QFETCH(bool, autoCleanup);
        QFETCH(bool, admitted);
        QFETCH(QList<qint64>, removed);
        DvrSettings settings;
        settings.quotaBytes = 1000;
        settings.autoCleanup = autoCleanup;
        const QList<DvrPolicy::Candidate> candidates {
            {recording(10, 1000, RecordingState::Finished), 300},
            {recording(11, 2000, RecordingState::Finished), 500},
        };
        const DvrPolicy::Admission admission
            = DvrPolicy::admit(expected, pinned, settings, candidates);
        QCOMPARE(admission.admitted, admitted);
        QCOMPARE(admission.cleanup.ids, removed);
        if (!admitted) {
            // Says how much is free and what would make room.
            QVERIFY2(admission.refusal.contains(
                         DvrPolicy::formatBytes(std::max<qint64>(0, 1000 - pinned))),
                qPrintable(admission.refusal));
            QVERIFY2(
                admission.refusal.contains(QStringLiteral("quota")), qPrintable(admission.refusal));
        }
    }
};

QTEST_GUILESS_MAIN(TestDvrPolicy)
#include "tst_dvr_policy.moc"
