// The window's one handle on the engine. It owns the Engine on a thread of its own ("engine"),
// forwards intent as queued calls and keeps a cache of what the engine last reported, so
// widgets read state instantly and never wait on the engine, the network or the disk.
#pragma once

#include "Engine.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

class QThread;
class QTimer;

namespace panelx {

class EngineClient : public QObject {
    Q_OBJECT
public:
    enum class ServerState { Stopped, Starting, Running, Failed, Stopping };
    Q_ENUM(ServerState)

    explicit EngineClient(EngineOptions options, QObject *parent = nullptr);
    // Stops the engine and joins its thread if shutdown() has not already done so.
    ~EngineClient() override;

    // Cached state, GUI thread only.
    ServerState serverState() const { return m_serverState; }
    QString serverMessage() const { return m_serverMessage; } // why it failed
    quint16 httpPort() const { return m_httpPort; }
    QString viewerBaseUrl() const { return m_viewerBaseUrl; }
    QString playlistUrl() const { return m_playlistUrl; }
    QString dataDir() const { return m_dataDir; }
    // The admin API's token; empty until the engine has started.
    QByteArray adminToken() const { return m_adminToken; }
    QList<ChannelConfig> channels() const; // ordered by name
    std::optional<ChannelConfig> channel(qint64 channelId) const;
    std::optional<ChannelConfig> channelByName(const QString &name) const;
    ChannelStatus status(qint64 channelId) const;
    QString liveUrl(qint64 channelId) const; // empty until the engine has reported it
    int liveChannelCount() const;
    QList<Recording> recordings() const; // ordered by start, with sizes
    std::optional<Recording> recording(qint64 id) const;
    // Where the viewer server plays the recording (HLS); empty until the engine has reported it.
    QString recordingPlaylistUrl(qint64 id) const;
    DvrUsage dvrUsage() const { return m_dvrUsage; }
    DvrSettings dvrSettings() const { return m_dvrSettings; }
    QList<Schedule> schedules() const; // ordered by name
    std::optional<Schedule> schedule(qint64 id) const;
    // Runs, failures and the last run as the engine last reported them.
    ScheduleFigures scheduleFigures(qint64 id) const { return m_scheduleFigures.value(id); }
    // Among the enabled schedules over the coming week, as last checked.
    QList<Conflict> scheduleConflicts() const { return m_scheduleConflicts; }
    ScheduleSettings scheduleSettings() const { return m_scheduleSettings; }

