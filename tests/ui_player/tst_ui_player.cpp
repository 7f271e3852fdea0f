// The built-in player for real: Qt Multimedia plays the demo channel's live HLS from PanelX's
// own HTTP server, and the test sees decoded frames arrive and the position advance. Media
// errors reach the page in words.
#include "EngineClient.h"
#include "TestSupport.h"
#include "player/PlayerPage.h"

#include <QLabel>
#include <QMediaPlayer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QVideoFrame>
#include <QVideoSink>

using namespace panelx;

class TestUiPlayer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void playsDemoChannelFromOwnServer();
    void silentChannelErrorIsShownInWords();
    void describeErrorSaysWhatToDo_data();
    void describeErrorSaysWhatToDo();

private:
    qint64 demoChannelId() const;

    QTemporaryDir m_dir;
    std::unique_ptr<EngineClient> m_client;
};

void TestUiPlayer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    EngineOptions options;
    options.dataDir = m_dir.path();
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = true;
    m_client = std::make_unique<EngineClient>(options);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->serverState() == EngineClient::ServerState::Running, 20000);
    QVERIFY(demoChannelId() != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->status(demoChannelId()).state, ChannelState::Live, 30000);
    // Players start a few segments behind live; wait until the playlist has them.
    const QString url = m_client->liveUrl(demoChannelId());
    QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));
    QTRY_VERIFY_WITH_TIMEOUT(test::httpRequest(url).body.count("#EXTINF") >= 2, 30000);
}

void TestUiPlayer::cleanupTestCase()
{
    if (!m_client)
        return;
    QSignalSpy down(m_client.get(), &EngineClient::shutDown);
    m_client->shutdown();
    QVERIFY(down.count() == 1 || down.wait(20000));
    m_client.reset();
}

qint64 TestUiPlayer::demoChannelId() const
{
    for (const ChannelConfig &channel : m_client->channels())
        if (channel.sourceUrl == kDemoSourceUrl)
            return channel.id;
    return 0;
}

void TestUiPlayer::playsDemoChannelFromOwnServer()
{
    PlayerPage page(m_client.get());
    page.resize(640, 480);
    page.show();
    QVERIFY(page.videoSink());
    int frames = 0;
    QSize frameSize;
    connect(page.videoSink(), &QVideoSink::videoFrameChanged, this, [&](const QVideoFrame &frame) {
        if (frame.isValid()) {
            ++frames;
            frameSize = frame.size();
        }
    });
    QSignalSpy errors(page.mediaPlayer(), &QMediaPlayer::errorOccurred);

    page.play(demoChannelId());
    QCOMPARE(page.mediaPlayer()->source().toString(), m_client->liveUrl(demoChannelId()));
    QTRY_VERIFY2_WITH_TIMEOUT(
        frames >= 25 || !errors.isEmpty(), qPrintable(page.statusText()), 60000);
    QVERIFY2(errors.isEmpty(), qPrintable(page.statusText()));
    QCOMPARE(frameSize, QSize(1280, 720)); // the demo pattern's size
    QCOMPARE(page.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState);

    const qint64 firstPositionMs = page.mediaPlayer()->position();
    const int firstFrames = frames;
    QTRY_VERIFY_WITH_TIMEOUT(page.mediaPlayer()->position() >= firstPositionMs + 2000, 30000);
    QVERIFY(frames > firstFrames + 25);
    QVERIFY2(page.statusText().contains(QStringLiteral("Playing")), qPrintable(page.statusText()));
    qInfo("player: %d frames, position %lld ms", frames, page.mediaPlayer()->position());

    // Pause holds the picture; play resumes.
    page.togglePlayPause();
    QCOMPARE(page.mediaPlayer()->playbackState(), QMediaPlayer::PausedState);
    page.togglePlayPause();
    QCOMPARE(page.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState);
    page.stop();
}

void TestUiPlayer::silentChannelErrorIsShownInWords()
{
    // A channel whose source never sends has no live playlist yet: the player's backend fails
    // to load it, and the page says so instead of showing a silent black picture.
    QUdpSocket reserve;
    QVERIFY(reserve.bind(QHostAddress::LocalHost, 0));
    ChannelConfig channel;
    channel.name = QStringLiteral("Silent");
    channel.sourceUrl = QStringLiteral("udp://127.0.0.1:%1").arg(reserve.localPort());
    reserve.close();
    QSignalSpy added(m_client.get(), &EngineClient::channelAdded);
    m_client->addChannel(channel);
    QVERIFY(added.wait(10000));
    const qint64 id = added.first().first().value<ChannelConfig>().id;
    QVERIFY(!m_client->liveUrl(id).isEmpty());

    PlayerPage page(m_client.get());
    page.show();
    QSignalSpy errors(page.mediaPlayer(), &QMediaPlayer::errorOccurred);
    page.play(id);
    QVERIFY(errors.wait(30000));
    QTRY_VERIFY(page.statusText().contains(QStringLiteral("Playback failed")));
    qInfo("error shown: %s", qPrintable(page.statusText()));

    // A stopped channel is not even tried: the page says how to get it on air.
    m_client->setChannelEnabled(id, false);
    QTRY_VERIFY(!m_client->channel(id)->enabled);
    page.play(id);
    QVERIFY(page.mediaPlayer()->source().isEmpty());
    QVERIFY2(page.statusText().contains(QStringLiteral("Start it on the Channels page")),
        qPrintable(page.statusText()));
}

void TestUiPlayer::describeErrorSaysWhatToDo_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("resource") << int(QMediaPlayer::ResourceError) << "channel is live";
    QTest::newRow("format") << int(QMediaPlayer::FormatError) << "gstreamer1.0-libav";
    QTest::newRow("network") << int(QMediaPlayer::NetworkError) << "PanelX is serving";
    QTest::newRow("access") << int(QMediaPlayer::AccessDeniedError) << "refused";
}

void TestUiPlayer::describeErrorSaysWhatToDo()
{
    QFETCH(int, error);
    QFETCH(QString, expected);
    const QString text = PlayerPage::describeError(
        static_cast<QMediaPlayer::Error>(error), QStringLiteral("boom"));
    QVERIFY2(text.contains(expected) && text.contains(QStringLiteral("boom")), qPrintable(text));
}

QTEST_MAIN(TestUiPlayer)
#include "tst_ui_player.moc"
