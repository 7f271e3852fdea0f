// The built-in player for real: Qt Multimedia plays the demo channel's live HLS from PanelX's
// own HTTP server, and the test sees decoded frames arrive and the position advance. Media
// errors reach the page in words. Timeshift on the same live engine: the timeline, −30 s, Go
// live and pause move the playing moment (its wall-clock time) where they should, and the
// player offers to resume where the user was.
#include "EngineClient.h"
#include "TestSupport.h"
#include "player/PlayerPage.h"
#include "player/QualitySelector.h"
#include "player/ThumbnailCache.h"
#include "player/TimelineBar.h"

#include <QBuffer>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
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
    void timelineSeeksSelectsAndPreviews();
    void resumeIsOfferedForAMomentStillInTheBuffer();
    void timelineClickPlaysThatMoment();
    void back30MovesBack30Seconds();
    void goLiveReturnsToTheLiveEdge();
    void pauseThenPlayResumesBehindLive();
    void selectionIsRecordedInWholeMinutes();
    void stillsAreAskedAgainAfterABusyAnswer();
    void qualitySelectorPlaysTheChosenVariant();
    // Last: turns the demo channel's ladder on.
    void fixedRungChangesTheVideoResolution();

private:
    qint64 demoChannelId() const;
    int segmentMs() const;
    // What the demo channel's buffer holds now, asked the way the page asks.
    BufferInfo buffer();
    std::optional<qint64> savedPosition(qint64 channelId);
    // Waits until the buffer reaches `ms` into the past.
    void waitForBuffer(qint64 ms);
    // The page plays the demo channel live, its playing moment known.
    void playLive(PlayerPage &page);
    // After a seek towards `targetUtcMs` (at `since`), playback runs from there: the playing
    // moment moves on past the target and sits where the target plus the time since lies.
    void expectPlayingFrom(PlayerPage &page, qint64 targetUtcMs, const QElapsedTimer &since);

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

int TestUiPlayer::segmentMs() const
{
    return m_client->channel(demoChannelId())->segmentDurationMs;
}

BufferInfo TestUiPlayer::buffer()
{
    std::optional<BufferInfo> answer;
    bool answered = false;
    m_client->channelBuffer(demoChannelId(), this, [&](const std::optional<BufferInfo> &info) {
        answer = info;
        answered = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 10000); }();
    return answer.value_or(BufferInfo {});
}

std::optional<qint64> TestUiPlayer::savedPosition(qint64 channelId)
{
    std::optional<qint64> answer;
    bool answered = false;
    m_client->playerPosition(channelId, this, [&](const std::optional<qint64> &at) {
        answer = at;
        answered = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 10000); }();
    return answer;
}

void TestUiPlayer::waitForBuffer(qint64 ms)
{
    QTRY_VERIFY_WITH_TIMEOUT(buffer().newestUtcMs - buffer().oldestUtcMs >= ms, 180000);
}

void TestUiPlayer::playLive(PlayerPage &page)
{
    page.resize(800, 600);
    page.show();
    page.play(demoChannelId());
    QTRY_VERIFY2_WITH_TIMEOUT(page.isLive() && page.playingUtcMs().has_value()
            && page.mediaPlayer()->playbackState() == QMediaPlayer::PlayingState,
        qPrintable(page.statusText()), 60000);
    QCOMPARE(page.liveText(), QStringLiteral("LIVE"));
    // The timeline spans the buffer up to live.
    QTRY_VERIFY_WITH_TIMEOUT(page.timeline()->scale().isValid(), 10000);
}

void TestUiPlayer::expectPlayingFrom(
    PlayerPage &page, qint64 targetUtcMs, const QElapsedTimer &since)
{
    QTRY_VERIFY2_WITH_TIMEOUT(!page.isLive() && page.playingUtcMs().has_value()
            && *page.playingUtcMs() >= targetUtcMs + 2000
            && page.mediaPlayer()->playbackState() == QMediaPlayer::PlayingState,
        qPrintable(page.statusText()), 60000);
    const qint64 playing = *page.playingUtcMs();
    const qint64 elapsed = since.elapsed();
    qInfo("target %lld, playing %lld after %lld ms", targetUtcMs, playing, elapsed);
    // Played at most as long as the time since (buffering counts as time, not as playing).
    QVERIFY2(playing >= targetUtcMs - segmentMs() && playing <= targetUtcMs + elapsed + segmentMs(),
        qPrintable(QStringLiteral("playing %1 ms from the target after %2 ms")
                       .arg(playing - targetUtcMs)
                       .arg(elapsed)));
    QVERIFY2(!page.statusText().contains(QStringLiteral("cannot")), qPrintable(page.statusText()));
}

