#include "EngineClient.h"

#include <QThread>
#include <QTimer>
#include <algorithm>

namespace panelx {

namespace {
// If the engine never confirms the stop (a bug, a wedged thread), Quit still quits.
constexpr int kStopGraceMs = 15000;
// The quota bar and the sizes of growing recordings follow the disk this often.
constexpr int kUsageRefreshMs = 3000;
// The coming week's conflicts are checked again this often as it moves on.
constexpr int kConflictRefreshMs = 60'000;
} // namespace

EngineClient::EngineClient(EngineOptions options, QObject *parent)
    : QObject(parent), m_dataDir(options.dataDir), m_dvrSettings(options.dvr),
      m_scheduleSettings(options.schedules), m_conflictTimer(new QTimer(this)),
      m_usageTimer(new QTimer(this))
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("engine"));
    m_thread->start();
    // The Engine is made on its own thread, so every QObject it creates (timers included,
    // children or not) belongs to that thread. Its constructor only sets fields up: the wait is
    // as short as a thread hop.
    auto *birthplace = new QObject;
    birthplace->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        birthplace,
        [this, birthplace, &options] {
            m_engine = new Engine(std::move(options));
            birthplace->deleteLater();
        },
        Qt::BlockingQueuedConnection);
    // Deferred deletes still run after the thread's loop ends, so the Engine dies on its thread.
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, this, [this] {
        m_engine = nullptr;
        setServerState(ServerState::Stopped);
        if (m_shuttingDown)
            emit shutDown();
    });
    wireEngine();
    wireRecordings();
    wireSchedules();
    m_usageTimer->setInterval(kUsageRefreshMs);
    connect(m_usageTimer, &QTimer::timeout, this, &EngineClient::refreshDvrUsage);
    m_conflictTimer->setInterval(kConflictRefreshMs);
    connect(m_conflictTimer, &QTimer::timeout, this, &EngineClient::refreshScheduleConflicts);
}

