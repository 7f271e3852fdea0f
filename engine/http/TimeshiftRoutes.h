// The catch-up and timeshift area of the viewer server: every dialect's request, as
// timeshift::parseCatchup reads it, answered from a window of the channel's buffer snapshot (a
// playlist that is a header plus a slice of the snapshot's pre-rendered text, or a continuous
// MPEG-TS body of the window's segments). The server only carries the answers.
#pragma once

#include "ChannelTypes.h"
#include "http/Answer.h"
#include "timeshift/CatchupRequest.h"

#include <QString>
#include <optional>

namespace panelx {

class ChannelDirectory;
class RenditionDirectory;
class SegmentStore;

namespace timeshift {
class BufferIndex;
}

namespace http {

class LiveRoutes;

class TimeshiftRoutes {
public:
    // `renditions`: what each channel's ladder makes or made; without it windows are of the
    // source rendition only.
    TimeshiftRoutes(const ChannelDirectory &channels, const SegmentStore &store,
        timeshift::BufferIndex &buffers, LiveRoutes &live,
        const RenditionDirectory *renditions = nullptr);

    // The window `request` asks for as of `nowUtcMs`: 404 with the window's sentence when it is
    // outside the buffer. A playlist of a range, or of one from a moment to live, is a master
    // playlist when ladder renditions hold segments in it: its variants are the same window of
    // each rendition, /timeshift/<slug>/<rendition>.m3u8 with absolute start (and end), so they
    // agree however the request was put. Continuous MPEG-TS bodies and delayed live windows are
    // the source rendition's. (The server answers the live forms, /<slug>/index.m3u8 and
    // /<slug>/mpegts, from the live area, which keeps the live window rendered.)
    Answer answer(const timeshift::CatchupRequest &request, qint64 nowUtcMs);

    // /thumb/<channel>/<unix s>.jpg before the still is made: a refusal (unknown channel,
    // switched off, a moment outside the buffer), or the file of the segment covering utcMs
    // whose first picture is the still.
    struct Still {
        std::optional<Answer> refusal;
        QString segmentFile;
    };
    Still still(const QString &slugOrId, qint64 utcMs, qint64 nowUtcMs);
    // The answer that sends a made still: it never changes, so it may be cached for a day.
    static Answer stillAnswer(const QByteArray &jpeg);

private:
    // The enabled channel a request names (a slug, or a decimal id), or the refusal.
    std::optional<ChannelConfig> channel(const QString &slugOrId, Answer *refusal) const;
    // The master playlist of the window over the ladder's renditions; nothing when none of them
    // holds a segment in it.
    std::optional<Answer> master(
        const ChannelConfig &channel, const timeshift::CatchupRequest &request, qint64 nowUtcMs);

    const ChannelDirectory &m_channels;
    const SegmentStore &m_store;
    timeshift::BufferIndex &m_buffers;
    LiveRoutes &m_live;
    const RenditionDirectory *m_renditions;
};

} // namespace http
} // namespace panelx
