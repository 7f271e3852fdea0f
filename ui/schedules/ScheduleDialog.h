// Makes or edits a schedule: what it does to which channel, from which local date and time in
// which zone, for how long, how it repeats and until when, and a recording's padding. While the
// user types, each field shows what is wrong with it (ScheduleValidator), the next five
// occurrences are listed (Occurrences::next) and the conflicts the schedule would have are
// asked for (conflictsWanted → showConflicts). Saving a conflicting schedule takes a second,
// explicit "Save anyway".
#pragma once

#include "ChannelTypes.h"
#include "schedule/Conflicts.h"
#include "schedule/Schedule.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTimeEdit;
class QTimer;
class QWidget;

namespace panelx {

class ScheduleDialog : public QDialog {
    Q_OBJECT
public:
    // How many coming occurrences the preview lists.
    static constexpr int kPreviewCount = 5;
    // The conflicts are asked for once typing has paused this long.
    static constexpr int kConflictCheckDelayMs = 250;

    // `schedule` fills the form (id 0: a new one).
    ScheduleDialog(
        const Schedule &schedule, const QList<ChannelConfig> &channels, QWidget *parent = nullptr);

    // The form as a schedule (its id and creation time kept from the one given).
    Schedule schedule() const;
    QListWidget *preview() const { return m_preview; }
    QLabel *conflictSummary() const { return m_conflicts; }
    bool isSaveForced() const { return m_force; }

public slots:
    // The conflicts the draft would have in the coming week (its own id is 0 when new).
    void showConflicts(const QList<panelx::Conflict> &conflicts);
    // The engine's refusal of submitted(): the field problems under their fields, or the
    // conflicts with "Save anyway"; `error` under the form. Closes when `saved`.
    void showRefusal(const QList<panelx::FieldError> &problems,
        const QList<panelx::Conflict> &conflicts, const QString &error);
    void showSaved();
    void accept() override;

signals:
    // OK was pressed on a valid form; `force` once the user has seen its conflicts and saves
    // anyway. The answer goes to showSaved() or showRefusal().
    void submitted(const panelx::Schedule &schedule, bool force);
    // The draft changed; answer with showConflicts().
    void conflictsWanted(const panelx::Schedule &draft);

private:
    void buildForm(const QList<ChannelConfig> &channels);
    void fill(const Schedule &schedule);
    void onChanged();
    void updateFieldsShown();
    void updatePreview(const Schedule &draft);
    void showProblems(const QList<FieldError> &problems);
    void setBusy(bool busy);
    QLabel *makeErrorLabel(const QString &objectName);

    Schedule m_original;
    QLineEdit *m_name;
    QComboBox *m_action;
    QComboBox *m_channel;
    QLineEdit *m_title;
    QDateEdit *m_date;
    QTimeEdit *m_time;
    QComboBox *m_zone;
    QSpinBox *m_minutes;
    QComboBox *m_repeat;
    QList<QCheckBox *> m_weekdays; // Monday first
    QWidget *m_weekdayRow;
    QCheckBox *m_hasEnd;
    QDateEdit *m_until;
    QWidget *m_untilRow;
    QSpinBox *m_paddingBefore;
    QSpinBox *m_paddingAfter;
    QWidget *m_paddingRow;
    QLabel *m_minutesHint;
    QFormLayout *m_form;
    QCheckBox *m_enabled;
    QListWidget *m_preview;
    QLabel *m_conflicts;
    QHash<QString, QLabel *> m_errors; // by schedulefield name
    QLabel *m_formError;
    QDialogButtonBox *m_buttons;
    QTimer *m_conflictCheck;
    bool m_filling = false;
    bool m_waiting = false;
    bool m_force = false; // the conflicts shown are accepted: OK reads "Save anyway"
    bool m_valid = false;
};

} // namespace panelx
