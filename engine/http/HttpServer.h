// The viewer HTTP server: live playlists, segments and the channel list, straight from the
// SegmentStore and ChannelDirectory. Built on libmicrohttpd (see docs/decisions.md, "HTTP
// server"): its own threads, segments sent with sendfile, no Qt event loop involved, so it runs
// entirely off the GUI thread and every method here may be called from any thread.
#pragma once

#include "http/ApiExchange.h"
#include "http/ViewerCounter.h"

#include <QHash>
#include <QHostAddress>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <set>

struct MHD_Daemon;

namespace panelx {

class ChannelDirectory;
class SegmentStore;
namespace http {
class LiveResponseCache;
struct PendingApiReply;
} // namespace http

struct HttpServerOptions {
    // A thread per connection (measured the faster on 1 MiB segments: libmicrohttpd then hands
    // sendfile 2 MiB per call instead of 128 KiB; docs/decisions.md). False: `threads` epoll
    // loops, for thousands of mostly idle connections.
    bool threadPerConnection = true;
    // Epoll loops when threadPerConnection is false; 0 = one per CPU core.
    int threads = 1;
    // Above this many open connections new ones are refused (each costs a thread).
    int maxConnections = 1024;
    // Idle keep-alive connections close after this; players poll playlists every few seconds.
    int idleTimeoutS = 30;
    // Request line + headers larger than this get 431 (and the connection is closed).
    int maxHeaderBytes = 16 * 1024;
    // When set ("https://tv.example.com"), the channel list points there whatever the request's
    // Host: the operator knows better than a client behind a proxy or a port forward.
    QString publicUrl;
};

class HttpServer {
public:
    // Segments in a live playlist: a sliding window over the newest segments.
    static constexpr int kLiveWindowSegments = 6;

    HttpServer(
        SegmentStore &store, const ChannelDirectory &channels, HttpServerOptions options = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Requests under /api/ (any method, bodies up to kMaxApiBodyBytes) go to `handler`; without
    // one they get 404. Set before start().
    void setApiHandler(http::ApiHandler handler) { m_apiHandler = std::move(handler); }

    // Listens on address:port (port 0 = any free port, see port()). False with a message a
    // person can act on, e.g. when the port is already in use.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    // Closes the listening socket and every connection; waits for the worker threads.
    void stop();
    bool isRunning() const { return m_daemon != nullptr; }
    // The port actually listened on (0 when stopped).
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    // Distinct client addresses that fetched the channel's playlists or segments in the last
    // 30 s.
    int viewers(qint64 channelId) const;
    QHash<qint64, int> allViewers() const;
    // Requests answered since start (any status), for the dashboard and tests.
    quint64 requestCount() const { return m_requests.load(std::memory_order_relaxed); }

    struct Impl; // the libmicrohttpd callbacks live in HttpServer.cpp

private:
    SegmentStore &m_store;
    const ChannelDirectory &m_channels;
    HttpServerOptions m_options;
    MHD_Daemon *m_daemon = nullptr;
    quint16 m_port = 0;
    QHostAddress m_address;
    QString m_fallbackHost; // "host:port" for URLs when a request has no usable Host header
    http::ViewerCounter m_viewers;
    const std::unique_ptr<http::LiveResponseCache> m_liveResponses;
    std::atomic<quint64> m_requests {0};
    http::ApiHandler m_apiHandler;
    // API requests waiting for their reply; stop() releases them so no thread waits on an engine
    // that is stopping.
    std::mutex m_apiMutex;
    std::set<std::shared_ptr<http::PendingApiReply>> m_apiPending;
    bool m_apiStopping = false;
};

} // namespace panelx
