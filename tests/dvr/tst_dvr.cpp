// Recordings end to end on real sources with 1 s segments: the engine on its own thread as the
// window runs it, the viewer server over loopback, ffprobe/ffmpeg as independent checkers, and
// the headless program killed with SIGKILL mid-recording.
#include "Engine.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace panelx;
using namespace panelx::test;

namespace {

constexpr int kSegmentMs = 1000;

// ffprobe's duration of a playlist or file in seconds; -1 when it cannot read it.
double probedSeconds(const QString &url)
{
    QByteArray out;
    const int code = runProgram(QStringLiteral("ffprobe"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
            QStringLiteral("format=duration"), QStringLiteral("-of"), QStringLiteral("csv=p=0"),
            url},
        60000, &out);
    bool ok = false;
    const double seconds = out.trimmed().toDouble(&ok);
    return code == 0 && ok ? seconds : -1;
}

// Decodes every frame, as a player playing it through does; true when ffmpeg finds no error.
bool playsThrough(const QString &url, QByteArray *errors)
{
    return runProgram(QStringLiteral("ffmpeg"),
               {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), url,
                   QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
               120000, nullptr, errors)
        == 0;
}

} // namespace

class TestDvr : public QObject {
    Q_OBJECT

    // Runs `call` on the engine's thread and returns its result.
    template<typename Call> auto onEngine(Call call)
    {
        decltype(call()) result;
        QMetaObject::invokeMethod(
            m_engine, [&] { result = call(); }, Qt::BlockingQueuedConnection);
        return result;
    }

    ChannelConfig addChannel(const QString &name, const QString &url, bool enabled = true)
    {
        ChannelConfig channel;
        channel.name = name;
        channel.sourceUrl = url;
        channel.segmentDurationMs = kSegmentMs;
        channel.enabled = enabled;
        const ChannelChange change = onEngine([&] { return m_engine->createChannel(channel); });
        if (!change.ok())
            qFatal("cannot add a channel: %s", qPrintable(change.error));
        return change.channel;
    }

    bool waitForBuffer(qint64 channelId, qint64 ms, int timeoutMs = 40000)
    {
        return waitFor([&] { return bufferedMs(channelId) >= ms; }, timeoutMs);
    }

    // How much media the channel's buffer holds, from the index the server renders from.
    qint64 bufferedMs(qint64 channelId)
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("check"));
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "SELECT COALESCE(SUM(duration_ms), 0) FROM segments WHERE channel_id = ?"));
        query.addBindValue(channelId);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    }

    Recording recording(qint64 id)
    {
        return onEngine([&] { return m_engine->recording(id).value_or(Recording {}); });
    }

    bool waitUntilDone(qint64 id, int timeoutMs = 30000)
    {
        return waitFor([&] { return isDone(recording(id).state); }, timeoutMs);
    }

    QString playlistUrl(qint64 id)
    {
        return QStringLiteral("http://127.0.0.1:%1/recordings/%2.m3u8")
            .arg(onEngine([&] { return m_engine->httpPort(); }))
            .arg(id);
    }

