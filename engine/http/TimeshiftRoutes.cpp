#include "TimeshiftRoutes.h"

#include "ChannelDirectory.h"
#include "hls/SegmentStore.h"
#include "http/LiveRoutes.h"
#include "http/MasterPlaylists.h"
#include "http/Routes.h"
#include "timeshift/BufferIndex.h"
#include "timeshift/Window.h"
#include "transcode/RenditionDirectory.h"

#include <QDateTime>

namespace panelx::http {

namespace {

const QByteArray kMediaPlaylistType = QByteArrayLiteral("application/vnd.apple.mpegurl");
const QByteArray kSegmentType = QByteArrayLiteral("video/mp2t");
const QByteArray kNoCache = QByteArrayLiteral("no-cache");
const QByteArray kNoStore = QByteArrayLiteral("no-store");
const QByteArray kJpegType = QByteArrayLiteral("image/jpeg");
// A past moment's still never changes.
const QByteArray kStillCache = QByteArrayLiteral("public, max-age=86400");

QString iso(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODate);
}

// What a window's playlist points into, kept until its last byte is sent.
struct HeldWindow {
    std::shared_ptr<const timeshift::BufferSnapshot> snapshot;
    QByteArray header;
    QByteArray trailer;
};

} // namespace

TimeshiftRoutes::TimeshiftRoutes(const ChannelDirectory &channels, const SegmentStore &store,
    timeshift::BufferIndex &buffers, LiveRoutes &live, const RenditionDirectory *renditions)
    : m_channels(channels), m_store(store), m_buffers(buffers), m_live(live),
      m_renditions(renditions)
{
}

std::optional<ChannelConfig> TimeshiftRoutes::channel(
    const QString &slugOrId, Answer *refusal) const
{
    LiveRoutes::Lookup lookup = m_live.onAir(slugOrId);
    if (lookup.channel)
        return lookup.channel;
    // Xtream forms name the channel by id.
    const qint64 id = parseDecimal(slugOrId.toStdString());
    if (id > 0 && !m_channels.bySlug(slugOrId)) {
        if (const std::optional<ChannelConfig> byId = m_channels.byId(id)) {
            lookup = m_live.onAir(byId->slug);
            if (lookup.channel)
                return lookup.channel;
        }
    }
    *refusal = lookup.refusal;
    return std::nullopt;
}

Answer TimeshiftRoutes::answer(const timeshift::CatchupRequest &request, qint64 nowUtcMs)
{
    Answer refusal;
    const std::optional<ChannelConfig> found = channel(request.channel, &refusal);
    if (!found)
        return refusal;
    const ChannelConfig &channel = *found;
    const bool stream = request.body == timeshift::BodyKind::TransportStream;
    if (request.kind == timeshift::WindowKind::Live)
        return stream ? m_live.stream(channel.slug) : m_live.channelPlaylist(channel.slug);
    if (!stream && request.rendition.isEmpty() && request.kind != timeshift::WindowKind::Delayed)
        if (std::optional<Answer> ladder = master(channel, request, nowUtcMs))
            return *ladder;

    const QString rendition = request.rendition.isEmpty() ? kSourceRendition : request.rendition;
    std::shared_ptr<const timeshift::BufferSnapshot> snapshot
        = m_buffers.snapshot(channel, rendition, nowUtcMs);
    const timeshift::Window window
        = timeshift::selectWindow(*snapshot, request, nowUtcMs, channel.segmentDurationMs);
    if (window.status != 200)
        return textAnswer(window.status, window.error);

    Answer answer;
    answer.viewerOf = channel.id;
    if (stream) {
        const QList<SegmentInfo> &segments = snapshot->segments();
        SegmentStream body {channel.id, rendition, segments[window.first].sequence};
        if (window.endList) {
            body.lastSequence = segments[window.last].sequence;
            body.length = 0;
            for (int i = window.first; i <= window.last; ++i)
                body.length += segments[i].sizeBytes;
        } else if (request.kind == timeshift::WindowKind::Range) {
            body.endUtcMs = request.endUtcMs; // on the air still: it ends where the range does
        }
        answer.contentType = kSegmentType;
        answer.cacheControl = kNoStore;
        answer.stream = body;
        return answer;
    }
    const timeshift::RenderedWindow rendered
        = timeshift::renderWindow(*snapshot, window, channel.segmentDurationMs);
    auto held = std::make_shared<HeldWindow>(
        HeldWindow {std::move(snapshot), rendered.header, rendered.trailer});
    answer.contentType = kMediaPlaylistType;
    answer.cacheControl = kNoCache;
    answer.parts = {QByteArrayView(held->header),
        QByteArrayView(rendered.body, rendered.bodyLength), QByteArrayView(held->trailer)};
    answer.owner = std::move(held);
    return answer;
}

