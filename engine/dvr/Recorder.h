// Runs the recordings on the engine's thread: starts scheduled ones, finishes them when their
// range is in the store, enforces the DVR quota and clean-up, and pins each recording's range
// in the segment store so retention leaves it alone. It records nothing itself: the channel's
// one ingest already writes every segment; a recording only keeps them (DESIGN.md principle 2).
// The rules it applies are DvrPolicy's.
#pragma once

#include "ChannelTypes.h"
#include "dvr/DvrPolicy.h"
#include "dvr/Recording.h"

#include <QMap>
#include <QObject>
#include <functional>
#include <optional>

class QTimer;

namespace panelx {

class Database;
class RecordingDirectory;
class RecordingRepository;
class SegmentStore;

class Recorder : public QObject {
    Q_OBJECT
public:
    // Below this much free disk, running recordings stop ("disk full") before a segment write
    // can fail half-way.
    static constexpr qint64 kDiskReserveBytes = 64LL * 1000 * 1000;
    // Recordings are looked after this often while any is scheduled or running.
    static constexpr int kTickIntervalMs = 1000;

    // What the Recorder needs from the engine around it.
    struct Hooks {
        std::function<std::optional<ChannelConfig>(qint64 channelId)> channel;
        // The channel's input bitrate in bits per second as measured now; 0 when unknown.
        std::function<qint64(qint64 channelId)> measuredBitrate;
        // A recording of the channel began or ended: whether it needs its ingest changed.
        std::function<void(qint64 channelId)> demandChanged;
        std::function<qint64()> nowUtcMs;
        std::function<qint64()> diskFreeBytes;
    };

    Recorder(Database &db, SegmentStore &store, RecordingDirectory &directory, Hooks hooks,
        QObject *parent = nullptr);
    ~Recorder() override;

    // At start, after the store is reconciled: reads the recordings, pins their ranges again
    // (dropping pins no recording owns), resumes those in progress and finishes those whose end
    // passed while PanelX was not running.
    void load();

    DvrSettings settings() const { return m_settings; }
    // Takes effect at once: a smaller quota or fewer days may clean up straight away.
    void setSettings(const DvrSettings &settings);

    // With sizes from the store. Ordered by start.
    QList<Recording> all() const;
    std::optional<Recording> byId(qint64 id) const;
    // A recording of the channel is running, so the channel's ingest must run.
    bool needsChannel(qint64 channelId) const;
    int recordingsOf(qint64 channelId) const;

    RecordingChange create(const RecordingRequest &request);
    // Ends a running recording now (it finishes once the segment in progress is stored).
    RecordingChange stop(qint64 id);
    RecordingChange extend(qint64 id, int minutes);
    RecordingChange edit(qint64 id, std::optional<QString> title, std::optional<bool> keep);
    // Releases its segments to the live buffer's retention.
    RecordingChange remove(qint64 id);

    qint64 pinnedBytes() const;
    // What clean-up would remove next to free one more byte's room, oldest first (empty when
    // clean-up is off).
    QList<qint64> nextCleanup() const;

    // Starts, finishes and enforces the quota now (the timer calls it; tests may too).
    void tick();
    // Removes recordings older than the keep days (the engine's housekeeping calls it).
    void cleanUpExpired();

signals:
    void recordingAdded(const panelx::Recording &recording);
    void recordingUpdated(const panelx::Recording &recording);
    void recordingRemoved(qint64 id);
    // Automatic clean-up removed a recording; why, in words.
    void recordingCleanedUp(const panelx::Recording &recording, const QString &reason);

private:
    RecordingChange store(Recording recording, bool isNew);
    // Ends it in `state`, or in the state its segments call for (finished, partial, failed).
    void finish(Recording recording, std::optional<RecordingState> state, const QString &reason);
    bool segmentsCover(const Recording &recording) const;
    // `segments`: the source rendition's over the recording's range.
    QList<RecordingGap> gapsOf(
        const Recording &recording, const QList<SegmentInfo> &segments) const;
    int targetDurationMs(qint64 channelId) const;
    qint64 expectedBytes(qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs) const;
    QList<DvrPolicy::Candidate> candidates() const;
    // Removes the recordings, each logged and announced with the reason.
    void cleanUp(const QList<qint64> &ids, const QString &reason);
    void enforceLimits();
    void stopAllRunning(const QString &reason);
    void updateTimer();

    SegmentStore &m_store;
    RecordingDirectory &m_directory;
    std::unique_ptr<RecordingRepository> m_repository;
    Hooks m_hooks;
    DvrSettings m_settings;
    QMap<qint64, Recording> m_recordings; // by id
    QTimer *m_timer = nullptr;
    int m_ticks = 0;
};

} // namespace panelx
