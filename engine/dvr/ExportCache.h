// Downloads of done recordings as MP4 files (RecordingExport), made once and kept in a folder of
// their own. A file is named after the recording and the segments it holds
// ("<id>-<first sequence>-<last sequence>-<count>.mp4"), so a finished recording is made once and
// reused, and one whose segments changed is made again rather than served stale. Exports run one
// at a time on a thread of their own ("export"): never on the HTTP loops or the engine's thread.
// Thread-safe.
#pragma once

#include "ChannelTypes.h"
#include "dvr/Recording.h"
#include "dvr/RecordingExport.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace panelx {

class SegmentStore;

class ExportCache {
public:
    struct Result {
        QString file; // the finished MP4; empty when there is none
        QString error; // why not, in words a person can act on
        bool gone = false; // the recording was deleted meanwhile
    };
    using Done = std::function<void(const Result &)>;

    ExportCache(const SegmentStore &store, QString folder);
    // Cancels the export under way; callers still waiting are told PanelX is stopping.
    ~ExportCache();
    ExportCache(const ExportCache &) = delete;
    ExportCache &operator=(const ExportCache &) = delete;

    QString folder() const { return m_folder; }
    static QString fileName(qint64 recordingId, const QList<SegmentInfo> &segments);
    // The files of `segments` as RecordingExport takes them (the window's Export uses it too).
    static QList<ExportPart> partsOf(const SegmentStore &store, const QList<SegmentInfo> &segments);

    // The MP4 of a done recording made of `segments` (oldest first). `done` is called exactly
    // once: at once when the file is there, else from the export thread once it is made (callers
    // asking for the same file meanwhile share the export).
    void request(const Recording &recording, const QList<SegmentInfo> &segments, Done done);
    // How far the recording's export has come, 0..1; -1 when none is waiting or under way.
    double progress(qint64 recordingId) const;
    // The recording was deleted: its files go, and an export of it is cancelled.
    void forget(qint64 recordingId);
    // At start: removes the files of recordings not in `recordingIds`, and half-written ones.
    void keepOnly(const QSet<qint64> &recordingIds);

private:
    struct Job;
    void run();
    void removeFiles(qint64 recordingId, const QString &except) const;

    const SegmentStore &m_store;
    const QString m_folder;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Job>> m_queue;
    QHash<QString, std::shared_ptr<Job>> m_jobs; // by file, queued or under way
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace panelx
