// The catch-up and timeshift request forms IPTV apps send (Flussonic, SIPTV, Xtream Codes, our
// own /timeshift/), read into one request: pure, no I/O and no clock, so every form is a table
// row in tests/catchup. See CATCHUP.md in the shared docs for where each form comes from.
#pragma once

#include <QString>
#include <QTimeZone>
#include <optional>
#include <string_view>

namespace panelx::timeshift {

enum class WindowKind {
    Live, // the live window (newest 6 segments): /{slug}/index.m3u8, /{slug}/mpegts
    Range, // [startUtcMs, endUtcMs): VOD once the range is wholly in the past
    ToLive, // from startUtcMs, EVENT, growing with the channel
    Delayed, // the live window delayed by delayMs (timeshift_rel-N)
};
enum class BodyKind { Playlist, TransportStream };

struct CatchupRequest {
    // As written in the URL: a slug, or a decimal id (the server tries slug first, then id).
    QString channel;
    WindowKind kind = WindowKind::Live;
    qint64 startUtcMs = 0; // Range, ToLive
    qint64 endUtcMs = 0; // Range
    qint64 delayMs = 0; // Delayed
    BodyKind body = BodyKind::Playlist;
    // One rendition's window (/timeshift/<slug>/<rendition>.m3u8); empty = the channel's: a
    // master playlist over the ladder's renditions where they hold the window, else the source.
    QString rendition;
    bool operator==(const CatchupRequest &) const = default;
};

struct CatchupParse {
    enum class Outcome { NotCatchup, Request, BadRequest };
    Outcome outcome = Outcome::NotCatchup;
    CatchupRequest request; // Request
    QString error; // BadRequest: what is wrong and the form expected, one sentence
};

// The longest range or delay a request may ask for.
inline constexpr qint64 kMaxCatchupSeconds = 7LL * 24 * 3600;

// `path` raw as sent, without the query; `query` raw text after '?', maybe empty. Xtream start
// strings are read in `serverZone`. `nowUtcMs` only for forms relative to now (timeshift_rel .ts).
CatchupParse parseCatchup(
    std::string_view path, std::string_view query, const QTimeZone &serverZone, qint64 nowUtcMs);

// Lenient Xtream start: YYYY-MM-DD:HH-MM, :HH-MM-SS, '_' or ' ' or 'T' as separator, ISO 8601
// (with or without offset/Z), 10-digit (s) or 13-digit (ms) epochs. UTC ms, nullopt if unreadable.
std::optional<qint64> parseXtreamStart(QStringView text, const QTimeZone &serverZone);

// The catch-up URL templates the server advertises (Kodi placeholders), for /playlist.m3u and
// GET /api/v1/channels/{id}/buffer. baseUrl "http://host:port", no trailing slash.
struct CatchupTemplates {
    QString flussonic; // <base>/<slug>/archive-{utc}-{duration}.m3u8 (catchup-source, "default")
    QString flussonicTs; // <base>/<slug>/archive-{utc}-{duration}.ts
    QString timeshift; // <base>/timeshift/<slug>.m3u8?start={utc}&end={utcend}
    QString shift; // <base>/live/<slug>.m3u8?utc={utc}&lutc={lutc} (SIPTV)
    QString xtream; // <base>/timeshift/user/pass/{duration:60}/{Y}-{m}-{d}:{H}-{M}/<id>.ts
};
CatchupTemplates catchupTemplates(const QString &baseUrl, const QString &slug, qint64 channelId);

} // namespace panelx::timeshift
