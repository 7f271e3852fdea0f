#include "PlayerControls.h"

#include "TimeFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace panelx {

PlayerControls::PlayerControls(QWidget *parent)
    : QWidget(parent), m_startOfBuffer(new QToolButton(this)), m_back(new QToolButton(this)),
      m_playPause(new QToolButton(this)), m_forward(new QToolButton(this)),
      m_goLive(new QToolButton(this)), m_live(new QLabel(this)), m_mute(new QToolButton(this)),
      m_volume(new QSlider(Qt::Horizontal, this)), m_fullScreen(new QToolButton(this))
{
    m_playPause->setObjectName(QStringLiteral("playPause"));
    m_startOfBuffer->setObjectName(QStringLiteral("startOfBuffer"));
    m_startOfBuffer->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_startOfBuffer->setToolTip(tr("Watch from the start of the buffer"));
    m_back->setObjectName(QStringLiteral("back30"));
    m_back->setText(tr("−30 s"));
    m_back->setToolTip(tr("Back 30 seconds (Left arrow)"));
    m_forward->setObjectName(QStringLiteral("forward30"));
    m_forward->setText(tr("+30 s"));
    m_forward->setToolTip(tr("Forward 30 seconds (Right arrow)"));
    m_goLive->setObjectName(QStringLiteral("goLive"));
    m_goLive->setText(tr("Go live"));
    m_goLive->setToolTip(tr("Back to the live picture (End)"));
    m_live->setObjectName(QStringLiteral("liveLabel"));
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
    layout->addWidget(m_startOfBuffer);
    layout->addWidget(m_back);
    layout->addWidget(m_playPause);
    layout->addWidget(m_forward);
    layout->addWidget(m_goLive);
    layout->addSpacing(8);
    layout->addWidget(m_live);
    layout->addStretch();
    layout->addWidget(m_mute);
    layout->addWidget(m_volume);
    layout->addWidget(m_fullScreen);

    connect(m_playPause, &QToolButton::clicked, this, &PlayerControls::playPauseClicked);
    connect(m_startOfBuffer, &QToolButton::clicked, this, &PlayerControls::startOfBufferClicked);
    connect(m_back, &QToolButton::clicked, this, &PlayerControls::backClicked);
    connect(m_forward, &QToolButton::clicked, this, &PlayerControls::forwardClicked);
    connect(m_goLive, &QToolButton::clicked, this, &PlayerControls::goLiveClicked);
    connect(m_mute, &QToolButton::toggled, this, [this](bool muted) {
        setMuted(muted);
        emit muteToggled(muted);
    });
    connect(m_volume, &QSlider::valueChanged, this,
        [this](int value) { emit volumeChanged(value / 100.0f); });
    connect(m_fullScreen, &QToolButton::clicked, this, &PlayerControls::fullScreenClicked);
    setPlaying(false);
    setMuted(false);
    setBehindLive(std::nullopt);
    setTimeshiftVisible(false);
}

void PlayerControls::setTimeshiftVisible(bool visible)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_startOfBuffer), static_cast<QWidget *>(m_back),
             static_cast<QWidget *>(m_forward), static_cast<QWidget *>(m_goLive),
             static_cast<QWidget *>(m_live)})
        widget->setVisible(visible);
}

void PlayerControls::setBehindLive(std::optional<qint64> behindMs)
{
    if (!behindMs) {
        m_live->setText(tr("LIVE"));
        m_live->setStyleSheet(QStringLiteral("color: white; background: #c62828; "
                                             "border-radius: 3px; padding: 1px 6px; "
                                             "font-weight: bold;"));
        m_goLive->setEnabled(false);
        return;
    }
    m_live->setText(tr("−%1 behind live").arg(clockText(*behindMs)));
    m_live->setStyleSheet(QString());
    m_goLive->setEnabled(true);
}

QString PlayerControls::liveText() const
{
    return m_live->text();
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
