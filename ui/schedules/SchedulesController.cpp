#include "SchedulesController.h"

#include "EngineClient.h"
#include "ScheduleDialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimeZone>

namespace panelx {

SchedulesController::SchedulesController(EngineClient *client, QWidget *dialogParent)
    : QObject(dialogParent), m_client(client), m_dialogParent(dialogParent)
{
}

ScheduleDialog *SchedulesController::newSchedule(qint64 channelId, QDate date, QTime time)
{
    Schedule schedule;
    schedule.channelId = m_client->channel(channelId) ? channelId : 0;
    schedule.timeZoneId = QTimeZone::systemTimeZoneId();
    schedule.firstDate = date.isValid() ? date : QDate::currentDate();
    // The next whole hour unless a time is given.
    schedule.startTime
        = time.isValid() ? time : QTime(QTime::currentTime().addSecs(3600).hour(), 0);
    return openEditor(schedule);
}

ScheduleDialog *SchedulesController::edit(qint64 id)
{
    const auto schedule = m_client->schedule(id);
    return schedule ? openEditor(*schedule) : nullptr;
}

ScheduleDialog *SchedulesController::openEditor(const Schedule &schedule)
{
    // Window-modal but not exec()'d: the event loop, the list and the week view keep running.
    auto *dialog = new ScheduleDialog(schedule, m_client->channels(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScheduleDialog::conflictsWanted, this, [this, dialog](const Schedule &draft) {
        m_client->conflictsWith(draft, dialog,
            [dialog](const QList<Conflict> &conflicts) { dialog->showConflicts(conflicts); });
    });
    connect(dialog, &ScheduleDialog::submitted, this,
        [this, dialog](const Schedule &draft, bool force) {
            const auto answer = [this, dialog](const ScheduleChange &change) {
                if (change.ok()) {
                    dialog->showSaved();
                    emit saved(change.schedule.id);
                } else {
                    dialog->showRefusal(change.problems, change.conflicts, change.error);
                }
            };
            if (draft.id == 0)
                m_client->addSchedule(draft, force, dialog, answer);
            else
                m_client->saveSchedule(draft, force, dialog, answer);
        });
    dialog->open();
    return dialog;
}

void SchedulesController::deleteSchedule(qint64 id)
{
    const auto schedule = m_client->schedule(id);
    if (!schedule)
        return;
    const QString question = tr("Delete the schedule “%1”?").arg(schedule->name);
    auto *box = new QMessageBox(
        QMessageBox::Warning, question, question, QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("confirmDeleteSchedule"));
    box->setInformativeText(tr("It will not run again, and its history goes with it. "
                               "Recordings it made are kept. This cannot be undone."));
    QPushButton *remove = box->addButton(tr("Delete schedule"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteScheduleButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() != remove)
            return;
        m_client->removeSchedule(id, this, [this](const ScheduleChange &change) {
            if (!change.ok())
                reportFailure(tr("Deleting the schedule"), change.error);
        });
    });
    box->open();
}

void SchedulesController::setEnabled(qint64 id, bool enabled)
{
    m_client->setScheduleEnabled(id, enabled, this, [this, enabled](const ScheduleChange &change) {
        if (!change.ok())
            reportFailure(
                enabled ? tr("Enabling the schedule") : tr("Disabling the schedule"), change.error);
    });
}

void SchedulesController::reportFailure(const QString &what, const QString &error)
{
    emit problem(tr("%1 failed: %2").arg(what, error));
}

} // namespace panelx
