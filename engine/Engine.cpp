#include "Engine.h"

#include "ChannelDirectory.h"
#include "ChannelValidator.h"
#include "InstanceLock.h"
#include "ViewerAddress.h"
#include "api/AdminApi.h"
#include "api/AdminToken.h"
#include "dvr/ExportCache.h"
#include "dvr/Recorder.h"
#include "dvr/RecordingDirectory.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "ingest/Ingest.h"
#include "schedule/ScheduleExecutor.h"
#include "schedule/ScheduleRepository.h"
#include "schedule/ScheduleRunner.h"
#include "storage/ChannelRepository.h"
#include "storage/Database.h"
#include "storage/PlayerPositionRepository.h"
#include "timeshift/BufferIndex.h"
#include "timeshift/Thumbnailer.h"
#include "transcode/RenditionDirectory.h"
#include "transcode/Transcoder.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QStorageInfo>
#include <QTimer>
#include <algorithm>
#include <map>

namespace panelx {

namespace {

// How often viewer counts, buffer sizes and retention of stopped channels are refreshed.
constexpr int kHousekeepingIntervalMs = 5000;
// A channel whose bitrate has not been measured yet is assumed to record at a typical HD
// stream's, for the quota a week of schedules needs.
constexpr qint64 kAssumedBitsPerSecond = 4'000'000;
// The stored schedules' conflicts are reused this long (the week they cover moves on, the
// measured bitrates and the free quota change slowly); any change to schedules drops them.
constexpr qint64 kConflictsReuseMs = 60'000;

void registerMetaTypes()
{
    qRegisterMetaType<ChannelConfig>();
    qRegisterMetaType<ChannelStatus>();
    qRegisterMetaType<SegmentInfo>();
    qRegisterMetaType<Recording>();
    qRegisterMetaType<DvrSettings>();
    qRegisterMetaType<DvrUsage>();
    qRegisterMetaType<BufferInfo>();
    qRegisterMetaType<Schedule>();
    qRegisterMetaType<ScheduleRun>();
    qRegisterMetaType<ScheduleSettings>();
    qRegisterMetaType<Occurrence>();
}

RecordingChange recordingsUnavailable()
{
    RecordingChange change;
    change.outcome = RecordingChange::Outcome::Failed;
    change.error = Engine::tr("The engine is not running.");
    return change;
}

QString joinProblems(const QList<FieldError> &problems)
{
    QStringList lines;
    for (const auto &problem : problems)
        lines << problem.message;
    return lines.join(QLatin1Char(' '));
}

ChannelChange invalid(QList<FieldError> problems)
{
    ChannelChange change;
    change.outcome = ChannelChange::Outcome::Invalid;
    change.problems = std::move(problems);
    return change;
}

ChannelChange failed(ChannelChange::Outcome outcome, const QString &error)
{
    ChannelChange change;
    change.outcome = outcome;
    change.error = error;
    return change;
}

ChannelChange done(const ChannelConfig &channel)
{
    ChannelChange change;
    change.channel = channel;
    return change;
}

ScheduleChange scheduleFailed(ScheduleChange::Outcome outcome, const QString &error)
{
    ScheduleChange change;
    change.outcome = outcome;
    change.error = error;
    return change;
}

ScheduleChange scheduleNotFound()
{
    return scheduleFailed(
        ScheduleChange::Outcome::NotFound, Engine::tr("This schedule no longer exists."));
}

} // namespace

struct Engine::Private {
    explicit Private(EngineOptions o) : options(std::move(o)) { }

