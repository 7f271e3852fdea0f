#include "HttpServer.h"

#include "ChannelDirectory.h"
#include "hls/Playlist.h"
#include "hls/SegmentStore.h"
#include "http/LiveResponseCache.h"
#include "http/Routes.h"

#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <condition_variable>
#include <microhttpd.h>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcHttp, "panelx.http")

namespace panelx {

namespace {

constexpr const char *kAllowedMethods = "GET, HEAD, OPTIONS";
constexpr const char *kTextType = "text/plain; charset=utf-8";
constexpr const char *kMediaPlaylistType = "application/vnd.apple.mpegurl";
constexpr const char *kChannelListType = "audio/x-mpegurl";
constexpr const char *kSegmentType = "video/mp2t";
constexpr const char *kLiveCache = "no-cache";
constexpr const char *kSegmentCache = "public, max-age=31536000, immutable";
// Fetches by one connection are folded into one viewer-counter update per this interval, so
// the shared counter's lock is taken about once a second per connection, not per request.
constexpr qint64 kViewerRecordIntervalMs = 1000;
// Handlers are shallow (no recursion, small buffers); with a thread per connection a small
// stack keeps hundreds of viewers cheap.
constexpr size_t kThreadStackBytes = 512 * 1024;

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

struct ConnectionState {
    http::ClientKey client {};
    qint64 lastChannelId = 0;
    qint64 lastRecordMs = 0;
    bool corked = false; // TCP_CORK is on until the current response completes
};

ConnectionState *connectionState(MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info
        = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<ConnectionState *>(info->socket_context) : nullptr;
}

// libmicrohttpd sends a file response's headers with a send() of their own and pushes them, so
// they leave in a packet of their own ahead of the sendfile'd body: one more packet and one
// more wake-up of the client per segment, which cost about 40 % of the segment rate against
// nginx with tcp_nopush (docs/decisions.md, "HTTP server"). A corked socket holds the headers
// until the body fills the packet; uncorking when the response is complete pushes the tail.
// A body larger than libmicrohttpd's sendfile chunk (2 MiB with a thread per connection,
// 128 KiB with epoll) still has its headers pushed alone: the library then corks the socket
// itself and uncorks it after the headers.
void setCorked(MHD_Connection *connection, ConnectionState &state, bool on)
{
    const MHD_ConnectionInfo *info
        = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    const int value = on ? 1 : 0;
    if (info && ::setsockopt(info->connect_fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value) == 0)
        state.corked = on;
}

http::ClientKey keyFromSockaddr(const sockaddr *address)
{
    if (address && address->sa_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(address);
        return http::ViewerCounter::keyFromIPv4(ntohl(in->sin_addr.s_addr));
    }
    if (address && address->sa_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
        quint8 bytes[16];
        std::memcpy(bytes, in6->sin6_addr.s6_addr, 16);
        return http::ViewerCounter::keyFromIPv6(bytes);
    }
    return {};
}

QString hostPort(const sockaddr *address)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(address);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        return QStringLiteral("%1:%2").arg(QLatin1String(text)).arg(ntohs(in->sin_port));
    }
    const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
    if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) {
        inet_ntop(AF_INET, &in6->sin6_addr.s6_addr[12], text, sizeof text);
        return QStringLiteral("%1:%2").arg(QLatin1String(text)).arg(ntohs(in6->sin6_port));
    }
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return QStringLiteral("[%1]:%2").arg(QLatin1String(text)).arg(ntohs(in6->sin6_port));
}

void addCommonHeaders(MHD_Response *response)
{
    MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
}

MHD_Result queue(MHD_Connection *connection, unsigned status, MHD_Response *response)
{
    if (!response)
        return MHD_NO; // out of memory: libmicrohttpd closes this connection, others go on
    const MHD_Result result = MHD_queue_response(connection, status, response);
    MHD_destroy_response(response);
    return result;
}

MHD_Response *bufferResponse(
    const QByteArray &body, const char *contentType, const char *cacheControl)
{
    MHD_Response *response = MHD_create_response_from_buffer(
        size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return nullptr;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, contentType);
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, cacheControl);
    addCommonHeaders(response);
    return response;
}

