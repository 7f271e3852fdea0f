// The live area of the viewer server: a channel's live playlist, its segments, its continuous
// MPEG-TS body and the list of channels, as functions of the channel directory, the segment
// store and the request. The server only carries the answers (http/HttpServer.cpp).
#pragma once

#include "ChannelTypes.h"
#include "http/Answer.h"
#include "http/LiveResponseCache.h"

#include <QString>
#include <optional>

namespace panelx {

class ChannelDirectory;
class RenditionDirectory;
class SegmentStore;

namespace http {

class LiveRoutes {
public:
    // Segments in a live playlist: a sliding window over the newest segments.
    static constexpr int kLiveWindowSegments = 6;

    // `renditions`: what each channel's ladder makes; without it every channel is copy only.
    LiveRoutes(const SegmentStore &store, const ChannelDirectory &channels,
        const RenditionDirectory *renditions = nullptr);

    // /live/<slug>.m3u8 and /<slug>/index.m3u8: with the channel's ladder running, a master
    // playlist of its renditions (those that have a segment yet), each with BANDWIDTH measured
    // over its live window; else the source rendition's playlist.
    Answer channelPlaylist(const QString &slug);
    // /live/<slug>/<rendition>.m3u8: the newest run of consecutively numbered segments, at
    // most kLiveWindowSegments. The body is rendered once per window and shared by every
    // request until the rendition's newest segment changes.
    Answer playlist(const QString &slug, const QString &rendition);
    // /<slug>/mpegts: from the newest segment on, following live until the client leaves.
    Answer stream(const QString &slug) const;
    // /seg/<channelId>/<rendition>/<sequence>.ts
    Answer segment(qint64 channelId, const QString &rendition, qint64 sequence) const;
    // /playlist.m3u: every enabled channel's live playlist under `baseUrl` ("http://host:port"),
    // with catch-up advertised over its buffer (Kodi's catchup="default" and a Flussonic
    // template).
    Answer channelList(const QString &baseUrl) const;

    // The enabled channel called `slug`, or the answer that refuses it (unknown, switched off).
    struct Lookup {
        std::optional<ChannelConfig> channel;
        Answer refusal;
    };
    Lookup onAir(const QString &slug) const;

private:
    // The rendition's live media playlist, `channel` being on the air.
    Answer mediaPlaylist(const ChannelConfig &channel, const QString &rendition);
    // 503 with Retry-After: the channel has no segment yet.
    static Answer noSegmentYet(const ChannelConfig &channel);
    // 404: a channel that is switched off serves nothing, whether asked by slug or by id.
    static Answer switchedOff(const ChannelConfig &channel);

    const SegmentStore &m_store;
    const ChannelDirectory &m_channels;
    const RenditionDirectory *m_renditions;
    LiveResponseCache m_cache;
};

} // namespace http
} // namespace panelx