    EngineOptions options;
    std::unique_ptr<InstanceLock> lock; // held from start() to stop()
    std::unique_ptr<Database> db;
    std::unique_ptr<ChannelRepository> repository;
    std::unique_ptr<PlayerPositionRepository> playerPositions;
    std::unique_ptr<SegmentStore> store;
    ChannelDirectory directory;
    std::unique_ptr<ExportCache> exports; // outlives the server, which waits on it
    std::unique_ptr<timeshift::BufferIndex> buffers; // outlives the server, which reads it
    timeshift::Thumbnailer thumbnails; // the timeline's and /thumb/'s stills
    std::unique_ptr<HttpServer> http;
    std::map<qint64, std::unique_ptr<Ingest>> ingests;
    std::unique_ptr<RenditionDirectory> renditions; // while running
    // A channel's ladder, a listener of its ingest (destroyed before it), while it runs.
    std::map<qint64, std::unique_ptr<Transcoder>> transcoders;
    // Counts each channel's transcoders, so figures queued by one already gone are dropped.
    QHash<qint64, quint64> rungGeneration;
    QHash<qint64, ChannelStatus> statuses;
    QTimer *housekeeping = nullptr; // a child of the Engine, so it moves thread with it
    AdminToken adminToken;
    std::unique_ptr<AdminApi> api;
    RecordingDirectory recordingDirectory;
    std::unique_ptr<Recorder> recorder; // while running
    std::unique_ptr<ScheduleRepository> schedules; // while running
    std::unique_ptr<ScheduleExecutor> scheduleExecutor; // while running
    std::unique_ptr<ScheduleRunner> scheduleRunner; // while running; its own thread
    QHash<qint64, Schedule> scheduleById; // what the repository holds
    // The stored schedules' conflicts as last found, and when (0: find them anew).
    mutable QList<Conflict> conflicts;
    mutable qint64 conflictsFoundUtcMs = 0;
    QElapsedTimer runningSince;
    bool running = false;
};

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(std::move(options)))
{
    registerMetaTypes();
    d->housekeeping = new QTimer(this);
    d->housekeeping->setInterval(kHousekeepingIntervalMs);
    connect(d->housekeeping, &QTimer::timeout, this, [this] {
        d->recorder->cleanUpExpired();
        for (const auto &channel : d->directory.all()) {
            if (!d->ingests.count(channel.id))
                d->store->requestRetention(channel.id, channel.bufferMs);
            ChannelStatus status = d->statuses.value(channel.id);
            status.channelId = channel.id;
            const int viewers = d->http->viewers(channel.id);
            const qint64 bytes = d->store->bytesUsed(channel.id);
            if (viewers != status.viewers || bytes != status.bufferBytes) {
                status.viewers = viewers;
                status.bufferBytes = bytes;
                d->statuses.insert(channel.id, status);
                emit channelStatusChanged(status);
            }
        }
    });
}

Engine::~Engine()
{
    if (d->running)
        stop();
}

const RenditionDirectory *Engine::renditions() const
{
    return d->renditions.get();
}

QList<ChannelConfig> Engine::channels() const
{
    return d->directory.all();
}

ChannelStatus Engine::status(qint64 channelId) const
{
    ChannelStatus status = d->statuses.value(channelId);
    status.channelId = channelId;
    return status;
}

quint16 Engine::httpPort() const
{
    return d->http ? d->http->port() : d->options.httpPort;
}

QString Engine::viewerBaseUrl() const
{
    if (!d->options.publicUrl.isEmpty())
        return d->options.publicUrl;
    QString host = QStringLiteral("127.0.0.1");
    if (d->options.listenAddress != QHostAddress::LocalHost
        && d->options.listenAddress != QHostAddress::LocalHostIPv6) {
        if (d->options.listenAddress != QHostAddress::Any
            && d->options.listenAddress != QHostAddress::AnyIPv4) {
            host = d->options.listenAddress.toString();
        } else if (const QHostAddress address = ViewerAddress::current(); !address.isNull()) {
            host = address.toString();
        }
    }
    return QStringLiteral("http://%1:%2").arg(host).arg(httpPort());
}

QString Engine::liveUrl(const ChannelConfig &channel) const
{
    return viewerBaseUrl() + QStringLiteral("/live/%1.m3u8").arg(channel.slug);
}

QString Engine::playlistUrl() const
{
    return viewerBaseUrl() + QStringLiteral("/playlist.m3u");
}

QString Engine::dataDir() const
{
    return d->options.dataDir;
}

qint64 Engine::uptimeSeconds() const
{
    return d->running ? d->runningSince.elapsed() / 1000 : 0;
}

StorageUse Engine::storageUse() const
{
    StorageUse use;
    // As the housekeeping timer last measured them, the same figures each channel reports.
    for (const ChannelStatus &status : std::as_const(d->statuses))
        use.bufferBytes += status.bufferBytes;
    const QStorageInfo disk(d->options.dataDir);
    if (disk.isValid()) {
        use.freeBytes = disk.bytesAvailable();
        use.totalBytes = disk.bytesTotal();
    }
    return use;
}

QByteArray Engine::adminToken() const
{
    return d->adminToken.value();
}

bool Engine::remoteAdmin() const
{
    return d->options.remoteAdmin;
}

void Engine::setRemoteAdmin(bool allowed)
{
    d->options.remoteAdmin = allowed;
}

void Engine::regenerateAdminToken()
{
    QString error;
    if (!d->adminToken.regenerate(&error)) {
        emit requestFailed(tr("Making a new admin token"), error);
        return;
    }
    emit adminTokenChanged(d->adminToken.value());
}