void TestUiPlayer::timelineSeeksSelectsAndPreviews()
{
    // The widget alone over a made-up hour: a click seeks to the moment under it, Shift+drag
    // selects, hovering shows the local time (and the still, when the server has one).
    TimelineBar bar;
    bar.resize(606, bar.sizeHint().height());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    const qint64 from = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const qint64 to = from + 3600 * 1000;
    bar.setSpan(from, to, to - 2000);
    QCOMPARE(bar.scale().widthPx(), 594); // 6 px each side for the playhead's marker
    QCOMPARE(bar.xAt(from), 6);
    QCOMPARE(bar.xAt(to), 600);

    QSignalSpy seeks(&bar, &TimelineBar::seekRequested);
    const qint64 halfway = from + 1800 * 1000;
    QTest::mouseClick(&bar, Qt::LeftButton, {}, QPoint(bar.xAt(halfway), 10));
    QCOMPARE(seeks.count(), 1);
    const qint64 msPerPixel = 3600 * 1000 / 594 + 1;
    QVERIFY(qAbs(seeks.first().first().toLongLong() - halfway) <= msPerPixel);

    QSignalSpy selections(&bar, &TimelineBar::selectionChanged);
    const qint64 tenPast = from + 600 * 1000;
    const qint64 twentyPast = from + 1200 * 1000;
    QTest::mousePress(&bar, Qt::LeftButton, Qt::ShiftModifier, QPoint(bar.xAt(twentyPast), 10));
    QTest::mouseMove(&bar, QPoint(bar.xAt(tenPast), 10));
    QTest::mouseRelease(&bar, Qt::LeftButton, Qt::ShiftModifier, QPoint(bar.xAt(tenPast), 10));
    QCOMPARE(selections.count(), 1);
    QCOMPARE(seeks.count(), 1); // selecting is not seeking
    QVERIFY(bar.selection().has_value());
    QVERIFY(qAbs(bar.selection()->fromUtcMs - tenPast) <= msPerPixel);
    QVERIFY(qAbs(bar.selection()->toUtcMs - twentyPast) <= msPerPixel);
    // A Shift+click clears it.
    QTest::mouseClick(&bar, Qt::LeftButton, Qt::ShiftModifier, QPoint(bar.xAt(halfway), 10));
    QVERIFY(!bar.selection().has_value());

    ThumbnailCache stills;
    stills.setBaseUrl(m_client->viewerBaseUrl());
    bar.setThumbnails(&stills, demoChannelId(), segmentMs());
    QTest::mouseMove(&bar, QPoint(bar.xAt(tenPast), 10));
    const qint64 hovered = bar.scale().timeAt(bar.xAt(tenPast) - 6);
    QCOMPARE(bar.previewText(),
        QDateTime::fromMSecsSinceEpoch(hovered).toString(QStringLiteral("HH:mm:ss")));
    // A moment in the middle of the demo channel's buffer: the still the bar asks for there (the
    // second its segment step starts) comes from the server and is shown once it arrives.
    waitForBuffer(6 * segmentMs());
    const BufferInfo kept = buffer();
    const qint64 middle = (kept.oldestUtcMs + kept.newestUtcMs) / 2000;
    bar.setSpan(middle * 1000 - 60000, middle * 1000 + 5000, middle * 1000);
    const int x = bar.xAt(middle * 1000);
    const QString stillUrl
        = ThumbnailCache::url(m_client->viewerBaseUrl(), demoChannelId(), bar.stillSecondAt(x))
              .toString();
    test::HttpReply answer;
    QTRY_VERIFY2_WITH_TIMEOUT((answer = test::httpRequest(stillUrl)).status == 200,
        qPrintable(QStringLiteral("%1: %2 %3")
                       .arg(stillUrl)
                       .arg(answer.status)
                       .arg(QString::fromUtf8(answer.body.left(200)))),
        30000);
    QTRY_VERIFY2_WITH_TIMEOUT((QTest::mouseMove(&bar, QPoint(x, 10)), bar.previewHasStill()),
        qPrintable(QStringLiteral("no still shown for %1 (preview %2)")
                       .arg(stillUrl)
                       .arg(bar.previewText().isEmpty() ? "hidden" : "shown")),
        20000);
}

