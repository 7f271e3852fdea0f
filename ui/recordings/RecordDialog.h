// Starts a recording: "Record now" (a channel, for how long, an optional title) or "Record the
// last minutes" (what the channel's buffer already holds, from N minutes ago until now). Each
// field shows what is wrong right below it: the duration rule from DvrPolicy at once, the
// engine's refusals (quota, buffer) when it answers. The dialog stays open until the engine
// has accepted the recording.
#pragma once

#include "ChannelTypes.h"
#include "dvr/Recording.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace panelx {

class RecordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode {
        Now, // from now on for N minutes
        Past, // the last N minutes, from the buffer
    };

    RecordDialog(Mode mode, const QList<ChannelConfig> &channels, qint64 preferredChannelId,
        QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // The form as a request; a Past one starts N minutes before `nowUtcMs`.
    RecordingRequest request(qint64 nowUtcMs) const;
    // The engine's answer to submitted(): closes on success, else shows why under the field at
    // fault (or under the form) and lets the user try again.
    void showOutcome(const RecordingChange &change);

signals:
    // OK was pressed on a valid form; the answer goes to showOutcome().
    void submitted(const panelx::RecordingRequest &request);

public slots:
    void accept() override;

private:
    QLabel *makeErrorLabel(const QString &objectName);
    // DvrPolicy's rules and a chosen channel; true when the form may be sent.
    bool showValidation();
    void setBusy(bool busy);

    Mode m_mode;
    QComboBox *m_channel;
    QSpinBox *m_minutes;
    QLineEdit *m_title;
    QLabel *m_channelError;
    QLabel *m_minutesError;
    QLabel *m_formError; // refusals that concern no single field (quota, disk)
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace panelx
