// The built-in player: plays a channel's live HLS or a recording from PanelX's own viewer server
// (the very URLs viewers' devices use), so what it shows is what they get. Seekable media (a
// finished recording) gets a position slider under the picture; a live channel gets the
// timeline of its buffer and the timeshift controls (a moment of the buffer plays as the
// server's EVENT window from it, /timeshift/<channel>.m3u8?start=), remembers per channel where
// the user was and offers to resume there.
#pragma once

#include "timeshift/BufferInfo.h"

#include <QMediaPlayer>
#include <QWidget>
#include <optional>

class QAudioOutput;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QVideoSink;
class QVideoWidget;

namespace panelx {

class EngineClient;
class PlayerControls;
class PositionSlider;
class QualitySelector;
class ThumbnailCache;
class TimelineBar;
class TimeshiftPlayback;

class PlayerPage : public QWidget {
    Q_OBJECT
public:
    explicit PlayerPage(EngineClient *client, QWidget *parent = nullptr);
    ~PlayerPage() override;

    QMediaPlayer *mediaPlayer() const { return m_player; }
    QVideoSink *videoSink() const;
    qint64 channelId() const { return m_channelId; }
    qint64 recordingId() const { return m_recordingId; }
    PositionSlider *positionSlider() const { return m_seek; }
    TimelineBar *timeline() const { return m_timeline; }
    QualitySelector *qualitySelector() const { return m_quality; }
    QString statusText() const;
    // The wall-clock moment playing on a live channel; nullopt until known.
    std::optional<qint64> playingUtcMs() const;
    bool isLive() const;
    // "LIVE" or "−00:12:34 behind live".
    QString liveText() const;
    // The offer to resume where the user was ("Resume at 20:13"); hidden when none.
    QWidget *resumeOffer() const { return m_resumeBar; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *recordSelectionButton() const { return m_recordSelection; }

    // Words for a Qt Multimedia error, with what to try.
    static QString describeError(QMediaPlayer::Error error, const QString &backendText);

public slots:
    void play(qint64 channelId);
    void playRecording(qint64 recordingId);
    void stop();
    void togglePlayPause();
    void toggleFullScreen();
    // Timeshift on the live channel playing: a moment of its buffer (clamped to what it holds;
    // at or after where live playback is, it goes live), ∓30 s, the oldest moment, live.
    void seekTo(qint64 utcMs);
    void skip(qint64 deltaMs);
    void playFromStartOfBuffer();
    void goLive();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refreshChannelList();
    // The playing channel's ladder (on or off, its running rungs) into the quality selector.
    void refreshQuality();
    void onQualityChosen();
    void startPlaying(const QString &url);
    void startLive();
    void refreshBuffer();
    void updateTimeline();
    void refreshTimelineRecordings();
    // Where a live player is now: the clock minus how far behind it live playback ran
    // (measured while live).
    qint64 liveReferenceUtcMs() const;
    void resumeAfterPause();
    void saveChannelPosition();
    void offerResume();
    void recordSelection();
    void updateSeeking();
    void onMediaStatus(QMediaPlayer::MediaStatus status);
    void onError(QMediaPlayer::Error error, const QString &text);
    void showStatus(const QString &text, bool problem = false);

    EngineClient *m_client;
    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    QVideoWidget *m_video;
    QComboBox *m_channels;
    QualitySelector *m_quality;
    QLabel *m_url;
    QLabel *m_status;
    QLabel *m_position;
    PositionSlider *m_seek;
    PlayerControls *m_controls;
    TimelineBar *m_timeline;
    QPushButton *m_recordSelection;
    QWidget *m_timelineRow;
    QWidget *m_resumeBar;
    QLabel *m_resumeText;
    QPushButton *m_resume;
    QPushButton *m_watchLive;
    ThumbnailCache *m_thumbnails;
    TimeshiftPlayback *m_playback;
    QTimer *m_bufferTimer; // the buffer's span, once a second while a channel shows
    std::optional<BufferInfo> m_buffer;
    std::optional<qint64> m_pausedAtUtcMs; // paused on a live channel: resume from here
    std::optional<qint64> m_savedUtcMs; // where the user was on this channel last time
    bool m_resumeDecided = false; // offered (or not) once per opening of the channel
    qint64 m_liveDelayMs = 0; // how far behind the clock live playback runs
    QString m_notice; // said with the status once the window plays (e.g. clamped to the buffer)
    qint64 m_channelId = 0;
    qint64 m_recordingId = 0;
    QString m_title; // what plays: the channel's name or the recording's title
};

} // namespace panelx