std::optional<Answer> TimeshiftRoutes::master(
    const ChannelConfig &channel, const timeshift::CatchupRequest &request, qint64 nowUtcMs)
{
    if (!m_renditions)
        return std::nullopt;
    // Whole seconds, as the variant's form takes them, widened so the window stays the same.
    QString query = QStringLiteral("?start=%1").arg(request.startUtcMs / 1000);
    if (request.kind == timeshift::WindowKind::Range)
        query += QStringLiteral("&end=%1").arg((request.endUtcMs + 999) / 1000);
    QList<playlist::Variant> variants;
    for (const RenditionInfo &rendition : m_renditions->known(channel.id)) {
        const std::shared_ptr<const timeshift::BufferSnapshot> snapshot
            = m_buffers.snapshot(channel, rendition.rendition, nowUtcMs);
        const timeshift::Window window
            = timeshift::selectWindow(*snapshot, request, nowUtcMs, channel.segmentDurationMs);
        if (window.status != 200)
            continue;
        variants.append(masterVariant(
            QStringLiteral("/timeshift/%1/%2.m3u8").arg(channel.slug, rendition.rendition) + query,
            rendition,
            {snapshot->segments().constData() + window.first,
                size_t(window.last - window.first + 1)}));
    }
    if (variants.isEmpty())
        return std::nullopt;
    return masterAnswer(variants, channel.id);
}

TimeshiftRoutes::Still TimeshiftRoutes::still(
    const QString &slugOrId, qint64 utcMs, qint64 nowUtcMs)
{
    Still still;
    Answer refusal;
    const std::optional<ChannelConfig> found = channel(slugOrId, &refusal);
    if (!found) {
        still.refusal = refusal;
        return still;
    }
    const std::shared_ptr<const timeshift::BufferSnapshot> snapshot
        = m_buffers.snapshot(*found, kSourceRendition, nowUtcMs);
    const int index = snapshot->indexAt(utcMs);
    if (index < 0 || index >= snapshot->size()) {
        still.refusal = textAnswer(404,
            snapshot->isEmpty()
                ? QStringLiteral("channel \"%1\" keeps no buffer yet; ask again once it is live")
                      .arg(found->name)
                : QStringLiteral("%1 is outside what channel \"%2\" keeps (%3 to %4); ask for a "
                                 "moment within it")
                      .arg(iso(utcMs), found->name, iso(snapshot->segments().first().startUtcMs),
                          iso(snapshot->segments().last().startUtcMs
                              + snapshot->segments().last().durationMs)));
        return still;
    }
    const SegmentInfo &segment = snapshot->segments().at(index);
    still.segmentFile = m_store.segmentPath(segment.channelId, segment.rendition, segment.sequence);
    return still;
}

Answer TimeshiftRoutes::stillAnswer(const QByteArray &jpeg)
{
    Answer answer;
    answer.contentType = kJpegType;
    answer.cacheControl = kStillCache;
    answer.body = jpeg;
    return answer;
}

} // namespace panelx::http
