// Which rungs a ladder makes of a given source, and at what picture size. Pure: no libav
// objects, no I/O, so it is tested with invented sources.
#pragma once

#include "ChannelTypes.h"
#include "transcode/Ladder.h"

#include <QList>
#include <QString>

namespace panelx {

// What the ladder needs to know of the source's video.
struct SourceVideo {
    int width = 0; // coded picture, in samples
    int height = 0;
    int sampleAspectNum = 0; // 0 or 0/x: square samples
    int sampleAspectDen = 0;
    bool interlaced = false;
    double frameRate = 0; // 0 when unknown
};

struct PlannedRung {
    RungSpec spec;
    int width = 0; // the encoded picture: the source's display aspect, even dimensions
    int height = 0;
    RungState state = RungState::Starting; // Starting, or Skipped (see message)
    QString message;
    // libx264 threads: the rung's share of the running rungs' pixels, of the machine's cores
    // (at least one). One thread per rung on two cores: the top rung's frame threads cost the
    // ladder about 2 % more CPU there (docs/benchmarks.md).
    int threads = 1;
    // The rung thread's nice value: 0 for the highest rung that runs, the largest job and the
    // one the ladder waits for; the smaller rungs yield to it and fill the other cores.
    int niceness = 0;
    // The index in LadderPlan::rungs of the running rung whose scaled pictures this rung scales
    // down, or -1 for the source's. A rung takes another's when that one is exactly twice its
    // size and itself scaled: 360p from 720p costs half of 360p from 1080p and is as close to
    // the source (docs/benchmarks.md, "Scaling: one pass or a cascade").
    int scaledFrom = -1;
};

struct LadderPlan {
    QList<PlannedRung> rungs; // the configured rungs, highest first, skipped ones included
    bool deinterlace = false;
    QString refusal; // not empty: the ladder cannot run for this source, and why

    bool runs() const { return refusal.isEmpty(); }
    int runningCount() const;
};

namespace ladder {

// The nice value of every rung below the highest that runs.
constexpr int kLowerRungNiceness = 5;

// The plan for a source with video on a machine of `cores`; a source without (hasVideo
// false) is refused.
LadderPlan plan(const SourceVideo &source, const AbrConfig &abr, int cores, bool hasVideo = true);
// The width that keeps the source's display aspect at `height` lines, rounded to even.
int evenWidthFor(const SourceVideo &source, int height);

} // namespace ladder
} // namespace panelx