void Engine::start()
{
    if (d->running)
        return;
    const QString dataDir = d->options.dataDir;
    if (!QDir().mkpath(dataDir)) {
        emit startFailed(tr("Cannot create the data folder %1: check that the disk is mounted "
                            "and that you may write there, or choose another with --data-dir.")
                             .arg(dataDir));
        return;
    }
    // Before anything reads or cleans the store: another process may be writing to it.
    auto lock = std::make_unique<InstanceLock>(dataDir);
    QString error;
    if (!lock->tryLock(&error)) {
        emit startFailed(error);
        return;
    }
    d->lock = std::move(lock);
    if (!d->adminToken.loadOrCreate(dataDir, &error)) {
        d->lock.reset();
        emit startFailed(error);
        return;
    }
    const QString dbPath = QDir(dataDir).filePath(QStringLiteral("panelx.db"));
    const bool firstStart = !QFileInfo::exists(dbPath);
    d->db = std::make_unique<Database>(dbPath);
    if (!d->db->open(&error)) {
        d->lock.reset();
        emit startFailed(error);
        return;
    }
    d->repository = std::make_unique<ChannelRepository>(*d->db);
    d->renditions = std::make_unique<RenditionDirectory>(*d->db);
    d->playerPositions = std::make_unique<PlayerPositionRepository>(*d->db);
    d->store = std::make_unique<SegmentStore>(
        *d->db, QDir(dataDir).filePath(QStringLiteral("segments")));
    const ReconcileReport report = d->store->reconcile();
    if (report.rowsWithoutFile || report.filesRecovered || report.tempFilesRemoved
        || report.unreadableFilesRemoved || report.filesReindexed) {
        qInfo().noquote() << tr("Recovered the segment store: %1 segments re-indexed, %2 index "
                                "entries without a file dropped, %3 unfinished files removed.")
                                 .arg(report.filesRecovered + report.filesReindexed)
                                 .arg(report.rowsWithoutFile)
                                 .arg(report.tempFilesRemoved + report.unreadableFilesRemoved);
    }

    if (firstStart && d->options.createDemoChannel) {
        ChannelConfig demo;
        demo.name = tr("Demo");
        demo.sourceUrl = kDemoSourceUrl;
        if (!d->repository->insert(demo, &error))
            qWarning().noquote() << error;
    }

    HttpServerOptions httpOptions;
    httpOptions.publicUrl = d->options.publicUrl;
    httpOptions.maxConnectionsPerAddress = d->options.connectionsPerAddress;
    d->exports = std::make_unique<ExportCache>(
        *d->store, QDir(dataDir).filePath(QStringLiteral("exports")));
    d->http = std::make_unique<HttpServer>(*d->store, d->directory, httpOptions);
    d->http->setRecordings(d->recordingDirectory, *d->exports);
    d->buffers = std::make_unique<timeshift::BufferIndex>(*d->store);
    d->http->setBuffers(*d->buffers);
    d->http->setThumbnailer(d->thumbnails);
    d->api = std::make_unique<AdminApi>(*this, d->adminToken);
    // Each call is answered on the engine's thread, where the facade may be used; a call still
    // queued when the engine stops is answered by the server's own stop.
    d->http->setApiHandler([this](http::ApiRequest request, http::ApiReply reply) {
        QMetaObject::invokeMethod(
            this,
            [this, request = std::move(request), reply = std::move(reply)] {
                if (d->running)
                    reply(d->api->handle(request, QDeadlineTimer::current().deadline()));
            },
            Qt::QueuedConnection);
    });
    if (!d->http->start(d->options.listenAddress, d->options.httpPort, &error)) {
        d->http.reset();
        d->exports.reset();
        d->lock.reset();
        emit startFailed(error);
        return;
    }
    d->running = true;
    d->runningSince.start();
    for (const ChannelConfig &channel : d->repository->all()) {
        d->directory.put(channel);
        ChannelStatus status;
        status.channelId = channel.id;
        d->statuses.insert(channel.id, status);
        if (channel.enabled)
            startIngest(channel);
    }
    Recorder::Hooks hooks;
    hooks.channel = [this](qint64 channelId) { return d->directory.byId(channelId); };
    hooks.measuredBitrate
        = [this](qint64 channelId) { return d->statuses.value(channelId).inputBitrate; };
    hooks.demandChanged = [this](qint64 channelId) { syncIngest(channelId); };
    hooks.nowUtcMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    hooks.diskFreeBytes = [dataDir] { return QStorageInfo(dataDir).bytesAvailable(); };
    d->recorder = std::make_unique<Recorder>(*d->db, *d->store, d->recordingDirectory, hooks);
    connect(d->recorder.get(), &Recorder::recordingAdded, this, &Engine::recordingAdded);
    connect(d->recorder.get(), &Recorder::recordingUpdated, this, &Engine::recordingUpdated);
    connect(d->recorder.get(), &Recorder::recordingRemoved, this, &Engine::recordingRemoved);
    // A deleted recording's download goes with it (cleaned up or deleted by hand).
    connect(d->recorder.get(), &Recorder::recordingRemoved, this,
        [this](qint64 id) { d->exports->forget(id); });
    connect(d->recorder.get(), &Recorder::recordingCleanedUp, this, &Engine::recordingCleanedUp);
    d->recorder->setSettings(d->options.dvr);
    d->recorder->load();
    d->schedules = std::make_unique<ScheduleRepository>(*d->db);
    d->scheduleById.clear();
    for (const Schedule &schedule : d->schedules->all())
        d->scheduleById.insert(schedule.id, schedule);
    d->conflictsFoundUtcMs = 0;
    startScheduleRunner();
    QSet<qint64> recordingIds;
    for (const Recording &recording : d->recordingDirectory.all())
        recordingIds.insert(recording.id);
    d->exports->keepOnly(recordingIds); // downloads of recordings deleted while PanelX was off
    d->housekeeping->start();
    emit started();
}

