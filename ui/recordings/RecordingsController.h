// What the Recordings page's buttons do: opens the record dialogs, stops, extends, keeps and
// (after asking) deletes recordings, plays and exports them — all as intent through
// EngineClient, with the engine's refusals handed back to the page as sentences.
#pragma once

#include <QObject>

class QWidget;

namespace panelx {

class EngineClient;
class RecordingExporter;

class RecordingsController : public QObject {
    Q_OBJECT
public:
    // What Extend adds to a running or scheduled recording.
    static constexpr int kExtendMinutes = 15;

    // Dialogs and questions open over `dialogParent`.
    RecordingsController(EngineClient *client, QWidget *dialogParent);

    // The dialogs start on `channelId` when it is one of the channels.
    void recordNow(qint64 channelId);
    void recordPast(qint64 channelId);
    void stop(qint64 id);
    void extend(qint64 id);
    void setKeep(qint64 id, bool keep);
    // Asks first, naming the recording; deletes only on "Delete".
    void deleteRecording(qint64 id);
    void play(qint64 id);
    // Asks for a file and exports the recording to it (MP4 or MPEG-TS).
    void exportRecording(qint64 id);
    RecordingExporter *exporter() const { return m_exporter; }

signals:
    void recordingStarted(qint64 id);
    void playRequested(qint64 id);
    void problem(const QString &message);
    // Something went well that the page says in passing ("Exported to …").
    void notice(const QString &message);

private:
    void openRecordDialog(bool past, qint64 channelId);
    // Reports a failed change as "<what> failed: <why>".
    void reportFailure(const QString &what, const QString &error);

    EngineClient *m_client;
    QWidget *m_dialogParent;
    RecordingExporter *m_exporter;
};

} // namespace panelx
