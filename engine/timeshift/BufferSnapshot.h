// A channel rendition's timeshift buffer at one moment: its segments and their playlist lines,
// rendered once, so a window of any length is a header plus a slice of that text.
#pragma once

#include "ChannelTypes.h"
#include "timeshift/BufferInfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <memory>

namespace panelx::timeshift {

// Immutable once made, so HTTP threads share it without locks; a window's answer points into
// text() while the caller holds the snapshot.
class BufferSnapshot {
public:
    // segments: one channel+rendition, oldest first, sequences ascending.
    static std::shared_ptr<const BufferSnapshot> build(QList<SegmentInfo> segments);
    // `previous` + `newer` (sequences after previous's newest; older ones are ignored), dropping
    // from the front the segments that ended by `dropBeforeUtcMs`. The kept lines are copied,
    // not rendered again.
    static std::shared_ptr<const BufferSnapshot> extend(
        const BufferSnapshot &previous, const QList<SegmentInfo> &newer, qint64 dropBeforeUtcMs);

    const QList<SegmentInfo> &segments() const { return m_segments; }
    bool isEmpty() const { return m_segments.isEmpty(); }
    int size() const { return int(m_segments.size()); }
    // The index of the segment covering utcMs; the next one when utcMs falls in a gap; -1 before
    // the oldest segment, size() from the end of the newest on.
    int indexAt(qint64 utcMs) const;
    // The longest segment held (0 when empty).
    qint64 longestDurationMs() const { return m_longestDurationMs; }
    qint64 bytes() const { return m_bytes; }

    // Playlist lines of segments first..last (inclusive; "#EXT-X-DISCONTINUITY" when flagged,
    // PROGRAM-DATE-TIME, EXTINF, URI /seg/<channelId>/<rendition>/<sequence>.ts), without the
    // first one's discontinuity tag (a window's DISCONTINUITY-SEQUENCE counts it).
    QByteArrayView lines(int first, int last) const;

    // What the buffer holds, for the timeline and the admin API: gaps as the DVR finds them.
    BufferInfo info(qint64 channelId, int targetDurationMs) const;

private:
    BufferSnapshot() = default;
    void append(const SegmentInfo &segment, QByteArrayView uriPrefix);

    QList<SegmentInfo> m_segments;
    QByteArray m_text;
    QList<qsizetype> m_offsets {0}; // where each segment's lines start in m_text, then its end
    qint64 m_bytes = 0;
    qint64 m_longestDurationMs = 0;
};

} // namespace panelx::timeshift
