// The Settings page's logic: holds the values in effect, the saved ones and the form's draft,
// validates the draft (the disk checks on a worker thread), saves off the GUI thread and says
// which saved changes wait for a restart.
#pragma once

#include "Settings.h"

#include <QFutureWatcher>
#include <QObject>

namespace panelx {

class SettingsController : public QObject {
    Q_OBJECT
public:
    // `running`: the values this run of PanelX started with.
    explicit SettingsController(Settings running, QObject *parent = nullptr);
    ~SettingsController() override;

    const Settings &running() const { return m_running; }
    const Settings &saved() const { return m_saved; }
    const Settings &draft() const { return m_draft; }
    QList<Settings::Problem> problems() const { return m_problems; }
    bool isDirty() const { return !(m_draft == m_saved); }
    bool isChecking() const { return m_checkPending; }
    bool canSave() const { return isDirty() && m_problems.isEmpty() && !m_checkPending; }
    // Empty when the saved values are the ones in effect.
    QString restartNotice() const;
    // The command line can set the data folder, port and public URL for one run; the notice
    // says so.
    void setCommandLineOverrides(CommandLineChoices fromCommandLine);

public slots:
    void setDraft(const panelx::Settings &draft);
    void revert();
    void save();

signals:
    // Anything the page shows may have changed: problems, dirty, checking, notice.
    void stateChanged();
    void savedChanged(const panelx::Settings &saved);
    void saveFailed(const QString &reason);

private:
    void startDataDirCheck();
    void updateProblems();

    Settings m_running;
    Settings m_saved;
    Settings m_previousSaved; // restored when writing fails
    Settings m_draft;
    QList<Settings::Problem> m_problems;
    QString m_dataDirProblem;
    QString m_checkedDataDir; // the folder the running check looks at
    bool m_checkPending = false;
    CommandLineChoices m_fromCommandLine;
    QFutureWatcher<QString> m_dataDirCheck;
    QFutureWatcher<QString> m_saving;
};

} // namespace panelx
