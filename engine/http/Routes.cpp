#include "Routes.h"

#include <limits>

namespace panelx::http {

namespace {

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Digits only; saturates at qint64 max so "a number larger than any file" stays comparable.
// -1 when empty or not all digits.
qint64 parseSaturating(std::string_view digits)
{
    if (digits.empty() || digits.size() > 64)
        return -1;
    qint64 value = 0;
    for (char c : digits) {
        if (!isDigit(c))
            return -1;
        const int digit = c - '0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            value = std::numeric_limits<qint64>::max();
        else
            value = value * 10 + digit;
    }
    return value;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

Route makeRoute(RouteKind kind, const char *reason = "")
{
    Route route;
    route.kind = kind;
    route.reason = reason;
    return route;
}
Route bad(const char *reason)
{
    return makeRoute(RouteKind::BadPath, reason);
}
Route notFound(const char *reason)
{
    return makeRoute(RouteKind::NotFound, reason);
}

// A path that could escape the segment folder or smuggle bytes past the grammar is refused as a
// whole, before any route is considered.
const char *unsafePathReason(std::string_view path)
{
    if (path.empty() || path.front() != '/')
        return "the request path must start with /";
    for (char c : path) {
        if (c == '%')
            return "percent-encoded characters are not accepted in paths";
        if (c == '\\')
            return "backslashes are not accepted in paths";
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) >= 0x7f)
            return "control, space and non-ASCII characters are not accepted in paths";
    }
    std::string_view rest = path.substr(1);
    while (true) {
        const size_t slash = rest.find('/');
        const std::string_view component = rest.substr(0, slash);
        if (component == "." || component == "..")
            return "paths with . or .. components are refused";
        if (component.empty() && slash != std::string_view::npos)
            return "empty path components (//) are refused";
        if (slash == std::string_view::npos)
            break;
        rest.remove_prefix(slash + 1);
    }
    return nullptr;
}

// What follows "/recordings/": "<id>.m3u8", "<id>.mp4", "<id>/<rendition>.m3u8",
// "<id>/<sequence>.ts" or "<id>/<rendition>/<sequence>.ts".
Route parseRecordingRoute(std::string_view rest)
{
    constexpr const char *kForms
        = "recording URLs are /recordings/<id>.m3u8, /recordings/<id>.mp4, "
          "/recordings/<id>/<rendition>.m3u8 and "
          "/recordings/<id>/<sequence>.ts";
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos) {
        const size_t dot = rest.find('.');
        const std::string_view extension
            = dot == std::string_view::npos ? std::string_view() : rest.substr(dot);
        Route route;
        if (extension == ".m3u8")
            route = makeRoute(RouteKind::RecordingPlaylist);
        else if (extension == ".mp4")
            route = makeRoute(RouteKind::RecordingDownload);
        else
            return notFound(kForms);
        route.recordingId = parseDecimal(rest.substr(0, dot));
        if (route.recordingId <= 0)
            return bad(kForms);
        return route;
    }
    Route route = makeRoute(RouteKind::RecordingSegment);
    route.recordingId = parseDecimal(rest.substr(0, slash));
    std::string_view tail = rest.substr(slash + 1);
    if (endsWith(tail, ".m3u8")) { // one rendition's playlist
        route.kind = RouteKind::RecordingPlaylist;
        route.rendition = tail.substr(0, tail.size() - 5);
        if (route.recordingId <= 0 || !isValidRendition(route.rendition))
            return bad(kForms);
        return route;
    }
    if (const size_t second = tail.find('/'); second != std::string_view::npos) {
        route.rendition = tail.substr(0, second);
        tail.remove_prefix(second + 1);
        if (!isValidRendition(route.rendition))
            return bad(kForms);
    }
    if (!endsWith(tail, ".ts"))
        return bad(kForms);
    tail.remove_suffix(3);
    route.sequence = parseDecimal(tail);
    if (route.recordingId <= 0 || route.sequence < 0)
        return bad(kForms);
    return route;
}

} // namespace