// Error and status answers: a sentence that says what to do, as text/plain.
MHD_Result sendText(MHD_Connection *connection, unsigned status, const QString &message,
    std::initializer_list<std::pair<const char *, QByteArray>> headers = {})
{
    MHD_Response *response = bufferResponse(message.toUtf8() + '\n', kTextType, "no-store");
    if (!response)
        return MHD_NO;
    for (const auto &[name, value] : headers)
        MHD_add_response_header(response, name, value.constData());
    return queue(connection, status, response);
}

const char *header(MHD_Connection *connection, const char *name)
{
    return MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
}

// Paths reach the router exactly as sent: decoding first would let %2e%2e and %2f past it.
size_t keepEscaped(void *, MHD_Connection *, char *text)
{
    return std::strlen(text);
}

void logFromMhd(void *, const char *format, va_list arguments)
{
    char line[512];
    std::vsnprintf(line, sizeof line, format, arguments);
    qCDebug(lcHttp, "%s", line);
}

// An API request's body as it arrives, and whether it grew past the limit.
struct ApiCall {
    QByteArray body;
    bool tooLarge = false;
};

// How long an API request waits for the engine before it is answered 503.
constexpr std::chrono::seconds kApiReplyTimeout {30};

} // namespace

namespace http {
struct PendingApiReply {
    std::mutex mutex;
    std::condition_variable ready;
    std::optional<ApiResponse> response;
    bool cancelled = false; // the server is stopping
};
} // namespace http

struct HttpServer::Impl {
    // The request context of a viewer request once its headers are in (API requests have an
    // ApiCall instead).
    static inline char headersDone;

    static MHD_Result onRequest(void *cls, MHD_Connection *connection, const char *url,
        const char *method, const char *version, const char *uploadData, size_t *uploadSize,
        void **requestContext)
    {
        auto *server = static_cast<HttpServer *>(cls);
        const bool isGet = std::strcmp(method, MHD_HTTP_METHOD_GET) == 0;
        const bool isHead = !isGet && std::strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
        const bool isOptions
            = !isGet && !isHead && std::strcmp(method, MHD_HTTP_METHOD_OPTIONS) == 0;
        if (std::string_view(url).starts_with(http::kApiPrefix))
            return api(*server, connection, url, method, uploadData, uploadSize, requestContext);
        if (!*requestContext) {
            if (!isGet && !isHead && !isOptions) {
                // Answered before any body is read, which makes MHD close the connection: the
                // right end for a client that speaks a method we never serve.
                server->m_requests.fetch_add(1, std::memory_order_relaxed);
                return sendText(connection, MHD_HTTP_METHOD_NOT_ALLOWED,
                    QStringLiteral("method %1 is not allowed here; use GET or HEAD")
                        .arg(QString::fromLatin1(method).left(32)),
                    {{MHD_HTTP_HEADER_ALLOW, kAllowedMethods}});
            }
            // libmicrohttpd keeps a connection alive only when the answer comes after the
            // request is complete, i.e. from the second call.
            *requestContext = &headersDone;
            return MHD_YES;
        }
        if (*uploadSize != 0) { // a body on GET/HEAD/OPTIONS means nothing here: discard it
            *uploadSize = 0;
            return MHD_YES;
        }
        server->m_requests.fetch_add(1, std::memory_order_relaxed);
        if (!header(connection, MHD_HTTP_HEADER_HOST)
            && std::strcmp(version, MHD_HTTP_VERSION_1_0) != 0) // RFC 9112 3.2: required
            return sendText(connection, MHD_HTTP_BAD_REQUEST,
                QStringLiteral("an HTTP/1.1 request needs a Host header"));
        if (isOptions)
            return preflight(connection);
        const http::Route route = http::parseRoute(url);
        switch (route.kind) {
        case http::RouteKind::Segment:
            return segment(*server, connection, route, isGet);
        case http::RouteKind::LivePlaylist:
            return livePlaylist(*server, connection, route);
        case http::RouteKind::ChannelList:
            return channelList(*server, connection);
        case http::RouteKind::NotFound:
            return sendText(connection, MHD_HTTP_NOT_FOUND, QString::fromUtf8(route.reason));
        case http::RouteKind::BadPath:
        case http::RouteKind::Invalid:
            break;
        }
        return sendText(connection, MHD_HTTP_BAD_REQUEST, QString::fromUtf8(route.reason));
    }

