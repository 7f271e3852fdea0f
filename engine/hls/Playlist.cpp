#include "Playlist.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>

namespace panelx::playlist {

namespace {

// Floor division, so instants before 1970 land on the right day too.
qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

template<size_t N> char *appendText(char *p, const char (&text)[N])
{
    std::memcpy(p, text, N - 1);
    return p + N - 1;
}

// Integer arithmetic: 4004 ms is "4.004", never "4.003999". `p` has room for 24 characters.
char *appendMillisAsSeconds(char *p, qint64 ms)
{
    if (ms < 0)
        ms = 0;
    p = std::to_chars(p, p + 20, ms / 1000).ptr;
    *p++ = '.';
    const qint64 fraction = ms % 1000;
    *p++ = char('0' + fraction / 100);
    *p++ = char('0' + fraction / 10 % 10);
    *p++ = char('0' + fraction % 10);
    return p;
}

QByteArray attribute(const QString &value)
{
    QString clean = value;
    clean.replace(u'"', u'\'');
    clean.replace(u'\r', u' ');
    clean.replace(u'\n', u' ');
    return clean.toUtf8();
}

QByteArray oneLine(const QString &value)
{
    QString clean = value;
    clean.replace(u'\r', u' ');
    clean.replace(u'\n', u' ');
    return clean.toUtf8();
}

} // namespace

namespace {

char *appendDigits(char *p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    return p + width;
}

// "2026-11-25T16:40:00.000Z" at `p` (room for 48 characters).
char *appendProgramDateTime(char *p, qint64 utcMs)
{
    // Days to civil date: H. Hinnant's algorithm, exact for the proleptic Gregorian calendar.
    const qint64 days = floorDiv(utcMs, 86400000);
    const qint64 msOfDay = utcMs - days * 86400000;
    const qint64 z = days + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);

    if (year < 0 || year > 9999) // not a date a stream carries; formatted the slow way
        return p
            + std::snprintf(p, 48, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(year), static_cast<long long>(month),
                static_cast<long long>(day), static_cast<long long>(msOfDay / 3600000),
                static_cast<long long>(msOfDay / 60000 % 60),
                static_cast<long long>(msOfDay / 1000 % 60),
                static_cast<long long>(msOfDay % 1000));
    p = appendDigits(p, year, 4);
    *p++ = '-';
    p = appendDigits(p, month, 2);
    *p++ = '-';
    p = appendDigits(p, day, 2);
    *p++ = 'T';
    p = appendDigits(p, msOfDay / 3600000, 2);
    *p++ = ':';
    p = appendDigits(p, msOfDay / 60000 % 60, 2);
    *p++ = ':';
    p = appendDigits(p, msOfDay / 1000 % 60, 2);
    *p++ = '.';
    p = appendDigits(p, msOfDay % 1000, 3);
    *p++ = 'Z';
    return p;
}

} // namespace

QByteArray formatProgramDateTime(qint64 utcMs)
{
    char buffer[48];
    return QByteArray(buffer, appendProgramDateTime(buffer, utcMs) - buffer);
}

void appendMediaHeader(QByteArray &out, int targetDurationMs, qint64 mediaSequence,
    qint64 discontinuitySequence, QByteArrayView playlistType)
{
    // Whole seconds, rounded up (RFC 8216 4.3.3.1); at least 1 so players accept it.
    const qint64 longestMs = std::max<qint64>(longestSegmentMs(targetDurationMs), 0);
    const qint64 targetSeconds = std::max<qint64>(1, (longestMs + 999) / 1000);
    out += "#EXTM3U\n#EXT-X-VERSION:";
    out += QByteArray::number(kVersion);
    out += "\n#EXT-X-TARGETDURATION:";
    out += QByteArray::number(targetSeconds);
    out += "\n#EXT-X-MEDIA-SEQUENCE:";
    out += QByteArray::number(mediaSequence);
    out += "\n#EXT-X-DISCONTINUITY-SEQUENCE:";
    out += QByteArray::number(discontinuitySequence);
    out += '\n';
    if (!playlistType.isEmpty()) {
        out += "#EXT-X-PLAYLIST-TYPE:";
        out += playlistType;
        out += '\n';
    }
}

void appendSegmentLines(
    QByteArray &out, const SegmentInfo &segment, QByteArrayView uriPrefix, bool discontinuityTag)
{
    // One stack buffer and no temporaries: a 12 h recording is 10,800 entries.
    char line[160];
    if (discontinuityTag)
        out += kDiscontinuityTag;
    char *p = appendText(line, "#EXT-X-PROGRAM-DATE-TIME:");
    p = appendProgramDateTime(p, segment.startUtcMs);
    p = appendText(p, "\n#EXTINF:");
    p = appendMillisAsSeconds(p, segment.durationMs);
    p = appendText(p, ",\n");
    out.append(line, p - line);
    out += uriPrefix;
    p = std::to_chars(line, line + 20, segment.sequence).ptr; // qint64: at most 20
    p = appendText(p, ".ts\n");
    out.append(line, p - line);
}

int targetDurationCovering(int targetDurationMs, qint64 segmentMs)
{
    // longestSegmentMs(target) = target * 3 / 2: a target of two thirds of the segment, rounded
    // up, declares at least that segment.
    return int(std::clamp<qint64>((segmentMs * 2 + 2) / 3, targetDurationMs, INT_MAX));
}

