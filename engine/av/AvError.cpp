#include "av/AvError.h"

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

#include <QDebug>
#include <QRegularExpression>
#include <QUrl>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <mutex>

namespace panelx {

namespace {

// The last error line libav logged on this thread. A fixed buffer: the log callback runs on
// libav's hot paths and must not allocate.
thread_local char t_lastError[512] = {};
// The channel whose ingest or consumer runs on this thread (0: none).
thread_local qint64 t_channelId = 0;
thread_local QString t_channelName;
// libav sometimes logs a line in pieces ("Packet corrupt (…)" then "."): the start of a line
// not yet ended on this thread, and whether the next piece starts a new line.
thread_local QByteArray t_pendingLine;
thread_local int t_printPrefix = 1;

// Counts lines that repeat for the same channel so each is printed once per window.
class RepeatLimiter {
public:
    using Clock = std::chrono::steady_clock;

    void setWindow(std::chrono::milliseconds window)
    {
        std::lock_guard lock(m_mutex);
        m_window = window;
    }

    // Whether to print `line` now; if so, how many times it was held back before. Lines that
    // differ only in their numbers ("Packet corrupt (stream = 0, dts = 293690)") count as one.
    bool admit(qint64 channelId, const QString &line, qint64 *repeats)
    {
        static const QRegularExpression digits(QStringLiteral("\\d+"));
        const QString key = QString(line).replace(digits, QStringLiteral("#"));
        const auto now = Clock::now();
        std::lock_guard lock(m_mutex);
        if (m_seen.size() > kMaxRemembered)
            forgetOlderThan(now - m_window);
        Seen &seen = m_seen[{channelId, key}];
        if (seen.repeats >= 0 && now - seen.printedAt < m_window) {
            ++seen.repeats;
            return false;
        }
        *repeats = std::max<qint64>(seen.repeats, 0);
        seen.printedAt = now;
        seen.repeats = 0;
        return true;
    }

private:
    // Lines with other changing parts (names, addresses) are all distinct: bound the memory.
    static constexpr size_t kMaxRemembered = 512;
    struct Seen {
        Clock::time_point printedAt;
        qint64 repeats = -1; // -1: never printed
    };

    void forgetOlderThan(Clock::time_point cutoff)
    {
        for (auto it = m_seen.begin(); it != m_seen.end();)
            it = it->second.printedAt < cutoff ? m_seen.erase(it) : std::next(it);
    }

