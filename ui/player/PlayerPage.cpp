#include "PlayerPage.h"

#include "EngineClient.h"
#include "PlayerControls.h"
#include "PositionSlider.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QTime>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace panelx {

PlayerPage::PlayerPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_player(new QMediaPlayer(this)),
      m_audio(new QAudioOutput(this)), m_video(new QVideoWidget(this)),
      m_channels(new QComboBox(this)), m_url(new QLabel(this)), m_status(new QLabel(this)),
      m_position(new QLabel(this)), m_seek(new PositionSlider(this)),
      m_controls(new PlayerControls(this))
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

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Channel:"), this));
    top->addWidget(m_channels);
    top->addWidget(m_url, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_position);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_seek);
    layout->addLayout(bottom);
    layout->addWidget(m_controls);

    connect(m_channels, &QComboBox::activated, this,
        [this](int index) { play(m_channels->itemData(index).toLongLong()); });
    connect(m_controls, &PlayerControls::playPauseClicked, this, &PlayerPage::togglePlayPause);
    connect(m_controls, &PlayerControls::muteToggled, m_audio, &QAudioOutput::setMuted);
    connect(m_controls, &PlayerControls::volumeChanged, m_audio, &QAudioOutput::setVolume);
    connect(m_controls, &PlayerControls::fullScreenClicked, this, &PlayerPage::toggleFullScreen);
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
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 positionMs) {
        m_position->setText(QTime(0, 0)
                                .addMSecs(static_cast<int>(positionMs))
                                .toString(positionMs >= 3600 * 1000 ? QStringLiteral("h:mm:ss")
                                                                    : QStringLiteral("m:ss")));
    });

    connect(client, &EngineClient::channelAdded, this, &PlayerPage::refreshChannelList);
    connect(client, &EngineClient::channelUpdated, this, &PlayerPage::refreshChannelList);
    connect(client, &EngineClient::channelRemoved, this, [this](qint64 channelId) {
        refreshChannelList();
        if (channelId == m_channelId) {
            stop();
            showStatus(tr("The channel was deleted."), true);
        }
    });
    connect(client, &EngineClient::recordingRemoved, this, [this](qint64 recordingId) {
        if (recordingId == m_recordingId) {
            stop();
            showStatus(tr("The recording was deleted."), true);
        }
    });
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
    m_channelId = channelId;
    m_recordingId = 0;
    m_title = channel->name;
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
    startPlaying(url);
}

void PlayerPage::playRecording(qint64 recordingId)
{
    const auto recording = m_client->recording(recordingId);
    if (!recording)
        return;
    m_channelId = 0;
    m_recordingId = recordingId;
    m_title = recording->title;
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
    showStatus(tr("Connecting to “%1”…").arg(m_title));
    m_player->setSource(QUrl(url));
    m_player->play();
    updateSeeking();
}

void PlayerPage::stop()
{
    m_player->stop();
    m_player->setSource(QUrl());
    m_position->clear();
    updateSeeking();
}

void PlayerPage::updateSeeking()
{
    // Live channels have no end to move to; their timeline (timeshift) is not here yet.
    const bool seekable = m_recordingId != 0 && m_player->isSeekable() && m_player->duration() > 0;
    m_seek->setDuration(seekable ? m_player->duration() : 0);
    m_seek->setVisible(seekable);
    m_position->setVisible(!seekable);
}

void PlayerPage::togglePlayPause()
{
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else if (!m_player->source().isEmpty())
        m_player->play();
    else if (m_channels->count() > 0)
        play(m_channels->currentData().toLongLong());
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
