// Playlists rendered on request from the index: pure functions, no I/O.
#pragma once

#include "ChannelTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <span>

namespace panelx::playlist {

// The EXT-X-VERSION of every playlist here, media and master alike.
inline constexpr int kVersion = 3;

struct MediaOptions {
    // Segment URI = uriPrefix + sequence + ".ts" (relative or absolute).
    QString uriPrefix;
    // The channel's target segment duration. EXT-X-TARGETDURATION is derived from it alone
    // (the longest segment the segmenter cuts, longestSegmentMs, in whole seconds rounded up),
    // so it stays the same on every reload whatever segments the window holds (RFC 8216 6.2.1).
    int targetDurationMs = kDefaultSegmentDurationMs;
    bool endList = false; // VOD / finished event
    QString playlistType; // "", "EVENT" or "VOD"
};

// A media playlist over `segments` (oldest first). EXT-X-MEDIA-SEQUENCE and
// EXT-X-DISCONTINUITY-SEQUENCE come from the first segment; EXT-X-PROGRAM-DATE-TIME is on every
// segment; EXT-X-DISCONTINUITY before every segment but the first that has the flag.
QByteArray renderMedia(const QList<SegmentInfo> &segments, const MediaOptions &options);

// The two halves of renderMedia, for renderers that keep segment lines pre-rendered (the
// timeshift buffer): writing the format in one place keeps their bytes the same.
// The header: #EXTM3U, version, EXT-X-TARGETDURATION (from targetDurationMs as MediaOptions
// says), EXT-X-MEDIA-SEQUENCE, EXT-X-DISCONTINUITY-SEQUENCE, and EXT-X-PLAYLIST-TYPE when given.
void appendMediaHeader(QByteArray &out, int targetDurationMs, qint64 mediaSequence,
    qint64 discontinuitySequence, QByteArrayView playlistType);
inline constexpr QByteArrayView kDiscontinuityTag = "#EXT-X-DISCONTINUITY\n";
// One segment's lines: kDiscontinuityTag when `discontinuityTag`, EXT-X-PROGRAM-DATE-TIME,
// EXTINF and the URI (uriPrefix + sequence + ".ts").
void appendSegmentLines(
    QByteArray &out, const SegmentInfo &segment, QByteArrayView uriPrefix, bool discontinuityTag);
// The smallest target duration, at least targetDurationMs, whose longestSegmentMs covers a
// segment of segmentMs: what a playlist declares so that no EXTINF exceeds it.
int targetDurationCovering(int targetDurationMs, qint64 segmentMs);

// The segments of `segments` (oldest first) from the newest back to the first gap in their
// numbering. A live window shows only this newest run: a ladder rendition's numbers may skip
// when it is brought into step with the other rungs (SegmentStore::commit), and a media
// playlist numbers its segments one by one from EXT-X-MEDIA-SEQUENCE.
QList<SegmentInfo> newestRun(QList<SegmentInfo> segments);

// Bits per second of a rendition's segments, each segment's being sizeBytes * 8 / duration.
struct Bandwidth {
    qint64 peakBitsPerSecond = 0; // the highest segment's: BANDWIDTH
    qint64 averageBitsPerSecond = 0; // all bits over all time: AVERAGE-BANDWIDTH; 0 = unknown
    bool operator==(const Bandwidth &) const = default;
};

// Fewer segments than this (of non-zero duration) say too little of a rendition's rate: the
// configured bandwidth stands in for the measurement until then.
inline constexpr int kMinSegmentsToMeasure = 3;

// The peak and the average over `segments`, rounded up to whole bits per second (a player
// must not meet a segment above the BANDWIDTH it was promised); segments of zero duration are
// left out. With fewer than kMinSegmentsToMeasure of them: the peak is
// `configuredBitsPerSecond` and the average unknown (0).
Bandwidth measureBandwidth(std::span<const SegmentInfo> segments, qint64 configuredBitsPerSecond);

// One EXT-X-STREAM-INF of a master playlist.
struct Variant {
    QString uri; // the variant's media playlist, relative or absolute
    qint64 bandwidth = 0; // bits per second, the peak
    qint64 averageBandwidth = 0; // bits per second; 0 = not declared
    QString codecs; // RFC 6381, "avc1.64001f,mp4a.40.2"; empty = not declared
    int width = 0; // RESOLUTION when both are > 0
    int height = 0;
    double frameRate = 0; // FRAME-RATE with three decimals when > 0
    bool operator==(const Variant &) const = default;
};

// #EXTM3U, kVersion, EXT-X-INDEPENDENT-SEGMENTS (every segment starts with a keyframe) and one
// EXT-X-STREAM-INF + URI per variant, highest first: by picture height, then by bandwidth, so
// the order stays put while measured bandwidths move.
QByteArray renderMaster(QList<Variant> variants);

// "2026-11-25T16:40:00.000Z": ISO 8601 in UTC with milliseconds, as EXT-X-PROGRAM-DATE-TIME.
QByteArray formatProgramDateTime(qint64 utcMs);

struct ChannelEntry {
    QString name;
    QString url; // absolute playlist URL
    QString tvgId; // stable id for EPG matching (the slug); the name when empty
    // Catch-up as Kodi's pvr.iptvsimple and other apps read it (catchup="default"): the URL
    // template with Kodi's placeholders, and the whole days the buffer holds. None when empty.
    QString catchupSource;
    int catchupDays = 0;
};
// An extended M3U (#EXTM3U / #EXTINF:-1 tvg-name=...,Name / URL) for IPTV apps and VLC.
// M3U has no escape syntax: '"' in attributes becomes '\'' and line breaks become spaces.
QByteArray renderChannelList(const QList<ChannelEntry> &channels);

struct RecordingEntry {
    QString title;
    qint64 durationMs = 0;
    QString url; // absolute playlist URL
};
// The same extended M3U for finished recordings: "#EXTINF:<whole seconds> tvg-name=...
// group-title="Recordings",Title", so IPTV apps show them as one group of video on demand.
QByteArray renderRecordingList(const QList<RecordingEntry> &recordings);

} // namespace panelx::playlist
