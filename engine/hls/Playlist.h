// Playlists rendered on request from the index: pure functions, no I/O.
#pragma once

#include "ChannelTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace panelx::playlist {

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
