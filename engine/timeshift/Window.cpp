#include "Window.h"

#include "hls/Playlist.h"

#include <QDateTime>
#include <algorithm>

namespace panelx::timeshift {

namespace {

qint64 endOf(const SegmentInfo &segment)
{
    return segment.startUtcMs + segment.durationMs;
}

QString iso(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODate);
}

Window notFound(const QString &sentence)
{
    Window window;
    window.status = 404;
    window.error = sentence;
    return window;
}

QString holds(const BufferSnapshot &buffer)
{
    return QStringLiteral("the buffer holds %1 to %2")
        .arg(iso(buffer.segments().first().startUtcMs), iso(endOf(buffer.segments().last())));
}

Window range(const BufferSnapshot &buffer, qint64 startUtcMs, qint64 endUtcMs, qint64 nowUtcMs,
    int targetDurationMs)
{
    const QList<SegmentInfo> &segments = buffer.segments();
    const qint64 oldest = segments.first().startUtcMs;
    const qint64 newestEnd = endOf(segments.last());
    if (endUtcMs <= oldest || startUtcMs >= newestEnd)
        return notFound(QStringLiteral("%1 to %2 is outside what this channel keeps: %3; ask "
                                       "for a time within it")
                            .arg(iso(startUtcMs), iso(endUtcMs), holds(buffer)));
    Window window;
    window.first = std::max(0, buffer.indexAt(startUtcMs));
    const int atEnd = buffer.indexAt(endUtcMs - 1);
    // The segment covering the last moment, or the last one before it when that is in a gap.
    window.last
        = atEnd >= buffer.size() || segments[atEnd].startUtcMs > endUtcMs - 1 ? atEnd - 1 : atEnd;
    if (window.last < window.first)
        return notFound(QStringLiteral("nothing was kept from %1 to %2 (the source was down); "
                                       "%3, with gaps: ask for a time the buffer holds")
                            .arg(iso(startUtcMs), iso(endUtcMs), holds(buffer)));
    // Complete when the range ends by the newest segment's end, or when the source has been
    // down longer than a segment takes (what exists is final).
    window.endList
        = endUtcMs <= newestEnd || endUtcMs <= nowUtcMs - longestSegmentMs(targetDurationMs);
    window.playlistType = window.endList ? "VOD" : "EVENT";
    return window;
}

Window toLive(
    const BufferSnapshot &buffer, qint64 startUtcMs, qint64 nowUtcMs, int targetDurationMs)
{
    Window window;
    window.last = buffer.size() - 1;
    window.first = std::max(0, buffer.indexAt(startUtcMs));
    if (window.first > window.last) {
        if (startUtcMs > nowUtcMs + longestSegmentMs(targetDurationMs))
            return notFound(QStringLiteral("%1 is in the future (it is %2 now); %3: ask for a "
                                           "time within it, or play live")
                                .arg(iso(startUtcMs), iso(nowUtcMs), holds(buffer)));
        window.first = window.last; // about now: from the newest segment
    }
    window.playlistType = "EVENT";
    return window;
}

Window delayed(const BufferSnapshot &buffer, qint64 delayMs, qint64 nowUtcMs)
{
    const QList<SegmentInfo> &segments = buffer.segments();
    const qint64 cutoff = nowUtcMs - delayMs;
    // The newest segment that ended by the cutoff.
    const auto after = std::upper_bound(segments.begin(), segments.end(), cutoff,
        [](qint64 t, const SegmentInfo &segment) { return t < endOf(segment); });
    Window window;
    window.last = int(after - segments.begin()) - 1;
    if (window.last < 0) {
        const qint64 maxDelayS = std::max<qint64>(0, (nowUtcMs - endOf(segments.first())) / 1000);
        return notFound(QStringLiteral("a delay of %1 s reaches back before the buffer (%2); ask "
                                       "for a delay of at most %3 s")
                            .arg(delayMs / 1000)
                            .arg(holds(buffer))
                            .arg(maxDelayS));
    }
    window.first = std::max(0, window.last - (kLiveWindowSegments - 1));
    return window;
}

} // namespace

Window selectWindow(const BufferSnapshot &buffer, const CatchupRequest &request, qint64 nowUtcMs,
    int targetDurationMs)
{
    if (buffer.isEmpty())
        return notFound(QStringLiteral("this channel's buffer is empty (the channel is stopped, "
                                       "or its source has sent nothing yet): start the channel, "
                                       "or ask again once it is live"));
    switch (request.kind) {
    case WindowKind::Range:
        return range(buffer, request.startUtcMs, request.endUtcMs, nowUtcMs, targetDurationMs);
    case WindowKind::ToLive:
        return toLive(buffer, request.startUtcMs, nowUtcMs, targetDurationMs);
    case WindowKind::Delayed:
        return delayed(buffer, request.delayMs, nowUtcMs);
    case WindowKind::Live:
        break;
    }
    Window window;
    window.last = buffer.size() - 1;
    window.first = std::max(0, window.last - (kLiveWindowSegments - 1));
    return window;
}

RenderedWindow renderWindow(
    const BufferSnapshot &buffer, const Window &window, int targetDurationMs)
{
    RenderedWindow rendered;
    const QByteArrayView lines = buffer.lines(window.first, window.last);
    if (window.status != 200 || lines.isEmpty())
        return rendered;
    const SegmentInfo &first = buffer.segments().at(window.first);
    rendered.header.reserve(160);
    playlist::appendMediaHeader(rendered.header,
        playlist::targetDurationCovering(targetDurationMs, buffer.longestDurationMs()),
        first.sequence, first.discontinuitySequence, window.playlistType);
    rendered.body = lines.data();
    rendered.bodyLength = lines.size();
    if (window.endList)
        rendered.trailer = QByteArrayLiteral("#EXT-X-ENDLIST\n");
    return rendered;
}

} // namespace panelx::timeshift
