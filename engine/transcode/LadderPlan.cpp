#include "transcode/LadderPlan.h"

#include <cmath>

namespace panelx {

int LadderPlan::runningCount() const
{
    int count = 0;
    for (const PlannedRung &rung : rungs)
        count += rung.state != RungState::Skipped;
    return count;
}

namespace ladder {

int evenWidthFor(const SourceVideo &source, int height)
{
    double sampleAspect = 1.0;
    if (source.sampleAspectNum > 0 && source.sampleAspectDen > 0)
        sampleAspect = double(source.sampleAspectNum) / source.sampleAspectDen;
    const double displayAspect = double(source.width) * sampleAspect / source.height;
    return std::max(2, int(std::lround(height * displayAspect / 2.0)) * 2);
}

LadderPlan plan(const SourceVideo &source, const AbrConfig &abr, int cores, bool hasVideo)
{
    LadderPlan result;
    if (!hasVideo || source.width <= 0 || source.height <= 0) {
        result.refusal = QStringLiteral(
            "the source has no video, so the ladder has nothing to encode — turn the ladder "
            "off for this channel; its audio still plays as it is");
        return result;
    }
    result.deinterlace = source.interlaced;
    for (const QString &name : normalisedRungs(abr.rungs)) {
        PlannedRung rung;
        rung.spec = *ladder::rung(name);
        rung.height = rung.spec.height;
        rung.width = evenWidthFor(source, rung.height);
        if (rung.spec.height > source.height) {
            rung.state = RungState::Skipped;
            rung.message = QStringLiteral("skipped: the source has only %1 lines; %2 would "
                                          "only be scaled up")
                               .arg(source.height)
                               .arg(rung.spec.name);
        }
        result.rungs.append(rung);
    }
    if (result.runningCount() == 0) {
        result.refusal = QStringLiteral(
            "the source's picture (%1×%2) is smaller than every rung of the ladder — add a "
            "smaller rung or turn the ladder off for this channel")
                             .arg(source.width)
                             .arg(source.height);
        return result;
    }
    qint64 pixels = 0;
    for (const PlannedRung &rung : std::as_const(result.rungs))
        if (rung.state != RungState::Skipped)
            pixels += qint64(rung.width) * rung.height;
    bool top = true;
    for (PlannedRung &rung : result.rungs) {
        if (rung.state == RungState::Skipped)
            continue;
        const double share = double(qint64(rung.width) * rung.height) / double(pixels);
        rung.threads = std::max(1, int(std::lround(share * std::max(1, cores))));
        rung.niceness = top ? 0 : kLowerRungNiceness;
        top = false;
    }
    for (PlannedRung &rung : result.rungs) {
        if (rung.state == RungState::Skipped)
            continue;
        for (qsizetype i = 0; i < result.rungs.size(); ++i) {
            const PlannedRung &larger = result.rungs.at(i);
            if (larger.state != RungState::Skipped && larger.width == 2 * rung.width
                && larger.height == 2 * rung.height
                && (larger.width != source.width || larger.height != source.height)) {
                rung.scaledFrom = int(i);
                break;
            }
        }
    }
    return result;
}

} // namespace ladder
} // namespace panelx
