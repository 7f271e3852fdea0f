#include "PlayerPage.h"

#include "EngineClient.h"
#include "PlayerControls.h"
#include "PositionSlider.h"
#include "QualitySelector.h"
#include "ThumbnailCache.h"
#include "TimelineBar.h"
#include "TimeshiftPlayback.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

namespace panelx {

namespace {
constexpr qint64 kSkipMs = 30'000;
constexpr int kBufferRefreshMs = 1000;
// A saved moment this close to live is not worth a question: live is where the user was.
constexpr qint64 kResumeMinBehindMs = 10'000;
// HLS players start a live playlist three target durations from its end (RFC 8216 6.3.3):
// about how far behind the clock live playback runs, until it is measured.
constexpr int kLiveHoldBackSegments = 3;

qint64 nowUtcMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString localClock(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toString(QStringLiteral("HH:mm"));
}
} // namespace

PlayerPage::PlayerPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_player(new QMediaPlayer(this)),
      m_audio(new QAudioOutput(this)), m_video(new QVideoWidget(this)),
      m_channels(new QComboBox(this)), m_quality(new QualitySelector(this)),
      m_url(new QLabel(this)), m_status(new QLabel(this)), m_position(new QLabel(this)),
      m_seek(new PositionSlider(this)), m_controls(new PlayerControls(this)),
      m_timeline(new TimelineBar(this)),
      m_recordSelection(new QPushButton(tr("Record selection"), this)),
      m_timelineRow(new QWidget(this)), m_resumeBar(new QFrame(this)),
      m_resumeText(new QLabel(m_resumeBar)), m_resume(new QPushButton(m_resumeBar)),
      m_watchLive(new QPushButton(tr("Watch live"), m_resumeBar)),
      m_thumbnails(new ThumbnailCache(this)), m_playback(new TimeshiftPlayback(m_player, this)),
      m_bufferTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("playerPage"));
    m_player->setAudioOutput(m_audio);
    m_player->setVideoOutput(m_video);
    m_audio->setVolume(m_controls->volume());
    m_video->setObjectName(QStringLiteral("video"));
    m_video->setMinimumSize(320, 180);
    // Black until the first frame, like any player; not the window's grey.
    QPalette black = m_video->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_video->setPalette(black);
    m_video->setAutoFillBackground(true);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_video->installEventFilter(this);
    m_channels->setObjectName(QStringLiteral("playerChannel"));
    m_channels->setMinimumContentsLength(20);
    m_url->setObjectName(QStringLiteral("playerUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setToolTip(tr("The same address viewers' devices use"));
    m_status->setObjectName(QStringLiteral("playerStatus"));
    m_status->setWordWrap(true);
    m_position->setObjectName(QStringLiteral("playerPosition"));
    m_seek->hide();
    m_recordSelection->setObjectName(QStringLiteral("recordSelection"));
    m_recordSelection->setToolTip(tr("Record the range selected on the timeline (Shift+drag "
                                     "to select); recordings are whole minutes"));
    m_recordSelection->setEnabled(false);
    auto *timelineLayout = new QHBoxLayout(m_timelineRow);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_timeline, 1);
    timelineLayout->addWidget(m_recordSelection);
    m_timelineRow->hide();

    // The offer to resume, in the look of the other pages' banners.
    m_resumeBar->setObjectName(QStringLiteral("resumeBar"));
    m_resumeBar->setStyleSheet(QStringLiteral(
        "#resumeBar { background: #fef3c7; border: 1px solid #f59e0b; border-radius: 4px; }"
        "#resumeBar QLabel { color: #78350f; }"));
    m_resumeText->setObjectName(QStringLiteral("resumeText"));
    m_resume->setObjectName(QStringLiteral("resume"));
    m_watchLive->setObjectName(QStringLiteral("watchLive"));
    auto *resumeLayout = new QHBoxLayout(m_resumeBar);
    resumeLayout->addWidget(m_resumeText, 1);
    resumeLayout->addWidget(m_resume);
    resumeLayout->addWidget(m_watchLive);
    m_resumeBar->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Channel:"), this));
    top->addWidget(m_channels);
    top->addWidget(m_quality);
    top->addWidget(m_url, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_position);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_resumeBar);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_seek);
    layout->addWidget(m_timelineRow);
    layout->addLayout(bottom);
    layout->addWidget(m_controls);

    connect(m_channels, &QComboBox::activated, this,
        [this](int index) { play(m_channels->itemData(index).toLongLong()); });
    connect(m_quality, &QualitySelector::choiceChanged, this, &PlayerPage::onQualityChosen);
    connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, m_quality,
        [this](const QVideoFrame &frame) { m_quality->setPlayingSize(frame.size()); });
    connect(m_controls, &PlayerControls::playPauseClicked, this, &PlayerPage::togglePlayPause);
    connect(m_controls, &PlayerControls::muteToggled, m_audio, &QAudioOutput::setMuted);
    connect(m_controls, &PlayerControls::volumeChanged, m_audio, &QAudioOutput::setVolume);
    connect(m_controls, &PlayerControls::fullScreenClicked, this, &PlayerPage::toggleFullScreen);
    connect(m_controls, &PlayerControls::startOfBufferClicked, this,
        &PlayerPage::playFromStartOfBuffer);
    connect(m_controls, &PlayerControls::backClicked, this, [this] { skip(-kSkipMs); });
    connect(m_controls, &PlayerControls::forwardClicked, this, [this] { skip(kSkipMs); });
    connect(m_controls, &PlayerControls::goLiveClicked, this, &PlayerPage::goLive);
    connect(m_timeline, &TimelineBar::seekRequested, this, &PlayerPage::seekTo);
    connect(m_timeline, &TimelineBar::selectionChanged, this,
        [this] { m_recordSelection->setEnabled(m_timeline->selection().has_value()); });
    connect(m_recordSelection, &QPushButton::clicked, this, &PlayerPage::recordSelection);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        m_resumeBar->hide();
        if (m_savedUtcMs)
            seekTo(*m_savedUtcMs);
    });
    connect(m_watchLive, &QPushButton::clicked, m_resumeBar, &QWidget::hide);
    connect(m_playback, &TimeshiftPlayback::failed, this, [this](const QString &reason) {
        showStatus(tr("This moment cannot be played: %1").arg(reason), true);
    });
    m_bufferTimer->setInterval(kBufferRefreshMs);
    connect(m_bufferTimer, &QTimer::timeout, this, &PlayerPage::refreshBuffer);
    // The page's window, while the page shows (a hidden page's shortcuts are off), whatever
    // has the focus.
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        new QShortcut(keys, this, this, slot, Qt::WindowShortcut); // owned by the page
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { togglePlayPause(); });
    shortcut(QKeySequence(Qt::Key_Left), [this] { skip(-kSkipMs); });
    shortcut(QKeySequence(Qt::Key_Right), [this] { skip(kSkipMs); });
    shortcut(QKeySequence(Qt::Key_End), [this] { goLive(); });
    connect(m_audio, &QAudioOutput::mutedChanged, m_controls, &PlayerControls::setMuted);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
        [this](QMediaPlayer::PlaybackState state) {
            m_controls->setPlaying(state == QMediaPlayer::PlayingState);
        });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PlayerPage::onMediaStatus);
    connect(m_player, &QMediaPlayer::errorOccurred, this, &PlayerPage::onError);
    connect(m_seek, &PositionSlider::seekRequested, m_player, &QMediaPlayer::setPosition);
    connect(m_player, &QMediaPlayer::seekableChanged, this, &PlayerPage::updateSeeking);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PlayerPage::updateSeeking);
    connect(m_player, &QMediaPlayer::positionChanged, m_seek, &PositionSlider::setPosition);
    connect(m_player, &QMediaPlayer::positionChanged, this, &PlayerPage::updateTimeline);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 positionMs) {
        m_position->setText(QTime(0, 0)
                                .addMSecs(static_cast<int>(positionMs))
                                .toString(positionMs >= 3600 * 1000 ? QStringLiteral("h:mm:ss")
                                                                    : QStringLiteral("m:ss")));
    });

    connect(client, &EngineClient::channelAdded, this, &PlayerPage::refreshChannelList);
    connect(client, &EngineClient::channelUpdated, this, &PlayerPage::refreshChannelList);
    connect(client, &EngineClient::channelUpdated, this, [this](const ChannelConfig &channel) {
        if (channel.id == m_channelId)
            refreshQuality();
    });
    connect(client, &EngineClient::channelStatusChanged, this, [this](const ChannelStatus &status) {
        if (status.channelId == m_channelId)
            refreshQuality();
    });
    connect(client, &EngineClient::channelRemoved, this, [this](qint64 channelId) {
        refreshChannelList();
        if (channelId == m_channelId) {
            stop();
            showStatus(tr("The channel was deleted."), true);
        }
    });
    connect(client, &EngineClient::recordingRemoved, this, [this](qint64 recordingId) {
        refreshTimelineRecordings();
        if (recordingId == m_recordingId) {
            stop();
            showStatus(tr("The recording was deleted."), true);
        }
    });
    connect(client, &EngineClient::recordingAdded, this, &PlayerPage::refreshTimelineRecordings);
    connect(client, &EngineClient::recordingUpdated, this, &PlayerPage::refreshTimelineRecordings);
    refreshChannelList();
    showStatus(tr("Choose a channel, or double-click one on the Channels page."));
}