void Engine::stop()
{
    if (!d->running)
        return;
    d->housekeeping->stop();
    d->scheduleRunner.reset(); // joins its thread; what it found due and did not run yet is
    d->scheduleExecutor.reset(); // found again at the next start
    d->recorder.reset(); // recordings in progress resume at the next start
    d->schedules.reset();
    while (!d->ingests.empty()) // each commits its open segments and joins its threads
        stopIngest(d->ingests.begin()->first);
    if (d->http)
        d->http->stop();
    d->exports.reset(); // cancels a download being made
    d->lock.reset();
    d->running = false;
    emit stopped();
}

void Engine::startScheduleRunner()
{
    d->scheduleExecutor = std::make_unique<ScheduleExecutor>(*this, *d->schedules);
    d->scheduleRunner = std::make_unique<ScheduleRunner>();
    connect(
        d->scheduleRunner.get(), &ScheduleRunner::due, this,
        [this](const QList<ScheduleEvent> &events) {
            for (const ScheduleEvent &event : events) {
                if (!d->scheduleExecutor)
                    return; // stopped meanwhile
                const auto run
                    = d->scheduleExecutor->handle(event, QDateTime::currentMSecsSinceEpoch());
                if (run)
                    emit scheduleRan(*run);
            }
        },
        Qt::QueuedConnection);
    // After downtime, what fell due since each schedule was last watched is due at once: run
    // when still in progress, else logged as missed.
    for (const Schedule &schedule : std::as_const(d->scheduleById))
        d->scheduleRunner->watch(schedule, d->schedules->watchedFrom(schedule.id));
}

void Engine::startIngest(const ChannelConfig &channel)
{
    IngestOptions options;
    options.onStatus = [this](const ChannelStatus &status) {
        QMetaObject::invokeMethod(
            this, [this, status] { onIngestStatus(status); }, Qt::QueuedConnection);
    };
    auto ingest = std::make_unique<Ingest>(channel, *d->store, options);
    ingest->start();
    d->ingests[channel.id] = std::move(ingest);
    startTranscoder(channel);
}

void Engine::stopIngest(qint64 channelId)
{
    stopTranscoder(channelId);
    d->ingests.erase(channelId);
}

void Engine::startTranscoder(const ChannelConfig &channel)
{
    const auto ingest = d->ingests.find(channel.id);
    if (!channel.abr.enabled || ingest == d->ingests.end())
        return;
    TranscoderOptions options;
    options.channelId = channel.id;
    options.targetDurationMs = channel.segmentDurationMs;
    options.abr = channel.abr;
    options.bufferMs = channel.bufferMs;
    options.directory = d->renditions.get();
    const quint64 generation = ++d->rungGeneration[channel.id];
    options.onRungs = [this, id = channel.id, generation](const QList<RungStatus> &rungs) {
        QMetaObject::invokeMethod(
            this,
            [this, id, generation, rungs] {
                if (d->rungGeneration.value(id) == generation)
                    onTranscoderRungs(id, rungs);
            },
            Qt::QueuedConnection);
    };
    auto transcoder = std::make_unique<Transcoder>(*d->store, options);
    // Not the ingest's required listener: a source the ladder cannot take still plays as copy.
    ingest->second->addListener(transcoder.get(), QStringLiteral("abr"));
    d->transcoders[channel.id] = std::move(transcoder);
}