void TestUiPlayer::resumeIsOfferedForAMomentStillInTheBuffer()
{
    const qint64 id = demoChannelId();
    waitForBuffer(30000);
    const qint64 saved = buffer().oldestUtcMs + 2000;
    m_client->savePlayerPosition(id, saved);
    QTRY_COMPARE_WITH_TIMEOUT(savedPosition(id), std::optional<qint64>(saved), 10000);

    {
        PlayerPage page(m_client.get());
        page.show();
        page.play(id);
        QTRY_VERIFY_WITH_TIMEOUT(page.resumeOffer()->isVisible(), 20000);
        const QString clock
            = QDateTime::fromMSecsSinceEpoch(saved).toString(QStringLiteral("HH:mm"));
        QCOMPARE(page.resumeButton()->text(), QStringLiteral("Resume at %1").arg(clock));
        // Resuming plays the buffer's window from that moment.
        page.resumeButton()->click();
        QVERIFY(!page.resumeOffer()->isVisible());
        QVERIFY(!page.isLive());
        QCOMPARE(page.mediaPlayer()->source().toString(),
            QStringLiteral("%1/timeshift/%2.m3u8?start=%3")
                .arg(m_client->viewerBaseUrl())
                .arg(id)
                .arg(saved / 1000));
        page.goLive();
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive() && page.playingUtcMs().has_value(), 60000);
        // Leaving the page remembers the moment that was playing.
        const qint64 left = *page.playingUtcMs();
        page.hide();
        QTRY_VERIFY_WITH_TIMEOUT(savedPosition(id).value_or(0) >= left, 10000);
        QVERIFY(*savedPosition(id) < left + 5000);
    }

    // A moment just behind live is not worth a question.
    m_client->savePlayerPosition(id, QDateTime::currentMSecsSinceEpoch());
    PlayerPage page(m_client.get());
    page.show();
    page.play(id);
    QTRY_VERIFY_WITH_TIMEOUT(page.timeline()->scale().isValid(), 20000);
    savedPosition(id); // answered after the page's own question, which came first
    QVERIFY(!page.resumeOffer()->isVisible());
    page.stop();
}

void TestUiPlayer::timelineClickPlaysThatMoment()
{
    waitForBuffer(70000);
    PlayerPage page(m_client.get());
    playLive(page);
    TimelineBar *timeline = page.timeline();
    QSignalSpy seeks(timeline, &TimelineBar::seekRequested);
    const qint64 wanted = QDateTime::currentMSecsSinceEpoch() - 50000;
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->xAt(wanted), 10));
    QCOMPARE(seeks.count(), 1);
    const qint64 target = seeks.first().first().toLongLong();
    QElapsedTimer since;
    since.start();
    // The click lands within a pixel of the moment aimed at.
    const qint64 msPerPixel = (timeline->scale().toUtcMs() - timeline->scale().fromUtcMs())
        / timeline->scale().widthPx();
    QVERIFY(qAbs(target - wanted) <= msPerPixel + 1);
    expectPlayingFrom(page, target, since);
    QVERIFY2(page.liveText().endsWith(QStringLiteral("behind live")), qPrintable(page.liveText()));
    page.stop();
}

void TestUiPlayer::back30MovesBack30Seconds()
{
    waitForBuffer(60000);
    PlayerPage page(m_client.get());
    playLive(page);
    QTRY_VERIFY_WITH_TIMEOUT(page.playingUtcMs().has_value(), 10000);
    const qint64 before = *page.playingUtcMs();
    page.findChild<QToolButton *>(QStringLiteral("back30"))->click();
    QElapsedTimer since;
    since.start();
    expectPlayingFrom(page, before - 30000, since);
    page.stop();
}

void TestUiPlayer::goLiveReturnsToTheLiveEdge()
{
    waitForBuffer(60000);
    PlayerPage page(m_client.get());
    playLive(page);
    // How far behind the newest segment live playback runs (players hold back a few segments).
    QTRY_VERIFY_WITH_TIMEOUT(page.playingUtcMs().value_or(0) > 0, 10000);
    qint64 playing = *page.playingUtcMs();
    const qint64 liveHoldBack = buffer().newestUtcMs - playing;
    QElapsedTimer since;
    since.start();
    const qint64 target = QDateTime::currentMSecsSinceEpoch() - 45000;
    page.seekTo(target);
    expectPlayingFrom(page, target, since);

    page.findChild<QToolButton *>(QStringLiteral("goLive"))->click();
    QTRY_VERIFY2_WITH_TIMEOUT(page.isLive() && page.playingUtcMs().has_value()
            && page.mediaPlayer()->playbackState() == QMediaPlayer::PlayingState,
        qPrintable(page.statusText()), 60000);
    QCOMPARE(page.liveText(), QStringLiteral("LIVE"));
    playing = *page.playingUtcMs();
    const qint64 holdBack = buffer().newestUtcMs - playing;
    qInfo("behind the newest segment: %lld ms live, %lld ms after Go live", liveHoldBack, holdBack);
    QVERIFY2(qAbs(holdBack - liveHoldBack) <= segmentMs(),
        qPrintable(QStringLiteral("%1 ms against %2 ms").arg(holdBack).arg(liveHoldBack)));
    page.stop();
}

