// The pure half of the viewer HTTP server: request path -> route, Range header -> byte range,
// Host header -> base URL. No I/O, so every edge case is a table row in tests/http_routes.
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <string_view>

namespace panelx::http {

enum class RouteKind {
    Invalid = 0,
    BadPath, // not a path we could ever serve safely: 400 (traversal, encoded bytes, junk)
    NotFound, // well-formed but not one of ours: 404
    ChannelList, // /playlist.m3u
    LivePlaylist, // /live/<slug>.m3u8 or /live/<slug>/<rendition>.m3u8
    Segment, // /seg/<channelId>/<rendition>/<sequence>.ts
    RecordingList, // /recordings.m3u
    // /recordings/<id>.m3u8 (a master with the ladder's renditions, else the source's) or
    // /recordings/<id>/<rendition>.m3u8
    RecordingPlaylist,
    // /recordings/<id>/<sequence>.ts (the source rendition) or
    // /recordings/<id>/<rendition>/<sequence>.ts
    RecordingSegment,
    RecordingDownload, // /recordings/<id>.mp4
    Thumbnail, // /thumb/<channel slug or id>/<unix seconds>.jpg
};

struct Route {
    RouteKind kind = RouteKind::Invalid;
    std::string_view slug; // LivePlaylist, Thumbnail: a view into the parsed path
    // LivePlaylist and RecordingPlaylist (empty = the channel's: a master with the ladder, else
    // the source rendition), RecordingSegment (empty = the source rendition), Segment
    std::string_view rendition;
    qint64 channelId = 0; // Segment
    qint64 recordingId = 0; // Recording*
    qint64 sequence = 0; // Segment, RecordingSegment
    qint64 utcSeconds = 0; // Thumbnail
    const char *reason = ""; // BadPath / NotFound: why, in words
};

inline constexpr int kMaxSlugLength = 128;
inline constexpr int kMaxRenditionLength = 16;

// `path` is the raw request target without the query string, exactly as the client sent it
// (no percent-decoding has happened). Every component is checked against a strict grammar, so
// a file path is only ever built from the numbers and names this returns.
Route parseRoute(std::string_view path);

// Channel slugs: RFC 3986 unreserved characters, not starting with a dot, 1..kMaxSlugLength.
bool isValidSlug(std::string_view slug);
// The first path components the server answers itself (live, seg, recordings, api, …): a
// channel slug equal to one (in any case) would make /<slug>/… ambiguous.
bool isReservedSlug(std::string_view slug);
// The same list, for messages.
const QStringList &reservedSlugs();
// Renditions: [a-z0-9_-]{1,16}.
bool isValidRendition(std::string_view rendition);
// Decimal digits only, no sign, fits in qint64. nullopt-like: returns -1 when invalid.
qint64 parseDecimal(std::string_view digits);

enum class RangeKind {
    Invalid = 0,
    None, // no Range header, or one we ignore (malformed, multiple ranges, other unit): 200
    Satisfiable, // 206 with [first, last]
    Unsatisfiable, // 416 with Content-Range: bytes */size
};

struct ByteRange {
    RangeKind kind = RangeKind::Invalid;
    qint64 first = 0; // inclusive
    qint64 last = 0; // inclusive
    qint64 length() const { return last - first + 1; }
};

// RFC 9110 14.2: one "bytes=" range against a representation of `size` bytes. A header that
// does not parse, or asks for several ranges, is ignored (the whole file is a valid answer).
ByteRange parseRange(std::string_view header, qint64 size);

// "http://<host>" from the request's Host header when it is a plausible host[:port] (so nothing
// a client sends can inject text into a playlist); otherwise "http://<fallbackHostPort>".
QString baseUrl(std::string_view hostHeader, const QString &fallbackHostPort);

} // namespace panelx::http
