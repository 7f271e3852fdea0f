// The DVR's rules as pure functions (no clock, no I/O), so each is a table of cases in
// tests/dvr_policy: duration limits, where a recording has gaps, what automatic clean-up removes
// and whether a new recording fits the quota. The window, the admin API, ctl and schedules all
// reach them through the Recorder, so each rule is written once.
#pragma once

#include "ChannelTypes.h"
#include "dvr/Recording.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace panelx {

class DvrPolicy {
    Q_DECLARE_TR_FUNCTIONS(DvrPolicy)
public:
    // A hole between two segments longer than this is a gap (the source was down); shorter ones
    // are the jitter of cutting on keyframes.
    static constexpr qint64 kGapToleranceMs = 1000;

    // Empty when `minutes` is a duration a recording may have, else a sentence.
    static QString checkMinutes(int minutes);

    // Stretches of [startUtcMs, endUtcMs) that `segments` (one rendition, oldest first) leave
    // uncovered. A hole at the start shorter than leadGraceMs is not a gap (an ingest the
    // recording started needs a moment to deliver), nor one at the end shorter than
    // longestSegmentMs(targetDurationMs) (the segment still being written).
    static QList<RecordingGap> findGaps(const QList<SegmentInfo> &segments, qint64 startUtcMs,
        qint64 endUtcMs, int targetDurationMs, qint64 leadGraceMs);

    // The state a recording ends in: Failed when nothing was recorded, Partial with gaps,
    // Finished otherwise.
    static RecordingState finalState(bool anyMedia, const QList<RecordingGap> &gaps);

    // A recording clean-up may remove, with the bytes removing it gives back.
    struct Candidate {
        Recording recording;
        qint64 freedBytes = 0;
    };
    // Done and not kept, oldest end first: the order clean-up removes them in.
    static QList<Recording> removable(QList<Recording> recordings);
    // Done recordings not kept that ended more than keepDays before nowUtcMs (none for 0).
    static QList<Recording> expired(
        const QList<Recording> &recordings, qint64 nowUtcMs, int keepDays);

    struct Cleanup {
        QList<qint64> ids; // to remove, in order
        qint64 freedBytes = 0;
        bool enough = false; // freedBytes >= neededBytes
    };
    // The fewest of `candidates` (in the order given) that free neededBytes.
    static Cleanup planCleanup(const QList<Candidate> &candidates, qint64 neededBytes);

    struct Admission {
        bool admitted = false;
        Cleanup cleanup; // to run first (admitted only thanks to it)
        QString refusal; // not admitted: how much is free and what would make room
    };
    // Whether a recording expected to add expectedBytes to pinnedBytes fits quotaBytes, using
    // clean-up (when on) to make room.
    static Admission admit(qint64 expectedBytes, qint64 pinnedBytes, const DvrSettings &settings,
        const QList<Candidate> &candidates);

    // "1.5 GB", "320 MB": decimal units, as disks are sold.
    static QString formatBytes(qint64 bytes);
};

} // namespace panelx