void TestUiPlayer::pauseThenPlayResumesBehindLive()
{
    waitForBuffer(30000);
    PlayerPage page(m_client.get());
    playLive(page);
    // The player's key for play/pause, wherever the focus is on the page.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QTest::keyClick(page.windowHandle(), Qt::Key_Space);
    QCOMPARE(page.mediaPlayer()->playbackState(), QMediaPlayer::PausedState);
    const qint64 pausedAt = page.playingUtcMs().value_or(0);
    QVERIFY(pausedAt > 0);
    QElapsedTimer paused;
    paused.start();
    QTRY_VERIFY_WITH_TIMEOUT(paused.elapsed() >= 10000, 20000); // the 10 s measured
    page.togglePlayPause();
    QElapsedTimer since;
    since.start();
    // Play goes on from the paused moment, not from live.
    expectPlayingFrom(page, pausedAt, since);
    static const QRegularExpression behind(
        QStringLiteral("^−(\\d\\d):(\\d\\d):(\\d\\d) behind live$"));
    const QRegularExpressionMatch match = behind.match(page.liveText());
    QVERIFY2(match.hasMatch(), qPrintable(page.liveText()));
    const qint64 behindMs = (match.captured(1).toInt() * 3600 + match.captured(2).toInt() * 60
                                + match.captured(3).toInt())
        * 1000;
    qInfo(
        "paused %lld ms, shown %lld ms behind live", paused.elapsed() - since.elapsed(), behindMs);
    // Whole seconds shown; a segment's leeway.
    QVERIFY2(qAbs(behindMs - 10000) <= segmentMs() + 1000, qPrintable(page.liveText()));
    page.stop();
}

void TestUiPlayer::selectionIsRecordedInWholeMinutes()
{
    waitForBuffer(40000);
    PlayerPage page(m_client.get());
    playLive(page);
    QPushButton *record = page.recordSelectionButton();
    QVERIFY(!record->isEnabled());
    // Shift+drag over 20 s of the buffer's past.
    TimelineBar *timeline = page.timeline();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int fromX = timeline->xAt(now - 35000);
    const int toX = timeline->xAt(now - 15000);
    QTest::mousePress(timeline, Qt::LeftButton, Qt::ShiftModifier, QPoint(fromX, 10));
    QTest::mouseMove(timeline, QPoint(toX, 10));
    QTest::mouseRelease(timeline, Qt::LeftButton, Qt::ShiftModifier, QPoint(toX, 10));
    QVERIFY(timeline->selection().has_value());
    const qint64 start = timeline->selection()->fromUtcMs;
    QVERIFY(record->isEnabled());

    QSignalSpy added(m_client.get(), &EngineClient::recordingAdded);
    record->click();
    QVERIFY(added.wait(20000));
    const Recording recording = added.first().first().value<Recording>();
    QCOMPARE(recording.channelId, demoChannelId());
    QCOMPARE(recording.startUtcMs, start);
    // 20 s rounded up to the minute recordings are made of, and the page says so.
    QCOMPARE(recording.endUtcMs - recording.startUtcMs, 60000);
    QTRY_VERIFY2(
        page.statusText().contains(QStringLiteral("rounded up")), qPrintable(page.statusText()));
    QVERIFY(!timeline->selection().has_value());
    page.stop();
}