PlayerPage::~PlayerPage()
{
    m_player->stop();
}

QVideoSink *PlayerPage::videoSink() const
{
    return m_video->videoSink();
}

QString PlayerPage::statusText() const
{
    return m_status->text();
}

void PlayerPage::play(qint64 channelId)
{
    const auto channel = m_client->channel(channelId);
    if (!channel)
        return;
    saveChannelPosition();
    m_channelId = channelId;
    m_recordingId = 0;
    m_title = channel->name;
    m_buffer.reset();
    m_savedUtcMs.reset();
    m_pausedAtUtcMs.reset();
    m_resumeDecided = false;
    m_resumeBar->hide();
    m_liveDelayMs = kLiveHoldBackSegments * qint64(channel->segmentDurationMs);
    m_timeline->clear();
    m_thumbnails->setBaseUrl(m_client->viewerBaseUrl());
    m_timeline->setThumbnails(m_thumbnails, channelId, channel->segmentDurationMs);
    m_quality->reset();
    m_quality->show();
    refreshQuality();
    refreshTimelineRecordings();
    refreshChannelList();
    const QString url = m_client->liveUrl(channelId);
    m_url->setText(url);
    if (url.isEmpty()) {
        m_player->stop();
        showStatus(tr("The viewer server is not running, so there is nothing to play."), true);
        return;
    }
    if (!channel->enabled) {
        stop();
        showStatus(tr("“%1” is stopped. Start it on the Channels page to watch it live.")
                       .arg(channel->name),
            true);
        return;
    }
    startLive();
    refreshBuffer();
    m_client->playerPosition(channelId, this, [this, channelId](const std::optional<qint64> &at) {
        if (channelId != m_channelId)
            return;
        m_savedUtcMs = at;
        offerResume();
    });
}

