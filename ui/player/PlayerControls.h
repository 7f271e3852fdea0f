// The player's control row: play/pause, mute, volume and full screen. It only reflects state
// and emits intent; PlayerPage connects it to the media player.
#pragma once

#include <QWidget>

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

signals:
    void playPauseClicked();
    void muteToggled(bool muted);
    void volumeChanged(float volume);
    void fullScreenClicked();

private:
    QToolButton *m_playPause;
    QToolButton *m_mute;
    QSlider *m_volume;
    QToolButton *m_fullScreen;
};

} // namespace panelx
