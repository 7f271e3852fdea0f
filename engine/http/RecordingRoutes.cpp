#include "RecordingRoutes.h"

#include "ChannelDirectory.h"
#include "dvr/RecordingDirectory.h"
#include "hls/Playlist.h"
#include "hls/SegmentStore.h"
#include "http/MasterPlaylists.h"
#include "transcode/RenditionDirectory.h"

#include <QDateTime>
#include <algorithm>

namespace panelx::http {

namespace {

const QByteArray kMediaPlaylistType = QByteArrayLiteral("application/vnd.apple.mpegurl");
const QByteArray kListType = QByteArrayLiteral("audio/x-mpegurl");
const QByteArray kSegmentType = QByteArrayLiteral("video/mp2t");
const QByteArray kMp4Type = QByteArrayLiteral("video/mp4");
const QByteArray kNoCache = QByteArrayLiteral("no-cache");
const QByteArray kImmutable = QByteArrayLiteral("public, max-age=31536000, immutable");
const QString kFileGone = QStringLiteral(
    "the file is gone (its recording was deleted or cleaned up); reload the recordings list");
// A scheduled recording's playlist is asked for again at most this long before it starts.
constexpr qint64 kMaxRetryAfterS = 3600;

Answer unknown(qint64 recordingId)
{
    return textAnswer(404,
        QStringLiteral("there is no recording %1 (it may have been deleted); the finished "
                       "recordings are listed at /recordings.m3u")
            .arg(recordingId));
}

// Why a done recording has nothing to play.
Answer empty(const Recording &recording)
{
    return textAnswer(404,
        recording.reason.isEmpty()
            ? QStringLiteral("recording \u201c%1\u201d holds no media: its channel sent nothing "
                             "while it ran")
                  .arg(recording.title)
            : QStringLiteral("recording \u201c%1\u201d holds no media: %2")
                  .arg(recording.title, recording.reason));
}

bool isFileSystemUnsafe(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f || QStringLiteral("/\\:*?\"<>|").contains(c);
}

} // namespace

QByteArray renderRecordingPlaylist(const Recording &recording, const QList<SegmentInfo> &segments,
    int channelTargetMs, const QString &rendition)
{
    // renderMedia declares longestSegmentMs(target) = target * 3 / 2: a target of two thirds of
    // the longest segment, rounded up, declares at least that segment.
    int targetMs = channelTargetMs;
    for (const SegmentInfo &segment : segments)
        targetMs = std::max<qint64>(targetMs, (segment.durationMs * 2 + 2) / 3);
    playlist::MediaOptions options;
    options.uriPrefix = rendition == kSourceRendition
        ? QStringLiteral("/recordings/%1/").arg(recording.id)
        : QStringLiteral("/recordings/%1/%2/").arg(recording.id).arg(rendition);
    options.targetDurationMs = targetMs;
    options.endList = isDone(recording.state);
    options.playlistType = options.endList ? QStringLiteral("VOD") : QStringLiteral("EVENT");
    return playlist::renderMedia(segments, options);
}

bool belongsTo(const SegmentInfo &segment, const Recording &recording)
{
    return segment.channelId == recording.channelId && segment.startUtcMs < recording.endUtcMs
        && segment.startUtcMs + segment.durationMs > recording.startUtcMs;
}

QString downloadFileName(const QString &title, qint64 startUtcMs, const QTimeZone &zone)
{
    QString name = title.simplified();
    for (QChar &c : name)
        if (isFileSystemUnsafe(c))
            c = u'_';
    while (name.startsWith(u'.'))
        name.remove(0, 1); // no hidden file
    const QString start = QDateTime::fromMSecsSinceEpoch(startUtcMs, zone)
                              .toString(QStringLiteral("yyyy-MM-dd HH-mm"));
    return (name.isEmpty() ? start : name + u' ' + start) + QStringLiteral(".mp4");
}

QByteArray contentDisposition(const QString &fileName)
{
    QByteArray ascii;
    ascii.reserve(fileName.size());
    bool plain = true;
    for (const QChar c : fileName) {
        // Quotes, backslashes and % are read as syntax or escapes by some clients.
        const bool safe
            = c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\' && c != u'%';
        ascii += safe ? char(c.unicode()) : '_';
        plain = plain && safe;
    }
    QByteArray value = "attachment; filename=\"" + ascii + '"';
    if (!plain) // RFC 8187 attr-char stay as they are
        value += "; filename*=UTF-8''" + fileName.toUtf8().toPercentEncoding("!#$&+^`|");
    return value;
}

RecordingRoutes::RecordingRoutes(const RecordingDirectory &recordings, const SegmentStore &store,
    const ChannelDirectory &channels, const RenditionDirectory *renditions)
    : m_recordings(recordings), m_store(store), m_channels(channels), m_renditions(renditions)
{
}

QList<SegmentInfo> RecordingRoutes::segmentsOf(
    const Recording &recording, const QString &rendition) const
{
    return m_store.byTime(recording.channelId, rendition, recording.startUtcMs, recording.endUtcMs);
}

int RecordingRoutes::targetDurationMs(qint64 channelId) const
{
    // A channel with recordings cannot be deleted; the default covers a race with its removal.
    const std::optional<ChannelConfig> channel = m_channels.byId(channelId);
    return channel ? channel->segmentDurationMs : kDefaultSegmentDurationMs;
}

Answer RecordingRoutes::playlist(qint64 recordingId) const
{
    const std::optional<Recording> recording = m_recordings.byId(recordingId);
    if (!recording)
        return unknown(recordingId);
    QList<playlist::Variant> variants;
    if (m_renditions)
        for (const RenditionInfo &rendition : m_renditions->known(recording->channelId)) {
            const QList<SegmentInfo> segments = segmentsOf(*recording, rendition.rendition);
            if (!segments.isEmpty())
                variants.append(masterVariant(QStringLiteral("/recordings/%1/%2.m3u8")
                                                  .arg(recordingId)
                                                  .arg(rendition.rendition),
                    rendition, {segments.constData(), size_t(segments.size())}));
        }
    if (!variants.isEmpty())
        return masterAnswer(variants, 0);
    return mediaPlaylist(*recording, kSourceRendition);
}

Answer RecordingRoutes::playlist(qint64 recordingId, const QString &rendition) const
{
    const std::optional<Recording> recording = m_recordings.byId(recordingId);
    if (!recording)
        return unknown(recordingId);
    return mediaPlaylist(*recording, rendition);
}

Answer RecordingRoutes::mediaPlaylist(const Recording &recording, const QString &rendition) const
{
    const QList<SegmentInfo> segments = segmentsOf(recording, rendition);
    const int targetMs = targetDurationMs(recording.channelId);
    if (segments.isEmpty()) {
        if (isDone(recording.state) && rendition != kSourceRendition)
            return textAnswer(404,
                QStringLiteral("recording \u201c%1\u201d holds no %2 rendition; "
                               "/recordings/%3.m3u8 plays what it holds")
                    .arg(recording.title, rendition)
                    .arg(recording.id));
        if (isDone(recording.state))
            return empty(recording);
        // An EVENT playlist may only grow: one without segments would have to change its
        // EXT-X-MEDIA-SEQUENCE when the first arrives (RFC 8216 6.2.1), so there is none yet.
        const qint64 segmentS = std::max(1, (targetMs + 999) / 1000);
        const qint64 untilStartS
            = (recording.startUtcMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000;
        if (untilStartS > 0) {
            const qint64 retryS = std::min(kMaxRetryAfterS, untilStartS + segmentS);
            return textAnswer(503,
                QStringLiteral("recording \u201c%1\u201d starts in %2 s; retry in %3 s")
                    .arg(recording.title)
                    .arg(untilStartS)
                    .arg(retryS),
                retryS);
        }
        return textAnswer(503,
            QStringLiteral("recording \u201c%1\u201d has no segment yet (its channel is starting "
                           "or its source is down); retry in %2 s")
                .arg(recording.title)
                .arg(segmentS),
            segmentS);
    }
    Answer answer;
    answer.contentType = kMediaPlaylistType;
    answer.cacheControl = kNoCache;
    answer.body = renderRecordingPlaylist(recording, segments, targetMs, rendition);
    return answer;
}

Answer RecordingRoutes::segment(qint64 recordingId, const QString &rendition, qint64 sequence) const
{
    const std::optional<Recording> recording = m_recordings.byId(recordingId);
    if (!recording)
        return unknown(recordingId);
    const QList<SegmentInfo> found
        = m_store.bySequence(recording->channelId, rendition, sequence, sequence);
    if (found.isEmpty() || !belongsTo(found.first(), *recording))
        return textAnswer(404,
            QStringLiteral("segment %1 (%2) is not part of recording \u201c%3\u201d; reload "
                           "/recordings/%4.m3u8")
                .arg(sequence)
                .arg(rendition, recording->title)
                .arg(recordingId));
    Answer answer;
    answer.contentType = kSegmentType;
    answer.cacheControl = kImmutable;
    answer.file = m_store.segmentPath(recording->channelId, rendition, sequence);
    answer.gone = kFileGone;
    return answer;
}

Answer RecordingRoutes::list(const QString &baseUrl) const
{
    QList<Recording> recordings = m_recordings.all();
    std::reverse(recordings.begin(), recordings.end()); // the newest first, as apps list them
    QList<playlist::RecordingEntry> entries;
    for (const Recording &recording : std::as_const(recordings)) {
        if (!isDone(recording.state))
            continue;
        const QList<SegmentInfo> segments = segmentsOf(recording, kSourceRendition);
        if (segments.isEmpty())
            continue;
        qint64 durationMs = 0;
        for (const SegmentInfo &segment : segments)
            durationMs += segment.durationMs;
        entries.append({recording.title, durationMs,
            baseUrl + QStringLiteral("/recordings/%1.m3u8").arg(recording.id)});
    }
    Answer answer;
    answer.contentType = kListType;
    answer.cacheControl = kNoCache;
    answer.body = playlist::renderRecordingList(entries);
    return answer;
}

RecordingRoutes::Download RecordingRoutes::download(qint64 recordingId) const
{
    Download download;
    const std::optional<Recording> recording = m_recordings.byId(recordingId);
    if (!recording) {
        download.refusal = unknown(recordingId);
        return download;
    }
    download.recording = *recording;
    if (recording->state == RecordingState::Scheduled) {
        download.refusal = textAnswer(409,
            QStringLiteral("recording \u201c%1\u201d has not started yet; the MP4 is ready when "
                           "it ends")
                .arg(recording->title));
        return download;
    }
    if (!isDone(recording->state)) {
        download.refusal = textAnswer(409,
            QStringLiteral("recording \u201c%1\u201d is still recording; /recordings/%2.m3u8 "
                           "plays it now, and the MP4 is ready when it ends")
                .arg(recording->title)
                .arg(recordingId));
        return download;
    }
    download.segments = segmentsOf(*recording, kSourceRendition);
    if (download.segments.isEmpty())
        download.refusal = empty(*recording);
    return download;
}

Answer RecordingRoutes::exportFile(
    const Recording &recording, const QString &file, const QTimeZone &zone)
{
    Answer answer;
    answer.contentType = kMp4Type;
    // The title may change; the file of a done recording does not, but is made again if its
    // segments do (ExportCache).
    answer.cacheControl = kNoCache;
    answer.file = file;
    answer.gone = kFileGone;
    answer.headers.append({"Content-Disposition",
        contentDisposition(downloadFileName(recording.title, recording.startUtcMs, zone))});
    return answer;
}

} // namespace panelx::http