void Engine::stopTranscoder(qint64 channelId)
{
    const auto transcoder = d->transcoders.find(channelId);
    if (transcoder == d->transcoders.end())
        return;
    if (const auto ingest = d->ingests.find(channelId); ingest != d->ingests.end())
        ingest->second->removeListener(transcoder->second.get());
    d->transcoders.erase(transcoder);
    d->renditions->setLive(channelId, {});
    ++d->rungGeneration[channelId]; // what it queued before it went is dropped
    onTranscoderRungs(channelId, {});
}

void Engine::onTranscoderRungs(qint64 channelId, const QList<RungStatus> &rungs)
{
    if (!d->statuses.contains(channelId))
        return;
    ChannelStatus &status = d->statuses[channelId];
    if (status.rungs == rungs)
        return;
    status.rungs = rungs;
    emit channelStatusChanged(status);
}

void Engine::syncIngest(qint64 channelId)
{
    const auto channel = d->directory.byId(channelId);
    const bool wanted
        = channel && (channel->enabled || (d->recorder && d->recorder->needsChannel(channelId)));
    const bool running = d->ingests.count(channelId) > 0;
    if (wanted && !running)
        startIngest(*channel);
    else if (!wanted && running)
        stopIngest(channelId);
}

void Engine::onIngestStatus(ChannelStatus status)
{
    // A status queued by an ingest just before its channel was deleted.
    if (!d->directory.byId(status.channelId))
        return;
    const ChannelStatus previous = d->statuses.value(status.channelId);
    status.viewers = previous.viewers;
    status.bufferBytes = previous.bufferBytes;
    status.rungs = previous.rungs; // the transcoder's, reported on their own
    d->statuses.insert(status.channelId, status);
    emit channelStatusChanged(status);
}

void Engine::reportFailure(const QString &what, const ChannelChange &change)
{
    emit requestFailed(what,
        change.outcome == ChannelChange::Outcome::Invalid ? joinProblems(change.problems)
                                                          : change.error);
}

ChannelChange Engine::createChannel(ChannelConfig channel)
{
    if (!d->running)
        return failed(ChannelChange::Outcome::Failed, tr("The engine is not running."));
    channel.id = 0;
    if (auto problems = ChannelValidator::validate(channel, d->directory.all());
        !problems.isEmpty())
        return invalid(std::move(problems));
    QString error;
    const auto stored = d->repository->insert(channel, &error);
    if (!stored)
        return failed(ChannelChange::Outcome::Failed, error);
    d->directory.put(*stored);
    ChannelStatus status;
    status.channelId = stored->id;
    d->statuses.insert(stored->id, status);
    emit channelAdded(*stored);
    if (stored->enabled)
        startIngest(*stored);
    return done(*stored);
}

ChannelChange Engine::saveChannel(ChannelConfig channel)
{
    const auto current = d->running ? d->directory.byId(channel.id) : std::nullopt;
    if (!current)
        return failed(ChannelChange::Outcome::NotFound, tr("This channel no longer exists."));
    channel.slug = current->slug;
    if (auto problems = ChannelValidator::validate(channel, d->directory.all());
        !problems.isEmpty())
        return invalid(std::move(problems));
    QString error;
    if (!d->repository->update(channel, &error))
        return failed(ChannelChange::Outcome::Failed, error);
    d->directory.put(channel);
    const bool restart = channel.sourceUrl != current->sourceUrl
        || channel.segmentDurationMs != current->segmentDurationMs
        || channel.bufferMs != current->bufferMs || channel.enabled != current->enabled;
    if (restart) {
        stopIngest(channel.id);
        syncIngest(channel.id);
    } else if (channel.abr != current->abr) {
        // A new ladder on the running ingest: the copy rendition goes on undisturbed.
        stopTranscoder(channel.id);
        startTranscoder(channel);
    }
    emit channelUpdated(channel);
    return done(channel);
}

