#include "LiveRoutes.h"

#include "ChannelDirectory.h"
#include "hls/Playlist.h"
#include "hls/SegmentStore.h"
#include "http/MasterPlaylists.h"
#include "timeshift/CatchupRequest.h"
#include "transcode/RenditionDirectory.h"

#include <algorithm>

namespace panelx::http {

namespace {

const QByteArray kMediaPlaylistType = QByteArrayLiteral("application/vnd.apple.mpegurl");
const QByteArray kChannelListType = QByteArrayLiteral("audio/x-mpegurl");
const QByteArray kSegmentType = QByteArrayLiteral("video/mp2t");
const QByteArray kNoCache = QByteArrayLiteral("no-cache");
const QByteArray kNoStore = QByteArrayLiteral("no-store");
const QByteArray kImmutable = QByteArrayLiteral("public, max-age=31536000, immutable");
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

} // namespace

LiveRoutes::LiveRoutes(const SegmentStore &store, const ChannelDirectory &channels,
    const RenditionDirectory *renditions)
    : m_store(store), m_channels(channels), m_renditions(renditions)
{
}

Answer LiveRoutes::switchedOff(const ChannelConfig &channel)
{
    return textAnswer(404,
        QStringLiteral("channel \"%1\" is switched off; enable it in PanelX to watch it")
            .arg(channel.name));
}

Answer LiveRoutes::noSegmentYet(const ChannelConfig &channel)
{
    const int retryS = std::max(1, (channel.segmentDurationMs + 999) / 1000);
    Answer answer = textAnswer(503,
        QStringLiteral("channel \"%1\" has no segment yet (it is starting or its source is "
                       "down); retry in %2 s")
            .arg(channel.name)
            .arg(retryS),
        retryS);
    answer.viewerOf = channel.id;
    return answer;
}

LiveRoutes::Lookup LiveRoutes::onAir(const QString &slug) const
{
    Lookup lookup;
    const std::optional<ChannelConfig> channel = m_channels.bySlug(slug);
    if (!channel)
        lookup.refusal = textAnswer(404,
            QStringLiteral("there is no channel \"%1\"; the list of channels is at /playlist.m3u")
                .arg(slug));
    else if (!channel->enabled)
        lookup.refusal = switchedOff(*channel);
    else
        lookup.channel = channel;
    return lookup;
}

Answer LiveRoutes::channelPlaylist(const QString &slug)
{
    const Lookup lookup = onAir(slug);
    if (!lookup.channel)
        return lookup.refusal;
    const ChannelConfig &channel = *lookup.channel;
    const QList<RenditionInfo> ladder
        = m_renditions ? m_renditions->live(channel.id) : QList<RenditionInfo>();
    if (ladder.isEmpty())
        return mediaPlaylist(channel, kSourceRendition);
    // Not cached: reading each rendition's newest segments from memory, which decides it, costs
    // about as much as rendering these few lines.
    QList<playlist::Variant> variants;
    for (const RenditionInfo &rendition : ladder) {
        const QList<SegmentInfo> window = playlist::newestRun(
            m_store.latest(channel.id, rendition.rendition, kLiveWindowSegments));
        if (window.isEmpty())
            continue; // a rung just added: listed once its playlist has a segment to play
        variants.append(
            masterVariant(QStringLiteral("/live/%1/%2.m3u8").arg(channel.slug, rendition.rendition),
                rendition, {window.constData(), size_t(window.size())}));
    }
    if (variants.isEmpty())
        return noSegmentYet(channel);
    return masterAnswer(variants, channel.id);
}

Answer LiveRoutes::playlist(const QString &slug, const QString &rendition)
{
    const Lookup lookup = onAir(slug);
    if (!lookup.channel)
        return lookup.refusal;
    return mediaPlaylist(*lookup.channel, rendition);
}

Answer LiveRoutes::mediaPlaylist(const ChannelConfig &channel, const QString &rendition)
{
    const std::optional<SegmentInfo> newest = m_store.last(channel.id, rendition);
    if (!newest)
        return noSegmentYet(channel);
    const LiveWindowVersion version {
        newest->sequence, newest->startUtcMs, channel.segmentDurationMs};
    Answer answer;
    answer.contentType = kMediaPlaylistType;
    answer.cacheControl = kNoCache;
    answer.viewerOf = channel.id;
    const LiveResponseCache::Body body = m_cache.body(channel.id, rendition, version, [&] {
        playlist::MediaOptions options;
        options.uriPrefix = QStringLiteral("/seg/%1/%2/").arg(channel.id).arg(rendition);
        options.targetDurationMs = channel.segmentDurationMs;
        return playlist::renderMedia(
            playlist::newestRun(m_store.latest(channel.id, rendition, kLiveWindowSegments)),
            options);
    });
    answer.parts = {QByteArrayView(*body)};
    answer.owner = body;
    return answer;
}

Answer LiveRoutes::stream(const QString &slug) const
{
    const Lookup lookup = onAir(slug);
    if (!lookup.channel)
        return lookup.refusal;
    const ChannelConfig &channel = *lookup.channel;
    const std::optional<SegmentInfo> newest = m_store.last(channel.id, kSourceRendition);
    if (!newest)
        return noSegmentYet(channel);
    Answer answer;
    answer.contentType = kSegmentType;
    answer.cacheControl = kNoStore;
    answer.viewerOf = channel.id;
    answer.stream = SegmentStream {channel.id, kSourceRendition, newest->sequence};
    return answer;
}

Answer LiveRoutes::segment(qint64 channelId, const QString &rendition, qint64 sequence) const
{
    // The files of a disabled channel stay in its buffer, and a deleted channel's may not be
    // gone yet: the directory, not the folder, says what is on air.
    const std::optional<ChannelConfig> channel = m_channels.byId(channelId);
    if (!channel)
        return textAnswer(404,
            QStringLiteral("there is no channel %1 (it may have been deleted); the list of "
                           "channels is at /playlist.m3u")
                .arg(channelId));
    if (!channel->enabled)
        return switchedOff(*channel);
    Answer answer;
    answer.contentType = kSegmentType;
    answer.cacheControl = kImmutable;
    answer.viewerOf = channelId;
    // Built from the parsed numbers and the checked rendition only, never from request text.
    answer.file = m_store.segmentPath(channelId, rendition, sequence);
    answer.gone = QStringLiteral("segment %1 of channel %2 (%3) is not in the buffer: it is older "
                                 "than the channel's buffer or not made yet; reload the playlist")
                      .arg(sequence)
                      .arg(channelId)
                      .arg(rendition);
    return answer;
}

Answer LiveRoutes::channelList(const QString &baseUrl) const
{
    QList<playlist::ChannelEntry> entries;
    for (const ChannelConfig &channel : m_channels.all())
        if (channel.enabled) {
            playlist::ChannelEntry entry;
            entry.name = channel.name;
            entry.tvgId = channel.slug; // stable across renames, unlike the name
            entry.url = baseUrl + QStringLiteral("/live/") + channel.slug + QStringLiteral(".m3u8");
            if (channel.bufferMs > 0) { // catch-up over the buffer, in whole days
                entry.catchupSource
                    = timeshift::catchupTemplates(baseUrl, channel.slug, channel.id).flussonic;
                entry.catchupDays
                    = int(std::max<qint64>(1, (channel.bufferMs + kDayMs - 1) / kDayMs));
            }
            entries.append(entry);
        }
    Answer answer;
    answer.contentType = kChannelListType;
    answer.cacheControl = kNoCache;
    answer.body = playlist::renderChannelList(entries);
    return answer;
}

} // namespace panelx::http
