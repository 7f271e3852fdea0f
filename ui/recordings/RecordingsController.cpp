#include "RecordingsController.h"

#include "EngineClient.h"
#include "RecordDialog.h"
#include "RecordingExporter.h"

#include <QDir>

#include <QMessageBox>
#include <QPushButton>

namespace panelx {

RecordingsController::RecordingsController(EngineClient *client, QWidget *dialogParent)
    : QObject(dialogParent), m_client(client), m_dialogParent(dialogParent),
      m_exporter(new RecordingExporter(client, dialogParent, this))
{
    connect(m_exporter, &RecordingExporter::problem, this, &RecordingsController::problem);
    connect(m_exporter, &RecordingExporter::exported, this, [this](qint64, const QString &target) {
        emit notice(tr("Exported to %1").arg(QDir::toNativeSeparators(target)));
    });
}

void RecordingsController::recordNow(qint64 channelId)
{
    openRecordDialog(false, channelId);
}

void RecordingsController::recordPast(qint64 channelId)
{
    openRecordDialog(true, channelId);
}

void RecordingsController::openRecordDialog(bool past, qint64 channelId)
{
    // Window-modal but not exec()'d: the event loop, and the table, keep running.
    auto *dialog = new RecordDialog(past ? RecordDialog::Mode::Past : RecordDialog::Mode::Now,
        m_client->channels(), channelId, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &RecordDialog::submitted, this, [this, dialog](const RecordingRequest &request) {
            m_client->addRecording(request, dialog, [this, dialog](const RecordingChange &change) {
                dialog->showOutcome(change);
                if (change.ok())
                    emit recordingStarted(change.recording.id);
            });
        });
    dialog->open();
}

void RecordingsController::stop(qint64 id)
{
    m_client->endRecording(id, this, [this](const RecordingChange &change) {
        if (!change.ok())
            reportFailure(tr("Stopping the recording"), change.error);
    });
}

void RecordingsController::extend(qint64 id)
{
    m_client->lengthenRecording(id, kExtendMinutes, this, [this](const RecordingChange &change) {
        if (!change.ok())
            reportFailure(tr("Extending the recording"), change.error);
    });
}

void RecordingsController::setKeep(qint64 id, bool keep)
{
    m_client->setRecordingKeep(id, keep, this, [this](const RecordingChange &change) {
        if (!change.ok())
            reportFailure(tr("Keeping the recording"), change.error);
    });
}

void RecordingsController::deleteRecording(qint64 id)
{
    const auto recording = m_client->recording(id);
    if (!recording)
        return;
    const QString question = tr("Delete the recording “%1”?").arg(recording->title);
    auto *box = new QMessageBox(
        QMessageBox::Warning, question, question, QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("confirmDeleteRecording"));
    box->setInformativeText(recording->state == RecordingState::Recording
            ? tr("It is still recording: recording stops and everything recorded so far is "
                 "gone. This cannot be undone.")
            : tr("Its media is released to the channel's buffer, which deletes it when the "
                 "buffer moves on. This cannot be undone."));
    QPushButton *remove = box->addButton(tr("Delete recording"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteRecordingButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() != remove)
            return;
        m_client->removeRecording(id, this, [this](const RecordingChange &change) {
            if (!change.ok())
                reportFailure(tr("Deleting the recording"), change.error);
        });
    });
    box->open();
}

void RecordingsController::play(qint64 id)
{
    if (m_client->recording(id))
        emit playRequested(id);
}

void RecordingsController::exportRecording(qint64 id)
{
    m_exporter->exportRecording(id);
}

void RecordingsController::reportFailure(const QString &what, const QString &error)
{
    emit problem(tr("%1 failed: %2").arg(what, error));
}

} // namespace panelx