void PlayerPage::playRecording(qint64 recordingId)
{
    const auto recording = m_client->recording(recordingId);
    if (!recording)
        return;
    saveChannelPosition();
    m_resumeBar->hide();
    m_channelId = 0;
    m_recordingId = recordingId;
    m_title = recording->title;
    m_quality->hide();
    refreshChannelList();
    const QString url = m_client->recordingPlaylistUrl(recordingId);
    m_url->setText(url);
    if (url.isEmpty()) {
        stop();
        showStatus(tr("The viewer server is not running, so there is nothing to play."), true);
        return;
    }
    startPlaying(url);
}

void PlayerPage::startPlaying(const QString &url)
{
    m_playback->reset();
    showStatus(tr("Connecting to “%1”…").arg(m_title));
    m_player->setSource(QUrl(url));
    m_player->play();
    updateSeeking();
}

void PlayerPage::startLive()
{
    const QString url
        = QualitySelector::variantUrl(m_client->liveUrl(m_channelId), m_quality->choice());
    m_url->setText(url);
    m_notice.clear();
    m_pausedAtUtcMs.reset();
    showStatus(tr("Connecting to “%1”…").arg(m_title));
    m_playback->playLive(QUrl(url));
    updateSeeking();
    updateTimeline();
}

void PlayerPage::stop()
{
    saveChannelPosition();
    m_playback->reset();
    m_player->stop();
    m_player->setSource(QUrl());
    m_position->clear();
    m_pausedAtUtcMs.reset();
    updateSeeking();
}

