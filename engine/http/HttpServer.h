// The viewer HTTP server: live playlists, segments, continuous MPEG-TS and the channel list
// (their answers are http/LiveRoutes'), catch-up and timeshift windows in every dialect
// (http/TimeshiftRoutes'), and the recordings (http/RecordingRoutes').
// Built on h2o's library with its own event loop (see docs/decisions.md, "HTTP server"): loop
// threads of its own, no Qt event loop involved, so it runs entirely off the GUI thread and every
// method here may be called from any thread.
#pragma once

#include "ChannelTypes.h"
#include "http/ApiExchange.h"
#include "http/LiveRoutes.h"
#include "http/ViewerCounter.h"

#include <QHash>
#include <QHostAddress>
#include <QString>
#include <atomic>
#include <memory>

namespace panelx {

class ChannelDirectory;
class ExportCache;
class RecordingDirectory;
class RenditionDirectory;
class SegmentStore;
namespace timeshift {
class BufferIndex;
class Thumbnailer;
} // namespace timeshift

struct HttpServerOptions {
    // Event-loop threads, each with its own loop on the listening socket; 0 = one per CPU
    // core. One was measured the fastest (docs/decisions.md).
    int threads = 1;
    // Above this many open connections the server stops accepting until one closes (capped
    // further by the open-file limit, see http/OpenFileLimit.h).
    int maxConnections = 1024;
    // One client address may hold this many connections; more are closed at once.
    int maxConnectionsPerAddress = kDefaultConnectionsPerAddress;
    // A request (line, headers and any body) must be complete this long after the connection
    // opened or its previous response was sent, or the connection is closed: a client that
    // trickles bytes cannot extend it. The same clock closes idle keep-alive connections (the
    // library has one timer for both; docs/decisions.md).
    int requestTimeoutS = 10;
    // Request line + headers larger than this get 431 and the connection is closed.
    int maxHeaderBytes = 16 * 1024;
    // When set ("https://tv.example.com"), the channel list points there whatever the request's
    // Host: the operator knows better than a client behind a proxy or a port forward.
    QString publicUrl;
};

class HttpServer {
public:
    // Segments in a live playlist: a sliding window over the newest segments.
    static constexpr int kLiveWindowSegments = http::LiveRoutes::kLiveWindowSegments;

    HttpServer(
        SegmentStore &store, const ChannelDirectory &channels, HttpServerOptions options = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Requests under /api/ (any method, bodies up to kMaxApiBodyBytes) go to `handler`; without
    // one they get 404. Set before start().
    void setApiHandler(http::ApiHandler handler) { m_apiHandler = std::move(handler); }
    // The recordings served under /recordings/, and where their MP4 downloads are made; without
    // them those paths get 404. Set before start().
    void setRecordings(const RecordingDirectory &recordings, ExportCache &exports)
    {
        m_recordings = &recordings;
        m_exports = &exports;
    }

    // The channels' buffers the catch-up and timeshift forms are answered from; without them
    // those forms get 404. Set before start().
    void setBuffers(timeshift::BufferIndex &buffers) { m_buffers = &buffers; }
    // What each channel's ladder makes (and made): with it, a channel whose ladder runs has a
    // master playlist at /live/<slug>.m3u8, and timeshift windows and recordings that hold
    // ladder segments have one too; without it every channel is served as copy only. Set
    // before start().
    void setRenditions(const RenditionDirectory *renditions) { m_renditions = renditions; }
    // Where /thumb/ stills are made (with the buffers); without it /thumb/ gets 404. Set before
    // start().
    void setThumbnailer(timeshift::Thumbnailer &thumbnails) { m_thumbnails = &thumbnails; }

    // Listens on address:port (port 0 = any free port, see port()). False with a message a
    // person can act on, e.g. when the port is already in use.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    // Closes the listening socket and every connection; waits for the loop threads.
    void stop();
    bool isRunning() const { return m_running != nullptr; }
    // The port actually listened on (0 when stopped).
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    // Distinct client addresses that fetched the channel's playlists or segments in the last
    // 30 s.
    int viewers(qint64 channelId) const;
    QHash<qint64, int> allViewers() const;
    // Requests answered since start (any status), for the dashboard and tests.
    quint64 requestCount() const { return m_requests.load(std::memory_order_relaxed); }
    // Connections open now, for tests.
    int openConnections() const;

    struct Running; // the h2o state while listening, in HttpServer.cpp

private:
    SegmentStore &m_store;
    const ChannelDirectory &m_channels;
    const RecordingDirectory *m_recordings = nullptr;
    ExportCache *m_exports = nullptr;
    timeshift::BufferIndex *m_buffers = nullptr;
    const RenditionDirectory *m_renditions = nullptr;
    timeshift::Thumbnailer *m_thumbnails = nullptr;
    HttpServerOptions m_options;
    std::unique_ptr<Running> m_running;
    quint16 m_port = 0;
    QHostAddress m_address;
    http::ViewerCounter m_viewers;
    std::atomic<quint64> m_requests {0};
    http::ApiHandler m_apiHandler;
};

} // namespace panelx