void TestUiPlayer::stillsAreAskedAgainAfterABusyAnswer()
{
    // A server that is busy the first time (503 with Retry-After, as the viewer server answers
    // while its thumbnailer is behind) and has the still the second time.
    QByteArray jpeg;
    {
        QImage picture(160, 90, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(picture.save(&buffer, "JPEG"));
    }
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int asked = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            ++asked;
            const QByteArray answer = asked == 1
                ? QByteArray("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                             "Content-Length: 0\r\nConnection: close\r\n\r\n")
                : "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: "
                    + QByteArray::number(jpeg.size()) + "\r\nConnection: close\r\n\r\n" + jpeg;
            socket->write(answer);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    });
    ThumbnailCache stills;
    stills.setBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    QVERIFY(stills.thumbnail(7, 1000).isNull()); // asked, not there yet
    // Hovering on: once the busy answer is in, the next hover asks again and gets the still.
    QTRY_VERIFY_WITH_TIMEOUT(!stills.thumbnail(7, 1000).isNull(), 10000);
    QCOMPARE(asked, 2);
}

void TestUiPlayer::qualitySelectorPlaysTheChosenVariant()
{
    PlayerPage page(m_client.get());
    page.resize(800, 600);
    page.show();
    page.play(demoChannelId());
    const QString liveUrl = m_client->liveUrl(demoChannelId());
    QCOMPARE(page.mediaPlayer()->source().toString(), liveUrl);
    // The demo channel's ladder is off: it plays as the source sends it, nothing to choose.
    QualitySelector *quality = page.qualitySelector();
    QVERIFY(quality->isVisible());
    QVERIFY(!quality->comboBox()->isEnabled());
    QCOMPARE(quality->comboBox()->count(), 1);
    QCOMPARE(quality->comboBox()->currentText(), QStringLiteral("Source"));
    QVERIFY(quality->offered().isEmpty());

    // The rungs of a status with the ladder on: the ones encoding now are offered.
    const auto rung = [](const QString &name, RungState state, int height, qint64 measured) {
        RungStatus result;
        result.rendition = name;
        result.state = state;
        result.width = height * 16 / 9;
        result.height = height;
        result.measuredBitrate = measured;
        return result;
    };
    const QList<RungStatus> rungs {rung(QStringLiteral("720p"), RungState::Running, 720, 2'900'000),
        rung(QStringLiteral("480p"), RungState::Behind, 480, 1'400'000),
        rung(QStringLiteral("360p"), RungState::Shed, 360, 0)};
    quality->setLadder(true, rungs);
    QVERIFY(quality->comboBox()->isEnabled());
    QCOMPARE(quality->comboBox()->itemText(0), QStringLiteral("Auto"));
    QCOMPARE(quality->offered(), QStringList({QStringLiteral("720p"), QStringLiteral("480p")}));

    QVERIFY(quality->choose(QStringLiteral("480p")));
    QCOMPARE(
        page.mediaPlayer()->source().toString(), liveUrl.chopped(5) + QStringLiteral("/480p.m3u8"));
    QVERIFY(page.mediaPlayer()->source().toString().endsWith(
        QStringLiteral("/live/%1/480p.m3u8").arg(m_client->channel(demoChannelId())->slug)));
    QVERIFY(!quality->choose(QStringLiteral("360p"))); // shed: not offered
    QVERIFY(quality->choose(QString())); // Auto: the master playlist
    QCOMPARE(page.mediaPlayer()->source().toString(), liveUrl);

    // The rung playing now follows the picture's size, with that rung's measured bitrate.
    quality->setPlayingSize(QSize(1280, 720));
    QCOMPARE(quality->playingText(), QStringLiteral("Playing 720p · 2.9 Mbit/s"));
    quality->setPlayingSize(QSize(640, 360)); // not a running rung: its size only
    QCOMPARE(quality->playingText(), QStringLiteral("Playing 640×360"));

    // A chosen rung that stops running falls back to Auto, and live plays the master again.
    QVERIFY(quality->choose(QStringLiteral("720p")));
    QVERIFY(page.mediaPlayer()->source().toString().endsWith(QStringLiteral("/720p.m3u8")));
    quality->setLadder(true, {rungs.at(1)});
    QCOMPARE(quality->choice(), QString());
    QCOMPARE(page.mediaPlayer()->source().toString(), liveUrl);
    page.stop();
}

