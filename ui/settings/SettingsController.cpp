#include "SettingsController.h"

#include <QSettings>
#include <QtConcurrent>

namespace panelx {

SettingsController::SettingsController(Settings running, QObject *parent)
    : QObject(parent), m_running(std::move(running)), m_saved(Settings::load()), m_draft(m_saved)
{
    connect(&m_dataDirCheck, &QFutureWatcher<QString>::finished, this, [this] {
        const QString checked = m_checkedDataDir;
        m_dataDirProblem = m_dataDirCheck.result();
        // The folder may have been edited again while the check ran: check the new one.
        if (checked != m_draft.dataDir) {
            startDataDirCheck();
            return;
        }
        m_checkPending = false;
        updateProblems();
    });
    connect(&m_saving, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_saving.result();
        if (!error.isEmpty()) {
            m_saved = m_previousSaved;
            emit saveFailed(error);
            emit stateChanged();
            return;
        }
        emit savedChanged(m_saved);
        emit stateChanged();
    });
    startDataDirCheck();
}

SettingsController::~SettingsController()
{
    // The workers hold copies only; waiting keeps a save from being cut short at exit.
    m_saving.waitForFinished();
    m_dataDirCheck.waitForFinished();
}

QString SettingsController::restartNotice() const
{
    Settings effective = m_saved;
    if (m_fromCommandLine.dataDir)
        effective.dataDir = m_running.dataDir;
    if (m_fromCommandLine.port)
        effective.httpPort = m_running.httpPort;
    if (m_fromCommandLine.publicUrl)
        effective.publicUrl = m_running.publicUrl;
    const QStringList names = effective.changesNeedingRestart(m_running);
    QString notice;
    if (!names.isEmpty())
        notice = tr("Restart PanelX to apply these changes: %1.")
                     .arg(QLocale().createSeparatedList(names));
    QStringList fromCommandLine;
    if (m_fromCommandLine.dataDir)
        fromCommandLine << QStringLiteral("--data-dir");
    if (m_fromCommandLine.port)
        fromCommandLine << QStringLiteral("--port");
    if (m_fromCommandLine.publicUrl)
        fromCommandLine << QStringLiteral("--public-url");
    if (!fromCommandLine.isEmpty()) {
        if (!notice.isEmpty())
            notice += QLatin1Char(' ');
        notice += tr("This run uses %1 from the command line; the values saved here apply "
                     "when PanelX starts without it.")
                      .arg(QLocale().createSeparatedList(fromCommandLine));
    }
    return notice;
}

void SettingsController::setCommandLineOverrides(CommandLineChoices fromCommandLine)
{
    m_fromCommandLine = fromCommandLine;
    emit stateChanged();
}

void SettingsController::setDraft(const Settings &draft)
{
    const bool dirChanged = draft.dataDir != m_draft.dataDir;
    m_draft = draft;
    if (dirChanged)
        startDataDirCheck();
    updateProblems();
}

void SettingsController::revert()
{
    setDraft(m_saved);
}

void SettingsController::save()
{
    if (!canSave() || m_saving.isRunning())
        return;
    m_previousSaved = m_saved;
    m_saved = m_draft;
    const Settings toWrite = m_saved;
    m_saving.setFuture(QtConcurrent::run([toWrite] {
        QSettings store;
        toWrite.save(store);
        if (store.status() != QSettings::NoError)
            return tr("The settings could not be written to %1. Check that the disk is not "
                      "full and that the file is yours.")
                .arg(store.fileName());
        return QString();
    }));
    emit stateChanged();
}

void SettingsController::startDataDirCheck()
{
    m_checkPending = true;
    if (m_dataDirCheck.isRunning())
        return; // its finished handler checks the newest draft next
    m_checkedDataDir = m_draft.dataDir;
    const QString dir = m_checkedDataDir;
    m_dataDirCheck.setFuture(QtConcurrent::run([dir] { return Settings::checkDataDir(dir); }));
}

void SettingsController::updateProblems()
{
    m_problems = m_draft.validate();
    const bool dirFormOk = std::none_of(m_problems.cbegin(), m_problems.cend(),
        [](const Settings::Problem &p) { return p.field == Settings::Field::DataDir; });
    if (dirFormOk && !m_checkPending && !m_dataDirProblem.isEmpty())
        m_problems.prepend({Settings::Field::DataDir, m_dataDirProblem});
    emit stateChanged();
}

} // namespace panelx