bool isValidSlug(std::string_view slug)
{
    if (slug.empty() || slug.size() > size_t(kMaxSlugLength) || slug.front() == '.')
        return false;
    for (char c : slug)
        if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '_' && c != '.' && c != '~')
            return false;
    return true;
}

bool isValidRendition(std::string_view rendition)
{
    if (rendition.empty() || rendition.size() > size_t(kMaxRenditionLength))
        return false;
    for (char c : rendition)
        if (!(c >= 'a' && c <= 'z') && !isDigit(c) && c != '-' && c != '_')
            return false;
    return true;
}

qint64 parseDecimal(std::string_view digits)
{
    // Canonical numbers only: one URL per segment, and no overflow games.
    if (digits.empty() || digits.size() > 18 || (digits.size() > 1 && digits.front() == '0'))
        return -1;
    return parseSaturating(digits);
}

const QStringList &reservedSlugs()
{
    // Every first path component parseRoute answers other than /<slug>/ (and the catch-up
    // dialects': /timeshift/, /streaming/, /thumb/).
    static const QStringList list
        = {QStringLiteral("api"), QStringLiteral("live"), QStringLiteral("playlist.m3u"),
            QStringLiteral("recordings"), QStringLiteral("recordings.m3u"), QStringLiteral("seg"),
            QStringLiteral("streaming"), QStringLiteral("thumb"), QStringLiteral("timeshift")};
    return list;
}

bool isReservedSlug(std::string_view slug)
{
    const QString text = QString::fromUtf8(slug.data(), qsizetype(slug.size()));
    return reservedSlugs().contains(text, Qt::CaseInsensitive);
}

Route parseRoute(std::string_view path)
{
    if (const char *reason = unsafePathReason(path))
        return bad(reason);

    if (path == "/playlist.m3u")
        return makeRoute(RouteKind::ChannelList);

    if (path == "/recordings.m3u")
        return makeRoute(RouteKind::RecordingList);

    constexpr std::string_view kLive = "/live/";
    constexpr std::string_view kSeg = "/seg/";
    constexpr std::string_view kRecordings = "/recordings/";
    if (startsWith(path, kLive)) {
        std::string_view rest = path.substr(kLive.size());
        if (!endsWith(rest, ".m3u8"))
            return notFound("live playlists end in .m3u8: /live/<channel>.m3u8");
        rest.remove_suffix(5);
        const size_t slash = rest.find('/');
        Route route = makeRoute(RouteKind::LivePlaylist);
        route.slug = rest.substr(0, slash);
        if (slash != std::string_view::npos) {
            route.rendition = rest.substr(slash + 1);
            if (!isValidRendition(route.rendition))
                return bad("a rendition name is 1-16 of a-z, 0-9, _ and -");
        }
        if (!isValidSlug(route.slug))
            return bad("a channel name in a URL is letters, digits, -, _, . and ~");
        return route;
    }
    if (startsWith(path, kSeg)) {
        std::string_view rest = path.substr(kSeg.size());
        const size_t first = rest.find('/');
        const size_t second = first == std::string_view::npos ? first : rest.find('/', first + 1);
        if (second == std::string_view::npos || rest.find('/', second + 1) != std::string_view::npos
            || !endsWith(rest, ".ts"))
            return bad("segment URLs are /seg/<channel id>/<rendition>/<sequence>.ts");
        Route route = makeRoute(RouteKind::Segment);
        route.channelId = parseDecimal(rest.substr(0, first));
        route.rendition = rest.substr(first + 1, second - first - 1);
        std::string_view sequence = rest.substr(second + 1);
        sequence.remove_suffix(3);
        route.sequence = parseDecimal(sequence);
        if (route.channelId <= 0 || route.sequence < 0 || !isValidRendition(route.rendition))
            return bad("segment URLs are /seg/<channel id>/<rendition>/<sequence>.ts");
        return route;
    }
    if (startsWith(path, kRecordings))
        return parseRecordingRoute(path.substr(kRecordings.size()));
    constexpr std::string_view kThumb = "/thumb/";
    if (startsWith(path, kThumb)) {
        constexpr const char *kForm
            = "a still is /thumb/<channel>/<unix seconds>.jpg, as in /thumb/news/1796068800.jpg";
        std::string_view rest = path.substr(kThumb.size());
        const size_t slash = rest.find('/');
        if (slash == std::string_view::npos || !endsWith(rest, ".jpg"))
            return bad(kForm);
        Route route = makeRoute(RouteKind::Thumbnail);
        route.slug = rest.substr(0, slash);
        rest = rest.substr(slash + 1);
        rest.remove_suffix(4);
        route.utcSeconds = parseDecimal(rest);
        if (!isValidSlug(route.slug) || route.utcSeconds < 0)
            return bad(kForm);
        return route;
    }
    // /<slug>/… are the catch-up forms' (timeshift::parseCatchup).
    return notFound("nothing is served at this path; try /playlist.m3u");
}

