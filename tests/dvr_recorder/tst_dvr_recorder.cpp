// The Recorder over a real segment store and SQLite file, with the engine around it replaced by
// hooks the test sets: a clock it moves by hand, a channel, a measured bitrate, the free disk.
// Segments are committed as the ingest would, so every rule runs against real rows and files.
#include "TestSupport.h"
#include "dvr/Recorder.h"
#include "dvr/RecordingDirectory.h"
#include "hls/SegmentStore.h"
#include "storage/Database.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

namespace {

constexpr qint64 kChannel = 1;
constexpr qint64 kT0 = 1'800'000'000'000; // a wall-clock instant in 2027, in ms

struct Fixture {
    QTemporaryDir dir;
    test::StoreFixture storage;
    RecordingDirectory directory;
    std::unique_ptr<Recorder> recorder;
    qint64 now = kT0;
    qint64 bitrate = 0; // bits per second
    qint64 diskFree = 1'000'000'000'000;
    QList<qint64> demands; // channels whose demand changed, in order
    qint64 nextSegmentStart = kT0 - 120'000; // two minutes of buffer before kT0

    Fixture()
    {
        const QString error = storage.open(dir.path());
        if (!error.isEmpty())
            qFatal("cannot open the store: %s", qPrintable(error));
        restart();
    }

    // A new Recorder on the same database, as after a crash of the program.
    void restart(const DvrSettings &settings = {})
    {
        recorder.reset();
        Recorder::Hooks hooks;
        hooks.channel = [](qint64 id) -> std::optional<ChannelConfig> {
            if (id != kChannel)
                return std::nullopt;
            ChannelConfig channel = test::makeChannel(kChannel, kDemoSourceUrl, 4000);
            channel.name = QStringLiteral("News");
            return channel;
        };
        hooks.measuredBitrate = [this](qint64) { return bitrate; };
        hooks.demandChanged = [this](qint64 id) { demands.append(id); };
        hooks.nowUtcMs = [this] { return now; };
        hooks.diskFreeBytes = [this] { return diskFree; };
        recorder = std::make_unique<Recorder>(*storage.db, *storage.store, directory, hooks);
        recorder->setSettings(settings);
    }

    // Appends 4 s segments of `bytes` each until the buffer reaches `untilUtcMs`.
    void deliverUntil(qint64 untilUtcMs, int bytes = 1000)
    {
        while (nextSegmentStart + 4000 <= untilUtcMs) {
            SegmentInfo info;
            info.channelId = kChannel;
            info.startUtcMs = nextSegmentStart;
            info.durationMs = 4000;
            const QString error = test::commitSegment(*storage.store, info, QByteArray(bytes, 'x'));
            if (!error.isEmpty())
                qFatal("commit failed: %s", qPrintable(error));
            nextSegmentStart += 4000;
        }
    }

    RecordingChange record(qint64 startUtcMs, int minutes, const QString &title = {})
    {
        RecordingRequest request;
        request.channelId = kChannel;
        request.startUtcMs = startUtcMs;
        request.minutes = minutes;
        request.title = title;
        return recorder->create(request);
    }

    // A done recording of [startUtcMs, startUtcMs + 1 min), made by recording and letting time
    // pass.
    qint64 finishedRecording(qint64 startUtcMs, bool keep = false)
    {
        const RecordingChange change = record(startUtcMs, 1);
        if (!change.ok())
            qFatal("cannot record: %s", qPrintable(change.error));
        if (keep)
            recorder->edit(change.recording.id, std::nullopt, true);
        return change.recording.id;
    }

    RecordingState state(qint64 id) const
    {
        const auto recording = recorder->byId(id);
        return recording ? recording->state : RecordingState::Invalid;
    }
};

} // namespace

