#include "BufferSnapshot.h"

#include "dvr/DvrPolicy.h"
#include "hls/Playlist.h"

#include <algorithm>
#include <limits>

namespace panelx::timeshift {

namespace {

qint64 endOf(const SegmentInfo &segment)
{
    return segment.startUtcMs + segment.durationMs;
}

QByteArray uriPrefix(const SegmentInfo &segment)
{
    return "/seg/" + QByteArray::number(segment.channelId) + '/' + segment.rendition.toUtf8() + '/';
}

// Lines per segment, for reserving: the tags, a date, a duration and the URI.
constexpr qsizetype kLineBytes = 120;

} // namespace

void BufferSnapshot::append(const SegmentInfo &segment, QByteArrayView prefix)
{
    // Every flagged segment gets its tag here; lines() leaves out the one a window starts with.
    playlist::appendSegmentLines(m_text, segment, prefix, segment.discontinuity);
    m_offsets.append(m_text.size());
    m_segments.append(segment);
    m_bytes += segment.sizeBytes;
    m_longestDurationMs = std::max(m_longestDurationMs, segment.durationMs);
}

std::shared_ptr<const BufferSnapshot> BufferSnapshot::build(QList<SegmentInfo> segments)
{
    auto snapshot = std::shared_ptr<BufferSnapshot>(new BufferSnapshot);
    if (segments.isEmpty())
        return snapshot;
    const QByteArray prefix = uriPrefix(segments.first());
    snapshot->m_text.reserve(segments.size() * kLineBytes);
    snapshot->m_offsets.reserve(segments.size() + 1);
    snapshot->m_segments.reserve(segments.size());
    for (const SegmentInfo &segment : std::as_const(segments))
        snapshot->append(segment, prefix);
    return snapshot;
}

std::shared_ptr<const BufferSnapshot> BufferSnapshot::extend(
    const BufferSnapshot &previous, const QList<SegmentInfo> &newer, qint64 dropBeforeUtcMs)
{
    const qint64 newestSequence = previous.isEmpty() ? std::numeric_limits<qint64>::min()
                                                     : previous.m_segments.last().sequence;
    qsizetype keep = 0;
    while (keep < previous.m_segments.size() && endOf(previous.m_segments[keep]) <= dropBeforeUtcMs)
        ++keep;
    qsizetype firstNew = 0;
    while (firstNew < newer.size()
        && (newer[firstNew].sequence <= newestSequence
            || (keep == previous.m_segments.size() && endOf(newer[firstNew]) <= dropBeforeUtcMs)))
        ++firstNew;

    auto snapshot = std::shared_ptr<BufferSnapshot>(new BufferSnapshot);
    const qsizetype kept = previous.m_segments.size() - keep;
    const qsizetype count = kept + newer.size() - firstNew;
    const qsizetype from = previous.m_offsets[keep];
    snapshot->m_text.reserve(
        previous.m_text.size() - from + (newer.size() - firstNew) * kLineBytes);
    snapshot->m_text.append(previous.m_text.constData() + from, previous.m_text.size() - from);
    snapshot->m_offsets.reserve(count + 1);
    snapshot->m_offsets.clear();
    for (qsizetype i = keep; i < previous.m_offsets.size(); ++i)
        snapshot->m_offsets.append(previous.m_offsets[i] - from);
    snapshot->m_segments.reserve(count);
    for (qsizetype i = keep; i < previous.m_segments.size(); ++i) {
        const SegmentInfo &segment = previous.m_segments[i];
        snapshot->m_segments.append(segment);
        snapshot->m_bytes += segment.sizeBytes;
        snapshot->m_longestDurationMs = std::max(snapshot->m_longestDurationMs, segment.durationMs);
    }
    if (firstNew < newer.size()) {
        const QByteArray prefix = uriPrefix(newer[firstNew]);
        for (qsizetype i = firstNew; i < newer.size(); ++i)
            snapshot->append(newer[i], prefix);
    }
    return snapshot;
}

int BufferSnapshot::indexAt(qint64 utcMs) const
{
    if (m_segments.isEmpty() || utcMs < m_segments.first().startUtcMs)
        return -1;
    // The first segment that ends after utcMs covers it or, in a gap, is the next one.
    const auto it = std::upper_bound(m_segments.begin(), m_segments.end(), utcMs,
        [](qint64 t, const SegmentInfo &segment) { return t < endOf(segment); });
    return int(it - m_segments.begin());
}

QByteArrayView BufferSnapshot::lines(int first, int last) const
{
    if (first < 0 || last >= size() || last < first)
        return {};
    qsizetype begin = m_offsets[first];
    if (m_segments[first].discontinuity)
        begin += playlist::kDiscontinuityTag.size();
    return QByteArrayView(m_text.constData() + begin, m_offsets[last + 1] - begin);
}

BufferInfo BufferSnapshot::info(qint64 channelId, int targetDurationMs) const
{
    BufferInfo info;
    info.channelId = channelId;
    if (isEmpty())
        return info;
    info.oldestUtcMs = m_segments.first().startUtcMs;
    info.newestUtcMs = endOf(m_segments.last());
    info.gaps
        = DvrPolicy::findGaps(m_segments, info.oldestUtcMs, info.newestUtcMs, targetDurationMs, 0);
    info.bytes = m_bytes;
    info.segments = size();
    return info;
}

} // namespace panelx::timeshift