ChannelChange Engine::deleteChannel(qint64 channelId)
{
    const auto current = d->running ? d->directory.byId(channelId) : std::nullopt;
    if (!current)
        return failed(ChannelChange::Outcome::NotFound, tr("This channel no longer exists."));
    if (const int count = d->recorder->recordingsOf(channelId); count > 0)
        return failed(ChannelChange::Outcome::Refused,
            tr("“%1” has %n recording(s). Delete them on the Recordings page first; deleting the "
               "channel would delete what they recorded.",
                nullptr, count)
                .arg(current->name));
    stopIngest(channelId);
    QString error;
    if (!d->repository->remove(channelId, &error))
        return failed(ChannelChange::Outcome::Failed, error);
    d->directory.remove(channelId);
    d->store->removeChannel(channelId);
    d->renditions->removeChannel(channelId);
    d->buffers->forgetChannel(channelId);
    d->statuses.remove(channelId);
    if (!d->playerPositions->remove(channelId, &error))
        qWarning().noquote() << error;
    emit channelRemoved(channelId);
    return done(*current);
}

ChannelChange Engine::enableChannel(qint64 channelId, bool enabled)
{
    auto channel = d->running ? d->directory.byId(channelId) : std::nullopt;
    if (!channel)
        return failed(ChannelChange::Outcome::NotFound, tr("This channel no longer exists."));
    channel->enabled = enabled;
    return saveChannel(*channel);
}

void Engine::addChannel(ChannelConfig channel)
{
    const QString what = tr("Adding channel “%1”").arg(channel.name);
    if (const ChannelChange change = createChannel(std::move(channel)); !change.ok())
        reportFailure(what, change);
}

void Engine::updateChannel(ChannelConfig channel)
{
    const QString what = tr("Saving channel “%1”").arg(channel.name);
    if (const ChannelChange change = saveChannel(std::move(channel)); !change.ok())
        reportFailure(what, change);
}

void Engine::removeChannel(qint64 channelId)
{
    const auto current = d->directory.byId(channelId);
    const QString what
        = current ? tr("Deleting channel “%1”").arg(current->name) : tr("Deleting a channel");
    if (const ChannelChange change = deleteChannel(channelId); !change.ok())
        reportFailure(what, change);
}

void Engine::setChannelEnabled(qint64 channelId, bool enabled)
{
    const auto current = d->directory.byId(channelId);
    const QString what = current ? tr("Saving channel “%1”").arg(current->name)
                                 : tr("Starting or stopping a channel");
    if (const ChannelChange change = enableChannel(channelId, enabled); !change.ok())
        reportFailure(what, change);
}

QList<Recording> Engine::recordings() const
{
    return d->recorder ? d->recorder->all() : QList<Recording> {};
}

std::optional<Recording> Engine::recording(qint64 id) const
{
    return d->recorder ? d->recorder->byId(id) : std::nullopt;
}

RecordingChange Engine::createRecording(const RecordingRequest &request)
{
    return d->recorder ? d->recorder->create(request) : recordingsUnavailable();
}

RecordingChange Engine::stopRecording(qint64 id)
{
    return d->recorder ? d->recorder->stop(id) : recordingsUnavailable();
}

RecordingChange Engine::extendRecording(qint64 id, int minutes)
{
    return d->recorder ? d->recorder->extend(id, minutes) : recordingsUnavailable();
}

RecordingChange Engine::editRecording(
    qint64 id, std::optional<QString> title, std::optional<bool> keep)
{
    return d->recorder ? d->recorder->edit(id, std::move(title), keep) : recordingsUnavailable();
}

RecordingChange Engine::deleteRecording(qint64 id)
{
    return d->recorder ? d->recorder->remove(id) : recordingsUnavailable();
}

std::optional<qint64> Engine::bufferStartUtcMs(qint64 channelId) const
{
    return d->store ? d->store->oldestStartUtcMs(channelId, kSourceRendition) : std::nullopt;
}

DvrSettings Engine::dvrSettings() const
{
    return d->options.dvr;
}

DvrUsage Engine::dvrUsage() const
{
    DvrUsage usage;
    usage.quotaBytes = d->options.dvr.quotaBytes;
    if (!d->recorder)
        return usage;
    usage.pinnedBytes = d->recorder->pinnedBytes();
    usage.nextCleanup = d->recorder->nextCleanup();
    const StorageUse storage = storageUse();
    usage.bufferBytes = std::max<qint64>(0, storage.bufferBytes - usage.pinnedBytes);
    usage.diskFreeBytes = storage.freeBytes;
    return usage;
}

QString Engine::recordingPlaylistUrl(qint64 id) const
{
    return viewerBaseUrl() + QStringLiteral("/recordings/%1.m3u8").arg(id);
}