class TestDvrRecorder : public QObject {
    Q_OBJECT
private slots:
    void refusesWhatCannotBeRecorded_data()
    {
        QTest::addColumn<qint64>("channel");
        QTest::addColumn<qint64>("startOffsetMs"); // from now; 0 = now
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("sentencePart");
        QTest::newRow("unknown channel")
            << qint64(9) << qint64(0) << 60 << int(RecordingChange::Outcome::NotFound) << "channel"
            << "no channel 9";
        QTest::newRow("zero minutes")
            << kChannel << qint64(0) << 0 << int(RecordingChange::Outcome::Invalid) << "minutes"
            << "720";
        QTest::newRow("more than 12 hours")
            << kChannel << qint64(0) << 721 << int(RecordingChange::Outcome::Invalid) << "minutes"
            << "721";
        QTest::newRow("older than the buffer") << kChannel << qint64(-10 * 60'000) << 60
                                               << int(RecordingChange::Outcome::Invalid) << "start"
                                               << "begins at";
    }
    void refusesWhatCannotBeRecorded()
    {
        QFETCH(qint64, channel);
        QFETCH(qint64, startOffsetMs);
        QFETCH(int, minutes);
        QFETCH(int, outcome);
        QFETCH(QString, field);
        QFETCH(QString, sentencePart);
        Fixture f;
        f.deliverUntil(kT0);
        RecordingRequest request;
        request.channelId = channel;
        request.startUtcMs = startOffsetMs ? kT0 + startOffsetMs : 0;
        request.minutes = minutes;
        const RecordingChange change = f.recorder->create(request);
        QCOMPARE(int(change.outcome), outcome);
        QCOMPARE(change.field, field);
        QVERIFY2(change.error.contains(sentencePart), qPrintable(change.error));
        QVERIFY(f.recorder->all().isEmpty());
        QVERIFY(f.storage.store->pinIds().isEmpty());
    }

    void recordNowRunsToItsEnd()
    {
        Fixture f;
        f.deliverUntil(kT0);
        QSignalSpy updated(f.recorder.get(), &Recorder::recordingUpdated);
        const RecordingChange change = f.record(0, 1);
        QVERIFY2(change.ok(), qPrintable(change.error));
        const qint64 id = change.recording.id;
        QCOMPARE(change.recording.state, RecordingState::Recording);
        QCOMPARE(change.recording.startUtcMs, kT0);
        QCOMPARE(change.recording.endUtcMs, kT0 + 60'000);
        QVERIFY2(change.recording.title.startsWith(QStringLiteral("News ")),
            qPrintable(change.recording.title));
        QVERIFY(f.recorder->needsChannel(kChannel));
        QCOMPARE(f.demands, QList<qint64> {kChannel});

        // The end passes, but the segment that holds it is not stored yet: still recording.
        f.now = kT0 + 61'000;
        f.deliverUntil(kT0 + 56'000);
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Recording);
        f.deliverUntil(kT0 + 64'000);
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Finished);
        QVERIFY(f.recorder->byId(id)->gaps.isEmpty());
        QVERIFY(!f.recorder->needsChannel(kChannel));
        QCOMPARE(f.demands, (QList<qint64> {kChannel, kChannel}));
        // The 15 segments of the range are its size.
        QCOMPARE(f.recorder->byId(id)->sizeBytes, 15 * 1000);
        QVERIFY(updated.count() > 0);
    }

    void recordingThePastPinsTheBufferAtOnce()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const RecordingChange change = f.record(kT0 - 60'000, 1, QStringLiteral("Goal"));
        QVERIFY2(change.ok(), qPrintable(change.error));
        QCOMPARE(change.recording.title, QStringLiteral("Goal"));
        // Nothing copied: the 15 segments already in the buffer are now pinned.
        QCOMPARE(f.recorder->pinnedBytes(), 15 * 1000);
        QCOMPARE(change.recording.sizeBytes, 15 * 1000);
        f.deliverUntil(kT0 + 4000);
        f.recorder->tick();
        QCOMPARE(f.state(change.recording.id), RecordingState::Finished);
    }

    void stopEndsNowAndKeepsWhatWasRecorded()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const qint64 id = f.record(0, 30).recording.id;
        f.now = kT0 + 20'000;
        f.deliverUntil(kT0 + 20'000);
        const RecordingChange stopped = f.recorder->stop(id);
        QVERIFY2(stopped.ok(), qPrintable(stopped.error));
        QCOMPARE(stopped.recording.endUtcMs, kT0 + 20'000);
        QCOMPARE(f.recorder->stop(id).outcome, RecordingChange::Outcome::Refused);
        f.deliverUntil(kT0 + 24'000);
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Finished);
        QCOMPARE(f.recorder->byId(id)->durationMs(), 20'000);
    }

    void aLostSourceMakesItPartialWithTheGap()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const qint64 id = f.record(0, 1).recording.id;
        f.deliverUntil(kT0 + 20'000);
        f.nextSegmentStart = kT0 + 32'000; // the source was down for 12 s
        f.deliverUntil(kT0 + 64'000);
        f.now = kT0 + 64'000;
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Partial);
        QCOMPARE(f.recorder->byId(id)->gaps, (QList<RecordingGap> {{kT0 + 20'000, kT0 + 32'000}}));
    }

    void nothingRecordedIsAFailureWithAReason()
    {
        Fixture f;
        const qint64 id = f.record(0, 1).recording.id;
        f.now = kT0 + 60'000;
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Recording); // may still come
        f.now = kT0 + 70'000;
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Failed);
        QVERIFY(f.recorder->byId(id)->reason.contains(QStringLiteral("source")));
    }

    void aFutureStartIsScheduled()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const RecordingChange change = f.record(kT0 + 30'000, 1);
        QCOMPARE(change.recording.state, RecordingState::Scheduled);
        QVERIFY(!f.recorder->needsChannel(kChannel));
        QCOMPARE(f.recorder->stop(change.recording.id).outcome, RecordingChange::Outcome::Refused);
        f.now = kT0 + 30'000;
        f.recorder->tick();
        QCOMPARE(f.state(change.recording.id), RecordingState::Recording);
        QVERIFY(f.recorder->needsChannel(kChannel));
    }

    void extendMovesTheEndWithinTheLimit()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const qint64 id = f.record(0, 700).recording.id;
        QCOMPARE(f.recorder->extend(id, 21).outcome, RecordingChange::Outcome::Invalid);
        const RecordingChange extended = f.recorder->extend(id, 20);
        QVERIFY2(extended.ok(), qPrintable(extended.error));
        QCOMPARE(extended.recording.endUtcMs, kT0 + 720 * 60'000LL);
        QCOMPARE(f.recorder->extend(id, 0).outcome, RecordingChange::Outcome::Invalid);
    }

    void aFullQuotaRefusesWithHowMuchIsFree()
    {
        DvrSettings settings;
        settings.quotaBytes = 1'000'000;
        settings.autoCleanup = false;
        Fixture f;
        f.restart(settings);
        f.deliverUntil(kT0);
        f.bitrate = 800'000; // 100 kB/s: an hour is 360 MB
        const RecordingChange change = f.record(0, 60);
        QCOMPARE(change.outcome, RecordingChange::Outcome::Refused);
        QVERIFY2(
            change.error.contains(DvrPolicy::formatBytes(1'000'000)), qPrintable(change.error));
        QVERIFY(f.recorder->all().isEmpty());
        // Five seconds fit.
        f.bitrate = 1000;
        QVERIFY(f.record(0, 1).ok());
    }

    void cleanUpRemovesTheOldestNotKept()
    {
        Fixture f;
        f.deliverUntil(kT0);
        // Three finished, disjoint minute-long recordings of the buffer: 15 kB each.
        f.now = kT0 + 200'000;
        f.deliverUntil(kT0 + 200'000);
        const qint64 kept = f.finishedRecording(kT0 - 120'000, true);
        const qint64 oldest = f.finishedRecording(kT0 - 60'000);
        const qint64 newer = f.finishedRecording(kT0);
        f.recorder->tick();
        QCOMPARE(f.state(oldest), RecordingState::Finished);
        QCOMPARE(f.recorder->nextCleanup(), (QList<qint64> {oldest, newer}));

        DvrSettings settings;
        settings.quotaBytes = f.recorder->pinnedBytes() + 5000;
        f.recorder->setSettings(settings);
        QSignalSpy cleaned(f.recorder.get(), &Recorder::recordingCleanedUp);
        f.bitrate = 2000; // 250 B/s: a minute is 15 kB, 10 kB more than is free
        const RecordingChange change = f.record(0, 1);
        QVERIFY2(change.ok(), qPrintable(change.error));
        QVERIFY(!f.recorder->byId(oldest));
        QVERIFY(f.recorder->byId(kept));
        QVERIFY(f.recorder->byId(newer)); // removing the oldest made enough room
        QCOMPARE(cleaned.count(), 1);
        QCOMPARE(cleaned.first().at(0).value<Recording>().id, oldest);
        QVERIFY2(cleaned.first().at(1).toString().contains(QStringLiteral("quota")),
            qPrintable(cleaned.first().at(1).toString()));
        QVERIFY(!f.storage.store->pinIds().contains(oldest));
    }

    void outgrowingTheQuotaStopsAndKeeps()
    {
        DvrSettings settings;
        settings.quotaBytes = 10'000;
        Fixture f;
        f.restart(settings);
        f.deliverUntil(kT0);
        const qint64 id = f.record(0, 10).recording.id;
        f.deliverUntil(kT0 + 36'000); // nine segments of 1 kB: the quota is nearly full
        f.now = kT0 + 37'000;
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Recording);
        f.deliverUntil(kT0 + 40'000, 5000);
        f.now = kT0 + 41'000;
        f.recorder->tick();
        const Recording stopped = *f.recorder->byId(id);
        QCOMPARE(stopped.state, RecordingState::Stopped);
        QVERIFY2(
            stopped.reason.startsWith(QStringLiteral("quota full")), qPrintable(stopped.reason));
        // It ends with the last stored segment and keeps all of it.
        QCOMPARE(stopped.endUtcMs, kT0 + 40'000);
        QCOMPARE(stopped.sizeBytes, 9 * 1000 + 5000);
        QVERIFY(!f.recorder->needsChannel(kChannel));
    }

    void aFullDiskStopsAndKeeps()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const qint64 id = f.record(0, 10).recording.id;
        f.deliverUntil(kT0 + 8000);
        f.diskFree = Recorder::kDiskReserveBytes - 1;
        f.now = kT0 + 9000;
        f.recorder->tick();
        const Recording stopped = *f.recorder->byId(id);
        QCOMPARE(stopped.state, RecordingState::Stopped);
        QVERIFY2(
            stopped.reason.startsWith(QStringLiteral("disk full")), qPrintable(stopped.reason));
        QCOMPARE(stopped.sizeBytes, 2 * 1000);
    }

    void aRestartResumesAndFinishes()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const qint64 id = f.record(0, 1).recording.id;
        f.deliverUntil(kT0 + 20'000);
        // Killed: nothing was written at exit. A new Recorder picks it up.
        f.restart();
        f.demands.clear();
        f.now = kT0 + 22'000;
        f.recorder->load();
        QCOMPARE(f.state(id), RecordingState::Recording);
        QCOMPARE(f.demands, QList<qint64> {kChannel}); // the ingest is wanted again
        QCOMPARE(f.storage.store->pinIds(), QList<qint64> {id});
        f.deliverUntil(kT0 + 64'000);
        f.now = kT0 + 64'000;
        f.recorder->tick();
        QCOMPARE(f.state(id), RecordingState::Finished);

        // Down past the end of another one: it finishes at start with what it has.
        const qint64 second = f.record(0, 1).recording.id; // starts at kT0 + 64 s
        f.deliverUntil(kT0 + 80'000);
        f.restart();
        f.now = kT0 + 200'000;
        f.recorder->load();
        QCOMPARE(f.state(second), RecordingState::Partial);
    }

    void loadDropsPinsWithoutARecording()
    {
        Fixture f;
        QVERIFY(f.storage.store->setPin(42, kChannel, 0, kT0, nullptr));
        f.recorder->load();
        QVERIFY(f.storage.store->pinIds().isEmpty());
    }

    void oldRecordingsAreCleanedUpByAge()
    {
        Fixture f;
        f.deliverUntil(kT0);
        f.now = kT0 + 120'000;
        f.deliverUntil(kT0 + 120'000);
        const qint64 old = f.finishedRecording(kT0 - 60'000);
        const qint64 kept = f.finishedRecording(kT0, true);
        f.recorder->tick();
        QSignalSpy cleaned(f.recorder.get(), &Recorder::recordingCleanedUp);
        f.now += 2 * 24 * 3600 * 1000LL;
        DvrSettings settings;
        settings.keepDays = 1;
        f.recorder->setSettings(settings);
        QVERIFY(!f.recorder->byId(old));
        QVERIFY(f.recorder->byId(kept));
        QCOMPARE(cleaned.count(), 1);
        QVERIFY(cleaned.first().at(1).toString().contains(QStringLiteral("1 day")));
    }

    void deletingReleasesTheSegments()
    {
        Fixture f;
        f.deliverUntil(kT0);
        const qint64 id = f.record(kT0 - 60'000, 1).recording.id;
        QVERIFY(f.recorder->pinnedBytes() > 0);
        QSignalSpy removed(f.recorder.get(), &Recorder::recordingRemoved);
        QVERIFY(f.recorder->remove(id).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(f.recorder->pinnedBytes(), 0);
        QVERIFY(!f.directory.byId(id));
        QCOMPARE(f.recorder->remove(id).outcome, RecordingChange::Outcome::NotFound);
        QVERIFY(!f.recorder->needsChannel(kChannel));
    }
};

QTEST_GUILESS_MAIN(TestDvrRecorder)
#include "tst_dvr_recorder.moc"
