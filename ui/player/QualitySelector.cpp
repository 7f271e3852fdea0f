#include "QualitySelector.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace panelx {

QualitySelector::QualitySelector(QWidget *parent)
    : QWidget(parent), m_choice(new QComboBox(this)), m_playing(new QLabel(this))
{
    m_choice->setObjectName(QStringLiteral("playerQuality"));
    m_playing->setObjectName(QStringLiteral("playerQualityPlaying"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Quality:"), this));
    layout->addWidget(m_choice);
    layout->addWidget(m_playing);
    connect(m_choice, &QComboBox::activated, this,
        [this](int index) { emit choiceChanged(m_choice->itemData(index).toString()); });
    setLadder(false, {});
}

QList<RungStatus> QualitySelector::playableRungs(const QList<RungStatus> &rungs)
{
    QList<RungStatus> result;
    for (const RungStatus &rung : rungs)
        if (rung.state == RungState::Running || rung.state == RungState::Behind)
            result.append(rung);
    return result;
}

const RungStatus *QualitySelector::rungOfHeight(const QList<RungStatus> &rungs, int height)
{
    if (height <= 0)
        return nullptr;
    for (const RungStatus &rung : rungs)
        if (rung.height == height)
            return &rung;
    return nullptr;
}

QString QualitySelector::variantUrl(const QString &liveUrl, const QString &rendition)
{
    const QString suffix = QStringLiteral(".m3u8");
    if (rendition.isEmpty() || !liveUrl.endsWith(suffix))
        return liveUrl;
    return liveUrl.chopped(suffix.size()) + QLatin1Char('/') + rendition + suffix;
}

void QualitySelector::setLadder(bool ladderOn, const QList<RungStatus> &rungs)
{
    const QString chosen = choice();
    const QList<RungStatus> playable = playableRungs(rungs);
    QStringList names;
    for (const RungStatus &rung : playable)
        names.append(rung.rendition);
    const bool sameList = ladderOn == m_ladderOn && names == offered() && m_choice->count() > 0;
    m_ladderOn = ladderOn;
    m_rungs = playable;
    if (!sameList) {
        const QSignalBlocker block(m_choice);
        m_choice->clear();
        if (ladderOn) {
            m_choice->addItem(tr("Auto"), QString());
            for (const QString &name : std::as_const(names))
                m_choice->addItem(name, name);
        } else {
            m_choice->addItem(tr("Source"), QString());
        }
        m_choice->setEnabled(ladderOn);
        m_choice->setToolTip(ladderOn ? tr("Auto lets the player switch between the channel's "
                                           "qualities as the network allows; a fixed quality "
                                           "plays that rung only")
                                      : tr("This channel's ladder is off: it plays as the "
                                           "source sends it. Turn the ladder on on the Quality "
                                           "page for more qualities."));
        const int kept = m_choice->findData(chosen);
        m_choice->setCurrentIndex(kept >= 0 ? kept : 0);
        if (!chosen.isEmpty() && kept < 0)
            emit choiceChanged(QString());
    }
    updatePlaying();
}

void QualitySelector::reset()
{
    const QSignalBlocker block(m_choice);
    m_choice->setCurrentIndex(0);
    m_playingSize = QSize();
    updatePlaying();
}

void QualitySelector::setPlayingSize(const QSize &size)
{
    if (size == m_playingSize)
        return;
    m_playingSize = size;
    updatePlaying();
}

QString QualitySelector::choice() const
{
    return m_choice->currentData().toString();
}

bool QualitySelector::choose(const QString &rendition)
{
    const int index = m_choice->findData(rendition);
    if (index < 0)
        return false;
    const bool changed = index != m_choice->currentIndex();
    m_choice->setCurrentIndex(index);
    if (changed)
        emit choiceChanged(rendition);
    return true;
}

QStringList QualitySelector::offered() const
{
    QStringList result;
    for (int i = 1; i < m_choice->count(); ++i)
        result.append(m_choice->itemData(i).toString());
    return result;
}

QString QualitySelector::playingText() const
{
    return m_playing->text();
}

void QualitySelector::updatePlaying()
{
    const RungStatus *rung = m_ladderOn ? rungOfHeight(m_rungs, m_playingSize.height()) : nullptr;
    if (rung && rung->measuredBitrate > 0)
        m_playing->setText(tr("Playing %1 · %2 Mbit/s")
                               .arg(rung->rendition)
                               .arg(rung->measuredBitrate / 1e6, 0, 'f', 1));
    else if (rung)
        m_playing->setText(tr("Playing %1").arg(rung->rendition));
    else if (!m_playingSize.isEmpty())
        m_playing->setText(
            tr("Playing %1×%2").arg(m_playingSize.width()).arg(m_playingSize.height()));
    else
        m_playing->clear();
}

} // namespace panelx
