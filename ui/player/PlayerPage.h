// The built-in player: plays a channel's live HLS or a recording from PanelX's own viewer server
// (the very URLs viewers' devices use), so what it shows is what they get. Seekable media (a
// finished recording) gets a position slider under the picture.
#pragma once

#include <QMediaPlayer>
#include <QWidget>

class QAudioOutput;
class QComboBox;
class QLabel;
class QVideoSink;
class QVideoWidget;

namespace panelx {

class EngineClient;
class PlayerControls;
class PositionSlider;

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
    QString statusText() const;

    // Words for a Qt Multimedia error, with what to try.
    static QString describeError(QMediaPlayer::Error error, const QString &backendText);

public slots:
    void play(qint64 channelId);
    void playRecording(qint64 recordingId);
    void stop();
    void togglePlayPause();
    void toggleFullScreen();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshChannelList();
    void startPlaying(const QString &url);
    void updateSeeking();
    void onMediaStatus(QMediaPlayer::MediaStatus status);
    void onError(QMediaPlayer::Error error, const QString &text);
    void showStatus(const QString &text, bool problem = false);

    EngineClient *m_client;
    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    QVideoWidget *m_video;
    QComboBox *m_channels;
    QLabel *m_url;
    QLabel *m_status;
    QLabel *m_position;
    PositionSlider *m_seek;
    PlayerControls *m_controls;
    qint64 m_channelId = 0;
    qint64 m_recordingId = 0;
    QString m_title; // what plays: the channel's name or the recording's title
};

} // namespace panelx
