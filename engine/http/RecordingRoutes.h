// The recordings' area of the viewer server (DESIGN.md principle 9): a recording's playlist, its
// segments, the list of finished recordings and what a download is answered with, as functions
// of the recording, its segments and the request. The server only carries the answers; the MP4
// itself is made by the ExportCache.
#pragma once

#include "ChannelTypes.h"
#include "dvr/Recording.h"
#include "http/Answer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace panelx {

class ChannelDirectory;
class RecordingDirectory;
class RenditionDirectory;
class SegmentStore;

namespace http {

// A recording's media playlist over its segments of one rendition (oldest first): EVENT while
// it is scheduled or recording, VOD with EXT-X-ENDLIST once done; segment URIs
// /recordings/<id>/<sequence>.ts for the source, /recordings/<id>/<rendition>/<sequence>.ts for
// another rendition. The target duration is the channel's (`channelTargetMs`), raised to cover
// a longer segment the recording kept from before a change of the channel's segment duration.
QByteArray renderRecordingPlaylist(const Recording &recording, const QList<SegmentInfo> &segments,
    int channelTargetMs, const QString &rendition = kSourceRendition);

// Whether a segment lies (at least partly) in the recording's range [start, end): the segments
// the store keeps for it and its playlist lists.
bool belongsTo(const SegmentInfo &segment, const Recording &recording);

// "News 2026-11-30 20-00.mp4": the title and the local start time in `zone`, with the
// characters file systems refuse (/ \ : * ? " < > | and control characters) as "_".
QString downloadFileName(const QString &title, qint64 startUtcMs, const QTimeZone &zone);
// RFC 6266: attachment; filename="<ASCII stand-in>", plus filename*=UTF-8''<percent-encoded>
// when the name is not plain ASCII.
QByteArray contentDisposition(const QString &fileName);

class RecordingRoutes {
public:
    // `renditions`: what each channel's ladder makes or made; without it recordings are of the
    // source rendition only.
    RecordingRoutes(const RecordingDirectory &recordings, const SegmentStore &store,
        const ChannelDirectory &channels, const RenditionDirectory *renditions = nullptr);

    // /recordings/<id>.m3u8: a master playlist when ladder renditions hold segments in the
    // recording's range (variants /recordings/<id>/<rendition>.m3u8), else the source's.
    Answer playlist(qint64 recordingId) const;
    // /recordings/<id>/<rendition>.m3u8
    Answer playlist(qint64 recordingId, const QString &rendition) const;
    // /recordings/<id>[/<rendition>]/<sequence>.ts: the segment file when the segment is one of
    // the recording's, whether or not its channel is on the air now.
    Answer segment(qint64 recordingId, const QString &rendition, qint64 sequence) const;
    // /recordings.m3u: every done recording that holds media, newest first, with playlist URLs
    // under `baseUrl` ("http://host:port").
    Answer list(const QString &baseUrl) const;

    // /recordings/<id>.mp4 before anything is exported: a refusal (unknown, still recording, no
    // media), or the recording and the segments to export.
    struct Download {
        std::optional<Answer> refusal;
        Recording recording;
        QList<SegmentInfo> segments;
    };
    Download download(qint64 recordingId) const;
    // The answer that sends a finished export of `recording` at `file`.
    static Answer exportFile(
        const Recording &recording, const QString &file, const QTimeZone &zone);

private:
    Answer mediaPlaylist(const Recording &recording, const QString &rendition) const;
    QList<SegmentInfo> segmentsOf(const Recording &recording, const QString &rendition) const;
    int targetDurationMs(qint64 channelId) const;

    const RecordingDirectory &m_recordings;
    const SegmentStore &m_store;
    const ChannelDirectory &m_channels;
    const RenditionDirectory *m_renditions;
};

} // namespace http
} // namespace panelx
