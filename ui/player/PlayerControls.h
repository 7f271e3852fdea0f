// The player's control row: play/pause, mute, volume and full screen, and for live channels the
// timeshift buttons (from the start of the buffer, −30 s, +30 s, Go live) with how far behind
// live the picture is. It only reflects state and emits intent; PlayerPage connects it.
#pragma once

#include <QWidget>
#include <optional>

class QLabel;
class QSlider;
class QToolButton;

namespace panelx {

class PlayerControls : public QWidget {
    Q_OBJECT
public:
    explicit PlayerControls(QWidget *parent = nullptr);

    void setPlaying(bool playing);
    void setMuted(bool muted);
    void setVolume(float volume); // 0..1
    float volume() const;
    // The timeshift buttons and the live label, for live channels only.
    void setTimeshiftVisible(bool visible);
    // "LIVE" when `behindMs` is nullopt, else "−00:12:34 behind live".
    void setBehindLive(std::optional<qint64> behindMs);
    QString liveText() const;

signals:
    void playPauseClicked();
    void muteToggled(bool muted);
    void volumeChanged(float volume);
    void fullScreenClicked();
    void startOfBufferClicked();
    void backClicked();
    void forwardClicked();
    void goLiveClicked();

private:
    QToolButton *m_startOfBuffer;
    QToolButton *m_back;
    QToolButton *m_playPause;
    QToolButton *m_forward;
    QToolButton *m_goLive;
    QLabel *m_live;
    QToolButton *m_mute;
    QSlider *m_volume;
    QToolButton *m_fullScreen;
};

} // namespace panelx