QString Engine::recordingMp4Url(qint64 id) const
{
    return viewerBaseUrl() + QStringLiteral("/recordings/%1.mp4").arg(id);
}

QList<ExportPart> Engine::exportParts(qint64 id) const
{
    const auto recording = this->recording(id);
    if (!recording || !d->store)
        return {};
    return ExportCache::partsOf(*d->store,
        d->store->byTime(
            recording->channelId, kSourceRendition, recording->startUtcMs, recording->endUtcMs));
}

std::optional<BufferInfo> Engine::channelBuffer(qint64 channelId) const
{
    const std::optional<ChannelConfig> channel = d->directory.byId(channelId);
    if (!channel || !d->buffers)
        return std::nullopt;
    // The snapshot the viewer server answers catch-up from: what the timeline shows is what
    // the catch-up URLs play.
    return d->buffers->snapshot(*channel, kSourceRendition, QDateTime::currentMSecsSinceEpoch())
        ->info(channelId, channel->segmentDurationMs);
}

std::optional<qint64> Engine::playerPosition(qint64 channelId) const
{
    if (!d->playerPositions)
        return std::nullopt;
    return d->playerPositions->position(channelId);
}

void Engine::savePlayerPosition(qint64 channelId, qint64 utcMs)
{
    if (!d->playerPositions || !d->directory.byId(channelId))
        return;
    QString error;
    if (!d->playerPositions->save(channelId, utcMs, QDateTime::currentMSecsSinceEpoch(), &error))
        qWarning().noquote() << error;
}

void Engine::setDvrSettings(DvrSettings settings)
{
    d->options.dvr = settings;
    d->conflictsFoundUtcMs = 0; // the free quota changed
    if (d->recorder)
        d->recorder->setSettings(settings);
}

QList<Schedule> Engine::schedules() const
{
    QList<Schedule> list = d->scheduleById.values();
    std::sort(list.begin(), list.end(), [](const Schedule &a, const Schedule &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return list;
}

std::optional<Schedule> Engine::schedule(qint64 id) const
{
    const auto found = d->scheduleById.constFind(id);
    return found == d->scheduleById.cend() ? std::nullopt : std::optional(*found);
}

ConflictLimits Engine::conflictLimits() const
{
    ConflictLimits limits;
    limits.maxRecordings = d->options.schedules.maxRecordings;
    limits.maxTranscodes = d->options.schedules.maxTranscodes;
    if (d->recorder)
        limits.freeQuotaBytes
            = std::max<qint64>(0, d->options.dvr.quotaBytes - d->recorder->pinnedBytes());
    for (const ChannelConfig &channel : d->directory.all()) {
        const qint64 measured = d->statuses.value(channel.id).inputBitrate;
        const qint64 bitsPerSecond = measured > 0 ? measured : kAssumedBitsPerSecond;
        limits.channels.insert(channel.id,
            ConflictChannel {channel.name, bitsPerSecond / 8 * 60, channel.abr.enabled});
    }
    return limits;
}

QList<Conflict> Engine::conflictsAmong(const Schedule &draft) const
{
    QList<Schedule> list = d->scheduleById.values();
    list.removeIf([&draft](const Schedule &stored) { return stored.id == draft.id; });
    list.append(draft);
    QList<Conflict> found
        = Conflicts::find(list, conflictLimits(), QDateTime::currentMSecsSinceEpoch());
    found.removeIf([&draft](const Conflict &conflict) { return !conflict.involves(draft.id); });
    return found;
}

QList<Conflict> Engine::scheduleConflicts() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (d->conflictsFoundUtcMs == 0 || now - d->conflictsFoundUtcMs > kConflictsReuseMs
        || now < d->conflictsFoundUtcMs) {
        d->conflicts = Conflicts::find(d->scheduleById.values(), conflictLimits(), now);
        d->conflictsFoundUtcMs = now;
    }
    return d->conflicts;
}

QList<Conflict> Engine::conflictsWith(const Schedule &draft) const
{
    return conflictsAmong(draft);
}

ScheduleChange Engine::checkSchedule(Schedule &schedule, bool force) const
{
    ScheduleChange change;
    schedule.name = schedule.name.trimmed();
    // Milliseconds are not stored; a schedule reads back as it was saved.
    schedule.startTime = QTime(
        schedule.startTime.hour(), schedule.startTime.minute(), schedule.startTime.second());
    change.problems = ScheduleValidator::validate(schedule);
    if (schedule.channelId > 0 && !d->directory.byId(schedule.channelId))
        change.problems.append({schedulefield::channel,
            tr("Channel %1 does not exist (it may have been deleted); choose one of the channels "
               "on the Channels page.")
                .arg(schedule.channelId)});
    if (!change.problems.isEmpty()) {
        change.outcome = ScheduleChange::Outcome::Invalid;
        return change;
    }
    if (!force) {
        change.conflicts = conflictsAmong(schedule);
        if (!change.conflicts.isEmpty())
            change.outcome = ScheduleChange::Outcome::Conflicting;
    }
    return change;
}

ScheduleChange Engine::createSchedule(Schedule schedule, bool force)
{
    if (!d->schedules)
        return scheduleFailed(ScheduleChange::Outcome::Failed, tr("The engine is not running."));
    schedule.id = 0;
    schedule.createdUtcMs = QDateTime::currentMSecsSinceEpoch();
    if (ScheduleChange change = checkSchedule(schedule, force); !change.ok())
        return change;
    QString error;
    if (!d->schedules->insert(schedule, schedule.createdUtcMs, &error))
        return scheduleFailed(ScheduleChange::Outcome::Failed, error);
    d->scheduleById.insert(schedule.id, schedule);
    d->conflictsFoundUtcMs = 0;
    d->scheduleRunner->watch(schedule, schedule.createdUtcMs);
    emit scheduleAdded(schedule);
    ScheduleChange change;
    change.schedule = schedule;
    return change;
}

ScheduleChange Engine::saveSchedule(Schedule schedule, bool force)
{
    const auto current = this->schedule(schedule.id);
    if (!d->schedules || !current)
        return scheduleNotFound();
    schedule.createdUtcMs = current->createdUtcMs;
    if (ScheduleChange change = checkSchedule(schedule, force); !change.ok())
        return change;
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!d->schedules->update(schedule, now, &error))
        return scheduleFailed(ScheduleChange::Outcome::Failed, error);
    d->scheduleById.insert(schedule.id, schedule);
    d->conflictsFoundUtcMs = 0;
    d->scheduleRunner->watch(schedule, now);
    emit scheduleUpdated(schedule);
    ScheduleChange change;
    change.schedule = schedule;
    return change;
}

