// Export…: asks where to save a recording (MP4 or MPEG-TS by the name's suffix), gets the list of
// its segment files from the engine and remuxes them on a worker thread (RecordingExport) with
// a progress dialog whose Cancel leaves no partial file. The GUI thread only shows progress.
#pragma once

#include "dvr/RecordingExport.h"

#include <QList>
#include <QObject>
#include <QString>

class QWidget;

namespace panelx {

class EngineClient;

class RecordingExporter : public QObject {
    Q_OBJECT
public:
    RecordingExporter(EngineClient *client, QWidget *dialogParent, QObject *parent = nullptr);
    // Cancels exports still running and waits for their workers, which remove their partial
    // files.
    ~RecordingExporter() override;

    // Asks for the file, then exports to it.
    void exportRecording(qint64 id);
    // Exports to `target` without asking: MPEG-TS for a ".ts" name, MP4 otherwise.
    void exportTo(qint64 id, const QString &target);

    // "News 2026-11-30 20-00.mp4": the title and local start time, without characters file
    // systems refuse.
    static QString defaultFileName(const QString &title, qint64 startUtcMs);

signals:
    void exported(qint64 id, const QString &target);
    void problem(const QString &message);

private:
    class Job;
    void start(Job *job, const QList<ExportPart> &parts);
    void finish(Job *job);

    EngineClient *m_client;
    QWidget *m_dialogParent;
    QList<Job *> m_jobs; // running, each a child of this
};

} // namespace panelx
