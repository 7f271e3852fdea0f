#include "PlayerControls.h"

#include <QHBoxLayout>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace panelx {

PlayerControls::PlayerControls(QWidget *parent)
    : QWidget(parent), m_playPause(new QToolButton(this)), m_mute(new QToolButton(this)),
      m_volume(new QSlider(Qt::Horizontal, this)), m_fullScreen(new QToolButton(this))
{
    m_playPause->setObjectName(QStringLiteral("playPause"));
    m_mute->setObjectName(QStringLiteral("mute"));
    m_mute->setCheckable(true);
    m_mute->setToolTip(tr("Mute"));
    m_volume->setObjectName(QStringLiteral("volume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setMaximumWidth(140);
    m_volume->setToolTip(tr("Volume"));
    m_fullScreen->setObjectName(QStringLiteral("fullScreen"));
    m_fullScreen->setText(tr("Full screen"));
    m_fullScreen->setToolTip(tr("Full screen (Esc or double-click to leave)"));
    m_fullScreen->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    m_fullScreen->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_playPause);
    layout->addStretch();
    layout->addWidget(m_mute);
    layout->addWidget(m_volume);
    layout->addWidget(m_fullScreen);

    connect(m_playPause, &QToolButton::clicked, this, &PlayerControls::playPauseClicked);
    connect(m_mute, &QToolButton::toggled, this, [this](bool muted) {
        setMuted(muted);
        emit muteToggled(muted);
    });
    connect(m_volume, &QSlider::valueChanged, this,
        [this](int value) { emit volumeChanged(value / 100.0f); });
    connect(m_fullScreen, &QToolButton::clicked, this, &PlayerControls::fullScreenClicked);
    setPlaying(false);
    setMuted(false);
}

void PlayerControls::setPlaying(bool playing)
{
    m_playPause->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(playing ? tr("Pause") : tr("Play"));
}

void PlayerControls::setMuted(bool muted)
{
    const QSignalBlocker block(m_mute);
    m_mute->setChecked(muted);
    m_mute->setIcon(
        style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    m_mute->setToolTip(muted ? tr("Unmute") : tr("Mute"));
}

void PlayerControls::setVolume(float volume)
{
    const QSignalBlocker block(m_volume);
    m_volume->setValue(qRound(volume * 100));
}

float PlayerControls::volume() const
{
    return m_volume->value() / 100.0f;
}

} // namespace panelx