ByteRange parseRange(std::string_view header, qint64 size)
{
    const ByteRange ignore {RangeKind::None};
    header = trim(header);
    if (header.empty())
        return ignore;
    constexpr std::string_view kUnit = "bytes=";
    if (header.size() < kUnit.size())
        return ignore;
    for (size_t i = 0; i < kUnit.size(); ++i)
        if ((header[i] | 0x20) != kUnit[i])
            return ignore;
    const std::string_view spec = trim(header.substr(kUnit.size()));
    if (spec.find(',') != std::string_view::npos)
        return ignore; // several ranges: the whole file answers them all
    const size_t dash = spec.find('-');
    if (dash == std::string_view::npos)
        return ignore;
    const std::string_view firstText = trim(spec.substr(0, dash));
    const std::string_view lastText = trim(spec.substr(dash + 1));

    if (firstText.empty()) { // suffix range: the last N bytes
        const qint64 suffix = parseSaturating(lastText);
        if (suffix < 0)
            return ignore;
        if (suffix == 0 || size <= 0)
            return ByteRange {RangeKind::Unsatisfiable};
        return ByteRange {RangeKind::Satisfiable, suffix >= size ? 0 : size - suffix, size - 1};
    }
    const qint64 first = parseSaturating(firstText);
    if (first < 0)
        return ignore;
    qint64 last = std::numeric_limits<qint64>::max();
    if (!lastText.empty()) {
        last = parseSaturating(lastText);
        if (last < 0 || last < first)
            return ignore;
    }
    if (first >= size)
        return ByteRange {RangeKind::Unsatisfiable};
    return ByteRange {RangeKind::Satisfiable, first, std::min(last, size - 1)};
}

QString baseUrl(std::string_view hostHeader, const QString &fallbackHostPort)
{
    const auto fallback = [&] { return QStringLiteral("http://") + fallbackHostPort; };
    const std::string_view host = trim(hostHeader);
    if (host.empty() || host.size() > 255)
        return fallback();
    std::string_view name = host;
    std::string_view port;
    if (host.front() == '[') { // IPv6 literal
        const size_t close = host.find(']');
        if (close == std::string_view::npos)
            return fallback();
        for (char c : host.substr(1, close - 1))
            if (!isDigit(c) && !((c | 0x20) >= 'a' && (c | 0x20) <= 'f') && c != ':' && c != '.')
                return fallback();
        name = host.substr(0, close + 1);
        const std::string_view after = host.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return fallback();
            port = after.substr(1);
            if (port.empty())
                return fallback();
        }
        if (close < 3)
            return fallback();
    } else {
        const size_t colon = host.find(':');
        if (colon != std::string_view::npos) {
            name = host.substr(0, colon);
            port = host.substr(colon + 1);
        }
        if (name.empty())
            return fallback();
        for (char c : name)
            if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '.')
                return fallback();
        if (colon != std::string_view::npos && port.empty())
            return fallback();
    }
    if (!port.empty()) {
        const qint64 number = parseSaturating(port);
        if (number <= 0 || number > 65535 || port.size() > 5)
            return fallback();
    }
    return QStringLiteral("http://") + QString::fromLatin1(host.data(), qsizetype(host.size()));
}

} // namespace panelx::http
