#include "DvrPolicy.h"

#include <QLocale>
#include <algorithm>

namespace panelx {

QString DvrPolicy::checkMinutes(int minutes)
{
    if (minutes >= kMinRecordingMinutes && minutes <= kMaxRecordingMinutes)
        return {};
    return tr("A recording lasts %1 to %2 minutes (12 hours); %3 is outside that. Choose a "
              "duration in that range, or make several recordings.")
        .arg(kMinRecordingMinutes)
        .arg(kMaxRecordingMinutes)
        .arg(minutes);
}

QList<RecordingGap> DvrPolicy::findGaps(const QList<SegmentInfo> &segments, qint64 startUtcMs,
    qint64 endUtcMs, int targetDurationMs, qint64 leadGraceMs)
{
    QList<RecordingGap> gaps;
    if (endUtcMs <= startUtcMs)
        return gaps;
    if (segments.isEmpty()) {
        gaps.append({startUtcMs, endUtcMs});
        return gaps;
    }
    const qint64 firstStart = std::max(startUtcMs, segments.first().startUtcMs);
    if (firstStart - startUtcMs > std::max(leadGraceMs, kGapToleranceMs))
        gaps.append({startUtcMs, firstStart});
    qint64 coveredUntil = segments.first().startUtcMs + segments.first().durationMs;
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const SegmentInfo &segment = segments[i];
        if (segment.startUtcMs - coveredUntil > kGapToleranceMs)
            gaps.append(
                {std::max(coveredUntil, startUtcMs), std::min(segment.startUtcMs, endUtcMs)});
        coveredUntil = std::max(coveredUntil, segment.startUtcMs + segment.durationMs);
    }
    if (endUtcMs - coveredUntil
        > std::max<qint64>(longestSegmentMs(targetDurationMs), kGapToleranceMs))
        gaps.append({std::max(coveredUntil, startUtcMs), endUtcMs});
    return gaps;
}

RecordingState DvrPolicy::finalState(bool anyMedia, const QList<RecordingGap> &gaps)
{
    if (!anyMedia)
        return RecordingState::Failed;
    return gaps.isEmpty() ? RecordingState::Finished : RecordingState::Partial;
}

QList<Recording> DvrPolicy::removable(QList<Recording> recordings)
{
    recordings.removeIf([](const Recording &r) { return r.keep || !isDone(r.state); });
    std::stable_sort(
        recordings.begin(), recordings.end(), [](const Recording &a, const Recording &b) {
            return a.endUtcMs != b.endUtcMs ? a.endUtcMs < b.endUtcMs : a.id < b.id;
        });
    return recordings;
}

QList<Recording> DvrPolicy::expired(
    const QList<Recording> &recordings, qint64 nowUtcMs, int keepDays)
{
    if (keepDays <= 0)
        return {};
    const qint64 cutoff = nowUtcMs - qint64(keepDays) * 24 * 3600 * 1000;
    QList<Recording> old = removable(recordings);
    old.removeIf([cutoff](const Recording &r) { return r.endUtcMs >= cutoff; });
    return old;
}

DvrPolicy::Cleanup DvrPolicy::planCleanup(const QList<Candidate> &candidates, qint64 neededBytes)
{
    Cleanup cleanup;
    for (const Candidate &candidate : candidates) {
        if (cleanup.freedBytes >= neededBytes)
            break;
        cleanup.ids.append(candidate.recording.id);
        cleanup.freedBytes += candidate.freedBytes;
    }
    cleanup.enough = cleanup.freedBytes >= neededBytes;
    return cleanup;
}

DvrPolicy::Admission DvrPolicy::admit(qint64 expectedBytes, qint64 pinnedBytes,
    const DvrSettings &settings, const QList<Candidate> &candidates)
{
    Admission admission;
    const qint64 freeBytes = std::max<qint64>(0, settings.quotaBytes - pinnedBytes);
    if (expectedBytes <= freeBytes) {
        admission.admitted = true;
        return admission;
    }
    const qint64 missing = expectedBytes - freeBytes;
    if (settings.autoCleanup) {
        const Cleanup cleanup = planCleanup(candidates, missing);
        if (cleanup.enough) {
            admission.admitted = true;
            admission.cleanup = cleanup;
            return admission;
        }
    }
    qint64 removableBytes = 0;
    for (const Candidate &candidate : candidates)
        removableBytes += candidate.freedBytes;
    QString room;
    if (removableBytes >= missing)
        room = settings.autoCleanup
            ? QString()
            : tr("Delete finished recordings you no longer need (they hold %1), turn on "
                 "automatic clean-up, or raise the DVR quota in Settings.")
                  .arg(formatBytes(removableBytes));
    if (room.isEmpty())
        room = tr("Delete recordings you no longer need (recordings marked Keep are never "
                  "removed automatically), record for a shorter time, or raise the DVR quota "
                  "in Settings.");
    admission.refusal = tr("This recording needs about %1, but only %2 of the %3 DVR quota is "
                           "free. %4")
                            .arg(formatBytes(expectedBytes), formatBytes(freeBytes),
                                formatBytes(settings.quotaBytes), room);
    return admission;
}

QString DvrPolicy::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace panelx
