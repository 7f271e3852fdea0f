#include "Recorder.h"

#include "dvr/RecordingDirectory.h"
#include "dvr/RecordingRepository.h"
#include "hls/SegmentStore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

namespace panelx {

namespace {

Q_LOGGING_CATEGORY(lcDvr, "panelx.dvr")

// A start this close to now counts as now (a client's clock, the time a request travels).
constexpr qint64 kNowToleranceMs = 10'000;
// A recording that starts now may wait this long for its ingest's first segment before the
// hole at its start counts as a gap.
constexpr qint64 kLeadGraceMs = 10'000;
// Running recordings' gaps are brought up to date every this many ticks.
constexpr int kGapRefreshTicks = 5;
constexpr int kMaxTitleLength = 200;

RecordingChange outcome(
    RecordingChange::Outcome kind, const QString &error, const QString &field = {})
{
    RecordingChange change;
    change.outcome = kind;
    change.error = error;
    change.field = field;
    return change;
}

QString localTime(qint64 utcMs, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(format);
}

} // namespace

Recorder::Recorder(
    Database &db, SegmentStore &store, RecordingDirectory &directory, Hooks hooks, QObject *parent)
    : QObject(parent), m_store(store), m_directory(directory),
      m_repository(std::make_unique<RecordingRepository>(db)), m_hooks(std::move(hooks))
{
    m_timer = new QTimer(this);
    m_timer->setInterval(kTickIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &Recorder::tick);
}

Recorder::~Recorder() = default;

void Recorder::load()
{
    const QList<Recording> recordings = m_repository->all();
    QSet<qint64> ids;
    for (const Recording &recording : recordings) {
        ids.insert(recording.id);
        m_recordings.insert(recording.id, recording);
        m_directory.put(recording);
        // Idempotent; also repairs a pin a crash kept from being written.
        QString error;
        if (!m_store.setPin(recording.id, recording.channelId, recording.startUtcMs,
                recording.endUtcMs, &error))
            qCWarning(lcDvr).noquote() << "Cannot protect recording" << recording.id << error;
    }
    for (const qint64 pin : m_store.pinIds()) {
        if (!ids.contains(pin))
            m_store.removePin(pin, nullptr);
    }
    for (const Recording &recording : recordings)
        if (recording.state == RecordingState::Recording)
            m_hooks.demandChanged(recording.channelId);
    tick();
    updateTimer();
}

void Recorder::setSettings(const DvrSettings &settings)
{
    m_settings = settings;
    cleanUpExpired();
    enforceLimits();
}

QList<Recording> Recorder::all() const
{
    QList<Recording> recordings = m_recordings.values();
    for (Recording &recording : recordings)
        recording.sizeBytes
            = m_store.bytesInRange(recording.channelId, recording.startUtcMs, recording.endUtcMs);
    std::sort(recordings.begin(), recordings.end(), startsBefore);
    return recordings;
}

std::optional<Recording> Recorder::byId(qint64 id) const
{
    const auto it = m_recordings.constFind(id);
    if (it == m_recordings.constEnd())
        return std::nullopt;
    Recording recording = *it;
    recording.sizeBytes
        = m_store.bytesInRange(recording.channelId, recording.startUtcMs, recording.endUtcMs);
    return recording;
}

bool Recorder::needsChannel(qint64 channelId) const
{
    return std::any_of(m_recordings.cbegin(), m_recordings.cend(), [channelId](const Recording &r) {
        return r.channelId == channelId && r.state == RecordingState::Recording;
    });
}

int Recorder::recordingsOf(qint64 channelId) const
{
    return int(std::count_if(m_recordings.cbegin(), m_recordings.cend(),
        [channelId](const Recording &r) { return r.channelId == channelId; }));
}

RecordingChange Recorder::create(const RecordingRequest &request)
{
    const std::optional<ChannelConfig> channel = m_hooks.channel(request.channelId);
    if (!channel)
        return outcome(RecordingChange::Outcome::NotFound,
            tr("There is no channel %1; choose one of the channels PanelX has.")
                .arg(request.channelId),
            QStringLiteral("channel"));
    if (const QString problem = DvrPolicy::checkMinutes(request.minutes); !problem.isEmpty())
        return outcome(RecordingChange::Outcome::Invalid, problem, QStringLiteral("minutes"));
    if (request.title.size() > kMaxTitleLength)
        return outcome(RecordingChange::Outcome::Invalid,
            tr("A title has at most %1 characters; shorten it.").arg(kMaxTitleLength),
            QStringLiteral("title"));

    const qint64 nowUtcMs = m_hooks.nowUtcMs();
    Recording recording;
    recording.channelId = channel->id;
    recording.startUtcMs = request.startUtcMs > 0 ? request.startUtcMs : nowUtcMs;
    recording.endUtcMs = recording.startUtcMs + qint64(request.minutes) * 60'000;
    recording.createdUtcMs = nowUtcMs;
    recording.title = request.title.trimmed().isEmpty() ? QStringLiteral("%1 %2").arg(channel->name,
                          localTime(recording.startUtcMs, QStringLiteral("yyyy-MM-dd HH:mm")))
                                                        : request.title.trimmed();
    recording.state
        = recording.startUtcMs > nowUtcMs ? RecordingState::Scheduled : RecordingState::Recording;

    if (recording.startUtcMs < nowUtcMs - kNowToleranceMs) {
        const std::optional<qint64> oldest
            = m_store.oldestStartUtcMs(channel->id, kSourceRendition);
        if (!oldest)
            return outcome(RecordingChange::Outcome::Invalid,
                tr("The buffer of “%1” holds nothing yet, so a recording cannot start in the "
                   "past. Start it now instead.")
                    .arg(channel->name),
                QStringLiteral("start"));
        if (recording.startUtcMs < *oldest - DvrPolicy::kGapToleranceMs)
            return outcome(RecordingChange::Outcome::Invalid,
                tr("The buffer of “%1” begins at %2; a recording can start there at the "
                   "earliest. Choose a later start.")
                    .arg(channel->name, localTime(*oldest, QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                QStringLiteral("start"));
    }

    const DvrPolicy::Admission admission
        = DvrPolicy::admit(expectedBytes(channel->id, recording.startUtcMs, recording.endUtcMs),
            pinnedBytes(), m_settings, candidates());
    if (!admission.admitted)
        return outcome(RecordingChange::Outcome::Refused, admission.refusal);
    cleanUp(admission.cleanup.ids,
        tr("the DVR quota was full and “%1” needed room").arg(recording.title));

    RecordingChange change = store(recording, true);
    if (change.ok() && change.recording.state == RecordingState::Recording)
        m_hooks.demandChanged(change.recording.channelId);
    return change;
}

RecordingChange Recorder::stop(qint64 id)
{
    const auto it = m_recordings.constFind(id);
    if (it == m_recordings.constEnd())
        return outcome(RecordingChange::Outcome::NotFound,
            tr("There is no recording %1 (it may have been deleted).").arg(id));
    Recording recording = *it;
    if (recording.state == RecordingState::Scheduled)
        return outcome(RecordingChange::Outcome::Refused,
            tr("“%1” has not started yet; delete it instead of stopping it.").arg(recording.title));
    if (recording.state != RecordingState::Recording)
        return outcome(RecordingChange::Outcome::Refused,
            tr("“%1” is not recording any more.").arg(recording.title));
    // It finishes at the next tick that finds the segment in progress stored.
    recording.endUtcMs
        = std::max(recording.startUtcMs + 1, std::min(recording.endUtcMs, m_hooks.nowUtcMs()));
    RecordingChange change = store(recording, false);
    if (change.ok())
        tick();
    if (const auto now = byId(id))
        change.recording = *now;
    return change;
}

RecordingChange Recorder::extend(qint64 id, int minutes)
{
    const auto it = m_recordings.constFind(id);
    if (it == m_recordings.constEnd())
        return outcome(RecordingChange::Outcome::NotFound,
            tr("There is no recording %1 (it may have been deleted).").arg(id));
    Recording recording = *it;
    if (isDone(recording.state))
        return outcome(RecordingChange::Outcome::Refused,
            tr("“%1” has ended; only a recording that is running or scheduled can be extended.")
                .arg(recording.title));
    if (minutes < 1)
        return outcome(RecordingChange::Outcome::Invalid, tr("Extend by at least one minute."),
            QStringLiteral("minutes"));
    const qint64 totalMinutes = (recording.durationMs() + 59'999) / 60'000 + minutes;
    if (totalMinutes > kMaxRecordingMinutes)
        return outcome(RecordingChange::Outcome::Invalid,
            tr("“%1” would last %2 minutes; a recording lasts at most %3. Extend it by %4 "
               "minutes at most, or start a second recording after it.")
                .arg(recording.title)
                .arg(totalMinutes)
                .arg(kMaxRecordingMinutes)
                .arg(std::max<qint64>(0, kMaxRecordingMinutes - (totalMinutes - minutes))),
            QStringLiteral("minutes"));
    const qint64 newEnd = recording.endUtcMs + qint64(minutes) * 60'000;
    const DvrPolicy::Admission admission
        = DvrPolicy::admit(expectedBytes(recording.channelId, recording.endUtcMs, newEnd),
            pinnedBytes(), m_settings, candidates());
    if (!admission.admitted)
        return outcome(RecordingChange::Outcome::Refused, admission.refusal);
    cleanUp(admission.cleanup.ids,
        tr("the DVR quota was full and “%1” needed room").arg(recording.title));
    recording.endUtcMs = newEnd;
    return store(recording, false);
}

RecordingChange Recorder::edit(qint64 id, std::optional<QString> title, std::optional<bool> keep)
{
    const auto it = m_recordings.constFind(id);
    if (it == m_recordings.constEnd())
        return outcome(RecordingChange::Outcome::NotFound,
            tr("There is no recording %1 (it may have been deleted).").arg(id));
    Recording recording = *it;
    if (title) {
        if (title->trimmed().isEmpty())
            return outcome(RecordingChange::Outcome::Invalid,
                tr("A recording needs a title; type one."), QStringLiteral("title"));
        if (title->size() > kMaxTitleLength)
            return outcome(RecordingChange::Outcome::Invalid,
                tr("A title has at most %1 characters; shorten it.").arg(kMaxTitleLength),
                QStringLiteral("title"));
        recording.title = title->trimmed();
    }
    if (keep)
        recording.keep = *keep;
    return store(recording, false);
}

RecordingChange Recorder::remove(qint64 id)
{
    const auto it = m_recordings.constFind(id);
    if (it == m_recordings.constEnd())
        return outcome(RecordingChange::Outcome::NotFound,
            tr("There is no recording %1 (it may have been deleted).").arg(id));
    const Recording recording = *it;
    QString error;
    if (!m_repository->remove(id, &error))
        return outcome(RecordingChange::Outcome::Failed, error);
    m_recordings.remove(id);
    m_directory.remove(id);
    // After the row: a crash between the two leaves a pin load() drops, never a recording
    // whose segments retention may take.
    if (!m_store.removePin(id, &error))
        qCWarning(lcDvr).noquote()
            << "Recording" << id << "keeps its segments until restart:" << error;
    if (const auto channel = m_hooks.channel(recording.channelId))
        m_store.requestRetention(channel->id, channel->bufferMs);
    if (recording.state == RecordingState::Recording)
        m_hooks.demandChanged(recording.channelId);
    emit recordingRemoved(id);
    updateTimer();
    RecordingChange change;
    change.recording = recording;
    return change;
}

qint64 Recorder::pinnedBytes() const
{
    return m_store.pinnedBytes();
}

QList<qint64> Recorder::nextCleanup() const
{
    if (!m_settings.autoCleanup)
        return {};
    QList<qint64> ids;
    for (const Recording &recording : DvrPolicy::removable(m_recordings.values()))
        ids.append(recording.id);
    return ids;
}

void Recorder::tick()
{
    const qint64 nowUtcMs = m_hooks.nowUtcMs();
    const bool refreshGaps = ++m_ticks % kGapRefreshTicks == 0;
    for (Recording recording : m_recordings.values()) {
        if (recording.state == RecordingState::Scheduled && nowUtcMs >= recording.startUtcMs) {
            recording.state = RecordingState::Recording;
            store(recording, false);
            m_hooks.demandChanged(recording.channelId);
        }
        if (recording.state != RecordingState::Recording)
            continue;
        if (nowUtcMs >= recording.endUtcMs) {
            // The segment that holds the end is stored a little after it; a source that is
            // down does not deliver it at all.
            const qint64 graceMs = longestSegmentMs(targetDurationMs(recording.channelId)) + 3000;
            if (segmentsCover(recording) || nowUtcMs >= recording.endUtcMs + graceMs)
                finish(recording, std::nullopt, {});
        } else if (refreshGaps) {
            Recording sofar = recording;
            sofar.endUtcMs = nowUtcMs;
            const QList<RecordingGap> gaps = gapsOf(sofar,
                m_store.byTime(
                    sofar.channelId, kSourceRendition, sofar.startUtcMs, sofar.endUtcMs));
            if (gaps != recording.gaps) {
                recording.gaps = gaps;
                store(recording, false);
            }
        }
    }
    enforceLimits();
    updateTimer();
}

void Recorder::cleanUpExpired()
{
    QList<qint64> ids;
    for (const Recording &recording :
        DvrPolicy::expired(m_recordings.values(), m_hooks.nowUtcMs(), m_settings.keepDays))
        ids.append(recording.id);
    cleanUp(ids, tr("it is older than %n day(s)", nullptr, m_settings.keepDays));
}

RecordingChange Recorder::store(Recording recording, bool isNew)
{
    QString error;
    const bool saved
        = isNew ? m_repository->insert(recording, &error) : m_repository->update(recording, &error);
    if (!saved)
        return outcome(RecordingChange::Outcome::Failed, error);
    if (!m_store.setPin(
            recording.id, recording.channelId, recording.startUtcMs, recording.endUtcMs, &error)) {
        if (isNew)
            m_repository->remove(recording.id, nullptr);
        return outcome(RecordingChange::Outcome::Failed,
            tr("The recording could not be protected from clean-up: %1").arg(error));
    }
    m_recordings.insert(recording.id, recording);
    m_directory.put(recording);
    if (isNew)
        emit recordingAdded(recording);
    else
        emit recordingUpdated(recording);
    updateTimer();
    RecordingChange change;
    change.recording = recording;
    change.recording.sizeBytes
        = m_store.bytesInRange(recording.channelId, recording.startUtcMs, recording.endUtcMs);
    return change;
}

void Recorder::finish(
    Recording recording, std::optional<RecordingState> state, const QString &reason)
{
    const QList<SegmentInfo> segments = m_store.byTime(
        recording.channelId, kSourceRendition, recording.startUtcMs, recording.endUtcMs);
    recording.gaps = gapsOf(recording, segments);
    recording.state = state.value_or(DvrPolicy::finalState(!segments.isEmpty(), recording.gaps));
    recording.reason = reason;
    if (recording.state == RecordingState::Failed && reason.isEmpty())
        recording.reason = tr("No media arrived from the channel during the recording; check "
                              "its source on the Channels page.");
    // Segments are whole: the range grows to the keyframes around it, so the recording's
    // duration is what its playlist and its download play (the same segments stay pinned).
    if (!segments.isEmpty()) {
        recording.startUtcMs = std::min(recording.startUtcMs, segments.first().startUtcMs);
        recording.endUtcMs
            = std::max(recording.endUtcMs, segments.last().startUtcMs + segments.last().durationMs);
    }
    if (store(recording, false).ok()) {
        qCInfo(lcDvr).noquote() << "Recording" << recording.id << "“" + recording.title + "”"
                                << recordingStateName(recording.state) << recording.reason;
        m_hooks.demandChanged(recording.channelId);
    }
}

bool Recorder::segmentsCover(const Recording &recording) const
{
    const std::optional<SegmentInfo> last = m_store.last(recording.channelId, kSourceRendition);
    return last && last->startUtcMs + last->durationMs >= recording.endUtcMs;
}

QList<RecordingGap> Recorder::gapsOf(
    const Recording &recording, const QList<SegmentInfo> &segments) const
{
    const bool startedNow = recording.startUtcMs >= recording.createdUtcMs - kNowToleranceMs;
    return DvrPolicy::findGaps(segments, recording.startUtcMs, recording.endUtcMs,
        targetDurationMs(recording.channelId), startedNow ? kLeadGraceMs : 0);
}

int Recorder::targetDurationMs(qint64 channelId) const
{
    const auto channel = m_hooks.channel(channelId);
    return channel ? channel->segmentDurationMs : kDefaultSegmentDurationMs;
}

qint64 Recorder::expectedBytes(qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs) const
{
    const qint64 nowUtcMs = m_hooks.nowUtcMs();
    // What the buffer already holds is known to the byte; the rest at the measured rate.
    const qint64 pastBytes = fromUtcMs < nowUtcMs
        ? m_store.bytesNotPinnedByOthers(channelId, fromUtcMs, std::min(nowUtcMs, toUtcMs))
        : 0;
    const qint64 futureMs = std::max<qint64>(0, toUtcMs - std::max(fromUtcMs, nowUtcMs));
    return pastBytes + m_hooks.measuredBitrate(channelId) / 8 * futureMs / 1000;
}

QList<DvrPolicy::Candidate> Recorder::candidates() const
{
    QList<DvrPolicy::Candidate> list;
    for (const Recording &recording : DvrPolicy::removable(m_recordings.values()))
        list.append({recording,
            m_store.bytesNotPinnedByOthers(
                recording.channelId, recording.startUtcMs, recording.endUtcMs, recording.id)});
    return list;
}

void Recorder::cleanUp(const QList<qint64> &ids, const QString &reason)
{
    for (const qint64 id : ids) {
        const RecordingChange removed = remove(id);
        if (!removed.ok()) {
            qCWarning(lcDvr).noquote()
                << "Clean-up could not delete recording" << id << ":" << removed.error;
            continue;
        }
        qCInfo(lcDvr).noquote() << "Clean-up deleted recording" << id
                                << "“" + removed.recording.title + "”:" << reason;
        emit recordingCleanedUp(removed.recording, reason);
    }
}

void Recorder::enforceLimits()
{
    const bool running = std::any_of(m_recordings.cbegin(), m_recordings.cend(),
        [](const Recording &r) { return r.state == RecordingState::Recording; });
    if (!running)
        return;
    if (m_hooks.diskFreeBytes && m_hooks.diskFreeBytes() < kDiskReserveBytes) {
        stopAllRunning(tr("disk full: the disk of the data folder has less than %1 free. Free "
                          "space on it; what was recorded is kept.")
                           .arg(DvrPolicy::formatBytes(kDiskReserveBytes)));
        return;
    }
    qint64 pinned = pinnedBytes();
    if (pinned <= m_settings.quotaBytes)
        return;
    if (m_settings.autoCleanup) {
        cleanUp(DvrPolicy::planCleanup(candidates(), pinned - m_settings.quotaBytes).ids,
            tr("the DVR quota was full while recording"));
        pinned = pinnedBytes();
    }
    if (pinned > m_settings.quotaBytes)
        stopAllRunning(tr("quota full: the recordings use %1 of the %2 DVR quota. Delete "
                          "recordings or raise the quota in Settings; what was recorded is kept.")
                           .arg(DvrPolicy::formatBytes(pinned),
                               DvrPolicy::formatBytes(m_settings.quotaBytes)));
}

void Recorder::stopAllRunning(const QString &reason)
{
    for (Recording recording : m_recordings.values()) {
        if (recording.state != RecordingState::Recording)
            continue;
        // Ends with the last stored segment, so the segments still coming are not pinned and
        // the finished playlist never changes.
        const std::optional<SegmentInfo> last = m_store.last(recording.channelId, kSourceRendition);
        const qint64 lastEnd = last ? last->startUtcMs + last->durationMs : recording.startUtcMs;
        recording.endUtcMs = std::clamp(lastEnd, recording.startUtcMs + 1,
            std::max(recording.endUtcMs, recording.startUtcMs + 1));
        qCWarning(lcDvr).noquote() << "Recording" << recording.id << "stopped:" << reason;
        finish(recording, RecordingState::Stopped, reason);
    }
}

void Recorder::updateTimer()
{
    const bool active = std::any_of(m_recordings.cbegin(), m_recordings.cend(),
        [](const Recording &r) { return !isDone(r.state); });
    if (active && !m_timer->isActive())
        m_timer->start();
    else if (!active && m_timer->isActive())
        m_timer->stop();
}

} // namespace panelx
