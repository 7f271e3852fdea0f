// The player's quality choice: "Auto" (the channel's master playlist; the player switches
// between rungs by itself) or one fixed rung of the channel's running ladder (its variant
// playlist), and beside it the rung playing now with its measured bitrate. Only "Source" when
// the channel's ladder is off. It reflects what it is given and emits the user's choice;
// PlayerPage plays it.
#pragma once

#include "ChannelTypes.h"

#include <QList>
#include <QSize>
#include <QWidget>

class QComboBox;
class QLabel;

namespace panelx {

class QualitySelector : public QWidget {
    Q_OBJECT
public:
    explicit QualitySelector(QWidget *parent = nullptr);

    // The channel's ladder: on or off, and its rungs from the channel's status. A fixed choice
    // whose rung stopped running falls back to Auto (choiceChanged is emitted).
    void setLadder(bool ladderOn, const QList<RungStatus> &rungs);
    // Back to Auto (a new channel, a recording), without emitting choiceChanged.
    void reset();
    // The size of the picture playing now (empty: none): shown as its rung and bitrate.
    void setPlayingSize(const QSize &size);
    // The rung chosen ("720p"), empty for Auto (and Source).
    QString choice() const;
    // Chooses as the user would: emits choiceChanged when the choice changes. False when the
    // rendition is not offered.
    bool choose(const QString &rendition);
    QStringList offered() const; // the renditions in the list, after "Auto"
    QComboBox *comboBox() const { return m_choice; }
    QString playingText() const;

    // The rungs a player can be fixed to: those encoding now (Running, or Behind).
    static QList<RungStatus> playableRungs(const QList<RungStatus> &rungs);
    // The rung whose picture is `height` lines tall; nullptr when none is.
    static const RungStatus *rungOfHeight(const QList<RungStatus> &rungs, int height);
    // A channel's live URL (…/live/<slug>.m3u8) for one rendition (…/live/<slug>/720p.m3u8);
    // the live URL itself for an empty rendition.
    static QString variantUrl(const QString &liveUrl, const QString &rendition);

signals:
    void choiceChanged(const QString &rendition);

private:
    void updatePlaying();

    QComboBox *m_choice;
    QLabel *m_playing;
    bool m_ladderOn = false;
    QList<RungStatus> m_rungs;
    QSize m_playingSize;
};

} // namespace panelx