    // /api/...: the body is collected (up to the limit), then the handler answers, on whatever
    // thread it likes, while this connection's own thread waits for it.
    static MHD_Result api(HttpServer &server, MHD_Connection *connection, const char *url,
        const char *method, const char *uploadData, size_t *uploadSize, void **requestContext)
    {
        if (!*requestContext) {
            *requestContext = new ApiCall;
            return MHD_YES;
        }
        auto *call = static_cast<ApiCall *>(*requestContext);
        if (*uploadSize != 0) {
            if (call->body.size() + qint64(*uploadSize) > http::kMaxApiBodyBytes) {
                call->tooLarge = true;
                call->body.clear();
            } else if (!call->tooLarge) {
                call->body.append(uploadData, qsizetype(*uploadSize));
            }
            *uploadSize = 0;
            return MHD_YES;
        }
        server.m_requests.fetch_add(1, std::memory_order_relaxed);
        if (call->tooLarge)
            return sendApi(connection,
                http::apiError(MHD_HTTP_CONTENT_TOO_LARGE,
                    QStringLiteral("the request body is larger than %1 bytes; send less")
                        .arg(http::kMaxApiBodyBytes)));
        if (!server.m_apiHandler)
            return sendApi(connection,
                http::apiError(MHD_HTTP_NOT_FOUND, QStringLiteral("this server has no admin API")));

        http::ApiRequest request;
        request.method = method;
        const char *query = std::strchr(url, '?');
        request.path = query ? QByteArray(url, query - url) : QByteArray(url);
        request.query = query ? QByteArray(query + 1) : QByteArray();
        request.authorization = header(connection, MHD_HTTP_HEADER_AUTHORIZATION);
        request.contentType = header(connection, MHD_HTTP_HEADER_CONTENT_TYPE);
        request.body = std::move(call->body);
        const MHD_ConnectionInfo *info
            = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (info && info->client_addr) {
            request.peer = QHostAddress(info->client_addr);
            bool isV4 = false;
            const quint32 v4 = request.peer.toIPv4Address(&isV4);
            if (isV4)
                request.peer = QHostAddress(v4);
        }

        auto pending = std::make_shared<http::PendingApiReply>();
        {
            std::lock_guard lock(server.m_apiMutex);
            if (server.m_apiStopping)
                return sendApi(connection,
                    http::apiError(MHD_HTTP_SERVICE_UNAVAILABLE,
                        QStringLiteral("PanelX is stopping; try again when it runs")));
            server.m_apiPending.insert(pending);
        }
        server.m_apiHandler(std::move(request), [pending](http::ApiResponse response) {
            std::lock_guard lock(pending->mutex);
            pending->response = std::move(response);
            pending->ready.notify_all();
        });
        std::optional<http::ApiResponse> response;
        {
            std::unique_lock lock(pending->mutex);
            pending->ready.wait_for(lock, kApiReplyTimeout,
                [&] { return pending->response.has_value() || pending->cancelled; });
            response = std::move(pending->response);
        }
        {
            std::lock_guard lock(server.m_apiMutex);
            server.m_apiPending.erase(pending);
        }
        if (!response)
            response = http::apiError(MHD_HTTP_SERVICE_UNAVAILABLE,
                QStringLiteral("PanelX did not answer in time (it is busy or stopping); try "
                               "again"));
        return sendApi(connection, *response);
    }

    static MHD_Result sendApi(MHD_Connection *connection, const http::ApiResponse &answer)
    {
        MHD_Response *response
            = bufferResponse(answer.body, "application/json; charset=utf-8", "no-store");
        if (!response)
            return MHD_NO;
        for (const auto &[name, value] : answer.headers)
            MHD_add_response_header(response, name.constData(), value.constData());
        return queue(connection, unsigned(answer.status), response);
    }