void PlayerPage::updateSeeking()
{
    // Recordings have an end to seek towards; live channels have their buffer's timeline.
    const bool seekable = m_recordingId != 0 && m_player->isSeekable() && m_player->duration() > 0;
    const bool live = m_channelId != 0 && !m_player->source().isEmpty();
    m_seek->setDuration(seekable ? m_player->duration() : 0);
    m_seek->setVisible(seekable);
    m_position->setVisible(!seekable && !live);
    m_timelineRow->setVisible(live);
    m_controls->setTimeshiftVisible(live);
    if (live && isVisible())
        m_bufferTimer->start();
    else
        m_bufferTimer->stop();
}

std::optional<qint64> PlayerPage::playingUtcMs() const
{
    if (m_channelId == 0)
        return std::nullopt;
    return m_playback->playingUtcMs();
}

bool PlayerPage::isLive() const
{
    return m_channelId != 0 && m_playback->isActive() && m_playback->isLive();
}

QString PlayerPage::liveText() const
{
    return m_controls->liveText();
}

qint64 PlayerPage::liveReferenceUtcMs() const
{
    // The clock, not the newest segment: live playback runs on in real time while a source on
    // a loaded machine delivers segments in bursts, so a paused minute shows as a minute.
    return nowUtcMs() - m_liveDelayMs;
}

void PlayerPage::updateTimeline()
{
    if (m_channelId == 0)
        return;
    const std::optional<qint64> playing = m_playback->playingUtcMs();
    const bool playingLive = isLive() && m_player->playbackState() == QMediaPlayer::PlayingState;
    if (playingLive && playing)
        m_liveDelayMs = std::max<qint64>(0, nowUtcMs() - *playing);
    m_timeline->setPlayhead(playing);
    if (isLive() && !m_pausedAtUtcMs)
        m_controls->setBehindLive(std::nullopt);
    else if (playing)
        m_controls->setBehindLive(std::max<qint64>(0, liveReferenceUtcMs() - *playing));
}

void PlayerPage::refreshBuffer()
{
    if (m_channelId == 0)
        return;
    const qint64 channelId = m_channelId;
    m_client->channelBuffer(
        channelId, this, [this, channelId](const std::optional<BufferInfo> &info) {
            if (channelId != m_channelId)
                return;
            m_buffer = info;
            if (!info || info->isEmpty()) {
                m_timeline->clear();
                return;
            }
            m_timeline->setSpan(
                info->oldestUtcMs, std::max(nowUtcMs(), info->newestUtcMs), info->newestUtcMs);
            m_timeline->setGaps(info->gaps);
            updateTimeline();
            offerResume();
        });
}

void PlayerPage::refreshTimelineRecordings()
{
    if (m_channelId == 0)
        return;
    QList<Recording> mine;
    for (const Recording &recording : m_client->recordings())
        if (recording.channelId == m_channelId)
            mine.append(recording);
    m_timeline->setRecordings(mine);
}

void PlayerPage::seekTo(qint64 utcMs)
{
    if (m_channelId == 0 || m_client->viewerBaseUrl().isEmpty())
        return;
    m_pausedAtUtcMs.reset();
    m_notice.clear();
    m_resumeBar->hide();
    if (m_buffer && !m_buffer->isEmpty()) {
        if (utcMs >= liveReferenceUtcMs()) {
            goLive();
            return;
        }
        utcMs = std::max(utcMs, m_buffer->oldestUtcMs);
    }
    // The chosen rung's own window (/timeshift/<id>/<rung>.m3u8), or the master of all.
    const QString url = QualitySelector::variantUrl(QStringLiteral("%1/timeshift/%2.m3u8")
                                                        .arg(m_client->viewerBaseUrl())
                                                        .arg(m_channelId),
                            m_quality->choice())
        + QStringLiteral("?start=%1").arg(utcMs / 1000);
    m_url->setText(url);
    showStatus(tr("Connecting to “%1”…").arg(m_title));
    m_playback->playFrom(QUrl(url), utcMs);
    updateSeeking();
    updateTimeline();
}

