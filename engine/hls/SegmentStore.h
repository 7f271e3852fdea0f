// The one truth for media: segment files under <root>/<channelId>/<rendition>/<sequence>.ts and
// their index in SQLite. Writers commit finished segments (temp file -> number -> rename ->
// index row); readers query by sequence or wall-clock range. The newest few segments of every
// channel+rendition are mirrored in memory so live playlists need no SQL per request.
// Thread-safe: commits run on segmenter threads, queries on HTTP threads, retention and its file
// deletes on the store's own housekeeping thread.
#pragma once

#include "ChannelTypes.h"
#include "hls/RetentionClock.h"

#include <QHash>
#include <QList>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>

class QThread;

namespace panelx {

class Database;

struct ReconcileReport {
    int rowsWithoutFile = 0; // index rows whose file was gone: rows removed
    int filesRecovered = 0; // finished files with no row: probed and indexed
    int tempFilesRemoved = 0; // half-written segments from a crash: deleted
    int unreadableFilesRemoved = 0;
    // Indexed files whose size was not the indexed one (a power cut before the data reached
    // the disk): probed again and re-indexed with what they hold.
    int filesReindexed = 0;
};

class SegmentStore {
public:
    static constexpr int kLiveCacheSize = 16;

    SegmentStore(Database &db, QString rootDir, StoreClocks clocks = StoreClocks::system());
    ~SegmentStore(); // finishes the retention already asked for
    SegmentStore(const SegmentStore &) = delete;
    SegmentStore &operator=(const SegmentStore &) = delete;

    QString rootDir() const { return m_rootDir; }
    // Rendition names are path components: 1-32 of [A-Za-z0-9_-]. For any other name the
    // path functions below return an empty string, so a crafted name cannot leave rootDir.
    static bool isValidRendition(const QString &rendition);
    QString segmentDir(qint64 channelId, const QString &rendition) const;
    QString segmentPath(qint64 channelId, const QString &rendition, qint64 sequence) const;
    // Where the next segment of a channel+rendition is written before commit (one at a time);
    // it carries no number, so a segment that is never committed uses none up. Readers never
    // see this name.
    QString tempPath(qint64 channelId, const QString &rendition) const;
    // Creates the folder of tempPath. False with a reason a person can act on.
    bool prepareTempPath(qint64 channelId, const QString &rendition, QString *error) const;

    // The last committed segment (for sequence and discontinuity continuation after restarts).
    std::optional<SegmentInfo> last(qint64 channelId, const QString &rendition) const;

    // Numbers the segment in tempPath, publishes it (fsync, rename to segmentPath, fsync of the
    // folder) and indexes it, all in one transaction: info.sequence and info.sizeBytes are
    // filled in. Numbers increase per channel+rendition and never repeat, also across restarts
    // and after retention removed every segment. info.sequence > 0 on entry is the least number
    // the segment may get (a ladder's rungs ask for the same one, so numbers may skip);
    // otherwise it gets the next one. On failure nothing changed and no
    // number was used: the temp file is still there for the caller to delete.
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
    // Start of the oldest segment of a channel+rendition still kept; nullopt when none is.
    std::optional<qint64> oldestStartUtcMs(qint64 channelId, const QString &rendition) const;

    // Pins: ranges [fromUtcMs, toUtcMs) of a channel that retention leaves alone, every
    // rendition and every segment that overlaps them (a recording's, named by its id). Setting
    // a pin again moves it; several pins and the live buffer share each segment.
    bool setPin(qint64 pinId, qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs, QString *error);
    // The segments are left to retention (which runs when next asked).
    bool removePin(qint64 pinId, QString *error);
    QList<qint64> pinIds() const;
    // Bytes of every pinned segment, each counted once however many pins cover it.
    qint64 pinnedBytes() const;
    // Bytes of a channel's segments (every rendition) that overlap [fromUtcMs, toUtcMs).
    qint64 bytesInRange(qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs) const;
    // Of those, the bytes no pin other than exceptPinId covers: what a new pin over the range
    // adds to pinnedBytes(), or what removing pin exceptPinId gives back.
    qint64 bytesNotPinnedByOthers(
        qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs, qint64 exceptPinId = 0) const;

    // Asks the housekeeping thread to apply retention to a channel; returns at once.
    void requestRetention(qint64 channelId, qint64 bufferMs);
    // Returns when every retention asked for so far has run.
    void waitForHousekeeping();
    // Removes, from disk and index together, every rendition's segments that ended more than
    // bufferMs ago by the store's retention clock, but never the newest kLiveCacheSize (the
    // live window) or a pinned one. Returns how many went. Runs on the caller's thread.
    int applyRetention(qint64 channelId, qint64 bufferMs);
    // Brings index and files into agreement after a crash (kill -9 included). Run at start,
    // before any ingest writes.
    ReconcileReport reconcile();
    // Drops every segment, file and counter of a deleted channel.
    void removeChannel(qint64 channelId);

    // How often a live window was loaded from SQL: once per channel+rendition, and again only
    // after reconcile or removeChannel (retention trims it in memory).
    qint64 cacheLoads() const { return m_cacheLoads; }

private:
    using Key = QPair<qint64, QString>;
    void cachePush(const SegmentInfo &info);
    // Both with m_cacheMutex held exclusively.
    void cacheReload(qint64 channelId, const QString &rendition) const;
    void cacheDropChannel(qint64 channelId);
    void cacheErase(qint64 channelId, const QString &rendition, const QList<qint64> &sequences);
    int applyRetention(qint64 channelId, const QString &rendition, qint64 cutoffUtcMs);
    void housekeepingLoop();
    // The newest min(count, kLiveCacheSize) segments from the cache, loading it if needed.
    QList<SegmentInfo> cachedLatest(qint64 channelId, const QString &rendition, int count) const;

    Database &m_db;
    QString m_rootDir;
    mutable std::shared_mutex m_cacheMutex;
    // A key present = loaded (possibly empty); a key absent = load on next read.
    mutable QHash<Key, std::deque<SegmentInfo>> m_liveCache;
    mutable std::atomic<qint64> m_cacheLoads {0};

    std::mutex m_retentionMutex; // one retention pass at a time; guards m_retentionClock
    RetentionClock m_retentionClock;

    std::mutex m_housekeepingMutex; // leaf lock: guards the four members below
    std::condition_variable m_housekeepingWake;
    QHash<qint64, qint64> m_pendingRetention; // channel id -> buffer ms
    bool m_housekeepingBusy = false;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_housekeeping;
};

} // namespace panelx
