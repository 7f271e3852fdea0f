#include "PositionSlider.h"

#include "TimeFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

namespace panelx {

namespace {
constexpr int kStepMs = 10'000; // arrow keys
constexpr int kPageMs = 60'000; // Page Up/Down and clicks on the groove
} // namespace

PositionSlider::PositionSlider(QWidget *parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_time(new QLabel(this))
{
    m_slider->setObjectName(QStringLiteral("positionSlider"));
    m_slider->setSingleStep(kStepMs);
    m_slider->setPageStep(kPageMs);
    m_slider->setToolTip(tr("Drag to move through the recording"));
    m_time->setObjectName(QStringLiteral("positionTime"));
    // Digits keep their width, so the label does not jitter as the time runs.
    QFont digits = m_time->font();
    digits.setStyleHint(QFont::Monospace);
    digits.setFamily(QStringLiteral("monospace"));
    m_time->setFont(digits);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_time);

    connect(m_slider, &QSlider::sliderMoved, this, [this](int ms) { showTime(ms); });
    connect(m_slider, &QSlider::sliderReleased, this,
        [this] { emit seekRequested(m_slider->value()); });
    // Keys and clicks on the groove move the handle without a drag: seek at once.
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && action != QAbstractSlider::SliderNoAction)
            emit seekRequested(m_slider->sliderPosition());
    });
    setDuration(0);
}

void PositionSlider::setDuration(qint64 durationMs)
{
    m_durationMs = std::max<qint64>(0, durationMs);
    m_slider->setRange(0, static_cast<int>(std::min<qint64>(m_durationMs, INT_MAX)));
    showTime(m_slider->value());
}

void PositionSlider::setPosition(qint64 positionMs)
{
    if (m_slider->isSliderDown())
        return;
    const QSignalBlocker block(m_slider);
    m_slider->setValue(static_cast<int>(std::clamp<qint64>(positionMs, 0, m_slider->maximum())));
    showTime(positionMs);
}

QString PositionSlider::timeText() const
{
    return m_time->text();
}

void PositionSlider::showTime(qint64 positionMs)
{
    m_time->setText(tr("%1 / %2").arg(clockText(positionMs), clockText(m_durationMs)));
}

} // namespace panelx
