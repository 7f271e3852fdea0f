// Edits one channel's ladder: the switch, a box per rung of the catalogue and the libx264
// preset. ladder::validate's sentences show next to the fields they are about, following every
// change, and OK stays off while there is one.
#pragma once

#include "ChannelTypes.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace panelx {

class LadderDialog : public QDialog {
    Q_OBJECT
public:
    explicit LadderDialog(const ChannelConfig &channel, QWidget *parent = nullptr);

    // The channel it was opened with, carrying the form's ladder.
    ChannelConfig channel() const;
    QCheckBox *enabledSwitch() const { return m_enabled; }
    QCheckBox *rungBox(const QString &rendition) const; // null for an unknown rung
    QComboBox *presetBox() const { return m_preset; }
    QLabel *rungsMessage() const { return m_rungsMessage; }
    QLabel *presetMessage() const { return m_presetMessage; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    // Shows the validator's sentences and enables OK when there is none.
    void validate();

    ChannelConfig m_channel;
    QCheckBox *m_enabled;
    QList<QCheckBox *> m_rungs; // catalogue order
    QComboBox *m_preset;
    QLabel *m_rungsMessage;
    QLabel *m_presetMessage;
    QDialogButtonBox *m_buttons;
};

} // namespace panelx
