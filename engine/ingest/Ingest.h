// One channel's ingest: opens its source on a named worker thread ("ingest-<id>"), fans the
// packets out to its listeners (the copy segmenter first; DVR and ABR later), reports the
// channel's state as ChannelStatus values, and reconnects with backoff while it runs.
#pragma once

#include "ChannelTypes.h"
#include "ingest/PacketListener.h"
#include "ingest/SourceControl.h"

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace panelx {

class SegmentStore;
class Segmenter;

struct IngestOptions {
    int openTimeoutMs = 10000;
    int readTimeoutMs = 10000;
    int initialBackoffMs = 1000;
    int maxBackoffMs = 30000;
    // How often a live channel's status (bitrate) is reported when nothing else changes.
    int statusIntervalMs = 2000;
    // Both called on the ingest thread; they must not block or call back into the Ingest.
    std::function<void(const ChannelStatus &)> onStatus;
    std::function<void(const SegmentInfo &)> onSegment; // after each commit
};

class Ingest {
public:
    Ingest(ChannelConfig channel, SegmentStore &store, IngestOptions options = {});
    // Stops (committing the open segment) and joins the thread.
    ~Ingest();
    Ingest(const Ingest &) = delete;
    Ingest &operator=(const Ingest &) = delete;

    const ChannelConfig &channel() const { return m_channel; }

    // Starts the worker thread; no-op while it runs. Call start/stop from one thread.
    void start();
    // Ends the session (the open segment is closed and committed), joins the thread and
    // reports Stopped. Returns within about a second even when the source hangs.
    void stop();
    bool isRunning() const;
    ChannelStatus status() const;

    // Further consumers of the same packets. A listener added while a source is open gets
    // sessionStarted() before its first packet, on the ingest thread. removeListener() ends
    // the listener's session on the calling thread (the ingest thread waits meanwhile) and
    // must not be called from a listener callback. The listener must outlive its membership.
    void addListener(PacketListener *listener);
    void removeListener(PacketListener *listener);

private:
    enum class ListenerState { Idle, Started, Refused };
    struct ListenerEntry {
        PacketListener *listener = nullptr;
        bool required = false; // its refusal fails the channel
        ListenerState state = ListenerState::Idle;
    };

    void run();
    bool startSession(const IngestSession &session, QString *error);
    void fanOut(const AVPacket &packet);
    void endSession();
    // The status's codecs, picture size and frame rate from a session's streams.
    void describeStreams(const IngestSession &session);
    void setState(ChannelState state, const QString &message);
    void publishStatus();

    ChannelConfig m_channel;
    SegmentStore &m_store;
    IngestOptions m_options;
    SourceControl m_control;
    std::unique_ptr<Segmenter> m_segmenter;
    std::unique_ptr<QThread> m_thread;

    // Lock order: m_listenerMutex, then whatever a listener locks inside its callbacks
    // (e.g. SegmentStore's own mutexes). m_statusMutex is a leaf: it is never held while
    // calling a listener, a callback or the store.
    std::mutex m_listenerMutex;
    std::vector<ListenerEntry> m_listeners;
    const IngestSession *m_session
        = nullptr; // the open session, ingest thread only (under m_listenerMutex)

    mutable std::mutex m_statusMutex;
    ChannelStatus m_status;
};

} // namespace panelx