    static MHD_Result preflight(MHD_Connection *connection)
    {
        MHD_Response *response
            = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
        if (!response)
            return MHD_NO;
        addCommonHeaders(response);
        MHD_add_response_header(
            response, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_METHODS, kAllowedMethods);
        MHD_add_response_header(response, "Access-Control-Allow-Headers", "Range, Origin, Accept");
        MHD_add_response_header(response, "Access-Control-Max-Age", "86400");
        MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, kAllowedMethods);
        return queue(connection, MHD_HTTP_NO_CONTENT, response);
    }

    static void recordViewer(HttpServer &server, MHD_Connection *connection, qint64 channelId)
    {
        ConnectionState *state = connectionState(connection);
        if (!state)
            return;
        const qint64 nowMs = monotonicMs();
        if (state->lastChannelId == channelId
            && nowMs - state->lastRecordMs < kViewerRecordIntervalMs)
            return;
        state->lastChannelId = channelId;
        state->lastRecordMs = nowMs;
        server.m_viewers.record(channelId, state->client, nowMs);
    }

    // A channel that is switched off serves nothing, whether asked by slug or by id.
    static MHD_Result switchedOff(MHD_Connection *connection, const ChannelConfig &channel)
    {
        return sendText(connection, MHD_HTTP_NOT_FOUND,
            QStringLiteral("channel \"%1\" is switched off; enable it in PanelX to watch it")
                .arg(channel.name));
    }

    static MHD_Result segment(
        HttpServer &server, MHD_Connection *connection, const http::Route &route, bool sendsBody)
    {
        // The files of a disabled channel stay in its buffer, and a deleted channel's may not
        // be gone yet: the directory, not the folder, says what is on air.
        const std::optional<ChannelConfig> channel = server.m_channels.byId(route.channelId);
        if (!channel)
            return sendText(connection, MHD_HTTP_NOT_FOUND,
                QStringLiteral("there is no channel %1 (it may have been deleted); the list of "
                               "channels is at /playlist.m3u")
                    .arg(route.channelId));
        if (!channel->enabled)
            return switchedOff(connection, *channel);
        const QString rendition
            = QString::fromLatin1(route.rendition.data(), qsizetype(route.rendition.size()));
        // Built from the parsed numbers and the checked rendition only, never from request text.
        const QByteArray path = QFile::encodeName(
            server.m_store.segmentPath(route.channelId, rendition, route.sequence));
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        struct stat info { };
        if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            const int openError = errno;
            if (fd >= 0)
                ::close(fd);
            if (fd >= 0 || openError == ENOENT || openError == ENOTDIR)
                return sendText(connection, MHD_HTTP_NOT_FOUND,
                    QStringLiteral("segment %1 of channel %2 (%3) is not in the buffer: it is "
                                   "older than the channel's buffer or not made yet; reload the "
                                   "playlist")
                        .arg(route.sequence)
                        .arg(route.channelId)
                        .arg(rendition));
            qCWarning(lcHttp, "cannot open %s: %s", path.constData(), std::strerror(openError));
            return sendText(connection, MHD_HTTP_INTERNAL_SERVER_ERROR,
                QStringLiteral("the segment file cannot be read (%1); check the data folder's "
                               "permissions")
                    .arg(QString::fromLocal8Bit(std::strerror(openError))));
        }
        const qint64 size = info.st_size;
        const char *rangeHeader = header(connection, MHD_HTTP_HEADER_RANGE);
        const http::ByteRange range = rangeHeader ? http::parseRange(rangeHeader, size)
                                                  : http::ByteRange {http::RangeKind::None};
        if (range.kind == http::RangeKind::Unsatisfiable) {
            ::close(fd);
            return sendText(connection, MHD_HTTP_RANGE_NOT_SATISFIABLE,
                QStringLiteral("the requested range is outside the segment's %1 bytes").arg(size),
                {{MHD_HTTP_HEADER_CONTENT_RANGE, "bytes */" + QByteArray::number(size)}});
        }
        recordViewer(server, connection, route.channelId);
        const bool partial = range.kind == http::RangeKind::Satisfiable;
        const qint64 offset = partial ? range.first : 0;
        const qint64 length = partial ? range.length() : size;
        // MHD owns the descriptor from here and sends it with sendfile.
        MHD_Response *response
            = MHD_create_response_from_fd_at_offset64(uint64_t(length), fd, uint64_t(offset));
        if (!response) {
            ::close(fd);
            return MHD_NO;
        }
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, kSegmentType);
        MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, kSegmentCache);
        MHD_add_response_header(response, MHD_HTTP_HEADER_ACCEPT_RANGES, "bytes");
        addCommonHeaders(response);
        if (partial) {
            char contentRange[80];
            std::snprintf(contentRange, sizeof contentRange, "bytes %lld-%lld/%lld",
                static_cast<long long>(range.first), static_cast<long long>(range.last),
                static_cast<long long>(size));
            MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_RANGE, contentRange);
        }
        if (sendsBody && length > 0)
            if (ConnectionState *state = connectionState(connection))
                setCorked(connection, *state, true);
        return queue(connection, partial ? MHD_HTTP_PARTIAL_CONTENT : MHD_HTTP_OK, response);
    }

    static MHD_Result livePlaylist(
        HttpServer &server, MHD_Connection *connection, const http::Route &route)
    {
        const QString slug = QString::fromLatin1(route.slug.data(), qsizetype(route.slug.size()));
        const std::optional<ChannelConfig> channel = server.m_channels.bySlug(slug);
        if (!channel)
            return sendText(connection, MHD_HTTP_NOT_FOUND,
                QStringLiteral("there is no channel \"%1\"; the list of channels is at "
                               "/playlist.m3u")
                    .arg(slug));
        if (!channel->enabled)
            return switchedOff(connection, *channel);
        const QString rendition = route.rendition.empty()
            ? kSourceRendition
            : QString::fromLatin1(route.rendition.data(), qsizetype(route.rendition.size()));
        const std::optional<SegmentInfo> newest = server.m_store.last(channel->id, rendition);
        recordViewer(server, connection, channel->id);
        if (!newest) {
            const int retryS = std::max(1, (channel->segmentDurationMs + 999) / 1000);
            return sendText(connection, MHD_HTTP_SERVICE_UNAVAILABLE,
                QStringLiteral("channel \"%1\" has no segment yet (it is starting or its source "
                               "is down); retry in %2 s")
                    .arg(channel->name)
                    .arg(retryS),
                {{MHD_HTTP_HEADER_RETRY_AFTER, QByteArray::number(retryS)}});
        }
        const http::LiveWindowVersion version {
            newest->sequence, newest->startUtcMs, channel->segmentDurationMs};
        return server.m_liveResponses->queue(connection, channel->id, rendition, version, [&] {
            playlist::MediaOptions options;
            options.uriPrefix = QStringLiteral("/seg/%1/%2/").arg(channel->id).arg(rendition);
            options.targetDurationMs = channel->segmentDurationMs;
            const QList<SegmentInfo> segments
                = server.m_store.latest(channel->id, rendition, kLiveWindowSegments);
            return bufferResponse(
                playlist::renderMedia(segments, options), kMediaPlaylistType, kLiveCache);
        });
    }

    static MHD_Result channelList(HttpServer &server, MHD_Connection *connection)
    {
        QString fallback = server.m_fallbackHost;
        if (server.m_address.isNull() || server.m_address == QHostAddress::Any
            || server.m_address == QHostAddress::AnyIPv4
            || server.m_address == QHostAddress::AnyIPv6) {
            // Listening on every interface: the address this client reached us on works for it.
            const MHD_ConnectionInfo *info
                = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
            sockaddr_storage local {};
            socklen_t localLength = sizeof local;
            if (info
                && ::getsockname(
                       info->connect_fd, reinterpret_cast<sockaddr *>(&local), &localLength)
                    == 0)
                fallback = hostPort(reinterpret_cast<sockaddr *>(&local));
        }
        const char *host = header(connection, MHD_HTTP_HEADER_HOST);
        const QString base = !server.m_options.publicUrl.isEmpty()
            ? server.m_options.publicUrl
            : http::baseUrl(host ? std::string_view(host) : std::string_view(), fallback);
        QList<playlist::ChannelEntry> entries;
        for (const ChannelConfig &channel : server.m_channels.all())
            if (channel.enabled) {
                playlist::ChannelEntry entry;
                entry.name = channel.name;
                entry.tvgId = channel.slug; // stable across renames, unlike the name
                entry.url
                    = base + QStringLiteral("/live/") + channel.slug + QStringLiteral(".m3u8");
                entries.append(entry);
            }
        MHD_Response *response
            = bufferResponse(playlist::renderChannelList(entries), kChannelListType, kLiveCache);
        return queue(connection, MHD_HTTP_OK, response);
    }

    // Runs once the whole response is in the socket (or the connection is closing).
    static void onCompleted(
        void *, MHD_Connection *connection, void **requestContext, MHD_RequestTerminationCode)
    {
        if (*requestContext && *requestContext != &headersDone) {
            delete static_cast<ApiCall *>(*requestContext);
            *requestContext = nullptr;
        }
        ConnectionState *state = connectionState(connection);
        if (state && state->corked)
            setCorked(connection, *state, false);
    }

    static void onConnection(void *, MHD_Connection *connection, void **socketContext,
        MHD_ConnectionNotificationCode code)
    {
        if (code == MHD_CONNECTION_NOTIFY_STARTED) {
            auto *state = new ConnectionState;
            const MHD_ConnectionInfo *info
                = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
            state->client = keyFromSockaddr(info ? info->client_addr : nullptr);
            *socketContext = state;
        } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
            delete static_cast<ConnectionState *>(*socketContext);
            *socketContext = nullptr;
        }
    }
};