    std::mutex m_mutex;
    std::chrono::milliseconds m_window = kDefaultAvLogRepeatWindow;
    std::map<std::pair<qint64, QString>, Seen> m_seen;
};

RepeatLimiter &repeatLimiter()
{
    static RepeatLimiter limiter;
    return limiter;
}

void logCallback(void *avcl, int level, const char *fmt, va_list args)
{
    if (level <= AV_LOG_ERROR) {
        va_list copy;
        va_copy(copy, args);
        int printPrefix = 0;
        av_log_format_line2(avcl, level, fmt, copy, t_lastError, sizeof t_lastError, &printPrefix);
        va_end(copy);
    }
    if (level > av_log_get_level())
        return;
    char buffer[1024] = {};
    av_log_format_line2(avcl, level, fmt, args, buffer, sizeof buffer, &t_printPrefix);
    t_pendingLine += buffer;
    if (!t_pendingLine.endsWith('\n') && t_pendingLine.size() < qsizetype(sizeof buffer))
        return;
    const QString line = QString::fromUtf8(t_pendingLine).trimmed();
    t_pendingLine.clear();
    qint64 repeats = 0;
    if (line.isEmpty() || !repeatLimiter().admit(t_channelId, line, &repeats))
        return;
    QString text = t_channelId != 0
        ? QStringLiteral("Channel %1 (%2): %3").arg(t_channelId).arg(t_channelName, line)
        : line;
    if (repeats > 0)
        text += QStringLiteral(" (repeated %1 times)").arg(repeats);
    if (level <= AV_LOG_WARNING)
        qWarning().noquote() << text;
    else
        qInfo().noquote() << text;
}

bool isNetworkScheme(const QString &scheme)
{
    static const QStringList network = {"http", "https", "udp", "rtp", "rtsp", "rtsps", "rtmp",
        "rtmps", "rtmpt", "srt", "tcp", "tls", "rist", "mmsh", "mmst", "hls", "ftp", "sftp"};
    return network.contains(scheme);
}

QString hostPort(const QUrl &url)
{
    QString host = url.host();
    if (host.isEmpty())
        host = QStringLiteral("any address");
    if (url.port() > 0)
        return host + QLatin1Char(':') + QString::number(url.port());
    return host;
}

// Hides user names and passwords (rtsp://user:pass@camera/…) from messages and logs.
QString publicUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

bool contains(const QString &text, const char *what)
{
    return text.contains(QLatin1String(what), Qt::CaseInsensitive);
}

} // namespace

QString avErrorString(int error)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(error, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

bool isFileUrl(const QString &url)
{
    if (url.startsWith(QLatin1String("file:")) || url.startsWith(QLatin1Char('/')))
        return true;
    // "name:rest" is a protocol; a bare relative path has no colon before its first slash.
    const int colon = url.indexOf(QLatin1Char(':'));
    const int slash = url.indexOf(QLatin1Char('/'));
    return colon < 0 || (slash >= 0 && slash < colon);
}

QString filePathOfUrl(const QString &url)
{
    if (url.startsWith(QLatin1String("file://")))
        return QUrl(url).toLocalFile();
    if (url.startsWith(QLatin1String("file:")))
        return url.mid(5);
    return url;
}

QString describeUrlTarget(const QString &url)
{
    if (isFileUrl(url))
        return filePathOfUrl(url);
    const QUrl parsed(url);
    if (parsed.isValid() && isNetworkScheme(parsed.scheme().toLower()))
        return hostPort(parsed);
    return publicUrl(parsed);
}

QString describeTimeout(const QString &url, int timeoutMs)
{
    const QString seconds = QString::number(timeoutMs / 1000.0, 'g', 3);
    if (isFileUrl(url))
        return QStringLiteral("timed out after %1 s reading %2").arg(seconds, filePathOfUrl(url));
    return QStringLiteral("timed out after %1 s waiting for %2 — is the source sending?")
        .arg(seconds, describeUrlTarget(url));
}

QString describeAvError(int error, const QString &url)
{
    const bool file = isFileUrl(url);
    const QUrl parsed(url);
    const QString target = describeUrlTarget(url);
    const QString where = file ? target : publicUrl(parsed);
    const QString logged = lastAvLogError();

    switch (error) {
    case AVERROR(ECONNREFUSED):
        return QStringLiteral("connection refused by %1 — is the source running?").arg(target);
    case AVERROR(ETIMEDOUT):
        return QStringLiteral("timed out waiting for %1 — is the source reachable?").arg(target);
    case AVERROR(ECONNRESET):
    case AVERROR(EPIPE):
        return QStringLiteral("connection reset by %1 — the source closed the stream").arg(target);
    case AVERROR(EHOSTUNREACH):
    case AVERROR(ENETUNREACH):
        return QStringLiteral("%1 cannot be reached — check the address and the network")
            .arg(target);
    case AVERROR(EADDRINUSE):
        return QStringLiteral("the address %1 is already in use on this computer — another "
                              "program or channel is listening there")
            .arg(target);
    case AVERROR(EADDRNOTAVAIL):
        return QStringLiteral("the address %1 is not available on this computer").arg(target);
    case AVERROR(ENOENT):
        return file ? QStringLiteral("file not found: %1").arg(target)
                    : QStringLiteral("not found: %1").arg(where);
    case AVERROR(EACCES):
    case AVERROR(EPERM):
        return file ? QStringLiteral("permission denied reading %1 — check the file's "
                                     "permissions")
                          .arg(target)
                    : QStringLiteral("permission denied for %1").arg(where);
    case AVERROR(EISDIR):
        return QStringLiteral("%1 is a folder, not a media file").arg(target);
    case AVERROR(ENOMEM):
        return QStringLiteral("out of memory while reading %1").arg(where);
    case AVERROR_HTTP_BAD_REQUEST:
        return QStringLiteral("HTTP 400 (bad request) from %1 — check the address").arg(where);
    case AVERROR_HTTP_UNAUTHORIZED:
        return QStringLiteral("HTTP 401 from %1 — the source needs a user name and password")
            .arg(where);
    case AVERROR_HTTP_FORBIDDEN:
        return QStringLiteral("HTTP 403 from %1 — the source refuses access (check the token "
                              "or subscription)")
            .arg(where);
    case AVERROR_HTTP_NOT_FOUND:
        return QStringLiteral("HTTP 404 from %1 — check the address").arg(where);
    case AVERROR_HTTP_OTHER_4XX:
        return QStringLiteral("HTTP client error (4xx) from %1 — check the address").arg(where);
    case AVERROR_HTTP_SERVER_ERROR:
        return QStringLiteral("HTTP server error (5xx) from %1 — the source has a problem")
            .arg(where);
    case AVERROR_INVALIDDATA:
        return QStringLiteral("not a media stream PanelX can read (invalid data) at %1").arg(where);
    case AVERROR_PROTOCOL_NOT_FOUND:
        return QStringLiteral("unsupported protocol \"%1:\" — use file, http(s), hls, udp, rtp, "
                              "rtsp, rtmp or srt")
            .arg(parsed.scheme());
    case AVERROR_DEMUXER_NOT_FOUND:
        return QStringLiteral("unknown media format at %1").arg(where);
    case AVERROR_STREAM_NOT_FOUND:
        return QStringLiteral("no audio or video stream found at %1").arg(where);
    case AVERROR_EOF:
        return file ? QStringLiteral("end of file: %1").arg(target)
                    : QStringLiteral("the source %1 ended the stream").arg(target);
    case AVERROR_EXIT:
        return QStringLiteral("stopped");
    default:
        break;
    }

    // Failures libav reports as a generic I/O error but explains in its log.
    if (contains(logged, "resolve hostname") || contains(logged, "getaddrinfo")
        || contains(logged, "Name or service not known")) {
        const QString host = parsed.host().isEmpty() ? target : parsed.host();
        return QStringLiteral("no such host: %1 — check the address").arg(host);
    }
    if (contains(logged, "Connection refused"))
        return QStringLiteral("connection refused by %1 — is the source running?").arg(target);
    if (contains(logged, "404 Not Found"))
        return QStringLiteral("HTTP 404 from %1 — check the address").arg(where);
    if (contains(logged, "certificate") || contains(logged, "TLS"))
        return QStringLiteral("secure connection to %1 failed: %2").arg(target, logged.trimmed());

    const QString detail = avErrorString(error);
    if (error == AVERROR(EIO))
        return QStringLiteral("input/output error with %1%2")
            .arg(where,
                logged.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(logged.trimmed()));
    return QStringLiteral("%1: %2").arg(where, detail);
}

void installAvLogCapture()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // libav's default level prints encoder statistics and stream banners per channel;
        // warnings and errors are what an operator's log needs. An explicit level is kept.
        if (av_log_get_level() == AV_LOG_INFO)
            av_log_set_level(AV_LOG_WARNING);
        av_log_set_callback(logCallback);
    });
}

void clearLastAvLogError()
{
    t_lastError[0] = '\0';
}

QString lastAvLogError()
{
    return QString::fromUtf8(t_lastError).trimmed();
}

void setAvLogRepeatWindow(std::chrono::milliseconds window)
{
    repeatLimiter().setWindow(window);
}

AvLogChannelScope::AvLogChannelScope(qint64 channelId, const QString &channelName)
    : m_previousId(t_channelId), m_previousName(t_channelName)
{
    t_channelId = channelId;
    t_channelName = channelName;
}

AvLogChannelScope::~AvLogChannelScope()
{
    t_channelId = m_previousId;
    t_channelName = m_previousName;
}

} // namespace panelx
