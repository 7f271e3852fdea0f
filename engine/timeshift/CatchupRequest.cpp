#include "CatchupRequest.h"

#include "http/Routes.h"

#include <QDateTime>
#include <QRegularExpression>
#include <array>

namespace panelx::timeshift {

namespace {

using Outcome = CatchupParse::Outcome;

// 9999-12-31T23:59:59Z: a later time is not one a buffer can hold, and in milliseconds it still
// fits a qint64 with room for any duration added.
constexpr qint64 kMaxEpochSeconds = 253402300799LL;
constexpr qint64 kMaxXtreamMinutes = kMaxCatchupSeconds / 60;

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

CatchupParse accept(CatchupRequest request)
{
    return {Outcome::Request, std::move(request), {}};
}

CatchupParse refuse(const QString &sentence)
{
    return {Outcome::BadRequest, {}, sentence};
}

// The raw value of the first `key` in a query string; nullopt when the key is absent.
std::optional<std::string_view> queryValue(std::string_view query, std::string_view key)
{
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const size_t eq = pair.find('=');
        if (pair.substr(0, eq) == key)
            return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        if (amp == std::string_view::npos)
            break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

QString percentDecoded(std::string_view text)
{
    return QString::fromUtf8(
        QByteArray::fromPercentEncoding(QByteArray(text.data(), qsizetype(text.size()))));
}

// Unix seconds (digits only) as UTC ms; nullopt when not a number or past year 9999.
std::optional<qint64> epochMs(std::string_view digits)
{
    const qint64 seconds = http::parseDecimal(digits);
    if (seconds < 0 || seconds > kMaxEpochSeconds)
        return std::nullopt;
    return seconds * 1000;
}

// Whole seconds from 1 to 7 days, as ms.
std::optional<qint64> durationMs(std::string_view digits)
{
    const qint64 seconds = http::parseDecimal(digits);
    if (seconds < 1 || seconds > kMaxCatchupSeconds)
        return std::nullopt;
    return seconds * 1000;
}

QString badChannel(std::string_view channel)
{
    return QStringLiteral("\u201c%1\u201d cannot name a channel: use the channel's slug or its "
                          "number, as in /news/archive-1796068800-3600.m3u8")
        .arg(latin1(channel.substr(0, 64)));
}

// [startMs, endMs) from two unix-second texts; `form` names the URL form in refusals.
CatchupParse range(QString channel, std::string_view start, std::string_view end,
    const QString &form, BodyKind body)
{
    const std::optional<qint64> startMs = epochMs(start);
    const std::optional<qint64> endMs = epochMs(end);
    if (!startMs || !endMs)
        return refuse(QStringLiteral("the start and end must be unix times in whole seconds "
                                     "(digits only), as in %1")
                          .arg(form));
    if (*endMs <= *startMs || *endMs - *startMs > kMaxCatchupSeconds * 1000)
        return refuse(QStringLiteral("the end must come after the start, by at most 7 days "
                                     "(604800 s), as in %1")
                          .arg(form));
    CatchupRequest request;
    request.channel = std::move(channel);
    request.kind = WindowKind::Range;
    request.startUtcMs = *startMs;
    request.endUtcMs = *endMs;
    request.body = body;
    return accept(request);
}

CatchupParse toLive(QString channel, qint64 startUtcMs, BodyKind body)
{
    CatchupRequest request;
    request.channel = std::move(channel);
    request.kind = WindowKind::ToLive;
    request.startUtcMs = startUtcMs;
    request.body = body;
    return accept(request);
}

// "archive-FROM-DUR", "archive-FROM-now" (and the index-, mono-, video- prefixes),
// "timeshift_abs-FROM", "timeshift_rel-N", each with .m3u8 or .ts.
CatchupParse flussonic(std::string_view file, const QString &channel, qint64 nowUtcMs)
{
    BodyKind body = BodyKind::Playlist;
    if (endsWith(file, ".m3u8")) {
        file.remove_suffix(5);
    } else if (endsWith(file, ".ts")) {
        file.remove_suffix(3);
        body = BodyKind::TransportStream;
    } else {
        return {};
    }
    const QString extension
        = body == BodyKind::Playlist ? QStringLiteral(".m3u8") : QStringLiteral(".ts");
    const QString example = u'/' + channel + u'/';
    constexpr std::string_view kAbsolute = "timeshift_abs-";
    constexpr std::string_view kRelative = "timeshift_rel-";
    if (startsWith(file, kAbsolute)) {
        const std::optional<qint64> from = epochMs(file.substr(kAbsolute.size()));
        if (!from)
            return refuse(QStringLiteral("timeshift_abs needs a unix time in whole seconds "
                                         "(digits only), as in %1timeshift_abs-1796068800%2")
                              .arg(example, extension));
        return toLive(channel, *from, body);
    }
    if (startsWith(file, kRelative)) {
        const qint64 seconds = http::parseDecimal(file.substr(kRelative.size()));
        if (seconds < 0 || seconds > kMaxCatchupSeconds)
            return refuse(QStringLiteral("timeshift_rel needs the delay in whole seconds, 0 to "
                                         "604800 (7 days), as in %1timeshift_rel-10800%2")
                              .arg(example, extension));
        if (body == BodyKind::TransportStream) // a stream has no window: it starts N s back
            return toLive(channel, nowUtcMs - seconds * 1000, body);
        CatchupRequest request;
        request.channel = channel;
        request.kind = WindowKind::Delayed;
        request.delayMs = seconds * 1000;
        return accept(request);
    }
    for (std::string_view prefix : {"archive-", "index-", "mono-", "video-"}) {
        if (!startsWith(file, prefix))
            continue;
        const std::string_view rest = file.substr(prefix.size());
        const size_t dash = rest.find('-');
        const QString name = example + latin1(prefix);
        const QString form = name + QStringLiteral("FROM-DURATION") + extension
            + QStringLiteral(" (unix seconds, then seconds 1 to 604800, or \u201cnow\u201d), "
                             "as in ")
            + name + QStringLiteral("1796068800-3600") + extension;
        const std::optional<qint64> from = epochMs(rest.substr(0, dash));
        if (dash == std::string_view::npos || !from)
            return refuse(QStringLiteral("an archive request is %1").arg(form));
        const std::string_view duration = rest.substr(dash + 1);
        if (duration == "now")
            return toLive(channel, *from, body);
        const std::optional<qint64> length = durationMs(duration);
        if (!length)
            return refuse(QStringLiteral("an archive request is %1").arg(form));
        CatchupRequest request;
        request.channel = channel;
        request.kind = WindowKind::Range;
        request.startUtcMs = *from;
        request.endUtcMs = *from + *length;
        request.body = body;
        return accept(request);
    }
    return {};
}

// SIPTV's "shift": ?utc=FROM[&lutc=NOW] on a live URL. nullopt when there is no utc.
std::optional<CatchupParse> siptv(
    const QString &channel, std::string_view query, const QString &url)
{
    const std::optional<std::string_view> utc = queryValue(query, "utc");
    if (!utc)
        return std::nullopt;
    const QString form = url + QStringLiteral("?utc=1796068800&lutc=1796079600");
    if (const std::optional<std::string_view> lutc = queryValue(query, "lutc"))
        return range(channel, *utc, *lutc, form, BodyKind::Playlist);
    const std::optional<qint64> from = epochMs(*utc);
    if (!from)
        return refuse(QStringLiteral("utc must be a unix time in whole seconds (digits only), "
                                     "as in %1")
                          .arg(form));
    return toLive(channel, *from, BodyKind::Playlist);
}

CatchupParse xtream(std::string_view stream, std::string_view minutes, std::string_view start,
    BodyKind body, const QTimeZone &serverZone, const QString &form)
{
    if (!http::isValidSlug(stream))
        return refuse(QStringLiteral("the stream of an Xtream timeshift request must be a "
                                     "channel number or slug, as in %1")
                          .arg(form));
    const qint64 length = http::parseDecimal(minutes);
    if (length < 1 || length > kMaxXtreamMinutes)
        return refuse(QStringLiteral("the duration of an Xtream timeshift request is whole "
                                     "minutes from 1 to 10080 (7 days), as in %1")
                          .arg(form));
    const std::optional<qint64> startMs = parseXtreamStart(percentDecoded(start), serverZone);
    if (!startMs)
        return refuse(QStringLiteral("the start of an Xtream timeshift request is the server's "
                                     "local time as YYYY-MM-DD:HH-MM (or ISO 8601, or unix "
                                     "seconds), as in %1")
                          .arg(form));
    CatchupRequest request;
    request.channel = latin1(stream);
    request.kind = WindowKind::Range;
    request.startUtcMs = *startMs;
    request.endUtcMs = *startMs + length * 60'000;
    request.body = body;
    return accept(request);
}

// What follows "/timeshift/": "{ch}.m3u8" or "{ch}/{rendition}.m3u8" with ?start=[&end=], or
// Xtream's "U/P/MIN/START/ID.ts|.m3u8".
CatchupParse timeshiftPath(
    std::string_view rest, std::string_view query, const QTimeZone &serverZone)
{
    std::array<std::string_view, 5> parts;
    size_t count = 0;
    while (true) {
        if (count == parts.size())
            return {}; // more components than any form has
        const size_t slash = rest.find('/');
        parts[count++] = rest.substr(0, slash);
        if (slash == std::string_view::npos)
            break;
        rest.remove_prefix(slash + 1);
    }
    if (count == 1 || count == 2) {
        std::string_view channel = parts[0];
        std::string_view rendition = count == 2 ? parts[1] : std::string_view();
        std::string_view &file = count == 2 ? rendition : channel;
        if (!endsWith(file, ".m3u8"))
            return {};
        file.remove_suffix(5);
        if (!http::isValidSlug(channel))
            return refuse(badChannel(channel));
        if (count == 2 && !http::isValidRendition(rendition))
            return refuse(QStringLiteral("a rendition name is 1-16 of a-z, 0-9, _ and -, as in "
                                         "/timeshift/%1/720p.m3u8?start=1796068800")
                              .arg(latin1(channel)));
        const QString name = count == 2
            ? QStringLiteral("%1/%2").arg(latin1(channel), latin1(rendition))
            : latin1(channel);
        const QString form = QStringLiteral("/timeshift/%1.m3u8?start=1796068800&end=1796072400 "
                                            "(unix seconds; without end it follows live)")
                                 .arg(name);
        const std::optional<std::string_view> start = queryValue(query, "start");
        if (!start)
            return refuse(QStringLiteral("a timeshift window needs a start: %1").arg(form));
        CatchupParse parse;
        if (const std::optional<std::string_view> end = queryValue(query, "end")) {
            parse = range(latin1(channel), *start, *end, form, BodyKind::Playlist);
        } else {
            const std::optional<qint64> from = epochMs(*start);
            if (!from)
                return refuse(QStringLiteral("start must be a unix time in whole seconds (digits "
                                             "only): %1")
                                  .arg(form));
            parse = toLive(latin1(channel), *from, BodyKind::Playlist);
        }
        if (parse.outcome == Outcome::Request)
            parse.request.rendition = latin1(rendition);
        return parse;
    }
    if (count != 5)
        return {};
    std::string_view id = parts[4];
    BodyKind body = BodyKind::TransportStream;
    if (endsWith(id, ".ts")) {
        id.remove_suffix(3);
    } else if (endsWith(id, ".m3u8")) {
        id.remove_suffix(5);
        body = BodyKind::Playlist;
    } else {
        return {};
    }
    return xtream(id, parts[2], parts[3], body, serverZone,
        QStringLiteral("/timeshift/user/pass/60/2026-11-30:20-00/7.ts"));
}

CatchupParse timeshiftPhp(std::string_view query, const QTimeZone &serverZone)
{
    const QString form = QStringLiteral("/streaming/timeshift.php?username=U&password=P&stream=7"
                                        "&start=2026-11-30:20-00&duration=60");
    const std::optional<std::string_view> stream = queryValue(query, "stream");
    const std::optional<std::string_view> start = queryValue(query, "start");
    const std::optional<std::string_view> duration = queryValue(query, "duration");
    if (!stream || !start || !duration)
        return refuse(
            QStringLiteral("an Xtream timeshift request needs stream, start and duration: %1")
                .arg(form));
    return xtream(*stream, *duration, *start, BodyKind::TransportStream, serverZone, form);
}

} // namespace

CatchupParse parseCatchup(
    std::string_view path, std::string_view query, const QTimeZone &serverZone, qint64 nowUtcMs)
{
    if (!startsWith(path, "/"))
        return {};
    constexpr std::string_view kTimeshift = "/timeshift/";
    constexpr std::string_view kLive = "/live/";
    if (startsWith(path, kTimeshift))
        return timeshiftPath(path.substr(kTimeshift.size()), query, serverZone);
    if (path == "/streaming/timeshift.php")
        return timeshiftPhp(query, serverZone);
    if (startsWith(path, kLive)) {
        std::string_view slug = path.substr(kLive.size());
        if (!endsWith(slug, ".m3u8") || slug.find('/') != std::string_view::npos)
            return {};
        slug.remove_suffix(5);
        if (!http::isValidSlug(slug))
            return {}; // the live route explains
        return siptv(latin1(slug), query, QStringLiteral("/live/%1.m3u8").arg(latin1(slug)))
            .value_or(CatchupParse {});
    }

    // "/{slug}/{file}"
    const std::string_view rest = path.substr(1);
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos)
        return {};
    const std::string_view slug = rest.substr(0, slash);
    const std::string_view file = rest.substr(slash + 1);
    if (file.find('/') != std::string_view::npos || http::isReservedSlug(slug))
        return {};
    const bool validSlug = http::isValidSlug(slug);
    const QString channel = latin1(slug);
    CatchupRequest live;
    live.channel = channel;
    live.kind = WindowKind::Live;
    if (file == "index.m3u8") {
        if (!validSlug)
            return refuse(badChannel(slug));
        return siptv(channel, query, QStringLiteral("/%1/index.m3u8").arg(channel))
            .value_or(accept(live));
    }
    if (file == "mpegts") {
        if (!validSlug)
            return refuse(badChannel(slug));
        live.body = BodyKind::TransportStream;
        return accept(live);
    }
    CatchupParse parse = flussonic(file, channel, nowUtcMs);
    if (parse.outcome != Outcome::NotCatchup && !validSlug)
        return refuse(badChannel(slug));
    return parse;
}

std::optional<qint64> parseXtreamStart(QStringView text, const QTimeZone &serverZone)
{
    const QString trimmed = text.trimmed().toString();
    bool digitsOnly = !trimmed.isEmpty();
    for (const QChar c : trimmed)
        digitsOnly = digitsOnly && c.isDigit() && c.unicode() < 0x80;
    if (digitsOnly) {
        const qint64 value = trimmed.toLongLong();
        if (trimmed.size() == 10)
            return value * 1000;
        if (trimmed.size() == 13)
            return value;
        return std::nullopt;
    }
    // Date, a separator, hours and minutes, maybe seconds (and a fraction), maybe a UTC offset.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[:_ T](\d{2})[-:](\d{2})(?:[-:](\d{2})(?:\.(\d{1,9}))?)?)"
        R"((Z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch())
        return std::nullopt;
    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QString fraction = match.captured(7).leftJustified(3, u'0').left(3);
    const QTime time(number(4), number(5), number(6), fraction.toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QString offset = match.captured(8);
    if (offset.isEmpty()) {
        const QDateTime local(date, time, serverZone);
        if (local.isValid()) // a time repeated when clocks go back is read in standard time
            return local.toMSecsSinceEpoch();
        // Skipped when clocks went forward: read with the offset before the jump, so it lands
        // as far after the jump as it was written after it.
        const QDateTime asUtc(date, time, Qt::UTC);
        if (!serverZone.isValid())
            return std::nullopt;
        return asUtc.toMSecsSinceEpoch()
            - qint64(serverZone.offsetFromUtc(asUtc.addDays(-1))) * 1000;
    }
    qint64 offsetS = 0;
    if (offset != u'Z') {
        const QString digits = offset.mid(1).remove(u':');
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetS = (hours * 3600 + minutes * 60) * (offset.startsWith(u'-') ? -1 : 1);
    }
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() - offsetS * 1000;
}

CatchupTemplates catchupTemplates(const QString &baseUrl, const QString &slug, qint64 channelId)
{
    const QString channel = baseUrl + u'/' + slug;
    CatchupTemplates templates;
    templates.flussonic = channel + QStringLiteral("/archive-{utc}-{duration}.m3u8");
    templates.flussonicTs = channel + QStringLiteral("/archive-{utc}-{duration}.ts");
    templates.timeshift
        = baseUrl + QStringLiteral("/timeshift/%1.m3u8?start={utc}&end={utcend}").arg(slug);
    templates.shift = baseUrl + QStringLiteral("/live/%1.m3u8?utc={utc}&lutc={lutc}").arg(slug);
    templates.xtream = baseUrl
        + QStringLiteral("/timeshift/user/pass/{duration:60}/{Y}-{m}-{d}:{H}-{M}/%1.ts")
              .arg(channelId);
    return templates;
}

} // namespace panelx::timeshift
