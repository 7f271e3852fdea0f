// The one facade over the engine: channels, their ingests, the segment store and the viewer
// HTTP server. It lives on one thread (the main thread when headless, a worker thread under the
// desktop window); other threads call its slots queued and hear back through its signals, which
// carry value types only.
#pragma once

#include "ChannelTypes.h"
#include "ChannelValidator.h"
#include "dvr/Recording.h"
#include "dvr/RecordingExport.h"
#include "schedule/Conflicts.h"
#include "schedule/Schedule.h"
#include "schedule/ScheduleRun.h"
#include "timeshift/BufferInfo.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <memory>

namespace panelx {

class RenditionDirectory;

struct EngineOptions {
    QString dataDir; // database, segments
    quint16 httpPort = kDefaultHttpPort;
    QHostAddress listenAddress = QHostAddress::Any; // LocalHost = loopback only
    // "http(s)://host[:port]" viewers reach this server at (a DNS name, a port forward, a
    // reverse proxy); empty: this machine's address. Normalised by ViewerAddress.
    QString publicUrl;
    bool createDemoChannel = true; // on first start
    // Admin API calls from addresses other than loopback are allowed (else 403).
    bool remoteAdmin = false;
    // Viewer connections one client address may hold; more are refused.
    int connectionsPerAddress = kDefaultConnectionsPerAddress;
    DvrSettings dvr;
    ScheduleSettings schedules;
};

// What became of a change to the channels, for callers that answer at once (the admin API).
struct ChannelChange {
    // Refused: the channel's state forbids it (it still has recordings).
    enum class Outcome { Done, Invalid, NotFound, Refused, Failed };
    Outcome outcome = Outcome::Done;
    ChannelConfig channel; // as stored now (Done)
    QList<FieldError> problems; // Invalid: what the validator found
    QString error; // NotFound, Failed: a sentence

    bool ok() const { return outcome == Outcome::Done; }
};

// What became of a change to the schedules, for callers that answer at once.
struct ScheduleChange {
    enum class Outcome { Done, Invalid, NotFound, Conflicting, Failed };
    Outcome outcome = Outcome::Done;
    Schedule schedule; // as stored now (Done)
    QList<FieldError> problems; // Invalid: the validator's, and an unknown channel
    QList<Conflict> conflicts; // Conflicting: the ones it is in; saving it needs force
    QString error; // NotFound, Failed: a sentence

    bool ok() const { return outcome == Outcome::Done; }
};

// Space the data folder's disk has and the channels' buffers use.
struct StorageUse {
    qint64 bufferBytes = 0;
    qint64 freeBytes = 0;
    qint64 totalBytes = 0;
};

class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(EngineOptions options, QObject *parent = nullptr);
    ~Engine() override;

    // Snapshot accessors: call on the engine's thread (or before it is moved to one).
    QList<ChannelConfig> channels() const;
    ChannelStatus status(qint64 channelId) const;
    quint16 httpPort() const;
    // Base URL viewers use: the public URL if set, else e.g. http://192.168.1.20:8080 (the
    // default route's address when listening on all).
    QString viewerBaseUrl() const;
    QString liveUrl(const ChannelConfig &channel) const;
    QString playlistUrl() const;
    QString dataDir() const;
    // What each channel's ladder renditions are (for master playlists); null before the
    // first start(). Thread-safe, unlike the rest of the facade.
    const RenditionDirectory *renditions() const;
    // Since start(); 0 when not running.
    qint64 uptimeSeconds() const;
    StorageUse storageUse() const;
    // The admin API's bearer token (empty until started).
    QByteArray adminToken() const;
    bool remoteAdmin() const;

    // The same changes as the slots below, answered at once; call on the engine's thread. The
    // signals for the window (channelAdded …) fire as for the slots, requestFailed does not.
    ChannelChange createChannel(ChannelConfig channel);
    ChannelChange saveChannel(ChannelConfig channel);
    ChannelChange deleteChannel(qint64 channelId);
    ChannelChange enableChannel(qint64 channelId, bool enabled);

