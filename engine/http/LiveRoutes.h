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
class SegmentStore;

namespace http {

class LiveRoutes {
public:
    // Segments in a live playlist: a sliding window over the newest segments.
    static constexpr int kLiveWindowSegments = 6;

    LiveRoutes(const SegmentStore &store, const ChannelDirectory &channels);

    // /live/<slug>[/<rendition>].m3u8 and /<slug>/index.m3u8. The body is rendered once per
    // window and shared by every request until the channel's newest segment changes.
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
    // 503 with Retry-After: the channel has no segment yet.
    static Answer noSegmentYet(const ChannelConfig &channel);
    // 404: a channel that is switched off serves nothing, whether asked by slug or by id.
    static Answer switchedOff(const ChannelConfig &channel);

    const SegmentStore &m_store;
    const ChannelDirectory &m_channels;
    LiveResponseCache m_cache;
};

} // namespace http
} // namespace panelx
