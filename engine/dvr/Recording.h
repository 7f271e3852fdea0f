// Value types of the DVR: a recording is a wall-clock range of one channel's segments that
// retention leaves alone (a pin in the segment store), plus its title and state. They cross
// threads by value (queued signals), so they are registered as metatypes in Engine.cpp.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace panelx {

inline constexpr int kDefaultRecordingMinutes = 60;
inline constexpr int kMinRecordingMinutes = 1;
inline constexpr int kMaxRecordingMinutes = 720;
inline constexpr qint64 kDefaultDvrQuotaBytes = 10'000'000'000LL; // 10 GB
inline constexpr int kDefaultDvrKeepDays = 30;

enum class RecordingState {
    Invalid = 0,
    Scheduled, // starts in the future
    Recording,
    Finished, // everything from start to end is there
    Partial, // finished, but the source was lost for part of it (see gaps)
    Stopped, // ended early for a reason (quota full, disk full); keeps what it has
    Failed, // nothing could be recorded (reason)
};

// "scheduled", "recording", "finished", "partial", "stopped", "failed" (API and database).
QString recordingStateName(RecordingState state);
RecordingState recordingStateFromName(const QString &name);
// Done recording: the range no longer grows and clean-up may remove it (unless kept).
bool isDone(RecordingState state);

// A stretch of the range with no media (the source was down).
struct RecordingGap {
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    qint64 durationMs() const { return toUtcMs - fromUtcMs; }
    bool operator==(const RecordingGap &) const = default;
};

struct Recording {
    qint64 id = 0; // 0 until stored
    qint64 channelId = 0;
    QString title;
    qint64 startUtcMs = 0;
    qint64 endUtcMs = 0; // planned end while scheduled or recording; actual end when done
    RecordingState state = RecordingState::Scheduled;
    QString reason; // Stopped, Failed: why, in words a person can act on
    QList<RecordingGap> gaps;
    bool keep = false; // never removed by automatic clean-up
    qint64 createdUtcMs = 0;
    // Not stored: filled from the segment store when listed.
    qint64 sizeBytes = 0;

    qint64 durationMs() const { return endUtcMs - startUtcMs; }
    bool operator==(const Recording &) const = default;
};

// The order recordings are listed in everywhere: by start, then by id.
inline bool startsBefore(const Recording &a, const Recording &b)
{
    return a.startUtcMs != b.startUtcMs ? a.startUtcMs < b.startUtcMs : a.id < b.id;
}

// A request to record, from the window, the admin API, ctl or a schedule.
struct RecordingRequest {
    qint64 channelId = 0;
    QString title; // empty: the channel's name and the start time
    qint64 startUtcMs = 0; // 0: now; may lie in the past (what the buffer holds is pinned)
    int minutes = kDefaultRecordingMinutes;
};

struct DvrSettings {
    qint64 quotaBytes = kDefaultDvrQuotaBytes; // bytes pinned by recordings, each segment once
    int keepDays = kDefaultDvrKeepDays; // finished recordings older than this go; 0 = never
    bool autoCleanup = true; // when the quota is full, the oldest finished non-keep ones go

    bool operator==(const DvrSettings &) const = default;
};

// What the DVR uses of the disk, for the quota bar.
struct DvrUsage {
    qint64 pinnedBytes = 0; // recordings, each segment once
    qint64 quotaBytes = 0;
    qint64 bufferBytes = 0; // the channels' live buffers, outside the quota
    qint64 diskFreeBytes = 0;
    // What automatic clean-up would remove next, oldest first (empty when it is off).
    QList<qint64> nextCleanup;
};

// What became of a change to the recordings, for callers that answer at once (the admin API).
struct RecordingChange {
    enum class Outcome {
        Done,
        Invalid, // a field is wrong (duration, start): 422
        NotFound, // no such recording or channel: 404
        Refused, // does not fit in the quota, or the state forbids it: 409
        Failed, // the database or disk failed: 500
    };
    Outcome outcome = Outcome::Done;
    Recording recording; // as stored now (Done)
    QString error; // a sentence a person can act on
    QString field; // Invalid: the request field at fault ("minutes", "start", "channel")

    bool ok() const { return outcome == Outcome::Done; }
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::Recording)
Q_DECLARE_METATYPE(panelx::DvrUsage)
Q_DECLARE_METATYPE(panelx::DvrSettings)
