// Add or edit a channel. Each field shows what is wrong with it right below it (checked by the
// engine's ChannelValidator against the channels that exist), and OK stays closed until the
// form is valid. The source can be tried first with "Test source".
#pragma once

#include "ChannelTypes.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace panelx {

class SourceTestPanel;

class ChannelDialog : public QDialog {
    Q_OBJECT
public:
    // `channel.id == 0` adds a new channel; otherwise edits that one. `existing` is checked for
    // names already taken.
    ChannelDialog(const ChannelConfig &channel, const QList<ChannelConfig> &existing,
        QWidget *parent = nullptr);

    // The form's values on top of the channel it was opened with.
    ChannelConfig channel() const;
    bool isNewChannel() const { return m_original.id == 0; }

public slots:
    void accept() override;
    void reject() override;

private:
    QLabel *addErrorLabel(const QString &field);
    // Shows the validator's message under each field; true when there is none.
    bool showValidation();
    // Grows the dialog to the height its wrapped texts need at its current width.
    void growToFit();

    ChannelConfig m_original;
    QList<ChannelConfig> m_existing;
    QLineEdit *m_name;
    QLineEdit *m_sourceUrl;
    QSpinBox *m_segmentSeconds;
    QDoubleSpinBox *m_bufferHours;
    QCheckBox *m_enabled;
    SourceTestPanel *m_sourceTest;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errors; // field name -> label under it
    bool m_triedToAccept = false; // from then on, messages follow every keystroke
};

} // namespace panelx