    // What became of a change to the recordings, on the GUI thread; dropped if the receiver
    // given with it is gone by then.
    using RecordingAnswer = std::function<void(const RecordingChange &change)>;
    // The recording's segment files for an export, handed to `answer` on this thread (empty
    // when there are none); dropped if `receiver` is gone by then.
    void exportParts(
        qint64 id, QObject *receiver, const std::function<void(const QList<ExportPart> &)> &answer);
    // What the channel's buffer holds now (nullopt for an unknown channel or while stopped),
    // handed to `answer` on this thread; dropped if `receiver` is gone by then.
    void channelBuffer(qint64 channelId, QObject *receiver,
        const std::function<void(const std::optional<BufferInfo> &)> &answer);
    // The moment the player last showed on the channel (nullopt: none), as channelBuffer.
    void playerPosition(qint64 channelId, QObject *receiver,
        const std::function<void(const std::optional<qint64> &)> &answer);
    // The conflicts `draft` would be in if it were saved (id 0: a new one), for the editor.
    void conflictsWith(const Schedule &draft, QObject *receiver,
        const std::function<void(const QList<Conflict> &)> &answer);
    // What became of a change to a channel, on the GUI thread; dropped if the receiver given
    // with it is gone by then.
    using ChannelAnswer = std::function<void(const ChannelChange &change)>;
    // What became of a change to the schedules, on the GUI thread; dropped if the receiver
    // given with it is gone by then.
    using ScheduleAnswer = std::function<void(const ScheduleChange &change)>;

public slots:
    void start();
    // Stops every channel and the server, then ends the engine thread; emits shutDown().
    void shutdown();
    void addChannel(const panelx::ChannelConfig &channel);
    void updateChannel(const panelx::ChannelConfig &channel);
    // The same change, with the engine's verdict (a refusal in words) handed to `answer`.
    void saveChannel(
        const panelx::ChannelConfig &channel, QObject *receiver, const ChannelAnswer &answer);
    void removeChannel(qint64 channelId);
    void setChannelEnabled(qint64 channelId, bool enabled);
    void setRemoteAdmin(bool allowed);
    void regenerateAdminToken();
    // Recordings: the engine applies its rules (DvrPolicy) and `answer` hears the outcome, so a
    // refusal reaches the dialog or page that asked, in words.
    void addRecording(
        const panelx::RecordingRequest &request, QObject *receiver, const RecordingAnswer &answer);
    void endRecording(qint64 id, QObject *receiver, const RecordingAnswer &answer);
    void lengthenRecording(
        qint64 id, int minutes, QObject *receiver, const RecordingAnswer &answer);
    void setRecordingKeep(qint64 id, bool keep, QObject *receiver, const RecordingAnswer &answer);
    void removeRecording(qint64 id, QObject *receiver, const RecordingAnswer &answer);
    // Applies at once (a smaller quota may clean up straight away).
    void setDvrSettings(const panelx::DvrSettings &settings);
    // Asks the engine for the DVR's disk use now instead of at the next periodic refresh.
    void refreshDvrUsage();
    // Remembers where the player was on the channel (a wall-clock moment), for resuming.
    void savePlayerPosition(qint64 channelId, qint64 utcMs);
    // Schedules: the engine validates and checks conflicts; `answer` hears the outcome.
    // `force` saves one that conflicts.
    void addSchedule(const panelx::Schedule &schedule, bool force, QObject *receiver,
        const ScheduleAnswer &answer);
    void saveSchedule(const panelx::Schedule &schedule, bool force, QObject *receiver,
        const ScheduleAnswer &answer);
    void removeSchedule(qint64 id, QObject *receiver, const ScheduleAnswer &answer);
    void setScheduleEnabled(
        qint64 id, bool enabled, QObject *receiver, const ScheduleAnswer &answer);
    // Applies at once to the conflict checks.
    void setScheduleSettings(const panelx::ScheduleSettings &settings);

signals:
    void serverStateChanged(panelx::EngineClient::ServerState state);
    void channelAdded(const panelx::ChannelConfig &channel);
    void channelUpdated(const panelx::ChannelConfig &channel);
    void channelRemoved(qint64 channelId);
    void channelStatusChanged(const panelx::ChannelStatus &status);
    // Counts may have changed (channels added/removed, states changed): for status displays.
    void summaryChanged();
    void requestFailed(const QString &what, const QString &reason);
    void shutDown();
    void adminTokenChanged(const QByteArray &token);
    void recordingAdded(const panelx::Recording &recording);
    // Its state, range or size changed.
    void recordingUpdated(const panelx::Recording &recording);
    void recordingRemoved(qint64 id);
    // Automatic clean-up deleted a recording; why, in words.
    void recordingCleanedUp(const panelx::Recording &recording, const QString &reason);
    void dvrUsageChanged(const panelx::DvrUsage &usage);
    void dvrSettingsChanged(const panelx::DvrSettings &settings);
    void scheduleAdded(const panelx::Schedule &schedule);
    void scheduleUpdated(const panelx::Schedule &schedule);
    void scheduleRemoved(qint64 id);
    // A schedule ran (or failed, or was found missed): its figures changed.
    void scheduleFiguresChanged(qint64 id);
    // The conflicts among the enabled schedules were checked again (after a change, as the
    // week moves on, or with new limits).
    void scheduleConflictsChanged();
    void scheduleSettingsChanged(const panelx::ScheduleSettings &settings);

private:
    struct Snapshot {
        QList<ChannelConfig> channels;
        QList<ChannelStatus> statuses;
        QHash<qint64, QString> liveUrls;
        quint16 httpPort = 0;
        QString viewerBaseUrl;
        QString playlistUrl;
        QString dataDir;
        QByteArray adminToken;
        QList<Recording> recordings;
        QHash<qint64, QString> recordingUrls;
        DvrUsage dvrUsage;
        DvrSettings dvrSettings;
        QList<Schedule> schedules;
        QHash<qint64, ScheduleFigures> scheduleFigures;
        QList<Conflict> scheduleConflicts;
        ScheduleSettings scheduleSettings;
    };
    void wireEngine();
    void wireRecordings();
    void wireSchedules();
    // askEngine for a change to the schedules; without an engine, the answer says why.
    void changeSchedule(const std::function<ScheduleChange(Engine *)> &change, QObject *receiver,
        const ScheduleAnswer &answer);
    // Asks the engine for the conflicts among the enabled schedules again.
    void refreshScheduleConflicts();
    // Runs `call` on the engine's thread and hands its result to `answer` on this one, if
    // `receiver` still exists by then.
    template<typename Result>
    void askEngine(const std::function<Result(Engine *)> &call, QObject *receiver,
        const std::function<void(const Result &)> &answer);
    // askEngine for a change to the recordings; without an engine, the answer says why.
    void changeRecording(const std::function<RecordingChange(Engine *)> &change, QObject *receiver,
        const RecordingAnswer &answer);
    void storeRecording(const Recording &recording, const QString &playlistUrl);
    void applySnapshot(const Snapshot &snapshot);
    void storeChannel(const ChannelConfig &channel, const QString &liveUrl);
    void setServerState(ServerState state, const QString &message = {});
    void onEngineStopped();

    Engine *m_engine = nullptr; // lives on m_thread; only touched through queued calls
    QThread *m_thread = nullptr;
    ServerState m_serverState = ServerState::Stopped;
    QString m_serverMessage;
    quint16 m_httpPort = 0;
    QString m_viewerBaseUrl;
    QString m_playlistUrl;
    QString m_dataDir;
    QByteArray m_adminToken;
    QHash<qint64, ChannelConfig> m_channels;
    QHash<qint64, ChannelStatus> m_statuses;
    QHash<qint64, QString> m_liveUrls;
    QHash<qint64, Recording> m_recordings;
    QHash<qint64, QString> m_recordingUrls;
    DvrUsage m_dvrUsage;
    DvrSettings m_dvrSettings;
    QHash<qint64, Schedule> m_schedules;
    QHash<qint64, ScheduleFigures> m_scheduleFigures;
    QList<Conflict> m_scheduleConflicts;
    ScheduleSettings m_scheduleSettings;
    QTimer *m_conflictTimer; // the coming week moves on: its conflicts are checked again
    QTimer *m_usageTimer; // refreshes the DVR's disk use and the growing recordings' sizes
    bool m_usageRefreshPending = false;
    bool m_shuttingDown = false;
};

} // namespace panelx
