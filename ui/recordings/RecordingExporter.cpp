#include "RecordingExporter.h"

#include "EngineClient.h"
#include "dvr/RecordingExport.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent>
#include <atomic>

namespace panelx {

namespace {
constexpr int kProgressSteps = 1000;
} // namespace

// One export: lives until its worker has finished, so the worker's cancel flag outlives it.
class RecordingExporter::Job : public QObject {
public:
    using QObject::QObject;
    qint64 id = 0;
    QString title;
    QString target;
    ExportFormat format = ExportFormat::Mp4;
    std::atomic<bool> cancel {false};
    QPointer<QProgressDialog> progress;
    QFutureWatcher<ExportResult> watcher;
};

RecordingExporter::RecordingExporter(EngineClient *client, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_client(client), m_dialogParent(dialogParent)
{
}

RecordingExporter::~RecordingExporter()
{
    for (Job *job : std::as_const(m_jobs)) {
        job->cancel = true;
        job->watcher.waitForFinished();
    }
}

QString RecordingExporter::defaultFileName(const QString &title, qint64 startUtcMs)
{
    QString name = QStringLiteral("%1 %2").arg(title.trimmed(),
        QDateTime::fromMSecsSinceEpoch(startUtcMs)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH-mm")));
    static const QRegularExpression refused(QStringLiteral(R"([/\\:*?"<>|\x00-\x1f])"));
    name.replace(refused, QStringLiteral("_"));
    return name + QStringLiteral(".mp4");
}

void RecordingExporter::exportRecording(qint64 id)
{
    const auto recording = m_client->recording(id);
    if (!recording)
        return;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    auto *dialog = new QFileDialog(m_dialogParent, tr("Export “%1”").arg(recording->title), folder);
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("MP4 video (*.mp4)"), tr("MPEG transport stream (*.ts)")});
    dialog->setDefaultSuffix(QStringLiteral("mp4"));
    dialog->selectFile(defaultFileName(recording->title, recording->startUtcMs));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The filter chosen decides the suffix a bare name gets.
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(
            filter.contains(QLatin1String("*.ts")) ? QStringLiteral("ts") : QStringLiteral("mp4"));
    });
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, id](const QString &file) { exportTo(id, file); });
    dialog->open();
}

void RecordingExporter::exportTo(qint64 id, const QString &target)
{
    const auto recording = m_client->recording(id);
    if (!recording)
        return;
    auto *job = new Job(this);
    m_jobs.append(job);
    job->id = id;
    job->title = recording->title;
    job->target = target;
    job->format = target.endsWith(QLatin1String(".ts"), Qt::CaseInsensitive) ? ExportFormat::Ts
                                                                             : ExportFormat::Mp4;
    auto *progress = new QProgressDialog(
        tr("Exporting “%1”…").arg(job->title), tr("Cancel"), 0, kProgressSteps, m_dialogParent);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setValue(0);
    // At once: the wait for the engine's list of files counts as the export's time too.
    progress->show();
    job->progress = progress;
    connect(progress, &QProgressDialog::canceled, job, [job] { job->cancel = true; });
    connect(&job->watcher, &QFutureWatcher<ExportResult>::finished, job, [this, job] {
        const ExportResult result = job->watcher.result();
        if (result.ok)
            emit exported(job->id, job->target);
        else if (!result.cancelled)
            emit problem(tr("Exporting “%1” failed: %2").arg(job->title, result.error));
        finish(job);
    });
    // The engine lists the segment files on its own thread; the remux runs on a worker.
    m_client->exportParts(
        id, job, [this, job](const QList<ExportPart> &parts) { start(job, parts); });
}

void RecordingExporter::finish(Job *job)
{
    m_jobs.removeOne(job);
    if (job->progress)
        job->progress->close();
    job->deleteLater();
}

void RecordingExporter::start(Job *job, const QList<ExportPart> &parts)
{
    if (parts.isEmpty()) {
        if (!job->cancel)
            emit problem(tr("Exporting “%1” failed: nothing of it is on the disk any more.")
                             .arg(job->title));
        finish(job);
        return;
    }
    // Progress crosses to this thread only when the bar would move.
    auto lastStep = std::make_shared<int>(-1);
    QPointer<QProgressDialog> dialog = job->progress;
    const RecordingExport::Progress progress = [job, dialog, lastStep](double fraction) {
        const int step = qRound(std::clamp(fraction, 0.0, 1.0) * kProgressSteps);
        if (step == *lastStep)
            return;
        *lastStep = step;
        // Posted to the job, which lives until the worker has finished.
        QMetaObject::invokeMethod(
            job,
            [dialog, step] {
                if (dialog)
                    dialog->setValue(step);
            },
            Qt::QueuedConnection);
    };
    const QString target = job->target;
    const ExportFormat format = job->format;
    const std::atomic<bool> *cancel = &job->cancel;
    job->watcher.setFuture(QtConcurrent::run([parts, target, format, progress, cancel] {
        return RecordingExport::run(parts, target, format, progress, cancel);
    }));
}

} // namespace panelx
