// The Engine facade as the window uses it: on a worker thread, driven by queued calls, heard
// through its signals. Signals come from the engine thread and may fire before a
// QSignalSpy::wait() begins, so the tests poll the spies' counts instead.
#include "Engine.h"
#include "TestSupport.h"
#include "transcode/RenditionDirectory.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace panelx;

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        EngineOptions options;
        options.dataDir = m_dir->path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        const QString failure = m_running.start(options);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_engine = m_running.engine();
    }

    void cleanup()
    {
        QVERIFY(m_running.stop());
        m_dir.reset();
    }

    // Regression: the housekeeping timer was not the Engine's child, so it stayed on the
    // creating thread when the Engine moved, and viewers and buffer sizes were never reported.
    void reportsBufferBytesFromAWorkerThread()
    {
        qint64 reported = 0;
        connect(m_engine, &Engine::channelStatusChanged, this,
            [&](const ChannelStatus &status) { reported = qMax(reported, status.bufferBytes); });
        QVERIFY2(test::waitFor([&] { return reported > 0; }, 40000),
            "no status with the demo channel's bytes on disk arrived");
    }

    void refusesAChannelWithoutNameOrSource()
    {
        QSignalSpy failed(m_engine, &Engine::requestFailed);
        QSignalSpy added(m_engine, &Engine::channelAdded);
        ChannelConfig channel;
        channel.sourceUrl = QStringLiteral("htp://nowhere");
        QMetaObject::invokeMethod(
            m_engine, [&] { m_engine->addChannel(channel); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 5000);
        const QString reason = failed.first().at(1).toString();
        QVERIFY2(reason.contains(QStringLiteral("name"), Qt::CaseInsensitive), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("htp")), qPrintable(reason));
        QCOMPARE(added.count(), 0);
    }

    void renameKeepsTheViewerUrl()
    {
        QSignalSpy added(m_engine, &Engine::channelAdded);
        QSignalSpy updated(m_engine, &Engine::channelUpdated);
        ChannelConfig channel;
        channel.name = QStringLiteral("News One");
        channel.sourceUrl = QStringLiteral("udp://127.0.0.1:1");
        channel.enabled = false;
        QMetaObject::invokeMethod(
            m_engine, [&] { m_engine->addChannel(channel); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(added.count() > 0, 5000);
        ChannelConfig stored = added.first().at(0).value<ChannelConfig>();
        QCOMPARE(stored.slug, QStringLiteral("news-one"));
        stored.name = QStringLiteral("World News");
        QMetaObject::invokeMethod(
            m_engine, [&] { m_engine->updateChannel(stored); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() > 0, 5000);
        const ChannelConfig renamed = updated.first().at(0).value<ChannelConfig>();
        QCOMPARE(renamed.name, QStringLiteral("World News"));
        QCOMPARE(renamed.slug, QStringLiteral("news-one"));
    }

    // The ladder is one more listener of the channel's ingest: turning it on or off (or
    // changing it) leaves the ingest and its copy rendition running, and the channel's status
    // carries the rungs' figures while it runs.
    void ladderFollowsTheChannelWithoutRestartingIt()
    {
        ChannelStatus latest;
        bool restarted = false;
        bool watching = false;
        QObject listening; // disconnects when the test ends
        connect(
            m_engine, &Engine::channelStatusChanged, &listening, [&](const ChannelStatus &status) {
                latest = status;
                if (watching && status.state != ChannelState::Live)
                    restarted = true;
            });
        ChannelConfig demo;
        QVERIFY(QMetaObject::invokeMethod(
            m_engine, [&] { demo = m_engine->channels().first(); }, Qt::BlockingQueuedConnection));
        QTRY_VERIFY_WITH_TIMEOUT(latest.state == ChannelState::Live, 30000);

        watching = true;
        demo.abr.enabled = true;
        demo.abr.rungs = {QStringLiteral("1080p"), QStringLiteral("360p")};
        demo.abr.preset = QStringLiteral("ultrafast");
        QMetaObject::invokeMethod(
            m_engine, [&] { m_engine->updateChannel(demo); }, Qt::QueuedConnection);
        const auto rungState = [&](int index) {
            return latest.rungs.size() == 2 ? latest.rungs[index].state : RungState::Invalid;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rungState(1) == RungState::Running, 60000);
        QCOMPARE(rungState(0), RungState::Skipped); // the demo is 720p
        QCOMPARE(latest.rungs[1].rendition, QStringLiteral("360p"));
        QCOMPARE(latest.rungs[1].width, 640);
        const RenditionDirectory *renditions = m_engine->renditions();
        QVERIFY(renditions);
        QTRY_COMPARE_WITH_TIMEOUT(renditions->live(demo.id).size(), 1, 10000);
        QCOMPARE(renditions->live(demo.id).first().rendition, QStringLiteral("360p"));

        demo.abr.enabled = false;
        QMetaObject::invokeMethod(
            m_engine, [&] { m_engine->updateChannel(demo); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(latest.rungs.isEmpty(), 20000);
        QVERIFY(renditions->live(demo.id).isEmpty());
        QVERIFY2(!restarted, "the ingest restarted for a change of the ladder");
        QCOMPARE(latest.state, ChannelState::Live);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    test::EngineThread m_running;
    Engine *m_engine = nullptr;
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