void TestUiPlayer::fixedRungChangesTheVideoResolution()
{
    const qint64 id = demoChannelId();
    ChannelConfig channel = *m_client->channel(id);
    const ChannelConfig original = channel;
    channel.abr.enabled = true;
    // The player's switching is tested here, not the machine's speed: the fastest preset keeps
    // every rung running (none shed) while the player decodes beside it on a busy machine.
    channel.abr.preset = QStringLiteral("ultrafast");
    std::optional<ChannelChange> saved;
    m_client->saveChannel(channel, this, [&saved](const ChannelChange &change) { saved = change; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
    QVERIFY2(saved->ok(), qPrintable(saved->error));
    // The engine applies a changed ladder to the running channel; without the transcoder the
    // status never lists a rung.
    // The demo pattern is 1280x720: 720p, 480p and 360p run, 1080p is skipped.
    QTRY_VERIFY_WITH_TIMEOUT(
        QualitySelector::playableRungs(m_client->status(id).rungs).size() >= 3, 60000);
    const QString liveUrl = m_client->liveUrl(id);
    QTRY_VERIFY_WITH_TIMEOUT(
        test::httpRequest(QualitySelector::variantUrl(liveUrl, QStringLiteral("360p")))
                .body.count("#EXTINF")
            >= 3,
        60000);

    PlayerPage page(m_client.get());
    page.resize(800, 600);
    page.show();
    QSize frameSize;
    connect(page.videoSink(), &QVideoSink::videoFrameChanged, this, [&](const QVideoFrame &frame) {
        if (frame.isValid())
            frameSize = frame.size();
    });
    page.play(id);
    QualitySelector *quality = page.qualitySelector();
    QTRY_VERIFY(quality->offered().contains(QStringLiteral("360p")));
    for (const auto &[rendition, height] :
        {std::pair {QStringLiteral("360p"), 360}, std::pair {QStringLiteral("480p"), 480}}) {
        QVERIFY(quality->choose(rendition));
        QCOMPARE(page.mediaPlayer()->source().toString(),
            QualitySelector::variantUrl(liveUrl, rendition));
        QTRY_VERIFY2_WITH_TIMEOUT(frameSize.height() == height,
            qPrintable(QStringLiteral("%1: frames of %2x%3; %4")
                           .arg(rendition)
                           .arg(frameSize.width())
                           .arg(frameSize.height())
                           .arg(page.statusText())),
            60000);
        QTRY_VERIFY2(
            quality->playingText().contains(rendition), qPrintable(quality->playingText()));
    }

    // Watching the past, another quality goes on from the same moment in that rung's window.
    QTRY_VERIFY_WITH_TIMEOUT(
        test::httpRequest(QualitySelector::variantUrl(liveUrl, QStringLiteral("360p")))
                .body.count("#EXTINF")
            >= 5,
        60000);
    const qint64 moment = QDateTime::currentMSecsSinceEpoch() - 4 * segmentMs();
    page.seekTo(moment);
    const QString window = QStringLiteral("/timeshift/%1/%2.m3u8?start=");
    QVERIFY2(page.mediaPlayer()->source().toString().contains(window.arg(id).arg("480p")),
        qPrintable(page.mediaPlayer()->source().toString()));
    QTRY_VERIFY2_WITH_TIMEOUT(!page.isLive() && page.playingUtcMs().has_value()
            && page.mediaPlayer()->playbackState() == QMediaPlayer::PlayingState,
        qPrintable(page.statusText()), 60000);
    QVERIFY(quality->choose(QStringLiteral("360p")));
    QVERIFY2(page.mediaPlayer()->source().toString().contains(window.arg(id).arg("360p")),
        qPrintable(page.mediaPlayer()->source().toString()));
    QTRY_VERIFY2_WITH_TIMEOUT(frameSize.height() == 360 && !page.isLive()
            && page.playingUtcMs().has_value()
            && page.mediaPlayer()->playbackState() == QMediaPlayer::PlayingState,
        qPrintable(page.statusText()), 60000);
    // Still behind live: the moment, plus what played since, not the live edge.
    QVERIFY2(*page.playingUtcMs() < QDateTime::currentMSecsSinceEpoch() - 2 * segmentMs(),
        qPrintable(QStringLiteral("playing %1 ms behind the clock")
                       .arg(QDateTime::currentMSecsSinceEpoch() - *page.playingUtcMs())));
    // Auto there is the window's master playlist; live is the live master again.
    QVERIFY(quality->choose(QString()));
    QVERIFY2(page.mediaPlayer()->source().toString().contains(
                 QStringLiteral("/timeshift/%1.m3u8?start=").arg(id)),
        qPrintable(page.mediaPlayer()->source().toString()));
    page.goLive();
    QCOMPARE(page.mediaPlayer()->source().toString(), liveUrl);
    page.stop();

    bool restored = false;
    m_client->saveChannel(original, this, [&restored](const ChannelChange &) { restored = true; });
    QTRY_VERIFY_WITH_TIMEOUT(restored, 10000);
}

QTEST_MAIN(TestUiPlayer)
#include "tst_ui_player.moc"