private slots:
    void initTestCase()
    {
        if (!haveProgram(QStringLiteral("ffprobe")) || !haveProgram(QStringLiteral("ffmpeg")))
            QFAIL("ffmpeg and ffprobe are needed as independent checkers "
                  "(installer/install-deps.sh)");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        EngineOptions options;
        options.dataDir = m_dir->path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        options.createDemoChannel = false;
        const QString failure = m_running.start(options);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_engine = m_running.engine();
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("panelx.db")));
        QVERIFY(db.open());
    }

    void cleanup()
    {
        QSqlDatabase::database(QStringLiteral("check")).close();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        QVERIFY(m_running.stop());
        m_dir.reset();
    }

    void recordNowStopAndPlay()
    {
        const ChannelConfig channel = addChannel(QStringLiteral("News"), kDemoSourceUrl);
        QVERIFY(waitForBuffer(channel.id, 2000));
        RecordingRequest request;
        request.channelId = channel.id;
        request.minutes = 1;
        const RecordingChange created
            = onEngine([&] { return m_engine->createRecording(request); });
        QVERIFY2(created.ok(), qPrintable(created.error));
        QCOMPARE(created.recording.state, RecordingState::Recording);
        const qint64 id = created.recording.id;
        QVERIFY(waitFor(
            [&] { return recording(id).sizeBytes > 0 && bufferedMs(channel.id) >= 8000; }, 30000));
        const RecordingChange stopped = onEngine([&] { return m_engine->stopRecording(id); });
        QVERIFY2(stopped.ok(), qPrintable(stopped.error));
        QVERIFY(waitUntilDone(id));
        const Recording done = recording(id);
        QCOMPARE(done.state, RecordingState::Finished);
        QVERIFY(done.gaps.isEmpty());
        // What ffprobe reads from the VOD playlist lasts as long as the recording, ±1 segment.
        const double seconds = probedSeconds(playlistUrl(id));
        QVERIFY2(qAbs(seconds * 1000 - done.durationMs()) <= kSegmentMs + 500,
            qPrintable(QStringLiteral("ffprobe %1 s, recording %2 ms")
                           .arg(seconds)
                           .arg(done.durationMs())));
    }

    void recordingThePastReturnsAtOnceAndPlays()
    {
        const ChannelConfig channel = addChannel(QStringLiteral("Sport"), kDemoSourceUrl);
        QVERIFY(waitForBuffer(channel.id, 13000));
        RecordingRequest request;
        request.channelId = channel.id;
        request.startUtcMs = QDateTime::currentMSecsSinceEpoch() - 10'000;
        request.minutes = 1;
        const RecordingChange created
            = onEngine([&] { return m_engine->createRecording(request); });
        QVERIFY2(created.ok(), qPrintable(created.error));
        // The ten seconds are already there: pinned, not copied.
        QVERIFY2(
            created.recording.sizeBytes > 0, "the buffer's past was not part of the recording");
        const qint64 id = created.recording.id;
        QVERIFY(onEngine([&] { return m_engine->stopRecording(id); }).ok());
        QVERIFY(waitUntilDone(id));
        QCOMPARE(recording(id).state, RecordingState::Finished);
        const double seconds = probedSeconds(playlistUrl(id));
        QVERIFY2(seconds >= 9 && seconds <= 12, qPrintable(QString::number(seconds)));
        QByteArray errors;
        QVERIFY2(playsThrough(playlistUrl(id), &errors), errors.constData());
    }

    void aLostSourceLeavesOneGapAndPlaysThrough()
    {
        const quint16 port = freeUdpPort();
        std::unique_ptr<QProcess> sender = startUdpSender(port);
        QVERIFY(sender);
        const ChannelConfig channel = addChannel(QStringLiteral("Multicast"),
            QStringLiteral("udp://127.0.0.1:%1?localaddr=127.0.0.1").arg(port));
        QVERIFY(waitForBuffer(channel.id, 3000));
        RecordingRequest request;
        request.channelId = channel.id;
        request.minutes = 1;
        const qint64 id = onEngine([&] { return m_engine->createRecording(request); }).recording.id;
        QVERIFY(id > 0);
        const qint64 before = bufferedMs(channel.id);
        QVERIFY(waitForBuffer(channel.id, before + 3000));

        sender->kill();
        sender->waitForFinished(5000);
        QVERIFY(waitFor(
            [&] {
                return onEngine([&] { return m_engine->status(channel.id).state; })
                    == ChannelState::Reconnecting;
            },
            30000));
        sender = startUdpSender(port);
        QVERIFY(sender);
        const qint64 beforeReturn = bufferedMs(channel.id);
        QVERIFY(waitForBuffer(channel.id, beforeReturn + 3000, 60000));
        QVERIFY(onEngine([&] { return m_engine->stopRecording(id); }).ok());
        QVERIFY(waitUntilDone(id));
        const Recording done = recording(id);
        QCOMPARE(done.state, RecordingState::Partial);
        QCOMPARE(done.gaps.size(), 1);
        QVERIFY2(done.gaps.first().durationMs() >= 3000,
            qPrintable(QString::number(done.gaps.first().durationMs())));
        const QByteArray playlist = httpRequest(playlistUrl(id)).body;
        QCOMPARE(playlist.count("#EXT-X-DISCONTINUITY\n"), 1);
        // The channel's buffer, as the timeline draws it, shows the same hole inside its span.
        const BufferInfo buffer
            = onEngine([&] { return m_engine->channelBuffer(channel.id).value_or(BufferInfo {}); });
        QCOMPARE(buffer.gaps.size(), 1);
        QVERIFY(buffer.gaps.first().durationMs() >= 3000);
        QVERIFY(buffer.oldestUtcMs < buffer.gaps.first().fromUtcMs);
        QVERIFY(buffer.gaps.first().toUtcMs < buffer.newestUtcMs);
        QVERIFY(buffer.bytes > 0);
        QVERIFY(!onEngine([&] { return m_engine->channelBuffer(channel.id + 100); }));
        QByteArray errors;
        QVERIFY2(playsThrough(playlistUrl(id), &errors), errors.constData());
    }

    void recordingAStoppedChannelRunsItOnlyForTheRecording()
    {
        const ChannelConfig channel
            = addChannel(QStringLiteral("Archive"), kDemoSourceUrl, /*enabled=*/false);
        RecordingRequest request;
        request.channelId = channel.id;
        request.minutes = 1;
        const qint64 id = onEngine([&] { return m_engine->createRecording(request); }).recording.id;
        QVERIFY(id > 0);
        QVERIFY(waitForBuffer(channel.id, 3000));
        QVERIFY(onEngine([&] { return m_engine->stopRecording(id); }).ok());
        QVERIFY(waitUntilDone(id));
        QCOMPARE(recording(id).state, RecordingState::Finished);
        // Back to how it was: stopped and switched off; its recording still plays.
        QVERIFY(waitFor(
            [&] {
                return onEngine([&] { return m_engine->status(channel.id).state; })
                    == ChannelState::Stopped;
            },
            10000));
        QVERIFY(!onEngine([&] { return m_engine->channels(); }).first().enabled);
        QVERIFY(probedSeconds(playlistUrl(id)) > 1);
        // A channel with recordings is not deleted with them.
        const ChannelChange refused = onEngine([&] { return m_engine->deleteChannel(channel.id); });
        QCOMPARE(refused.outcome, ChannelChange::Outcome::Refused);
        QVERIFY2(
            refused.error.contains(QStringLiteral("Recordings page")), qPrintable(refused.error));
    }

    void recordsSeveralChannelsAtOnce()
    {
        const ChannelConfig first = addChannel(QStringLiteral("One"), kDemoSourceUrl);
        const ChannelConfig second = addChannel(QStringLiteral("Two"), kDemoSourceUrl);
        QVERIFY(waitForBuffer(first.id, 2000));
        QVERIFY(waitForBuffer(second.id, 2000));
        QList<qint64> ids;
        for (const ChannelConfig &channel : {first, first, second}) {
            RecordingRequest request;
            request.channelId = channel.id;
            request.minutes = 1;
            const RecordingChange created
                = onEngine([&] { return m_engine->createRecording(request); });
            QVERIFY2(created.ok(), qPrintable(created.error));
            ids.append(created.recording.id);
        }
        const qint64 firstBefore = bufferedMs(first.id);
        const qint64 secondBefore = bufferedMs(second.id);
        QVERIFY(waitForBuffer(first.id, firstBefore + 3000));
        QVERIFY(waitForBuffer(second.id, secondBefore + 3000));
        for (const qint64 id : ids)
            QVERIFY(onEngine([&] { return m_engine->stopRecording(id); }).ok());
        for (const qint64 id : ids) {
            QVERIFY(waitUntilDone(id));
            QCOMPARE(recording(id).state, RecordingState::Finished);
            QVERIFY(probedSeconds(playlistUrl(id)) >= 3);
        }
        // The two recordings of one channel share its segments: counted once in the quota.
        const Recording a = recording(ids[0]);
        const Recording b = recording(ids[1]);
        const Recording c = recording(ids[2]);
        const DvrUsage usage = onEngine([&] { return m_engine->dvrUsage(); });
        QVERIFY2(usage.pinnedBytes < a.sizeBytes + b.sizeBytes + c.sizeBytes,
            qPrintable(QStringLiteral("%1 pinned, sizes %2 %3 %4")
                           .arg(usage.pinnedBytes)
                           .arg(a.sizeBytes)
                           .arg(b.sizeBytes)
                           .arg(c.sizeBytes)));
    }

    void aTinyQuotaRefusesWithASentence()
    {
        const ChannelConfig channel = addChannel(QStringLiteral("Big"), kDemoSourceUrl);
        QVERIFY(waitFor(
            [&] { return onEngine([&] { return m_engine->status(channel.id).inputBitrate; }) > 0; },
            30000));
        DvrSettings settings;
        settings.quotaBytes = 1000;
        QMetaObject::invokeMethod(
            m_engine, [&] { m_engine->setDvrSettings(settings); }, Qt::BlockingQueuedConnection);
        RecordingRequest request;
        request.channelId = channel.id;
        request.minutes = 60;
        const RecordingChange refused
            = onEngine([&] { return m_engine->createRecording(request); });
        QCOMPARE(refused.outcome, RecordingChange::Outcome::Refused);
        QVERIFY2(refused.error.contains(QStringLiteral("DVR quota")), qPrintable(refused.error));
        QVERIFY(onEngine([&] { return m_engine->recordings(); }).isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    EngineThread m_running;
    Engine *m_engine = nullptr;
};

QTEST_GUILESS_MAIN(TestDvr)
#include "tst_dvr.moc"
