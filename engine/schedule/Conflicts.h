// Which plans collide in the coming week: a channel started and stopped at once, more recordings
// or ABR transcodes at once than the machine is set up for, more bytes recorded than the DVR
// quota holds. Pure (the schedules, the limits and "now" come in), and a sweep over the
// occurrences' start and end instants rather than a comparison of every pair, so a save, the
// editor's preview and the list can run it over thousands of schedules.
#pragma once

#include "schedule/Occurrences.h"
#include "schedule/Schedule.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace panelx {

enum class ConflictKind {
    Invalid = 0,
    StartStop, // a channel stopped while a schedule starts or records it
    Recordings, // more simultaneous recordings than the maximum
    Transcodes, // more channels transcoding ABR at once than the maximum
    Quota, // the week's recordings need more bytes than the DVR quota has free
};

// What the conflict check needs to know of a channel.
struct ConflictChannel {
    QString name; // for the sentences; empty: "channel <id>"
    qint64 bytesPerMinute = 0; // what recording it adds to the DVR (its measured bitrate)
    bool abr = false; // transcodes an ABR ladder while it runs
};

struct ConflictLimits {
    int maxRecordings = 0; // at once; 0: no limit
    int maxTranscodes = 0; // ABR channels running at once; 0: no limit
    std::optional<qint64>
        freeQuotaBytes; // what recordings may still add to the DVR; none: no limit
    QHash<qint64, ConflictChannel> channels; // by channel id; a missing one adds no bytes, no ABR
};

struct Conflict {
    ConflictKind kind = ConflictKind::Invalid;
    QList<Occurrence> occurrences; // involved, in start order; each names its schedule
    QList<qint64> scheduleIds; // of those, each once, in order of first appearance
    qint64 fromUtcMs = 0; // when it begins
    qint64 toUtcMs = 0; // when it ends (Quota: the end of the horizon)
    QString message; // a sentence naming the schedules, the time and what would resolve it

    bool involves(qint64 scheduleId) const { return scheduleIds.contains(scheduleId); }
};

class Conflicts {
    Q_DECLARE_TR_FUNCTIONS(Conflicts)
public:
    static constexpr qint64 kHorizonMs = 7LL * 24 * 3600 * 1000;

    // The conflicts among the enabled schedules' occurrences that meet the coming week
    // [nowUtcMs, nowUtcMs + kHorizonMs), ordered by kind, then by when they begin. A draft
    // being edited is passed among the schedules (with id 0 when new).
    //
    // A channel runs during a record occurrence (padded) and a start one (held: its length;
    // not held: until the channel's next stop occurrence, or the horizon's end). A stop
    // occurrence (held or, for an instant, at its start) conflicts with any start or record of
    // the same channel it meets. Bytes count each channel's recorded time once, as the DVR pins
    // each segment once.
    static QList<Conflict> find(
        const QList<Schedule> &schedules, const ConflictLimits &limits, qint64 nowUtcMs);
};

} // namespace panelx