HttpServer::HttpServer(
    SegmentStore &store, const ChannelDirectory &channels, HttpServerOptions options)
    : m_store(store), m_channels(channels), m_options(options),
      m_liveResponses(std::make_unique<http::LiveResponseCache>())
{
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    stop();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };

    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv6
        || address.protocol() == QAbstractSocket::IPv6Protocol) {
        family = AF_INET6;
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address == QHostAddress::Any
            ? QHostAddress(QHostAddress::AnyIPv6).toIPv6Address()
            : address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        length = sizeof(sockaddr_in6);
    } else if (address.protocol() == QAbstractSocket::IPv4Protocol
        || address == QHostAddress::AnyIPv4) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        return fail(QStringLiteral("cannot listen on \"%1\": give an IPv4 or IPv6 address")
                        .arg(address.toString()));
    }

    int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 && address == QHostAddress::Any) { // a machine without IPv6: IPv4 only
        family = AF_INET;
        storage = {};
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(INADDR_ANY);
        length = sizeof(sockaddr_in);
        fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    }
    if (fd < 0)
        return fail(QStringLiteral("cannot open a network socket: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno))));
    const int on = 1;
    const int off = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (family == AF_INET6 && address == QHostAddress::Any) // one socket for IPv4 and IPv6
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        const int bindError = errno;
        ::close(fd);
        switch (bindError) {
        case EADDRINUSE:
            return fail(QStringLiteral("port %1 is already in use — choose another viewer port "
                                       "in Settings or with --port")
                            .arg(port));
        case EACCES:
            return fail(QStringLiteral("port %1 needs administrator rights — choose a port "
                                       "above 1023 in Settings or with --port")
                            .arg(port));
        case EADDRNOTAVAIL:
            return fail(QStringLiteral("%1 is not an address of this computer — choose "
                                       "another listen address")
                            .arg(address.toString()));
        default:
            return fail(QStringLiteral("cannot listen on %1 port %2: %3")
                            .arg(address.toString())
                            .arg(port)
                            .arg(QString::fromLocal8Bit(std::strerror(bindError))));
        }
    }
    if (::listen(fd, SOMAXCONN) != 0) {
        const int listenError = errno;
        ::close(fd);
        return fail(QStringLiteral("cannot listen on port %1: %2")
                        .arg(port)
                        .arg(QString::fromLocal8Bit(std::strerror(listenError))));
    }
    sockaddr_storage bound {};
    socklen_t boundLength = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    const quint16 boundPort = family == AF_INET6
        ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
        : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);

    const unsigned threads = m_options.threads > 0
        ? unsigned(m_options.threads)
        : unsigned(std::max(1, QThread::idealThreadCount()));
    // libmicrohttpd reads an option array up to its MHD_OPTION_END item, however short it is:
    // without the closing item it takes whatever lies past the array as further options.
    const bool pool = threads > 1 && !m_options.threadPerConnection;
    const MHD_OptionItem poolOptions[] = {
        {pool ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, intptr_t(threads), nullptr},
        {MHD_OPTION_END, 0, nullptr},
    };
    const unsigned flags = m_options.threadPerConnection
        ? MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL
            | MHD_USE_TURBO
        : MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TURBO;
    m_daemon = MHD_start_daemon(flags | MHD_USE_ERROR_LOG, 0, nullptr, nullptr, &Impl::onRequest,
        this, //
        MHD_OPTION_EXTERNAL_LOGGER, &logFromMhd, nullptr, //
        MHD_OPTION_LISTEN_SOCKET, MHD_socket(fd), //
        MHD_OPTION_CONNECTION_LIMIT, unsigned(m_options.maxConnections), //
        MHD_OPTION_CONNECTION_TIMEOUT, unsigned(m_options.idleTimeoutS), //
        // Requests carry no body, so a connection's memory only holds the request line, headers
        // and the response headers; its size is what bounds "oversized headers".
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, size_t(m_options.maxHeaderBytes), //
        MHD_OPTION_NOTIFY_CONNECTION, &Impl::onConnection, this, //
        MHD_OPTION_NOTIFY_COMPLETED, &Impl::onCompleted, this, //
        MHD_OPTION_UNESCAPE_CALLBACK, &keepEscaped, nullptr, //
        MHD_OPTION_ARRAY, poolOptions, //
        MHD_OPTION_THREAD_STACK_SIZE, size_t(kThreadStackBytes), //
        MHD_OPTION_END);
    if (!m_daemon) {
        ::close(fd);
        return fail(QStringLiteral("the viewer HTTP server could not start on port %1 (out of "
                                   "memory or threads?)")
                        .arg(boundPort));
    }
    m_port = boundPort;
    m_address = address;
    m_fallbackHost = hostPort(reinterpret_cast<sockaddr *>(&bound));
    m_requests.store(0, std::memory_order_relaxed);
    {
        std::lock_guard lock(m_apiMutex);
        m_apiStopping = false;
    }
    if (m_options.threadPerConnection)
        qCDebug(lcHttp, "listening on %s port %u, a thread per connection",
            qPrintable(address.toString()), m_port);
    else
        qCDebug(lcHttp, "listening on %s port %u with %u epoll thread(s)",
            qPrintable(address.toString()), m_port, threads);
    return true;
}

void HttpServer::stop()
{
    if (!m_daemon)
        return;
    {
        std::lock_guard lock(m_apiMutex);
        m_apiStopping = true;
        for (const auto &pending : m_apiPending) {
            std::lock_guard pendingLock(pending->mutex);
            pending->cancelled = true;
            pending->ready.notify_all();
        }
    }
    MHD_stop_daemon(m_daemon); // also closes the listening socket
    m_daemon = nullptr;
    m_port = 0;
    m_viewers.clear();
    m_liveResponses->clear();
}

int HttpServer::viewers(qint64 channelId) const
{
    return m_viewers.viewers(channelId, monotonicMs());
}

QHash<qint64, int> HttpServer::allViewers() const
{
    return m_viewers.allViewers(monotonicMs());
}

} // namespace panelx
