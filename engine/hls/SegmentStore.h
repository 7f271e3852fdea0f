// The one truth for media: segment files under <root>/<channelId>/<rendition>/<sequence>.ts and
// their index in SQLite. Writers commit finished segments (temp file -> rename -> index row);
// readers query by sequence or wall-clock range. The newest few segments of every
// channel+rendition are mirrored in memory so live playlists need no SQL per request.
// Thread-safe: commit/retention run on ingest threads, queries on HTTP threads.
#pragma once

#include "ChannelTypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <deque>
#include <optional>
#include <shared_mutex>

namespace panelx {

class Database;

struct ReconcileReport {
    int rowsWithoutFile = 0; // index rows whose file was gone: rows removed
    int filesRecovered = 0; // finished files with no row: probed and indexed
    int tempFilesRemoved = 0; // half-written segments from a crash: deleted
    int unreadableFilesRemoved = 0;
};

class SegmentStore {
public:
    static constexpr int kLiveCacheSize = 16;

    SegmentStore(Database &db, QString rootDir);

    QString rootDir() const { return m_rootDir; }
    // Rendition names are path components: 1-32 of [A-Za-z0-9_-]. For any other name the
    // path functions below return an empty string, so a crafted name cannot leave rootDir.
    static bool isValidRendition(const QString &rendition);
    QString segmentDir(qint64 channelId, const QString &rendition) const;
    QString segmentPath(qint64 channelId, const QString &rendition, qint64 sequence) const;
    // Where a segment is written before commit; readers never see this name. Its folder exists
    // once reserveSequence has been called for the channel+rendition.
    QString tempPath(qint64 channelId, const QString &rendition, qint64 sequence) const;

    // The last committed segment (for sequence and discontinuity continuation after restarts).
    std::optional<SegmentInfo> last(qint64 channelId, const QString &rendition) const;
    // Reserves the next sequence number; never returns the same number twice for a
    // channel+rendition, also across restarts and after retention removed every segment.
    // Creates the segment folder. -1 if the database cannot be written (logged).
    qint64 reserveSequence(qint64 channelId, const QString &rendition);

    // Renames tempPath -> segmentPath and indexes it. info.sizeBytes is filled from the file.
    // On failure nothing changed: the temp file is still there for the caller to delete.
    bool commit(SegmentInfo &info, QString *error);

    // Newest `count` segments, oldest first (served from memory when count <= kLiveCacheSize).
    QList<SegmentInfo> latest(qint64 channelId, const QString &rendition, int count) const;
    // Segments with firstSeq <= sequence <= lastSeq, oldest first.
    QList<SegmentInfo> bySequence(
        qint64 channelId, const QString &rendition, qint64 firstSeq, qint64 lastSeq) const;
    // Segments that overlap [fromUtcMs, toUtcMs), oldest first.
    QList<SegmentInfo> byTime(
        qint64 channelId, const QString &rendition, qint64 fromUtcMs, qint64 toUtcMs) const;
    // Total bytes on disk of a channel's segments (all renditions).
    qint64 bytesUsed(qint64 channelId) const;

    // Removes segments that ended before nowUtcMs - bufferMs from disk and index together.
    int applyRetention(qint64 channelId, qint64 bufferMs, qint64 nowUtcMs);
    // Brings index and files into agreement after a crash (kill -9 included). Run at start,
    // before any ingest writes.
    ReconcileReport reconcile();
    // Drops every segment, file and counter of a deleted channel.
    void removeChannel(qint64 channelId);

private:
    using Key = QPair<qint64, QString>;
    void cachePush(const SegmentInfo &info);
    // Both with m_cacheMutex held exclusively.
    void cacheReload(qint64 channelId, const QString &rendition) const;
    void cacheDropChannel(qint64 channelId);
    // The newest min(count, kLiveCacheSize) segments from the cache, loading it if needed.
    QList<SegmentInfo> cachedLatest(qint64 channelId, const QString &rendition, int count) const;

    Database &m_db;
    QString m_rootDir;
    mutable std::shared_mutex m_cacheMutex;
    // A key present = loaded (possibly empty); a key absent = load on next read.
    mutable QHash<Key, std::deque<SegmentInfo>> m_liveCache;
};

} // namespace panelx