void PlayerPage::skip(qint64 deltaMs)
{
    if (m_channelId == 0)
        return;
    const qint64 from = m_playback->playingUtcMs().value_or(liveReferenceUtcMs());
    if (deltaMs > 0 && isLive())
        return; // nothing lies ahead of live
    seekTo(from + deltaMs);
}

void PlayerPage::playFromStartOfBuffer()
{
    if (m_buffer && !m_buffer->isEmpty())
        seekTo(m_buffer->oldestUtcMs);
}

void PlayerPage::goLive()
{
    if (m_channelId == 0 || m_client->liveUrl(m_channelId).isEmpty())
        return;
    m_resumeBar->hide();
    startLive();
}

void PlayerPage::refreshQuality()
{
    const auto channel = m_client->channel(m_channelId);
    if (channel)
        m_quality->setLadder(channel->abr.enabled, m_client->status(m_channelId).rungs);
}

void PlayerPage::onQualityChosen()
{
    if (m_channelId == 0 || m_player->source().isEmpty())
        return;
    // Watching the past, the other quality goes on from the moment playing now.
    const std::optional<qint64> playing = m_playback->playingUtcMs();
    if (!m_playback->isLive() && playing) {
        seekTo(*playing);
        return;
    }
    m_resumeBar->hide();
    startLive();
}

void PlayerPage::togglePlayPause()
{
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
        // Paused on a live channel, the picture stays at this moment: Play goes on from it.
        if (m_channelId != 0)
            m_pausedAtUtcMs = m_playback->playingUtcMs();
        updateTimeline();
    } else if (!m_player->source().isEmpty()) {
        if (m_pausedAtUtcMs)
            resumeAfterPause();
        else
            m_player->play();
    } else if (m_channels->count() > 0) {
        play(m_channels->currentData().toLongLong());
    }
}

void PlayerPage::resumeAfterPause()
{
    const qint64 at = *m_pausedAtUtcMs;
    m_pausedAtUtcMs.reset();
    if (m_buffer && !m_buffer->isEmpty() && at < m_buffer->oldestUtcMs) {
        const QString notice = tr("The moment you paused at (%1) is no longer in the buffer; "
                                  "playing from the oldest moment kept (%2).")
                                   .arg(localClock(at), localClock(m_buffer->oldestUtcMs));
        seekTo(m_buffer->oldestUtcMs);
        m_notice = notice;
        showStatus(notice);
        return;
    }
    // Live playback moved on while paused: the paused moment is now in the buffer's past.
    if (m_playback->isLive())
        seekTo(at);
    else
        m_player->play();
}

void PlayerPage::saveChannelPosition()
{
    if (m_channelId == 0)
        return;
    if (const std::optional<qint64> at = m_playback->playingUtcMs())
        m_client->savePlayerPosition(m_channelId, *at);
}

void PlayerPage::offerResume()
{
    if (m_resumeDecided || !m_savedUtcMs || !m_buffer)
        return;
    m_resumeDecided = true;
    const qint64 at = *m_savedUtcMs;
    if (m_buffer->isEmpty() || at < m_buffer->oldestUtcMs
        || liveReferenceUtcMs() - at <= kResumeMinBehindMs || !isLive())
        return;
    m_resumeText->setText(tr("You were watching “%1” at %2.").arg(m_title, localClock(at)));
    m_resume->setText(tr("Resume at %1").arg(localClock(at)));
    m_resumeBar->show();
}

void PlayerPage::recordSelection()
{
    const std::optional<TimelineBar::Range> range = m_timeline->selection();
    if (!range || m_channelId == 0)
        return;
    // Recordings are whole minutes from their start: the selection is rounded up.
    constexpr qint64 kMinuteMs = 60'000;
    RecordingRequest request;
    request.channelId = m_channelId;
    request.startUtcMs = range->fromUtcMs;
    request.minutes = int(std::max<qint64>(
        kMinRecordingMinutes, (range->toUtcMs - range->fromUtcMs + kMinuteMs - 1) / kMinuteMs));
    const qint64 endUtcMs = request.startUtcMs + request.minutes * kMinuteMs;
    m_recordSelection->setEnabled(false);
    m_client->addRecording(request, this, [this, request, endUtcMs](const RecordingChange &change) {
        m_recordSelection->setEnabled(m_timeline->selection().has_value());
        if (!change.ok()) {
            showStatus(tr("The selection could not be recorded: %1").arg(change.error), true);
            return;
        }
        m_timeline->clearSelection();
        showStatus(tr("Recording %1–%2 (%n minute(s): recordings are whole minutes, so the "
                      "selection was rounded up). It is on the Recordings page.",
            nullptr, request.minutes)
                       .arg(localClock(request.startUtcMs), localClock(endUtcMs)));
    });
}

void PlayerPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateSeeking();
    refreshBuffer();
}

void PlayerPage::hideEvent(QHideEvent *event)
{
    // Leaving the page is leaving the channel: remember where the user was.
    saveChannelPosition();
    m_bufferTimer->stop();
    QWidget::hideEvent(event);
}

void PlayerPage::toggleFullScreen()
{
    m_video->setFullScreen(!m_video->isFullScreen());
}

bool PlayerPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_video) {
        if (event->type() == QEvent::MouseButtonDblClick) {
            toggleFullScreen();
            return true;
        }
        if (event->type() == QEvent::KeyPress && m_video->isFullScreen()
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            m_video->setFullScreen(false);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PlayerPage::refreshChannelList()
{
    const QSignalBlocker block(m_channels);
    m_channels->clear();
    for (const ChannelConfig &channel : m_client->channels())
        m_channels->addItem(channel.name, channel.id);
    // While a recording plays, no channel is chosen.
    m_channels->setCurrentIndex(m_channels->findData(m_channelId));
}

void PlayerPage::onMediaStatus(QMediaPlayer::MediaStatus status)
{
    const QString &name = m_title;
    switch (status) {
    case QMediaPlayer::LoadingMedia:
        showStatus(tr("Connecting to “%1”…").arg(name));
        break;
    case QMediaPlayer::StalledMedia:
    case QMediaPlayer::BufferingMedia:
        showStatus(tr("Buffering…"));
        break;
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferedMedia:
        if (m_recordingId != 0)
            showStatus(tr("Playing the recording “%1”").arg(name));
        else if (!isLive())
            showStatus(
                m_notice.isEmpty() ? tr("Playing “%1” from its buffer").arg(name) : m_notice);
        else
            showStatus(tr("Playing “%1” live").arg(name));
        break;
    case QMediaPlayer::EndOfMedia:
        if (m_recordingId != 0)
            showStatus(tr("The recording “%1” has played to its end.").arg(name));
        else
            showStatus(tr("The stream ended. Is the channel still live?"), true);
        break;
    case QMediaPlayer::InvalidMedia:
        showStatus(tr("This stream cannot be played here: %1")
                       .arg(m_player->errorString().isEmpty() ? tr("the format is not supported")
                                                              : m_player->errorString()),
            true);
        break;
    case QMediaPlayer::NoMedia:
        break;
    }
}

void PlayerPage::onError(QMediaPlayer::Error error, const QString &text)
{
    if (error != QMediaPlayer::NoError)
        showStatus(describeError(error, text), true);
}

QString PlayerPage::describeError(QMediaPlayer::Error error, const QString &backendText)
{
    QString advice;
    switch (error) {
    case QMediaPlayer::ResourceError:
        advice = tr("The stream could not be loaded. Check that the channel is live.");
        break;
    case QMediaPlayer::FormatError:
        advice = tr("The system's media backend cannot decode this stream. On Debian, install "
                    "gstreamer1.0-plugins-bad and gstreamer1.0-libav.");
        break;
    case QMediaPlayer::NetworkError:
        advice = tr("The viewer server did not answer. Check that PanelX is serving.");
        break;
    case QMediaPlayer::AccessDeniedError:
        advice = tr("The server refused access to the stream.");
        break;
    case QMediaPlayer::NoError:
        return {};
    }
    QString detail = backendText.trimmed();
    while (detail.endsWith(QLatin1Char('.')))
        detail.chop(1);
    if (detail.isEmpty())
        return tr("Playback failed. %1").arg(advice);
    return tr("Playback failed: %1. %2").arg(detail, advice);
}

void PlayerPage::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
}

} // namespace panelx