EngineClient::~EngineClient()
{
    if (m_thread->isRunning()) {
        if (m_engine && m_serverState != ServerState::Stopped)
            QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
    delete m_thread;
}

void EngineClient::wireEngine()
{
    Engine *engine = m_engine;
    // These lambdas run on the engine thread (context = engine), where the snapshot accessors
    // may be called; they post plain values back to this object's thread.
    connect(engine, &Engine::started, engine, [this, engine] {
        Snapshot snapshot;
        snapshot.channels = engine->channels();
        for (const ChannelConfig &channel : std::as_const(snapshot.channels)) {
            snapshot.statuses.append(engine->status(channel.id));
            snapshot.liveUrls.insert(channel.id, engine->liveUrl(channel));
        }
        snapshot.httpPort = engine->httpPort();
        snapshot.viewerBaseUrl = engine->viewerBaseUrl();
        snapshot.playlistUrl = engine->playlistUrl();
        snapshot.dataDir = engine->dataDir();
        snapshot.adminToken = engine->adminToken();
        snapshot.recordings = engine->recordings();
        for (const Recording &recording : std::as_const(snapshot.recordings))
            snapshot.recordingUrls.insert(recording.id, engine->recordingPlaylistUrl(recording.id));
        snapshot.dvrUsage = engine->dvrUsage();
        snapshot.dvrSettings = engine->dvrSettings();
        snapshot.schedules = engine->schedules();
        for (const Schedule &schedule : std::as_const(snapshot.schedules))
            snapshot.scheduleFigures.insert(schedule.id, engine->scheduleFigures(schedule.id));
        snapshot.scheduleConflicts = engine->scheduleConflicts();
        snapshot.scheduleSettings = engine->scheduleSettings();
        QMetaObject::invokeMethod(
            this, [this, snapshot] { applySnapshot(snapshot); }, Qt::QueuedConnection);
    });
    const auto forwardChannel = [this, engine](bool added) {
        return [this, engine, added](const ChannelConfig &channel) {
            const QString url = engine->liveUrl(channel);
            QMetaObject::invokeMethod(
                this,
                [this, channel, url, added] {
                    storeChannel(channel, url);
                    if (added)
                        emit channelAdded(channel);
                    else
                        emit channelUpdated(channel);
                    emit summaryChanged();
                },
                Qt::QueuedConnection);
        };
    };
    connect(engine, &Engine::channelAdded, engine, forwardChannel(true));
    connect(engine, &Engine::channelUpdated, engine, forwardChannel(false));

    // Plain value signals: queued to this thread by the connection itself.
    connect(engine, &Engine::startFailed, this,
        [this](const QString &reason) { setServerState(ServerState::Failed, reason); });
    connect(engine, &Engine::stopped, this, &EngineClient::onEngineStopped);
    connect(engine, &Engine::channelRemoved, this, [this](qint64 channelId) {
        m_channels.remove(channelId);
        m_statuses.remove(channelId);
        m_liveUrls.remove(channelId);
        emit channelRemoved(channelId);
        emit summaryChanged();
    });
    connect(engine, &Engine::channelStatusChanged, this, [this](const ChannelStatus &status) {
        if (!m_channels.contains(status.channelId))
            return; // a late report about a channel already removed
        const ChannelState previous = m_statuses.value(status.channelId).state;
        m_statuses.insert(status.channelId, status);
        emit channelStatusChanged(status);
        if (previous != status.state)
            emit summaryChanged();
    });
    connect(engine, &Engine::requestFailed, this, &EngineClient::requestFailed);
    connect(engine, &Engine::adminTokenChanged, this, [this](const QByteArray &token) {
        m_adminToken = token;
        emit adminTokenChanged(token);
    });
}

void EngineClient::wireRecordings()
{
    Engine *engine = m_engine;
    // The engine's signals carry the recording without its size: it is looked up here, on the
    // engine's thread, with the URL, before the value crosses to the window.
    const auto forwardRecording = [this, engine](bool added) {
        return [this, engine, added](const Recording &announced) {
            const Recording recording = engine->recording(announced.id).value_or(announced);
            const QString url = engine->recordingPlaylistUrl(recording.id);
            QMetaObject::invokeMethod(
                this,
                [this, recording, url, added] {
                    const bool known = m_recordings.contains(recording.id);
                    storeRecording(recording, url);
                    if (added && !known)
                        emit recordingAdded(recording);
                    else
                        emit recordingUpdated(recording);
                    refreshDvrUsage();
                },
                Qt::QueuedConnection);
        };
    };
    connect(engine, &Engine::recordingAdded, engine, forwardRecording(true));
    connect(engine, &Engine::recordingUpdated, engine, forwardRecording(false));
    connect(engine, &Engine::recordingRemoved, this, [this](qint64 id) {
        if (!m_recordings.remove(id))
            return;
        m_recordingUrls.remove(id);
        emit recordingRemoved(id);
        refreshDvrUsage();
    });
    connect(engine, &Engine::recordingCleanedUp, this, &EngineClient::recordingCleanedUp);
}

void EngineClient::wireSchedules()
{
    Engine *engine = m_engine;
    // A change to one schedule may make or resolve conflicts of others: each change brings the
    // schedule's figures and all the conflicts, read on the engine's thread, with it.
    const auto forwardSchedule = [this, engine](bool added) {
        return [this, engine, added](const Schedule &schedule) {
            const ScheduleFigures figures = engine->scheduleFigures(schedule.id);
            const QList<Conflict> conflicts = engine->scheduleConflicts();
            QMetaObject::invokeMethod(
                this,
                [this, schedule, figures, conflicts, added] {
                    const bool known = m_schedules.contains(schedule.id);
                    m_schedules.insert(schedule.id, schedule);
                    m_scheduleFigures.insert(schedule.id, figures);
                    m_scheduleConflicts = conflicts;
                    if (added && !known)
                        emit scheduleAdded(schedule);
                    else
                        emit scheduleUpdated(schedule);
                    emit scheduleConflictsChanged();
                },
                Qt::QueuedConnection);
        };
    };
    connect(engine, &Engine::scheduleAdded, engine, forwardSchedule(true));
    connect(engine, &Engine::scheduleUpdated, engine, forwardSchedule(false));
    connect(engine, &Engine::scheduleRemoved, this, [this](qint64 id) {
        if (!m_schedules.remove(id))
            return;
        m_scheduleFigures.remove(id);
        emit scheduleRemoved(id);
        refreshScheduleConflicts();
    });
    connect(engine, &Engine::scheduleRan, engine, [this, engine](const ScheduleRun &run) {
        const ScheduleFigures figures = engine->scheduleFigures(run.scheduleId);
        QMetaObject::invokeMethod(
            this,
            [this, id = run.scheduleId, figures] {
                if (!m_schedules.contains(id))
                    return;
                m_scheduleFigures.insert(id, figures);
                emit scheduleFiguresChanged(id);
            },
            Qt::QueuedConnection);
    });
}

void EngineClient::start()
{
    if (!m_engine || m_serverState == ServerState::Running
        || m_serverState == ServerState::Starting)
        return;
    setServerState(ServerState::Starting);
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
}

void EngineClient::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_usageTimer->stop();
    m_conflictTimer->stop();
    if (m_serverState == ServerState::Stopped || m_serverState == ServerState::Failed) {
        m_thread->quit(); // nothing runs: finished() reports shutDown()
        return;
    }
    setServerState(ServerState::Stopping);
    QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::QueuedConnection);
    QTimer::singleShot(kStopGraceMs, this, [this] {
        if (m_thread->isRunning())
            m_thread->quit();
    });
}