    // Recordings: the same rules for every caller (DvrPolicy via the Recorder); call on the
    // engine's thread. Each change also fires the recording signals below.
    QList<Recording> recordings() const; // with sizes, ordered by start
    std::optional<Recording> recording(qint64 id) const;
    RecordingChange createRecording(const RecordingRequest &request);
    RecordingChange stopRecording(qint64 id);
    RecordingChange extendRecording(qint64 id, int minutes);
    RecordingChange editRecording(
        qint64 id, std::optional<QString> title, std::optional<bool> keep);
    RecordingChange deleteRecording(qint64 id);
    // Where the channel's buffer begins (its oldest segment); none when it holds nothing.
    std::optional<qint64> bufferStartUtcMs(qint64 channelId) const;
    DvrSettings dvrSettings() const;
    DvrUsage dvrUsage() const;
    // Schedules: call on the engine's thread. Each change also fires the schedule signals
    // below, and the runner re-arms. Saving one that would conflict with the stored enabled
    // ones in the coming week needs force (it is then stored and stays marked as conflicted).
    QList<Schedule> schedules() const; // ordered by name
    std::optional<Schedule> schedule(qint64 id) const;
    ScheduleChange createSchedule(Schedule schedule, bool force); // id ignored
    ScheduleChange saveSchedule(Schedule schedule, bool force); // by schedule.id
    ScheduleChange deleteSchedule(qint64 id);
    // Only saves: a schedule enabled again takes part in conflicts without asking.
    ScheduleChange enableSchedule(qint64 id, bool enabled);
    // Among the stored enabled schedules, over the coming week.
    QList<Conflict> scheduleConflicts() const;
    // The ones the draft would be in if saved (the editor's live preview; id 0: a new one).
    QList<Conflict> conflictsWith(const Schedule &draft) const;
    ScheduleFigures scheduleFigures(qint64 id) const;
    QList<ScheduleRun> scheduleRuns(qint64 id, int limit) const; // newest first
    ScheduleSettings scheduleSettings() const;

    // Where viewers play and download a recording.
    QString recordingPlaylistUrl(qint64 id) const;
    QString recordingMp4Url(qint64 id) const;
    // The recording's stored segment files, oldest first, for RecordingExport to remux on a
    // worker thread. Empty for an unknown recording or one with nothing stored.
    QList<ExportPart> exportParts(qint64 id) const;

    // What the channel's buffer (its source rendition) holds now, for the player's timeline
    // and the admin API; nullopt for an unknown channel or while the engine is stopped.
    std::optional<BufferInfo> channelBuffer(qint64 channelId) const;
    // The wall-clock moment the built-in player last showed on the channel (to offer resuming
    // there); nullopt when none was saved, for an unknown channel or while stopped.
    std::optional<qint64> playerPosition(qint64 channelId) const;
    // Replaces the channel's moment; ignored for an unknown channel or while stopped.
    void savePlayerPosition(qint64 channelId, qint64 utcMs);

public slots:
    // Opens the database, reconciles the store, starts the HTTP server and enabled channels.
    // Emits started() or startFailed(reason).
    void start();
    // Stops every channel (open segments closed and indexed) and the server. Emits stopped().
    void stop();

    // Intent from the UI or the scheduler. Results come back as signals; rejected input
    // (validation, duplicates) as requestFailed(what, reason).
    void addChannel(panelx::ChannelConfig channel);
    void updateChannel(panelx::ChannelConfig channel);
    void removeChannel(qint64 channelId);
    void setChannelEnabled(qint64 channelId, bool enabled);
    // Takes effect at once for the next admin API call.
    void setRemoteAdmin(bool allowed);
    // The old token stops working at once; emits adminTokenChanged or requestFailed.
    void regenerateAdminToken();
    // Takes effect at once (a smaller quota may clean up straight away).
    void setDvrSettings(panelx::DvrSettings settings);
    // Takes effect at once for the conflict checks.
    void setScheduleSettings(panelx::ScheduleSettings settings);

signals:
    void started();
    void startFailed(const QString &reason);
    void stopped();
    void channelAdded(const panelx::ChannelConfig &channel);
    void channelUpdated(const panelx::ChannelConfig &channel);
    void channelRemoved(qint64 channelId);
    void channelStatusChanged(const panelx::ChannelStatus &status);
    void requestFailed(const QString &what, const QString &reason);
    void adminTokenChanged(const QByteArray &token);
    void recordingAdded(const panelx::Recording &recording);
    void recordingUpdated(const panelx::Recording &recording);
    void recordingRemoved(qint64 id);
    // Automatic clean-up deleted a recording; why, in words.
    void recordingCleanedUp(const panelx::Recording &recording, const QString &reason);
    void scheduleAdded(const panelx::Schedule &schedule);
    void scheduleUpdated(const panelx::Schedule &schedule);
    void scheduleRemoved(qint64 id);
    // An occurrence ran, failed or was found missed (each entry of the history as it is made).
    void scheduleRan(const panelx::ScheduleRun &run);

private:
    void startIngest(const ChannelConfig &channel);
    void stopIngest(qint64 channelId);
    // The channel's ladder as a listener of its running ingest, when its ABR is on.
    void startTranscoder(const ChannelConfig &channel);
    void stopTranscoder(qint64 channelId);
    void onTranscoderRungs(qint64 channelId, const QList<RungStatus> &rungs);
    // Runs the channel's ingest when it is enabled or a recording needs it, else stops it.
    void syncIngest(qint64 channelId);
    void onIngestStatus(panelx::ChannelStatus status);
    void reportFailure(const QString &what, const ChannelChange &change);
    void startScheduleRunner();
    ConflictLimits conflictLimits() const;
    // The conflicts among the stored schedules with `draft` in place of its stored self.
    QList<Conflict> conflictsAmong(const Schedule &draft) const;
    ScheduleChange checkSchedule(Schedule &schedule, bool force) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace panelx
