#include "ScheduleExecutor.h"

#include "Engine.h"
#include "schedule/ScheduleRepository.h"

#include <algorithm>

namespace panelx {

namespace {

QString channelName(const Engine &engine, qint64 channelId)
{
    for (const ChannelConfig &channel : engine.channels())
        if (channel.id == channelId)
            return channel.name;
    return ScheduleExecutor::tr("channel %1").arg(channelId);
}

QString channelError(const ChannelChange &change)
{
    QStringList lines {change.error};
    for (const FieldError &problem : change.problems)
        lines << problem.message;
    lines.removeAll(QString());
    return lines.join(QLatin1Char(' '));
}

} // namespace

std::optional<ScheduleRun> ScheduleExecutor::handle(const ScheduleEvent &event, qint64 nowUtcMs)
{
    const auto schedule = m_engine.schedule(event.occurrence.scheduleId);
    if (!schedule)
        return std::nullopt; // deleted while the event was on its way
    switch (event.kind) {
    case ScheduleEvent::Kind::Begin:
        return schedule->enabled ? begin(*schedule, event.occurrence, nowUtcMs) : std::nullopt;
    case ScheduleEvent::Kind::End:
        return end(*schedule, event.occurrence, nowUtcMs);
    case ScheduleEvent::Kind::Invalid:
        break;
    }
    return std::nullopt;
}

std::optional<ScheduleRun> ScheduleExecutor::begin(
    const Schedule &schedule, const Occurrence &occurrence, qint64 nowUtcMs)
{
    if (m_repository.runAt(schedule.id, occurrence.paddedStartUtcMs))
        return std::nullopt;
    ScheduleRun run;
    run.scheduleId = schedule.id;
    run.plannedUtcMs = occurrence.paddedStartUtcMs;
    const bool over = occurrence.isInstant() ? nowUtcMs - occurrence.startUtcMs > kLateToleranceMs
                                             : occurrence.paddedEndUtcMs <= nowUtcMs;
    if (over) {
        run.result = ScheduleRun::Result::Missed;
        run.reason = tr("PanelX was not running at %1 (%2), or the clock jumped past it; missed "
                        "runs are not made up later.")
                         .arg(occurrence.localStart().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             QString::fromUtf8(schedule.timeZoneId));
        return log(run);
    }
    run.actualUtcMs = nowUtcMs;
    const QString channel = channelName(m_engine, schedule.channelId);
    if (schedule.action == ScheduleAction::Record) {
        // Late (after downtime), from the padded start as far as the buffer still holds it.
        qint64 startUtcMs = occurrence.paddedStartUtcMs;
        if (startUtcMs < nowUtcMs - kLateToleranceMs) {
            const auto buffered = m_engine.bufferStartUtcMs(schedule.channelId);
            startUtcMs = buffered ? std::max(startUtcMs, *buffered) : nowUtcMs;
        }
        RecordingRequest request;
        request.channelId = schedule.channelId;
        request.title = schedule.title;
        request.startUtcMs = startUtcMs;
        // Whole minutes: a late one may end up to a minute after the padded end.
        request.minutes = int((occurrence.paddedEndUtcMs - startUtcMs + 59'999) / 60'000);
        const RecordingChange change = m_engine.createRecording(request);
        if (change.ok()) {
            run.recordingId = change.recording.id;
            run.reason = tr("Recording %1 of “%2”.").arg(change.recording.id).arg(channel);
        } else {
            run.result = ScheduleRun::Result::Failed;
            run.reason = change.error;
        }
        return log(run);
    }
    const bool start = schedule.action == ScheduleAction::Start;
    const ChannelChange change = m_engine.enableChannel(schedule.channelId, start);
    if (change.ok()) {
        run.reason = start ? tr("Started “%1”.").arg(channel) : tr("Stopped “%1”.").arg(channel);
    } else {
        run.result = ScheduleRun::Result::Failed;
        run.reason = channelError(change);
    }
    return log(run);
}

std::optional<ScheduleRun> ScheduleExecutor::end(
    const Schedule &schedule, const Occurrence &occurrence, qint64 nowUtcMs)
{
    // Only what this schedule switched is switched back.
    const auto begun = m_repository.runAt(schedule.id, occurrence.paddedStartUtcMs);
    if (!begun || begun->result != ScheduleRun::Result::Done)
        return std::nullopt;
    const bool startAgain = schedule.action == ScheduleAction::Stop;
    const ChannelChange change = m_engine.enableChannel(schedule.channelId, startAgain);
    QString error;
    if (!m_repository.advanceWatchedFrom(schedule.id, occurrence.endUtcMs, &error))
        qWarning().noquote() << error;
    if (change.ok())
        return std::nullopt;
    ScheduleRun run;
    run.scheduleId = schedule.id;
    run.plannedUtcMs = occurrence.endUtcMs;
    run.actualUtcMs = nowUtcMs;
    run.result = ScheduleRun::Result::Failed;
    run.reason = (startAgain ? tr("Starting “%1” again after %n minute(s) failed: %2", nullptr,
                      schedule.durationMinutes)
                             : tr("Stopping “%1” again after %n minute(s) failed: %2", nullptr,
                                 schedule.durationMinutes))
                     .arg(channelName(m_engine, schedule.channelId), channelError(change));
    return log(run);
}

ScheduleRun ScheduleExecutor::log(ScheduleRun run)
{
    QString error;
    if (!m_repository.addRun(run, &error))
        qWarning().noquote() << error;
    return run;
}

} // namespace panelx
