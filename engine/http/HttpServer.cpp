#include "HttpServer.h"

#include "ChannelDirectory.h"
#include "dvr/ExportCache.h"
#include "hls/SegmentStore.h"
#include "http/LiveRoutes.h"
#include "http/OpenFileLimit.h"
#include "http/RecordingRoutes.h"
#include "http/Routes.h"
#include "http/SegmentFiles.h"
#include "http/TimeshiftRoutes.h"
#include "timeshift/CatchupRequest.h"
#include "timeshift/Thumbnailer.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <QTimeZone>

// Qt's `slots` keyword macro would eat a member of the library's structs.
#pragma push_macro("slots")
#undef slots
#include <h2o.h>
#include <h2o/multithread.h>
#pragma pop_macro("slots")

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <set>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

Q_LOGGING_CATEGORY(lcHttp, "panelx.http")

namespace panelx {

namespace {

constexpr const char *kAllowedMethods = "GET, HEAD, OPTIONS";
constexpr std::string_view kTextType = "text/plain; charset=utf-8";
constexpr std::string_view kJsonType = "application/json; charset=utf-8";
constexpr std::string_view kNoStore = "no-store";
// Fetches by one connection are folded into one viewer-counter update per this interval, so
// the shared counter's lock is taken about once a second per connection, not per request.
constexpr qint64 kViewerRecordIntervalMs = 1000;
// How long an API request waits for the engine before it is answered 503.
constexpr uint64_t kApiTimeoutMs = 30'000;
// How long a download waits for its MP4 to be made before it is answered 503 with Retry-After:
// under the 30 s a client such as `panelx ctl` waits for a first byte.
constexpr uint64_t kExportWaitMs = 25'000;
// The library reads a request body whole before a handler sees it, and answers 413 itself
// (plain text, connection closed) above its own limit. A little above ours, so a body just
// over kMaxApiBodyBytes still gets the API's JSON answer.
constexpr size_t kBodySlackBytes = 64 * 1024;
// Downloads held open at once (each a whole recording, fetched by few clients at a time).
constexpr int kExportFilesOpen = 8;
// When a download is still being made after kExportWaitMs: ask again this much later.
constexpr int kExportRetryS = 10;
// How often a continuous MPEG-TS body at the live edge looks for the next segment: a quarter of
// the shortest segment a channel makes.
constexpr uint64_t kLiveEdgePollMs = 250;
// How long a /thumb/ request waits for its still (a few at most are queued before it, each a
// single decoded picture) before it is answered 503 with Retry-After.
constexpr uint64_t kStillWaitMs = 10'000;
constexpr int kStillRetryS = 2;
// Connections accepted per wake-up of a loop, so one busy listener cannot starve the others.
constexpr int kAcceptBatch = 32;
// How long stop() lets each loop close its connections before it gives up on them.
constexpr auto kStopGrace = std::chrono::seconds(3);

// The monotonic clock the viewer counter runs on, in ms.
qint64 monotonicMs()
{
    return QDeadlineTimer::current().deadline();
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

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

// A name the route parser checked (slug, rendition): ASCII only.
QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

bool methodIs(const h2o_req_t *req, std::string_view method)
{
    return h2o_memis(req->method.base, req->method.len, method.data(), method.size());
}

bool isHead(const h2o_req_t *req)
{
    return methodIs(req, "HEAD");
}

// Header values must live until the response is sent: static text as is, anything else copied
// into the request's pool.
void addHeader(h2o_req_t *req, const h2o_token_t *name, std::string_view staticValue)
{
    h2o_add_header(
        &req->pool, &req->res.headers, name, nullptr, staticValue.data(), staticValue.size());
}

void addHeaderCopy(h2o_req_t *req, const h2o_token_t *name, const QByteArray &value)
{
    const h2o_iovec_t copy = h2o_strdup(&req->pool, value.constData(), size_t(value.size()));
    h2o_add_header(&req->pool, &req->res.headers, name, nullptr, copy.base, copy.len);
}

void addHeaderByName(h2o_req_t *req, const QByteArray &name, const QByteArray &value)
{
    const h2o_iovec_t nameCopy = h2o_strdup(&req->pool, name.constData(), size_t(name.size()));
    const h2o_iovec_t copy = h2o_strdup(&req->pool, value.constData(), size_t(value.size()));
    h2o_add_header_by_str(&req->pool, &req->res.headers, nameCopy.base, nameCopy.len, 0, nullptr,
        copy.base, copy.len);
}

void startHeaders(
    h2o_req_t *req, int status, std::string_view contentType, std::string_view cacheControl)
{
    req->res.status = status;
    req->res.reason = reasonPhrase(status);
    addHeader(req, H2O_TOKEN_CONTENT_TYPE, contentType);
    addHeader(req, H2O_TOKEN_CACHE_CONTROL, cacheControl);
    addHeader(req, H2O_TOKEN_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
}

// A body copied into the request (h2o_send_inline leaves it out for HEAD).
void sendCopy(h2o_req_t *req, const QByteArray &body)
{
    req->res.content_length = size_t(body.size());
    h2o_send_inline(req, body.constData(), size_t(body.size()));
}

// The headers of a response without a body to send (HEAD, or an empty body).
void sendHeadersOnly(h2o_req_t *req, size_t length)
{
    req->res.content_length = length;
    static h2o_generator_t generator = {nullptr, nullptr};
    h2o_start_response(req, &generator);
    h2o_send(req, nullptr, 0, H2O_SEND_STATE_FINAL);
}

// A body that lives elsewhere (a cached playlist, a slice of a timeshift buffer): `owner` keeps
// the parts alive until the request is done, i.e. until the last byte is in the socket.
void sendShared(
    h2o_req_t *req, std::shared_ptr<const void> owner, const QList<QByteArrayView> &parts)
{
    size_t length = 0;
    for (const QByteArrayView part : parts)
        length += size_t(part.size());
    if (isHead(req) || length == 0) {
        sendHeadersOnly(req, length);
        return;
    }
    using Owner = std::shared_ptr<const void>;
    void *slot = h2o_mem_alloc_shared(
        &req->pool, sizeof(Owner), [](void *p) { static_cast<Owner *>(p)->~Owner(); });
    new (slot) Owner(std::move(owner));
    req->res.content_length = length;
    static h2o_generator_t generator = {nullptr, nullptr};
    h2o_start_response(req, &generator);
    // Headers and body leave in one writev, so a small body is one TCP segment.
    auto *body = static_cast<h2o_iovec_t *>(
        h2o_mem_alloc_pool(&req->pool, sizeof(h2o_iovec_t) * size_t(parts.size())));
    size_t count = 0;
    for (const QByteArrayView part : parts)
        if (!part.isEmpty())
            body[count++] = h2o_iovec_init(part.data(), size_t(part.size()));
    h2o_send(req, body, count, H2O_SEND_STATE_FINAL);
}

// Error and status answers: a sentence that says what to do, as text/plain.
void sendText(h2o_req_t *req, int status, const QString &message,
    std::initializer_list<std::pair<const h2o_token_t *, QByteArray>> headers = {})
{
    startHeaders(req, status, kTextType, kNoStore);
    for (const auto &[name, value] : headers)
        addHeaderCopy(req, name, value);
    sendCopy(req, message.toUtf8() + '\n');
}

void sendApi(h2o_req_t *req, const http::ApiResponse &answer)
{
    startHeaders(req, answer.status, kJsonType, kNoStore);
    for (const auto &[name, value] : answer.headers)
        addHeaderByName(req, name, value);
    sendCopy(req, answer.body);
}

const h2o_iovec_t *requestHeader(const h2o_req_t *req, const h2o_token_t *name)
{
    const ssize_t index = h2o_find_header(&req->headers, name, -1);
    return index < 0 ? nullptr : &req->headers.entries[index].value;
}

QByteArray requestHeaderBytes(const h2o_req_t *req, const h2o_token_t *name)
{
    const h2o_iovec_t *value = requestHeader(req, name);
    return value ? QByteArray(value->base, qsizetype(value->len)) : QByteArray();
}

// The request line and headers as sent, give or take the separators.
size_t requestHeadBytes(const h2o_req_t *req)
{
    size_t bytes = req->input.method.len + req->input.path.len + req->input.authority.len;
    for (size_t i = 0; i < req->headers.size; ++i)
        bytes += req->headers.entries[i].name->len + req->headers.entries[i].value.len + 4;
    return bytes;
}

} // namespace

namespace http {

struct Loop;

struct SegmentSend;

// One accepted connection, known to its loop from accept until the socket closes.
struct Connection {
    Loop *loop = nullptr;
    int fd = -1;
    h2o_socket_t *socket = nullptr;
    SegmentSend *sending = nullptr; // the segment body being sent, if any
    sockaddr_storage peer {};
    ClientKey client {};
    qint64 lastChannelId = 0;
    qint64 lastRecordMs = 0;
};

// A request answered later from another thread (an API call on the engine's, a download once it
// is made). Only its loop's thread touches it; the answer's closure holds it only to carry it
// back to that thread.
struct Deferred;
struct DeferredTimeout {
    h2o_timeout_entry_t super {}; // first: the library hands back a pointer to it
    Deferred *deferred = nullptr;
};
struct Deferred {
    Loop *loop = nullptr;
    h2o_req_t *req = nullptr;
    bool alive = true; // false once answered or once the request is gone
    DeferredTimeout timeout;
    // Answers when nothing came in time (stopping = false) or the server stops (true).
    std::function<void(h2o_req_t *, bool stopping)> fallback;
};

// Messages to a loop thread from any thread.
struct Message;
struct MessageLink {
    h2o_multithread_message_t super {}; // first: the library hands back its link
    Message *message = nullptr;
};
struct Message {
    enum class Kind { Stop, ResumeAccepting, Answer };
    explicit Message(Kind k) : kind(k) { link.message = this; }
    MessageLink link;
    Kind kind;
    std::shared_ptr<Deferred> deferred;
    std::function<void(h2o_req_t *)> answer;
};

// Where other threads post to a loop; closed (receiver null) once the loop has stopped, after
// which a post is dropped.
struct Mailbox {
    std::mutex mutex;
    h2o_multithread_receiver_t *receiver = nullptr;
    bool post(Message *message)
    {
        std::lock_guard lock(mutex);
        if (!receiver) {
            delete message;
            return false;
        }
        h2o_multithread_send_message(receiver, &message->link.super);
        return true;
    }
};

struct LoopReceiver {
    h2o_multithread_receiver_t super {}; // first: the library hands back a pointer to it
    Loop *loop = nullptr;
};

struct RequestHandler {
    h2o_handler_t super; // first: the library hands back a pointer to it
    HttpServer::Running *running;
};

struct SendWait {
    h2o_timeout_entry_t super {}; // first: the library hands back a pointer to it
    SegmentSend *send = nullptr;
};

// A segment body sent with sendfile(2) straight from the file to the connection's socket, after
// the library has written the headers; or a continuous body of several segments, one file after
// another. Lives in the request's pool.
struct SegmentSend {
    h2o_generator_t super {}; // first: the library hands back a pointer to it
    h2o_req_t *req = nullptr;
    Connection *connection = nullptr;
    SegmentFiles::Handle file;
    off_t offset = 0;
    off_t end = 0;
    // A continuous body: its segments, and the sequence of `file` among them.
    std::optional<SegmentStream> stream;
    qint64 sequence = 0;
    SendWait wait; // linked to the loop's liveEdge while the next segment is not made yet
};

struct Loop {
    HttpServer::Running *running = nullptr;
    h2o_evloop_t *evloop = nullptr;
    h2o_context_t context {};
    h2o_accept_ctx_t accept {};
    int listenFd = -1; // this loop's copy of the listening socket
    h2o_socket_t *listener = nullptr;
    LoopReceiver receiver;
    h2o_timeout_t apiTimeout {}; // kApiTimeoutMs
    h2o_timeout_t exportWait {}; // kExportWaitMs
    h2o_timeout_t liveEdge {}; // kLiveEdgePollMs
    h2o_timeout_t stillWait {}; // kStillWaitMs
    std::shared_ptr<Mailbox> mailbox = std::make_shared<Mailbox>();
    std::thread thread;
    std::atomic<bool> acceptPaused {false};
    // Only the loop's thread touches these.
    bool stopping = false;
    std::set<Connection *> connections;
    std::set<Deferred *> deferred;
};

} // namespace http

struct HttpServer::Running {
    HttpServer &server;
    h2o_globalconf_t config {};
    int listenFd = -1;
    QString fallbackHost; // "host:port" for URLs when a request has no usable Host header
    bool listensEverywhere = false;
    int connectionCap = 0;
    http::LiveRoutes live;
    std::optional<http::TimeshiftRoutes> timeshift;
    // Xtream start times are wall-clock times in the server's zone.
    const QTimeZone serverZone = QTimeZone::systemTimeZone();
    http::SegmentFiles segments;
    std::optional<http::RecordingRoutes> recordings;
    http::SegmentFiles exportFiles; // the downloads ExportCache made
    std::vector<std::unique_ptr<http::Loop>> loops;
    std::atomic<int> open {0};
    std::mutex addressMutex;
    QHash<QByteArray, int> perAddress; // client key -> open connections

    explicit Running(HttpServer &s)
        : server(s), live(s.m_store, s.m_channels, s.m_renditions),
          segments(http::SegmentFiles::kDefaultMaxEntries, QFile::encodeName(s.m_store.rootDir())),
          exportFiles(kExportFilesOpen,
              s.m_exports ? QFile::encodeName(s.m_exports->folder()) : QByteArray())
    {
        if (s.m_recordings)
            recordings.emplace(*s.m_recordings, s.m_store, s.m_channels, s.m_renditions);
        if (s.m_buffers)
            timeshift.emplace(s.m_channels, s.m_store, *s.m_buffers, live, s.m_renditions);
    }

    // --- connections ----------------------------------------------------------------------

    bool admit(const http::ClientKey &client)
    {
        const QByteArray key(
            reinterpret_cast<const char *>(client.data()), qsizetype(client.size()));
        std::lock_guard lock(addressMutex);
        int &count = perAddress[key];
        if (count >= server.m_options.maxConnectionsPerAddress) {
            if (count == 0)
                perAddress.remove(key);
            return false;
        }
        ++count;
        open.fetch_add(1, std::memory_order_relaxed);
        return true;
    }

    void release(const http::ClientKey &client)
    {
        const QByteArray key(
            reinterpret_cast<const char *>(client.data()), qsizetype(client.size()));
        {
            std::lock_guard lock(addressMutex);
            const auto it = perAddress.find(key);
            if (it != perAddress.end() && --*it <= 0)
                perAddress.erase(it);
        }
        if (open.fetch_sub(1, std::memory_order_relaxed) - 1 >= connectionCap)
            return;
        for (const auto &loop : loops)
            if (loop->acceptPaused.exchange(false))
                loop->mailbox->post(new http::Message(http::Message::Kind::ResumeAccepting));
    }

    static void pauseAccepting(http::Loop &loop)
    {
        // Level-triggered: a listener left readable at the cap (or out of descriptors) would
        // wake the loop again and again.
        h2o_socket_read_stop(loop.listener);
        loop.acceptPaused.store(true);
        // A connection may have closed between the check and the flag: look again.
        if (loop.running->open.load() < loop.running->connectionCap
            && loop.acceptPaused.exchange(false))
            h2o_socket_read_start(loop.listener, &Running::onAccept);
    }

    static void onAccept(h2o_socket_t *listener, const char *err)
    {
        auto &loop = *static_cast<http::Loop *>(listener->data);
        Running &self = *loop.running;
        if (err || loop.stopping)
            return;
        for (int i = 0; i < kAcceptBatch; ++i) {
            if (self.open.load(std::memory_order_relaxed) >= self.connectionCap) {
                pauseAccepting(loop);
                return;
            }
            sockaddr_storage peer {};
            socklen_t peerLength = sizeof peer;
            const int fd = ::accept4(loop.listenFd, reinterpret_cast<sockaddr *>(&peer),
                &peerLength, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EMFILE || errno == ENFILE) {
                    qCWarning(lcHttp,
                        "out of file descriptors: not accepting until a "
                        "connection closes");
                    pauseAccepting(loop);
                }
                return; // EAGAIN: all accepted; anything else: the client left already
            }
            const http::ClientKey client = keyFromSockaddr(reinterpret_cast<sockaddr *>(&peer));
            if (!self.admit(client)) {
                ::close(fd); // this address holds its share already
                continue;
            }
            const int on = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            auto *connection = new http::Connection;
            connection->loop = &loop;
            connection->fd = fd;
            connection->peer = peer;
            connection->client = client;
            loop.connections.insert(connection);
            h2o_socket_t *socket = h2o_evloop_socket_create(loop.evloop, fd, 0);
            connection->socket = socket;
            socket->on_close.cb = &Running::onConnectionClosed;
            socket->on_close.data = connection;
            h2o_accept(&loop.accept, socket);
        }
    }

    static void onConnectionClosed(void *data)
    {
        auto *connection = static_cast<http::Connection *>(data);
        http::Loop &loop = *connection->loop;
        loop.connections.erase(connection);
        loop.running->release(connection->client);
        delete connection;
    }

    static http::Connection *connectionOf(h2o_req_t *req)
    {
        h2o_socket_t *socket = req->conn->callbacks->get_socket(req->conn);
        return socket ? static_cast<http::Connection *>(socket->on_close.data) : nullptr;
    }

    // --- loop threads ---------------------------------------------------------------------

    static void onMessages(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages)
    {
        http::Loop &loop = *reinterpret_cast<http::LoopReceiver *>(receiver)->loop;
        while (!h2o_linklist_is_empty(messages)) {
            h2o_linklist_t *node = messages->next;
            h2o_linklist_unlink(node);
            std::unique_ptr<http::Message> message(
                reinterpret_cast<http::MessageLink *>(node)->message);
            switch (message->kind) {
            case http::Message::Kind::Stop:
                beginStop(loop);
                break;
            case http::Message::Kind::ResumeAccepting:
                if (!loop.stopping && loop.listener)
                    h2o_socket_read_start(loop.listener, &Running::onAccept);
                break;
            case http::Message::Kind::Answer:
                answerDeferred(*message->deferred, message->answer);
                break;
            }
        }
    }

    static void beginStop(http::Loop &loop)
    {
        loop.stopping = true;
        if (loop.listener) {
            h2o_socket_close(loop.listener); // closes this loop's copy of the socket
            loop.listener = nullptr;
        }
        for (http::Deferred *deferred : std::set(loop.deferred))
            answerDeferred(*deferred,
                [fallback = deferred->fallback](h2o_req_t *req) { fallback(req, true); });
        // Every connection then sees end of file or a failed write, and the library closes it.
        for (http::Connection *connection : loop.connections)
            ::shutdown(connection->fd, SHUT_RDWR);
    }

    static void run(http::Loop *loop)
    {
        pthread_setname_np(pthread_self(), "http");
        while (!loop->stopping)
            h2o_evloop_run(loop->evloop, INT32_MAX);
        const auto deadline = std::chrono::steady_clock::now() + kStopGrace;
        while (!loop->connections.empty() && std::chrono::steady_clock::now() < deadline)
            h2o_evloop_run(loop->evloop, 50);
        {
            std::lock_guard lock(loop->mailbox->mutex);
            loop->mailbox->receiver = nullptr;
        }
        // Nothing is posted any more: what is left are replies nobody waits for.
        while (!h2o_linklist_is_empty(&loop->receiver.super._messages)) {
            h2o_linklist_t *node = loop->receiver.super._messages.next;
            h2o_linklist_unlink(node);
            delete reinterpret_cast<http::MessageLink *>(node)->message;
        }
        h2o_multithread_unregister_receiver(loop->context.queue, &loop->receiver.super);
        if (!loop->connections.empty()) {
            // The library cannot drop a connection from outside; leaving the loop is the lesser
            // harm than freeing what it still uses.
            qCWarning(lcHttp, "%zu connection(s) did not close in time; leaving them",
                loop->connections.size());
            return;
        }
        h2o_timeout_dispose(loop->evloop, &loop->apiTimeout);
        h2o_timeout_dispose(loop->evloop, &loop->exportWait);
        h2o_timeout_dispose(loop->evloop, &loop->liveEdge);
        h2o_timeout_dispose(loop->evloop, &loop->stillWait);
        h2o_context_dispose(&loop->context);
        h2o_evloop_destroy(loop->evloop);
        loop->evloop = nullptr;
    }

    bool startLoops(int threads, QString *error)
    {
        for (int i = 0; i < threads; ++i) {
            auto loop = std::make_unique<http::Loop>();
            loop->running = this;
            loop->listenFd = ::fcntl(listenFd, F_DUPFD_CLOEXEC, 0);
            if (loop->listenFd < 0) {
                *error = QStringLiteral("cannot open the viewer server's socket: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
            loop->evloop = h2o_evloop_create();
            h2o_context_init(&loop->context, loop->evloop, &config);
            loop->accept.ctx = &loop->context;
            loop->accept.hosts = config.hosts;
            loop->receiver.loop = loop.get();
            h2o_multithread_register_receiver(
                loop->context.queue, &loop->receiver.super, &Running::onMessages);
            loop->mailbox->receiver = &loop->receiver.super;
            h2o_timeout_init(loop->evloop, &loop->apiTimeout, kApiTimeoutMs);
            h2o_timeout_init(loop->evloop, &loop->exportWait, kExportWaitMs);
            h2o_timeout_init(loop->evloop, &loop->liveEdge, kLiveEdgePollMs);
            h2o_timeout_init(loop->evloop, &loop->stillWait, kStillWaitMs);
            loop->listener
                = h2o_evloop_socket_create(loop->evloop, loop->listenFd, H2O_SOCKET_FLAG_DONT_READ);
            loop->listener->data = loop.get();
            h2o_socket_read_start(loop->listener, &Running::onAccept);
            loops.push_back(std::move(loop));
        }
        for (const auto &loop : loops)
            loop->thread = std::thread(&Running::run, loop.get());
        return true;
    }

    void stopLoops()
    {
        for (const auto &loop : loops)
            if (loop->thread.joinable())
                loop->mailbox->post(new http::Message(http::Message::Kind::Stop));
        bool leaked = false;
        for (const auto &loop : loops) {
            if (loop->thread.joinable())
                loop->thread.join();
            leaked = leaked || loop->evloop != nullptr;
        }
        if (!leaked) {
            loops.clear();
            h2o_config_dispose(&config);
        } else {
            for (auto &loop : loops)
                (void)loop.release(); // still referenced by the library's leftovers
        }
        ::close(listenFd);
        listenFd = -1;
    }

    // --- requests -------------------------------------------------------------------------

    static int onRequest(h2o_handler_t *handler, h2o_req_t *req)
    {
        Running &self = *reinterpret_cast<http::RequestHandler *>(handler)->running;
        // The target exactly as sent (never percent-decoded), without its query string.
        const std::string_view target(req->input.path.base, req->input.path.len);
        const std::string_view path
            = req->query_at == SIZE_MAX ? target : target.substr(0, req->query_at);
        // The library itself reads up to about 400 KiB of request head (and answers 400 above).
        if (requestHeadBytes(req) > size_t(self.server.m_options.maxHeaderBytes)) {
            self.server.m_requests.fetch_add(1, std::memory_order_relaxed);
            req->http1_is_persistent = 0;
            sendText(req, 431,
                QStringLiteral("the request line and headers are larger than %1 bytes; send "
                               "fewer or shorter headers")
                    .arg(self.server.m_options.maxHeaderBytes));
            return 0;
        }
        if (path.starts_with(http::kApiPrefix)) {
            self.api(req, path, target);
            return 0;
        }
        self.server.m_requests.fetch_add(1, std::memory_order_relaxed);
        const bool isOptions = methodIs(req, "OPTIONS");
        if (!methodIs(req, "GET") && !isHead(req) && !isOptions) {
            sendText(req, 405,
                QStringLiteral("method %1 is not allowed here; use GET or HEAD")
                    .arg(
                        QString::fromLatin1(req->method.base, qsizetype(req->method.len)).left(32)),
                {{H2O_TOKEN_ALLOW, kAllowedMethods}});
            return 0;
        }
        // Without a Host header the library names the request after its default host, whose
        // name is then the very same string.
        const bool hasHost = req->authority.base != req->hostconf->authority.hostport.base;
        if (!hasHost && req->version >= 0x101) { // RFC 9112 3.2: required
            sendText(req, 400, QStringLiteral("an HTTP/1.1 request needs a Host header"));
            return 0;
        }
        if (isOptions) {
            preflight(req);
            return 0;
        }
        const http::Route route = http::parseRoute(path);
        // Catch-up forms live beside the live routes: /live/<slug>.m3u8?utc=…, /<slug>/…,
        // /timeshift/…, /streaming/timeshift.php.
        if (route.kind == http::RouteKind::NotFound
            || route.kind == http::RouteKind::LivePlaylist) {
            const std::string_view query
                = req->query_at == SIZE_MAX ? std::string_view() : target.substr(req->query_at + 1);
            const qint64 nowUtcMs = QDateTime::currentMSecsSinceEpoch();
            const timeshift::CatchupParse catchup
                = timeshift::parseCatchup(path, query, self.serverZone, nowUtcMs);
            if (catchup.outcome == timeshift::CatchupParse::Outcome::BadRequest) {
                sendText(req, 400, catchup.error);
                return 0;
            }
            const timeshift::CatchupRequest &request = catchup.request;
            if (catchup.outcome == timeshift::CatchupParse::Outcome::Request
                && request.kind == timeshift::WindowKind::Live) {
                self.sendAnswer(req, self.segments,
                    request.body == timeshift::BodyKind::TransportStream
                        ? self.live.stream(request.channel)
                        : self.live.channelPlaylist(request.channel));
                return 0;
            }
            if (catchup.outcome == timeshift::CatchupParse::Outcome::Request) {
                if (self.timeshift)
                    self.sendAnswer(req, self.segments, self.timeshift->answer(request, nowUtcMs));
                else
                    sendText(req, 404, QStringLiteral("this server keeps no timeshift buffer"));
                return 0;
            }
        }
        switch (route.kind) {
        case http::RouteKind::Segment:
            self.sendAnswer(req, self.segments,
                self.live.segment(route.channelId, latin1(route.rendition), route.sequence));
            return 0;
        case http::RouteKind::LivePlaylist:
            self.sendAnswer(req, self.segments,
                route.rendition.empty()
                    ? self.live.channelPlaylist(latin1(route.slug))
                    : self.live.playlist(latin1(route.slug), latin1(route.rendition)));
            return 0;
        case http::RouteKind::ChannelList:
            self.sendAnswer(
                req, self.segments, self.live.channelList(self.listBaseUrl(req, hasHost)));
            return 0;
        case http::RouteKind::RecordingList:
        case http::RouteKind::RecordingPlaylist:
        case http::RouteKind::RecordingSegment:
        case http::RouteKind::RecordingDownload:
            self.recording(req, route, hasHost);
            return 0;
        case http::RouteKind::Thumbnail:
            self.thumbnail(req, route);
            return 0;
        case http::RouteKind::NotFound:
            sendText(req, 404, QString::fromUtf8(route.reason));
            return 0;
        case http::RouteKind::BadPath:
        case http::RouteKind::Invalid:
            break;
        }
        sendText(req, 400, QString::fromUtf8(route.reason));
        return 0;
    }

    static void preflight(h2o_req_t *req)
    {
        req->res.status = 204;
        req->res.reason = reasonPhrase(204);
        addHeader(req, H2O_TOKEN_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        h2o_add_header_by_str(&req->pool, &req->res.headers,
            H2O_STRLIT("Access-Control-Allow-Methods"), 0, nullptr,
            H2O_STRLIT("GET, HEAD, OPTIONS"));
        h2o_add_header_by_str(&req->pool, &req->res.headers,
            H2O_STRLIT("Access-Control-Allow-Headers"), 0, nullptr,
            H2O_STRLIT("Range, Origin, Accept"));
        h2o_add_header_by_str(&req->pool, &req->res.headers, H2O_STRLIT("Access-Control-Max-Age"),
            0, nullptr, H2O_STRLIT("86400"));
        addHeader(req, H2O_TOKEN_ALLOW, kAllowedMethods);
        static h2o_generator_t generator = {nullptr, nullptr};
        h2o_start_response(req, &generator);
        h2o_send(req, nullptr, 0, H2O_SEND_STATE_FINAL);
    }

    void recordViewer(h2o_req_t *req, qint64 channelId)
    {
        http::Connection *connection = connectionOf(req);
        if (!connection)
            return;
        const qint64 nowMs = monotonicMs();
        if (connection->lastChannelId == channelId
            && nowMs - connection->lastRecordMs < kViewerRecordIntervalMs)
            return;
        connection->lastChannelId = channelId;
        connection->lastRecordMs = nowMs;
        server.m_viewers.record(channelId, connection->client, nowMs);
    }

    // The file at `path` from `files`, or null once the request is answered: 404 with the
    // sentence `gone()` when the file does not exist (any more), 500 when it cannot be read.
    template<typename Gone>
    static http::SegmentFiles::Handle openFile(
        h2o_req_t *req, http::SegmentFiles &files, const QByteArray &path, const Gone &gone)
    {
        int openError = 0;
        http::SegmentFiles::Handle file = files.open(path, &openError);
        if (file)
            return file;
        if (openError == ENOENT || openError == ENOTDIR || openError == EISDIR) {
            sendText(req, 404, gone());
            return nullptr;
        }
        qCWarning(lcHttp, "cannot read %s: %s", path.constData(), std::strerror(openError));
        sendText(req, 500,
            QStringLiteral("the file cannot be read (%1); check the data folder's permissions")
                .arg(QString::fromLocal8Bit(std::strerror(openError))));
        return nullptr;
    }

    // A whole file, or the byte range the request asks for (RFC 9110 14). `start(status)` sets
    // the status and the headers of the file's kind.
    template<typename Start>
    static void sendFile(h2o_req_t *req, http::SegmentFiles::Handle file, const Start &start)
    {
        const qint64 size = file->size;
        const h2o_iovec_t *rangeHeader = requestHeader(req, H2O_TOKEN_RANGE);
        const http::ByteRange range = rangeHeader
            ? http::parseRange(std::string_view(rangeHeader->base, rangeHeader->len), size)
            : http::ByteRange {http::RangeKind::None};
        if (range.kind == http::RangeKind::Unsatisfiable) {
            sendText(req, 416,
                QStringLiteral("the requested range is outside the file's %1 bytes").arg(size),
                {{H2O_TOKEN_CONTENT_RANGE, "bytes */" + QByteArray::number(size)}});
            return;
        }
        const bool partial = range.kind == http::RangeKind::Satisfiable;
        const qint64 offset = partial ? range.first : 0;
        const qint64 length = partial ? range.length() : size;
        start(partial ? 206 : 200);
        addHeader(req, H2O_TOKEN_ACCEPT_RANGES, "bytes");
        if (partial)
            addHeaderCopy(req, H2O_TOKEN_CONTENT_RANGE,
                QByteArrayLiteral("bytes ") + QByteArray::number(range.first) + '-'
                    + QByteArray::number(range.last) + '/' + QByteArray::number(size));
        http::Connection *connection = connectionOf(req);
        if (isHead(req) || length == 0 || !connection) {
            sendHeadersOnly(req, size_t(length));
            return;
        }
        sendSegment(req, *connection, std::move(file), offset, length, size_t(length));
    }

    // --- recordings -----------------------------------------------------------------------

    // Served whether or not the recording's channel is on the air: a recording outlives its
    // channel's switching off, unlike /seg/.
    void recording(h2o_req_t *req, const http::Route &route, bool hasHost)
    {
        if (!recordings) {
            sendText(req, 404, QStringLiteral("this server has no recordings"));
            return;
        }
        http::Answer answer;
        switch (route.kind) {
        case http::RouteKind::RecordingList:
            answer = recordings->list(listBaseUrl(req, hasHost));
            break;
        case http::RouteKind::RecordingPlaylist:
            answer = route.rendition.empty()
                ? recordings->playlist(route.recordingId)
                : recordings->playlist(route.recordingId, latin1(route.rendition));
            break;
        case http::RouteKind::RecordingSegment:
            answer = recordings->segment(route.recordingId,
                route.rendition.empty() ? kSourceRendition : latin1(route.rendition),
                route.sequence);
            break;
        default:
            download(req, route.recordingId);
            return;
        }
        sendAnswer(req, segments, answer);
    }

    // A done recording's MP4: sent at once when it was made before, else once the ExportCache
    // has made it (the request waits, see docs/decisions.md), or 503 with how far it has come.
    void download(h2o_req_t *req, qint64 recordingId)
    {
        http::RecordingRoutes::Download plan = recordings->download(recordingId);
        if (plan.refusal) {
            sendAnswer(req, segments, *plan.refusal);
            return;
        }
        http::Connection *connection = connectionOf(req);
        if (!server.m_exports || !connection || connection->loop->stopping) {
            sendText(req, 503, QStringLiteral("PanelX is stopping; try again when it runs"));
            return;
        }
        http::Loop &loop = *connection->loop;
        ExportCache &exports = *server.m_exports;
        const Recording recording = plan.recording;
        auto deferred = defer(
            req, loop, loop.exportWait, [&exports, recording](h2o_req_t *later, bool stopping) {
                if (stopping) {
                    sendText(
                        later, 503, QStringLiteral("PanelX is stopping; try again when it runs"));
                    return;
                }
                const double done = std::max(0.0, exports.progress(recording.id));
                sendText(later, 503,
                    QStringLiteral(
                        "the MP4 of \u201c%1\u201d is being made (%2 % done); retry in %3 s")
                        .arg(recording.title)
                        .arg(int(done * 100))
                        .arg(kExportRetryS),
                    {{H2O_TOKEN_RETRY_AFTER, QByteArray::number(kExportRetryS)}});
            });
        Running *self = this;
        exports.request(recording, plan.segments,
            [self, mailbox = loop.mailbox, deferred, recording](const ExportCache::Result &result) {
                answerLater(*mailbox, deferred, [self, result, recording](h2o_req_t *later) {
                    if (!result.file.isEmpty())
                        self->sendAnswer(later, self->exportFiles,
                            http::RecordingRoutes::exportFile(
                                recording, result.file, QTimeZone::systemTimeZone()));
                    else if (result.gone)
                        sendText(later, 404,
                            QStringLiteral("recording %1 was deleted; the finished recordings "
                                           "are listed at /recordings.m3u")
                                .arg(recording.id));
                    else
                        sendText(later, 503, result.error);
                });
            });
    }

    void sendAnswer(h2o_req_t *req, http::SegmentFiles &files, const http::Answer &answer)
    {
        const auto start = [&](int status) {
            req->res.status = status;
            req->res.reason = reasonPhrase(status);
            addHeaderCopy(req, H2O_TOKEN_CONTENT_TYPE, answer.contentType);
            addHeaderCopy(req, H2O_TOKEN_CACHE_CONTROL, answer.cacheControl);
            addHeader(req, H2O_TOKEN_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            for (const auto &[name, value] : answer.headers)
                addHeaderByName(req, name, value);
        };
        if (answer.stream) {
            sendStream(req, *answer.stream, answer.viewerOf, start);
            return;
        }
        if (answer.file.isEmpty()) {
            if (answer.viewerOf)
                recordViewer(req, answer.viewerOf);
            start(answer.status);
            if (answer.owner)
                sendShared(req, answer.owner, answer.parts);
            else
                sendCopy(req, answer.body);
            return;
        }
        http::SegmentFiles::Handle file
            = openFile(req, files, QFile::encodeName(answer.file), [&] { return answer.gone; });
        if (!file)
            return;
        if (answer.viewerOf)
            recordViewer(req, answer.viewerOf);
        sendFile(req, std::move(file), start);
    }

    // A continuous MPEG-TS body: the stream's segment files one after another with sendfile(2).
    // A finite one has its length; an open-ended one is close-delimited (RFC 9112 6.3: no
    // length, no chunking, Connection: close) and waits at the live edge for the next segment.
    template<typename Start>
    void sendStream(
        h2o_req_t *req, const http::SegmentStream &stream, qint64 viewerOf, const Start &start)
    {
        http::SegmentFiles::Handle file = openFile(req, segments,
            QFile::encodeName(server.m_store.segmentPath(
                stream.channelId, stream.rendition, stream.firstSequence)),
            [&] {
                return QStringLiteral("segment %1 of channel %2 left the buffer before it could "
                                      "be sent; ask again")
                    .arg(stream.firstSequence)
                    .arg(stream.channelId);
            });
        if (!file)
            return;
        if (viewerOf)
            recordViewer(req, viewerOf);
        start(200);
        const size_t length = stream.isOpenEnded() ? SIZE_MAX : size_t(stream.length);
        if (stream.isOpenEnded())
            req->http1_is_persistent = 0; // the end of the body is the end of the connection
        http::Connection *connection = connectionOf(req);
        if (isHead(req) || !connection) {
            sendHeadersOnly(req, length);
            return;
        }
        const qint64 size = file->size;
        http::SegmentSend &send = sendSegment(req, *connection, std::move(file), 0, size, length);
        send.stream = stream;
        send.sequence = stream.firstSequence;
    }

    // The headers through the library, then the body with sendfile(2) on the connection's own
    // socket: no copy of the file through user space. The socket is corked meanwhile, so the
    // headers leave with the body's first bytes (a small segment is one TCP segment).
    // `contentLength` is the whole body's (SIZE_MAX: none), more than `length` for a stream.
    static http::SegmentSend &sendSegment(h2o_req_t *req, http::Connection &connection,
        http::SegmentFiles::Handle file, qint64 offset, qint64 length, size_t contentLength)
    {
        auto *send = static_cast<http::SegmentSend *>(
            h2o_mem_alloc_shared(&req->pool, sizeof(http::SegmentSend), [](void *p) {
                auto *send = static_cast<http::SegmentSend *>(p);
                stopWaiting(*send);
                send->~SegmentSend();
            }));
        new (send) http::SegmentSend;
        send->super.proceed = &Running::proceedSegment;
        send->super.stop = &Running::stopSegment;
        send->req = req;
        send->connection = &connection;
        send->file = std::move(file);
        send->offset = off_t(offset);
        send->end = off_t(offset + length);
        send->wait.send = send;
        send->wait.super.cb = &Running::onLiveEdge;
        connection.sending = send;
        cork(connection.fd, true);
        req->res.content_length = contentLength;
        h2o_start_response(req, &send->super);
        // Writes the headers; the library calls proceedSegment once they are in the socket.
        h2o_send(req, nullptr, 0, H2O_SEND_STATE_IN_PROGRESS);
        return *send;
    }

    static void cork(int fd, bool on)
    {
        const int value = on ? 1 : 0;
        ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value);
    }

    static void proceedSegment(h2o_generator_t *generator, h2o_req_t *)
    {
        sendSegmentBody(*reinterpret_cast<http::SegmentSend *>(generator));
    }

    static void stopWaiting(http::SegmentSend &send)
    {
        if (h2o_timeout_is_linked(&send.wait.super))
            h2o_timeout_unlink(&send.wait.super);
    }

    // The client left (or the server stops) before the body was sent: the pool releases the
    // file; nothing may call back into the send any more.
    static void stopSegment(h2o_generator_t *generator, h2o_req_t *)
    {
        auto &send = *reinterpret_cast<http::SegmentSend *>(generator);
        stopWaiting(send);
        if (send.connection->sending == &send)
            send.connection->sending = nullptr;
    }

    static void onSegmentSocketWritable(h2o_socket_t *socket, const char *)
    {
        auto *connection = static_cast<http::Connection *>(socket->on_close.data);
        if (connection->sending)
            sendSegmentBody(*connection->sending);
    }

    // As much of the body as the socket takes now; the rest when it is writable again. The
    // library does not time a response out while it is being sent, so a slow reader gets it
    // whole; a client that left makes sendfile fail, and the response ends as errored, which
    // closes the connection and frees the send.
    static void sendSegmentBody(http::SegmentSend &send)
    {
        while (true) {
            while (send.offset < send.end) {
                const ssize_t sent = ::sendfile(send.connection->fd, send.file->fd, &send.offset,
                    size_t(send.end - send.offset));
                if (sent > 0)
                    continue;
                if (sent < 0 && errno == EINTR)
                    continue;
                if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                    h2o_socket_notify_write(
                        send.connection->socket, &Running::onSegmentSocketWritable);
                    return;
                }
                // A client that left (EPIPE, ECONNRESET), or a file shorter than it was.
                finishSegment(send, H2O_SEND_STATE_ERROR);
                return;
            }
            if (!send.stream) {
                finishSegment(send, H2O_SEND_STATE_FINAL);
                return;
            }
            switch (nextSegment(send)) {
            case NextSegment::Opened:
                continue;
            case NextSegment::NotYet:
                cork(send.connection->fd, false); // what was sent leaves while it waits
                h2o_timeout_link(send.connection->loop->evloop, &send.connection->loop->liveEdge,
                    &send.wait.super);
                return;
            case NextSegment::End:
                finishSegment(send, H2O_SEND_STATE_FINAL);
                return;
            case NextSegment::Missing:
                finishSegment(send, H2O_SEND_STATE_ERROR);
                return;
            }
        }
    }

    enum class NextSegment {
        Opened, // the next file is the send's now
        NotYet, // an open-ended stream at the live edge: the next segment is not made yet
        End, // the stream is complete (or its range is), its channel is off the air, or a segment
             // left the buffer
        Missing, // a finite stream's segment left the buffer: its promised length cannot be kept
    };

    static NextSegment nextSegment(http::SegmentSend &send)
    {
        const http::SegmentStream &stream = *send.stream;
        if (!stream.isOpenEnded() && send.sequence >= stream.lastSequence)
            return NextSegment::End;
        Running &self = *send.connection->loop->running;
        const qint64 next = send.sequence + 1;
        if (stream.isOpenEnded()) {
            const std::optional<SegmentInfo> newest
                = self.server.m_store.last(stream.channelId, stream.rendition);
            if (!newest || newest->sequence < next) {
                const std::optional<ChannelConfig> channel
                    = self.server.m_channels.byId(stream.channelId);
                return channel && channel->enabled ? NextSegment::NotYet : NextSegment::End;
            }
            if (stream.endUtcMs > 0) {
                const QList<SegmentInfo> found = self.server.m_store.bySequence(
                    stream.channelId, stream.rendition, next, next);
                if (found.isEmpty() || found.first().startUtcMs >= stream.endUtcMs)
                    return NextSegment::End;
            }
        }
        int openError = 0;
        http::SegmentFiles::Handle file = self.segments.open(
            QFile::encodeName(
                self.server.m_store.segmentPath(stream.channelId, stream.rendition, next)),
            &openError);
        if (!file)
            return stream.isOpenEnded() ? NextSegment::End : NextSegment::Missing;
        send.file = std::move(file);
        send.offset = 0;
        send.end = off_t(send.file->size);
        send.sequence = next;
        cork(send.connection->fd, true);
        self.recordViewer(send.req, stream.channelId);
        return NextSegment::Opened;
    }

    // The live edge's clock: look for the next segment again, unless the client left (the
    // library does not read while it answers, so a closed connection shows only here).
    static void onLiveEdge(h2o_timeout_entry_t *entry)
    {
        http::SegmentSend &send = *reinterpret_cast<http::SendWait *>(entry)->send;
        pollfd peer {send.connection->fd, POLLRDHUP, 0};
        const bool left = ::poll(&peer, 1, 0) > 0
            && (peer.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL));
        if (left || send.connection->loop->stopping) {
            finishSegment(send, H2O_SEND_STATE_ERROR);
            return;
        }
        sendSegmentBody(send);
    }

    static void finishSegment(http::SegmentSend &send, h2o_send_state_t state)
    {
        http::Connection &connection = *send.connection;
        connection.sending = nullptr;
        stopWaiting(send);
        cork(connection.fd, false); // the last bytes leave now
        // Ends the request (its pool, holding `send`, may be freed in this call).
        h2o_send(send.req, nullptr, 0, state);
    }

    // /thumb/<channel>/<unix s>.jpg: the still is made on the Thumbnailer's thread (or comes
    // from its cache), never on this loop; the request waits for it as a download waits for its
    // MP4.
    void thumbnail(h2o_req_t *req, const http::Route &route)
    {
        if (!timeshift || !server.m_thumbnails) {
            sendText(req, 404, QStringLiteral("this server makes no stills"));
            return;
        }
        const http::TimeshiftRoutes::Still still = timeshift->still(
            latin1(route.slug), route.utcSeconds * 1000, QDateTime::currentMSecsSinceEpoch());
        if (still.refusal) {
            sendAnswer(req, segments, *still.refusal);
            return;
        }
        http::Connection *connection = connectionOf(req);
        if (!connection || connection->loop->stopping) {
            sendText(req, 503, QStringLiteral("PanelX is stopping; try again when it runs"));
            return;
        }
        http::Loop &loop = *connection->loop;
        auto deferred = defer(req, loop, loop.stillWait, [](h2o_req_t *later, bool stopping) {
            sendText(later, 503,
                stopping ? QStringLiteral("PanelX is stopping; try again when it runs")
                         : QStringLiteral("the still is not made yet (PanelX is busy); retry in "
                                          "%1 s")
                               .arg(kStillRetryS),
                {{H2O_TOKEN_RETRY_AFTER, QByteArray::number(kStillRetryS)}});
        });
        Running *self = this;
        server.m_thumbnails->request(still.segmentFile,
            [self, mailbox = loop.mailbox, deferred](timeshift::Thumbnailer::Result result) {
                answerLater(*mailbox, deferred, [self, result](h2o_req_t *later) {
                    if (result.jpeg.isEmpty())
                        sendText(later, 503, result.error);
                    else
                        self->sendAnswer(
                            later, self->segments, http::TimeshiftRoutes::stillAnswer(result.jpeg));
                });
            });
    }

    // What absolute URLs in a list start with: the public URL when set, else the request's
    // Host, else the address this client reached.
    QString listBaseUrl(h2o_req_t *req, bool hasHost) const
    {
        if (!server.m_options.publicUrl.isEmpty())
            return server.m_options.publicUrl;
        QString fallback = fallbackHost;
        if (listensEverywhere) {
            // Listening on every interface: the address this client reached us on works for it.
            sockaddr_storage local {};
            socklen_t localLength = sizeof local;
            const http::Connection *connection = connectionOf(req);
            if (connection
                && ::getsockname(connection->fd, reinterpret_cast<sockaddr *>(&local), &localLength)
                    == 0)
                fallback = hostPort(reinterpret_cast<sockaddr *>(&local));
        }
        const std::string_view host = hasHost
            ? std::string_view(req->authority.base, req->authority.len)
            : std::string_view();
        return http::baseUrl(host, fallback);
    }

    // --- admin API ------------------------------------------------------------------------

    // /api/...: the library has read the body; the handler answers on whatever thread it likes
    // and the answer is carried back to this loop, which never waits for it.
    void api(h2o_req_t *req, std::string_view path, std::string_view target)
    {
        server.m_requests.fetch_add(1, std::memory_order_relaxed);
        if (req->entity.len > size_t(http::kMaxApiBodyBytes)) {
            sendApi(req,
                http::apiError(413,
                    QStringLiteral("the request body is larger than %1 bytes; send less")
                        .arg(http::kMaxApiBodyBytes)));
            return;
        }
        if (!server.m_apiHandler) {
            sendApi(req, http::apiError(404, QStringLiteral("this server has no admin API")));
            return;
        }
        http::Connection *connection = connectionOf(req);
        if (!connection) {
            sendApi(req, http::apiError(500, QStringLiteral("the connection is gone")));
            return;
        }
        http::Loop &loop = *connection->loop;
        if (loop.stopping) {
            sendApi(req,
                http::apiError(503, QStringLiteral("PanelX is stopping; try again when it runs")));
            return;
        }

        http::ApiRequest request;
        request.method = QByteArray(req->method.base, qsizetype(req->method.len));
        request.path = QByteArray(path.data(), qsizetype(path.size()));
        if (req->query_at != SIZE_MAX)
            request.query = QByteArray(
                target.data() + req->query_at + 1, qsizetype(target.size() - req->query_at - 1));
        request.authorization = requestHeaderBytes(req, H2O_TOKEN_AUTHORIZATION);
        request.contentType = requestHeaderBytes(req, H2O_TOKEN_CONTENT_TYPE);
        if (req->entity.base)
            request.body = QByteArray(req->entity.base, qsizetype(req->entity.len));
        request.peer = QHostAddress(reinterpret_cast<const sockaddr *>(&connection->peer));
        bool isV4 = false;
        const quint32 v4 = request.peer.toIPv4Address(&isV4);
        if (isV4)
            request.peer = QHostAddress(v4);

        auto deferred = defer(req, loop, loop.apiTimeout, [](h2o_req_t *later, bool stopping) {
            sendApi(later,
                http::apiError(503,
                    stopping ? QStringLiteral("PanelX is stopping; try again when it runs")
                             : QStringLiteral("PanelX did not answer in time (it is busy or "
                                              "stopping); try again")));
        });
        server.m_apiHandler(
            std::move(request), [mailbox = loop.mailbox, deferred](http::ApiResponse response) {
                answerLater(*mailbox, deferred,
                    [response = std::move(response)](h2o_req_t *req) { sendApi(req, response); });
            });
    }

    // --- answers from other threads -------------------------------------------------------

    // Parks `req` on its loop until answerLater() is called for it; `fallback` answers it when
    // nothing comes before `timeout` (one of the loop's) fires or the server stops.
    static std::shared_ptr<http::Deferred> defer(h2o_req_t *req, http::Loop &loop,
        h2o_timeout_t &timeout, std::function<void(h2o_req_t *, bool stopping)> fallback)
    {
        auto deferred = std::make_shared<http::Deferred>();
        deferred->loop = &loop;
        deferred->req = req;
        deferred->fallback = std::move(fallback);
        deferred->timeout.deferred = deferred.get();
        deferred->timeout.super.cb = [](h2o_timeout_entry_t *entry) {
            http::Deferred &late = *reinterpret_cast<http::DeferredTimeout *>(entry)->deferred;
            // A copy: answering may end the request, and free `late` with it.
            answerDeferred(late, [fallback = late.fallback](h2o_req_t *r) { fallback(r, false); });
        };
        h2o_timeout_link(loop.evloop, &timeout, &deferred->timeout.super);
        loop.deferred.insert(deferred.get());
        // The request's pool holds it too: when the request is gone (answered and sent, or the
        // connection closed), it is marked so a late answer is dropped.
        using Holder = std::shared_ptr<http::Deferred>;
        void *slot = h2o_mem_alloc_shared(&req->pool, sizeof(Holder), [](void *p) {
            auto *holder = static_cast<Holder *>(p);
            forgetDeferred(**holder);
            holder->~Holder();
        });
        new (slot) Holder(deferred);
        return deferred;
    }

    // From any thread: `answer` runs on the request's loop thread, unless the request was
    // answered or is gone by then (or the server has stopped).
    static void answerLater(http::Mailbox &mailbox, std::shared_ptr<http::Deferred> deferred,
        std::function<void(h2o_req_t *)> answer)
    {
        auto *message = new http::Message(http::Message::Kind::Answer);
        message->deferred = std::move(deferred);
        message->answer = std::move(answer);
        mailbox.post(message); // dropped when the server has stopped
    }

    static void forgetDeferred(http::Deferred &deferred)
    {
        deferred.alive = false;
        h2o_timeout_unlink(&deferred.timeout.super);
        deferred.loop->deferred.erase(&deferred);
    }

    // On the request's loop thread; the first answer wins, later ones are dropped.
    static void answerDeferred(
        http::Deferred &deferred, const std::function<void(h2o_req_t *)> &answer)
    {
        if (!deferred.alive)
            return;
        h2o_req_t *req = deferred.req;
        forgetDeferred(deferred);
        answer(req);
    }
};

HttpServer::HttpServer(
    SegmentStore &store, const ChannelDirectory &channels, HttpServerOptions options)
    : m_store(store), m_channels(channels), m_options(std::move(options))
{
}

HttpServer::~HttpServer()
{
    stop();
}

namespace {

// Writes to a connection the client closed must fail with EPIPE, not kill the process (the
// library writes without MSG_NOSIGNAL). Once per process.
void ignoreBrokenPipes()
{
    static const bool ignored = [] {
        struct sigaction ignore { };
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        return ::sigaction(SIGPIPE, &ignore, nullptr) == 0;
    }();
    Q_UNUSED(ignored);
}

} // namespace

bool HttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    stop();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    ignoreBrokenPipes();
    // Every connection is a descriptor; read at every start, so a lowered limit is honoured.
    const qint64 openFileLimit = http::raiseOpenFileLimit();

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

    auto running = std::make_unique<Running>(*this);
    running->listenFd = fd;
    running->fallbackHost = hostPort(reinterpret_cast<sockaddr *>(&bound));
    running->listensEverywhere = address.isNull() || address == QHostAddress::Any
        || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    running->connectionCap = http::connectionCap(m_options.maxConnections, openFileLimit);
    if (running->connectionCap < m_options.maxConnections)
        qCWarning(lcHttp,
            "the open-file limit (%lld) allows only %d viewer connections; raise LimitNOFILE "
            "or ulimit -n for more",
            openFileLimit, running->connectionCap);

    h2o_globalconf_t &config = running->config;
    h2o_config_init(&config);
    config.server_name = h2o_iovec_init(H2O_STRLIT("")); // no Server header
    config.max_request_entity_size = size_t(http::kMaxApiBodyBytes) + kBodySlackBytes;
    config.http1.req_timeout = uint64_t(std::max(1, m_options.requestTimeoutS)) * 1000;
    config.http1.upgrade_to_http2 = 0;
    h2o_hostconf_t *host
        = h2o_config_register_host(&config, h2o_iovec_init(H2O_STRLIT("default")), 65535);
    // Every answer has a length but the open-ended MPEG-TS body, which is close-delimited: the
    // library's chunked encoder, a filter of every path by default, would wrap it.
    for (size_t i = 0; i < host->fallback_path.filters.size; ++i) {
        h2o_filter_t *filter = host->fallback_path.filters.entries[i];
        if (filter->dispose)
            filter->dispose(filter);
        std::free(filter);
    }
    host->fallback_path.filters.size = 0;
    // Every request, whatever its path, reaches our handler: the router decides.
    auto *handler = reinterpret_cast<http::RequestHandler *>(
        h2o_create_handler(&host->fallback_path, sizeof(http::RequestHandler)));
    handler->super.on_req = &Running::onRequest;
    handler->running = running.get();

    const int threads
        = m_options.threads > 0 ? m_options.threads : std::max(1, QThread::idealThreadCount());
    m_requests.store(0, std::memory_order_relaxed);
    QString loopError;
    if (!running->startLoops(threads, &loopError)) {
        running->stopLoops();
        return fail(loopError);
    }
    m_running = std::move(running);
    m_port = boundPort;
    m_address = address;
    qCDebug(lcHttp, "listening on %s port %u with %d loop thread(s), at most %d connections",
        qPrintable(address.toString()), m_port, threads, m_running->connectionCap);
    return true;
}

void HttpServer::stop()
{
    if (!m_running)
        return;
    m_running->stopLoops();
    m_running.reset();
    m_port = 0;
    m_viewers.clear();
}

int HttpServer::openConnections() const
{
    return m_running ? m_running->open.load() : 0;
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