ScheduleChange Engine::deleteSchedule(qint64 id)
{
    const auto current = schedule(id);
    if (!d->schedules || !current)
        return scheduleNotFound();
    QString error;
    if (!d->schedules->remove(id, &error))
        return scheduleFailed(ScheduleChange::Outcome::Failed, error);
    d->scheduleById.remove(id);
    d->conflictsFoundUtcMs = 0;
    d->scheduleRunner->forget(id);
    emit scheduleRemoved(id);
    ScheduleChange change;
    change.schedule = *current;
    return change;
}

ScheduleChange Engine::enableSchedule(qint64 id, bool enabled)
{
    auto current = schedule(id);
    if (!d->schedules || !current)
        return scheduleNotFound();
    current->enabled = enabled;
    if (enabled)
        return saveSchedule(*current, true);
    // Disabling always works, also for a schedule whose channel was deleted since.
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!d->schedules->update(*current, now, &error))
        return scheduleFailed(ScheduleChange::Outcome::Failed, error);
    d->scheduleById.insert(id, *current);
    d->conflictsFoundUtcMs = 0;
    d->scheduleRunner->watch(*current, now);
    emit scheduleUpdated(*current);
    ScheduleChange change;
    change.schedule = *current;
    return change;
}

ScheduleFigures Engine::scheduleFigures(qint64 id) const
{
    const auto current = schedule(id);
    if (!d->schedules || !current)
        return {};
    ScheduleFigures figures = d->schedules->figures(id);
    if (current->enabled) {
        const QList<Occurrence> next
            = Occurrences::next(*current, QDateTime::currentMSecsSinceEpoch(), 1);
        if (!next.isEmpty())
            figures.nextRun = next.first();
    }
    const QList<Conflict> conflicts = scheduleConflicts();
    figures.conflicted = std::any_of(conflicts.cbegin(), conflicts.cend(),
        [id](const Conflict &conflict) { return conflict.involves(id); });
    return figures;
}

QList<ScheduleRun> Engine::scheduleRuns(qint64 id, int limit) const
{
    return d->schedules ? d->schedules->runs(id, limit) : QList<ScheduleRun> {};
}

ScheduleSettings Engine::scheduleSettings() const
{
    return d->options.schedules;
}

void Engine::setScheduleSettings(ScheduleSettings settings)
{
    d->options.schedules = settings;
    d->conflictsFoundUtcMs = 0;
}

} // namespace panelx
