#include "ExportCache.h"

#include "dvr/RecordingExport.h"
#include "hls/SegmentStore.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <atomic>
#include <pthread.h>

Q_LOGGING_CATEGORY(lcExport, "panelx.export")

namespace panelx {

struct ExportCache::Job {
    qint64 recordingId = 0;
    QString file;
    QList<ExportPart> parts;
    QList<Done> waiters;
    std::atomic<bool> cancel {false};
    std::atomic<double> progress {0.0};
};

namespace {

const QString kStopping = QStringLiteral("PanelX is stopping; download the recording again when "
                                         "it runs");

// "<id>-…": the recording a file in the folder belongs to; 0 when it is not one of ours.
qint64 recordingOf(const QString &fileName)
{
    bool ok = false;
    const qint64 id = fileName.section(u'-', 0, 0).toLongLong(&ok);
    return ok ? id : 0;
}

} // namespace

ExportCache::ExportCache(const SegmentStore &store, QString folder)
    : m_store(store), m_folder(std::move(folder)), m_thread([this] { run(); })
{
}

ExportCache::~ExportCache()
{
    std::deque<std::shared_ptr<Job>> queued;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (const auto &job : std::as_const(m_jobs))
            job->cancel = true;
        queued.swap(m_queue);
    }
    m_wake.notify_all();
    m_thread.join();
    for (const auto &job : queued)
        for (const Done &done : std::as_const(job->waiters))
            done({{}, kStopping, false});
}

QString ExportCache::fileName(qint64 recordingId, const QList<SegmentInfo> &segments)
{
    return QStringLiteral("%1-%2-%3-%4.mp4")
        .arg(recordingId)
        .arg(segments.isEmpty() ? 0 : segments.first().sequence)
        .arg(segments.isEmpty() ? 0 : segments.last().sequence)
        .arg(segments.size());
}

void ExportCache::request(const Recording &recording, const QList<SegmentInfo> &segments, Done done)
{
    const QString file = QDir(m_folder).filePath(fileName(recording.id, segments));
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
        lock.unlock();
        done({{}, kStopping, false});
        return;
    }
    if (const auto it = m_jobs.constFind(file); it != m_jobs.constEnd()) {
        (*it)->waiters.append(std::move(done));
        return;
    }
    // Made before (exports are renamed into place whole, so one that is there is complete).
    if (QFileInfo::exists(file)) {
        lock.unlock();
        done({file, {}, false});
        return;
    }
    auto job = std::make_shared<Job>();
    job->recordingId = recording.id;
    job->file = file;
    job->parts = partsOf(m_store, segments);
    job->waiters.append(std::move(done));
    m_jobs.insert(file, job);
    m_queue.push_back(std::move(job));
    lock.unlock();
    m_wake.notify_one();
}

QList<ExportPart> ExportCache::partsOf(
    const SegmentStore &store, const QList<SegmentInfo> &segments)
{
    QList<ExportPart> parts;
    parts.reserve(segments.size());
    for (const SegmentInfo &segment : segments)
        parts.append({store.segmentPath(segment.channelId, segment.rendition, segment.sequence),
            segment.discontinuity, segment.durationMs});
    return parts;
}

double ExportCache::progress(qint64 recordingId) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &job : std::as_const(m_jobs))
        if (job->recordingId == recordingId)
            return job->progress.load();
    return -1.0;
}

void ExportCache::forget(qint64 recordingId)
{
    QList<std::shared_ptr<Job>> dropped;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &job : std::as_const(m_jobs))
            if (job->recordingId == recordingId)
                job->cancel = true; // the one under way stops and tells its callers
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            if ((*it)->recordingId == recordingId) {
                dropped.append(*it);
                m_jobs.remove((*it)->file);
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
        // Under the lock, so no export of it can finish and be handed out in between.
        removeFiles(recordingId, {});
    }
    for (const auto &job : std::as_const(dropped))
        for (const Done &done : std::as_const(job->waiters))
            done({{}, {}, true});
}

void ExportCache::keepOnly(const QSet<qint64> &recordingIds)
{
    const QDir folder(m_folder);
    for (const QString &name : folder.entryList(QDir::Files)) {
        const bool halfWritten = name.endsWith(QStringLiteral(".part"));
        if (halfWritten || !recordingIds.contains(recordingOf(name)))
            QFile::remove(folder.filePath(name));
    }
}

void ExportCache::removeFiles(qint64 recordingId, const QString &except) const
{
    const QDir folder(m_folder);
    for (const QString &name :
        folder.entryList({QStringLiteral("%1-*.mp4").arg(recordingId)}, QDir::Files)) {
        const QString path = folder.filePath(name);
        if (path != except)
            QFile::remove(path);
    }
}

void ExportCache::run()
{
    pthread_setname_np(pthread_self(), "export");
    while (true) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = m_queue.front();
            m_queue.pop_front();
            // A recording's segments changed: the file made of the old ones is stale.
            removeFiles(job->recordingId, job->file);
        }
        ExportResult made;
        if (QFileInfo::exists(job->file)) { // made while this request was queued
            made.ok = true;
        } else if (!QDir().mkpath(m_folder)) {
            made.error = QStringLiteral("cannot create the folder %1 for downloads; check that "
                                        "the data folder is writable")
                             .arg(m_folder);
        } else {
            made = RecordingExport::run(
                job->parts, job->file, ExportFormat::Mp4,
                [&job](double fraction) { job->progress = fraction; }, &job->cancel);
            if (!made.ok && !made.cancelled)
                qCWarning(lcExport).noquote()
                    << "Recording" << job->recordingId << "could not be exported:" << made.error;
        }
        QList<Done> waiters;
        Result result;
        {
            std::lock_guard lock(m_mutex);
            m_jobs.remove(job->file);
            waiters.swap(job->waiters);
            if (job->cancel) {
                // forget() may have run between the export's end and here.
                QFile::remove(job->file);
                result = m_stopping ? Result {{}, kStopping, false} : Result {{}, {}, true};
            } else if (made.ok) {
                result.file = job->file;
            } else {
                result.error = made.error;
            }
        }
        for (const Done &done : std::as_const(waiters))
            done(result);
    }
}

} // namespace panelx