QByteArray renderMedia(const QList<SegmentInfo> &segments, const MediaOptions &options)
{
    const QByteArray prefix = options.uriPrefix.toUtf8();
    QByteArray out;
    out.reserve(160 + segments.size() * (80 + prefix.size()));
    appendMediaHeader(out, options.targetDurationMs,
        segments.isEmpty() ? 0 : segments.first().sequence,
        segments.isEmpty() ? 0 : segments.first().discontinuitySequence,
        options.playlistType.toLatin1());
    bool first = true;
    for (const SegmentInfo &segment : segments) {
        // The first segment's own discontinuity is already counted in the
        // DISCONTINUITY-SEQUENCE above; a tag before it would count it twice.
        appendSegmentLines(out, segment, prefix, segment.discontinuity && !first);
        first = false;
    }
    if (options.endList)
        out += "#EXT-X-ENDLIST\n";
    return out;
}

QList<SegmentInfo> newestRun(QList<SegmentInfo> segments)
{
    qsizetype first = segments.size() - 1;
    while (first > 0 && segments[first - 1].sequence + 1 == segments[first].sequence)
        --first;
    if (first > 0)
        segments.remove(0, first);
    return segments;
}

Bandwidth measureBandwidth(std::span<const SegmentInfo> segments, qint64 configuredBitsPerSecond)
{
    // Bits per second rounded up: ceil(bits * 1000 / ms).
    const auto rate = [](qint64 bytes, qint64 durationMs) {
        return (bytes * 8000 + durationMs - 1) / durationMs;
    };
    Bandwidth measured;
    int counted = 0;
    qint64 totalBytes = 0;
    qint64 totalMs = 0;
    for (const SegmentInfo &segment : segments) {
        if (segment.durationMs <= 0)
            continue;
        ++counted;
        totalBytes += segment.sizeBytes;
        totalMs += segment.durationMs;
        measured.peakBitsPerSecond
            = std::max(measured.peakBitsPerSecond, rate(segment.sizeBytes, segment.durationMs));
    }
    if (counted < kMinSegmentsToMeasure)
        return Bandwidth {configuredBitsPerSecond, 0};
    measured.averageBitsPerSecond = rate(totalBytes, totalMs);
    return measured;
}

QByteArray renderMaster(QList<Variant> variants)
{
    std::stable_sort(variants.begin(), variants.end(), [](const Variant &a, const Variant &b) {
        return a.height != b.height ? a.height > b.height : a.bandwidth > b.bandwidth;
    });
    QByteArray out = "#EXTM3U\n#EXT-X-VERSION:" + QByteArray::number(kVersion)
        + "\n#EXT-X-INDEPENDENT-SEGMENTS\n";
    for (const Variant &variant : std::as_const(variants)) {
        out += "#EXT-X-STREAM-INF:BANDWIDTH=";
        out += QByteArray::number(variant.bandwidth);
        if (variant.averageBandwidth > 0) {
            out += ",AVERAGE-BANDWIDTH=";
            out += QByteArray::number(variant.averageBandwidth);
        }
        if (!variant.codecs.isEmpty()) {
            out += ",CODECS=\"";
            out += attribute(variant.codecs);
            out += '"';
        }
        if (variant.width > 0 && variant.height > 0) {
            out += ",RESOLUTION=";
            out += QByteArray::number(variant.width);
            out += 'x';
            out += QByteArray::number(variant.height);
        }
        if (variant.frameRate > 0) {
            out += ",FRAME-RATE=";
            out += QByteArray::number(variant.frameRate, 'f', 3);
        }
        out += '\n';
        out += oneLine(variant.uri);
        out += '\n';
    }
    return out;
}

QByteArray renderChannelList(const QList<ChannelEntry> &channels)
{
    QByteArray out = "#EXTM3U\n";
    for (const ChannelEntry &channel : channels) {
        out += "#EXTINF:-1 tvg-name=\"";
        out += attribute(channel.name);
        out += "\" tvg-id=\"";
        out += attribute(channel.tvgId.isEmpty() ? channel.name : channel.tvgId);
        if (!channel.catchupSource.isEmpty()) {
            out += "\" catchup=\"default\" catchup-days=\"";
            out += QByteArray::number(channel.catchupDays);
            out += "\" catchup-source=\"";
            out += attribute(channel.catchupSource);
        }
        out += "\",";
        out += oneLine(channel.name);
        out += '\n';
        out += oneLine(channel.url);
        out += '\n';
    }
    return out;
}

QByteArray renderRecordingList(const QList<RecordingEntry> &recordings)
{
    QByteArray out = "#EXTM3U\n";
    for (const RecordingEntry &recording : recordings) {
        out += "#EXTINF:";
        // Whole seconds, rounded to the nearest: the length an app shows before playing.
        out += QByteArray::number((std::max<qint64>(recording.durationMs, 0) + 500) / 1000);
        out += " tvg-name=\"";
        out += attribute(recording.title);
        out += "\" group-title=\"Recordings\",";
        out += oneLine(recording.title);
        out += '\n';
        out += oneLine(recording.url);
        out += '\n';
    }
    return out;
}

} // namespace panelx::playlist