void EngineClient::onEngineStopped()
{
    if (m_shuttingDown)
        m_thread->quit(); // finished() then reports shutDown()
    else
        setServerState(ServerState::Stopped);
}

void EngineClient::addChannel(const ChannelConfig &channel)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, channel] { engine->addChannel(channel); },
            Qt::QueuedConnection);
}

void EngineClient::updateChannel(const ChannelConfig &channel)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, channel] { engine->updateChannel(channel); },
            Qt::QueuedConnection);
}

void EngineClient::removeChannel(qint64 channelId)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, channelId] { engine->removeChannel(channelId); },
            Qt::QueuedConnection);
}

void EngineClient::setChannelEnabled(qint64 channelId, bool enabled)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine,
            [engine = m_engine, channelId, enabled] {
                engine->setChannelEnabled(channelId, enabled);
            },
            Qt::QueuedConnection);
}

void EngineClient::setRemoteAdmin(bool allowed)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, allowed] { engine->setRemoteAdmin(allowed); },
            Qt::QueuedConnection);
}

void EngineClient::regenerateAdminToken()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &Engine::regenerateAdminToken, Qt::QueuedConnection);
}

template<typename Result>
void EngineClient::askEngine(const std::function<Result(Engine *)> &call, QObject *receiver,
    const std::function<void(const Result &)> &answer)
{
    if (!m_engine)
        return;
    // The answer comes back through this object, which outlives the engine's thread; only
    // here, on the GUI thread, can it tell whether the receiver still exists.
    const QPointer<QObject> guard(receiver);
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine = m_engine, call, guard, answer] {
            const Result result = call(engine);
            QMetaObject::invokeMethod(
                this,
                [guard, answer, result] {
                    if (guard && answer)
                        answer(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EngineClient::saveChannel(
    const ChannelConfig &channel, QObject *receiver, const ChannelAnswer &answer)
{
    if (!m_engine) {
        ChannelChange stopped;
        stopped.outcome = ChannelChange::Outcome::Failed;
        stopped.error = tr("PanelX is shutting down; try again after it has started.");
        if (answer)
            answer(stopped);
        return;
    }
    askEngine<ChannelChange>(
        [channel](Engine *engine) { return engine->saveChannel(channel); }, receiver, answer);
}

void EngineClient::changeRecording(const std::function<RecordingChange(Engine *)> &change,
    QObject *receiver, const RecordingAnswer &answer)
{
    if (!m_engine) {
        RecordingChange stopped;
        stopped.outcome = RecordingChange::Outcome::Failed;
        stopped.error = tr("PanelX is shutting down; try again after it has started.");
        if (answer)
            answer(stopped);
        return;
    }
    askEngine<RecordingChange>(change, receiver, answer);
}

void EngineClient::conflictsWith(const Schedule &draft, QObject *receiver,
    const std::function<void(const QList<Conflict> &)> &answer)
{
    askEngine<QList<Conflict>>(
        [draft](Engine *engine) { return engine->conflictsWith(draft); }, receiver, answer);
}

void EngineClient::changeSchedule(const std::function<ScheduleChange(Engine *)> &change,
    QObject *receiver, const ScheduleAnswer &answer)
{
    if (!m_engine) {
        ScheduleChange stopped;
        stopped.outcome = ScheduleChange::Outcome::Failed;
        stopped.error = tr("PanelX is shutting down; try again after it has started.");
        if (answer)
            answer(stopped);
        return;
    }
    askEngine<ScheduleChange>(change, receiver, answer);
}

void EngineClient::addSchedule(
    const Schedule &schedule, bool force, QObject *receiver, const ScheduleAnswer &answer)
{
    changeSchedule(
        [schedule, force](Engine *engine) { return engine->createSchedule(schedule, force); },
        receiver, answer);
}

void EngineClient::saveSchedule(
    const Schedule &schedule, bool force, QObject *receiver, const ScheduleAnswer &answer)
{
    changeSchedule(
        [schedule, force](Engine *engine) { return engine->saveSchedule(schedule, force); },
        receiver, answer);
}

void EngineClient::removeSchedule(qint64 id, QObject *receiver, const ScheduleAnswer &answer)
{
    changeSchedule([id](Engine *engine) { return engine->deleteSchedule(id); }, receiver, answer);
}

void EngineClient::setScheduleEnabled(
    qint64 id, bool enabled, QObject *receiver, const ScheduleAnswer &answer)
{
    changeSchedule([id, enabled](Engine *engine) { return engine->enableSchedule(id, enabled); },
        receiver, answer);
}

void EngineClient::setScheduleSettings(const ScheduleSettings &settings)
{
    if (settings == m_scheduleSettings)
        return;
    m_scheduleSettings = settings;
    emit scheduleSettingsChanged(settings);
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, settings] { engine->setScheduleSettings(settings); },
        Qt::QueuedConnection);
    refreshScheduleConflicts();
}

void EngineClient::refreshScheduleConflicts()
{
    if (m_serverState != ServerState::Running)
        return;
    askEngine<QList<Conflict>>([](Engine *engine) { return engine->scheduleConflicts(); }, this,
        [this](const QList<Conflict> &conflicts) {
            m_scheduleConflicts = conflicts;
            emit scheduleConflictsChanged();
        });
}

QList<Schedule> EngineClient::schedules() const
{
    QList<Schedule> result = m_schedules.values();
    std::sort(result.begin(), result.end(), [](const Schedule &a, const Schedule &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

std::optional<Schedule> EngineClient::schedule(qint64 id) const
{
    const auto it = m_schedules.constFind(id);
    if (it == m_schedules.cend())
        return std::nullopt;
    return *it;
}

void EngineClient::exportParts(
    qint64 id, QObject *receiver, const std::function<void(const QList<ExportPart> &)> &answer)
{
    askEngine<QList<ExportPart>>(
        [id](Engine *engine) { return engine->exportParts(id); }, receiver, answer);
}

void EngineClient::channelBuffer(qint64 channelId, QObject *receiver,
    const std::function<void(const std::optional<BufferInfo> &)> &answer)
{
    askEngine<std::optional<BufferInfo>>(
        [channelId](Engine *engine) { return engine->channelBuffer(channelId); }, receiver, answer);
}

void EngineClient::playerPosition(qint64 channelId, QObject *receiver,
    const std::function<void(const std::optional<qint64> &)> &answer)
{
    askEngine<std::optional<qint64>>(
        [channelId](Engine *engine) { return engine->playerPosition(channelId); }, receiver,
        answer);
}

void EngineClient::savePlayerPosition(qint64 channelId, qint64 utcMs)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine,
            [engine = m_engine, channelId, utcMs] { engine->savePlayerPosition(channelId, utcMs); },
            Qt::QueuedConnection);
}

void EngineClient::addRecording(
    const RecordingRequest &request, QObject *receiver, const RecordingAnswer &answer)
{
    changeRecording(
        [request](Engine *engine) { return engine->createRecording(request); }, receiver, answer);
}

void EngineClient::endRecording(qint64 id, QObject *receiver, const RecordingAnswer &answer)
{
    changeRecording([id](Engine *engine) { return engine->stopRecording(id); }, receiver, answer);
}

void EngineClient::lengthenRecording(
    qint64 id, int minutes, QObject *receiver, const RecordingAnswer &answer)
{
    changeRecording([id, minutes](Engine *engine) { return engine->extendRecording(id, minutes); },
        receiver, answer);
}

void EngineClient::setRecordingKeep(
    qint64 id, bool keep, QObject *receiver, const RecordingAnswer &answer)
{
    changeRecording(
        [id, keep](Engine *engine) { return engine->editRecording(id, std::nullopt, keep); },
        receiver, answer);
}

void EngineClient::removeRecording(qint64 id, QObject *receiver, const RecordingAnswer &answer)
{
    changeRecording([id](Engine *engine) { return engine->deleteRecording(id); }, receiver, answer);
}

void EngineClient::setDvrSettings(const DvrSettings &settings)
{
    if (settings == m_dvrSettings)
        return;
    m_dvrSettings = settings;
    emit dvrSettingsChanged(settings);
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, settings] { engine->setDvrSettings(settings); },
        Qt::QueuedConnection);
    refreshDvrUsage();
}

void EngineClient::refreshDvrUsage()
{
    if (!m_engine || m_serverState != ServerState::Running || m_usageRefreshPending)
        return;
    m_usageRefreshPending = true;
    // Only recordings that still grow change size.
    QList<qint64> growing;
    for (const Recording &recording : std::as_const(m_recordings))
        if (!isDone(recording.state))
            growing.append(recording.id);
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine = m_engine, growing] {
            const DvrUsage usage = engine->dvrUsage();
            QList<Recording> sized;
            for (const qint64 id : growing)
                if (const auto recording = engine->recording(id))
                    sized.append(*recording);
            QMetaObject::invokeMethod(
                this,
                [this, usage, sized] {
                    m_usageRefreshPending = false;
                    for (const Recording &recording : sized) {
                        const auto it = m_recordings.constFind(recording.id);
                        if (it == m_recordings.cend() || *it == recording)
                            continue;
                        m_recordings.insert(recording.id, recording);
                        emit recordingUpdated(recording);
                    }
                    m_dvrUsage = usage;
                    emit dvrUsageChanged(usage);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

QList<Recording> EngineClient::recordings() const
{
    QList<Recording> result = m_recordings.values();
    std::sort(result.begin(), result.end(), startsBefore);
    return result;
}

std::optional<Recording> EngineClient::recording(qint64 id) const
{
    const auto it = m_recordings.constFind(id);
    if (it == m_recordings.cend())
        return std::nullopt;
    return *it;
}

QString EngineClient::recordingPlaylistUrl(qint64 id) const
{
    return m_recordingUrls.value(id);
}

void EngineClient::storeRecording(const Recording &recording, const QString &playlistUrl)
{
    m_recordings.insert(recording.id, recording);
    if (!playlistUrl.isEmpty())
        m_recordingUrls.insert(recording.id, playlistUrl);
}

QList<ChannelConfig> EngineClient::channels() const
{
    QList<ChannelConfig> result = m_channels.values();
    std::sort(result.begin(), result.end(), [](const ChannelConfig &a, const ChannelConfig &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

std::optional<ChannelConfig> EngineClient::channel(qint64 channelId) const
{
    const auto it = m_channels.constFind(channelId);
    if (it == m_channels.cend())
        return std::nullopt;
    return *it;
}

std::optional<ChannelConfig> EngineClient::channelByName(const QString &name) const
{
    for (const ChannelConfig &channel : m_channels)
        if (channel.name.compare(name, Qt::CaseInsensitive) == 0)
            return channel;
    return std::nullopt;
}

ChannelStatus EngineClient::status(qint64 channelId) const
{
    const auto it = m_statuses.constFind(channelId);
    if (it != m_statuses.cend())
        return *it;
    ChannelStatus unknown;
    unknown.channelId = channelId;
    return unknown;
}

QString EngineClient::liveUrl(qint64 channelId) const
{
    return m_liveUrls.value(channelId);
}

int EngineClient::liveChannelCount() const
{
    return static_cast<int>(std::count_if(m_statuses.cbegin(), m_statuses.cend(),
        [](const ChannelStatus &status) { return status.state == ChannelState::Live; }));
}

void EngineClient::applySnapshot(const Snapshot &snapshot)
{
    m_httpPort = snapshot.httpPort;
    m_viewerBaseUrl = snapshot.viewerBaseUrl;
    m_playlistUrl = snapshot.playlistUrl;
    m_dataDir = snapshot.dataDir;
    if (snapshot.adminToken != m_adminToken) {
        m_adminToken = snapshot.adminToken;
        emit adminTokenChanged(m_adminToken);
    }
    for (const ChannelConfig &channel : snapshot.channels) {
        const bool known = m_channels.contains(channel.id);
        storeChannel(channel, snapshot.liveUrls.value(channel.id));
        if (known)
            emit channelUpdated(channel);
        else
            emit channelAdded(channel);
    }
    for (const ChannelStatus &status : snapshot.statuses) {
        m_statuses.insert(status.channelId, status);
        emit channelStatusChanged(status);
    }
    for (const Recording &recording : snapshot.recordings) {
        const bool known = m_recordings.contains(recording.id);
        storeRecording(recording, snapshot.recordingUrls.value(recording.id));
        if (known)
            emit recordingUpdated(recording);
        else
            emit recordingAdded(recording);
    }
    m_dvrUsage = snapshot.dvrUsage;
    emit dvrUsageChanged(m_dvrUsage);
    if (snapshot.dvrSettings != m_dvrSettings) {
        m_dvrSettings = snapshot.dvrSettings;
        emit dvrSettingsChanged(m_dvrSettings);
    }
    m_scheduleFigures = snapshot.scheduleFigures;
    m_scheduleConflicts = snapshot.scheduleConflicts;
    for (const Schedule &schedule : snapshot.schedules) {
        const bool known = m_schedules.contains(schedule.id);
        m_schedules.insert(schedule.id, schedule);
        if (known)
            emit scheduleUpdated(schedule);
        else
            emit scheduleAdded(schedule);
    }
    emit scheduleConflictsChanged();
    if (snapshot.scheduleSettings != m_scheduleSettings) {
        m_scheduleSettings = snapshot.scheduleSettings;
        emit scheduleSettingsChanged(m_scheduleSettings);
    }
    setServerState(ServerState::Running);
    m_usageTimer->start();
    m_conflictTimer->start();
    emit summaryChanged();
}

void EngineClient::storeChannel(const ChannelConfig &channel, const QString &liveUrl)
{
    m_channels.insert(channel.id, channel);
    if (!liveUrl.isEmpty())
        m_liveUrls.insert(channel.id, liveUrl);
}

void EngineClient::setServerState(ServerState state, const QString &message)
{
    if (state == m_serverState && message == m_serverMessage)
        return;
    m_serverState = state;
    m_serverMessage = message;
    emit serverStateChanged(state);
    emit summaryChanged();
}

} // namespace panelx
