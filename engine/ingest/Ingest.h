// One channel's ingest: opens its source on a named worker thread ("ingest-<id>"), fans the
// packets out to its consumers (the copy segmenter first; DVR and ABR later), each on its own
// thread behind a bounded queue, reports the channel's state as ChannelStatus values, and
// reconnects with backoff while it runs.
#pragma once

#include "ChannelTypes.h"
#include "ingest/ConsumerThread.h"
#include "ingest/PacketListener.h"
#include "ingest/RateMeter.h"
#include "ingest/SourceControl.h"

#include <atomic>
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
    // How often a live channel's status (bitrate) is reported when nothing else changes,
    // also while no packets arrive.
    int statusIntervalMs = 2000;
    // The bound of each consumer's queue (the copy segmenter's included).
    QueueLimits queueLimits;
    // Called on the ingest's threads (reader, status timer, copy segmenter); they must not
    // block or call back into the Ingest.
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
    // Ends the session, joins the thread, waits until every consumer has handled what was
    // queued for it (the open segment is closed and committed) and reports Stopped. A hanging
    // source delays it by about a second at most; a slow consumer by its queue's backlog.
    void stop();
    bool isRunning() const;
    ChannelStatus status() const;

    // Further consumers of the same packets, each run on its own thread "<name>-<channel id>"
    // behind a bounded queue (IngestOptions::queueLimits) that drops whole GOPs when it falls
    // behind; the reader never waits for it. A listener added while a source is open gets
    // sessionStarted() (on its thread) before its first packet. removeListener() returns once
    // the listener has handled every packet queued for it and its sessionEnded() has run on
    // its own thread; it must not be called from a listener callback. The listener must
    // outlive its membership. Neither runs a listener callback on the caller's thread.
    void addListener(PacketListener *listener, const QString &name = QStringLiteral("listener"));
    void removeListener(PacketListener *listener);
    // Queue statistics of every consumer, the copy segmenter ("segmenter") first.
    std::vector<ConsumerStats> consumerStats() const;

private:
    struct Consumer {
        std::shared_ptr<ConsumerThread> thread;
        bool required = false; // its refusal fails the channel
    };

    void run();
    void runStatusTimer();
    // False (with the reason) when a required consumer refused the session; `answerPending`
    // when one had not answered in time, to be asked again with requiredAnswer().
    bool startSession(const IngestSession &session, QString *error, bool *answerPending);
    ConsumerThread::Answer requiredAnswer(QString *why) const;
    void fanOut(const AVPacket &packet);
    void endSession();
    // The status's codecs, picture size and frame rate from a session's streams.
    void describeStreams(const IngestSession &session);
    void waitConsumersDrained();
    void setState(ChannelState state, const QString &message);
    void publishStatus();

    ChannelConfig m_channel;
    SegmentStore &m_store;
    IngestOptions m_options;
    SourceControl m_control;
    std::unique_ptr<Segmenter> m_segmenter;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QThread> m_statusThread; // publishes a live status on a timer

    // Lock order: m_listenerMutex, then a consumer's own mutexes (its queue, its answer to a
    // session start), which are leaves. m_publishMutex, then m_statusMutex, a leaf that is
    // never held while calling a listener, a callback or the store. Listener callbacks run on
    // the consumers' own threads with no Ingest lock held, so whatever they lock (the store's
    // mutexes; m_publishMutex through the segmenter's callbacks) is never nested inside
    // m_listenerMutex. No thread waits for a consumer while holding m_listenerMutex.
    mutable std::mutex m_listenerMutex;
    std::vector<Consumer> m_consumers;
    std::shared_ptr<const SharedSession> m_session; // the open session (under m_listenerMutex)

    std::mutex m_publishMutex; // orders onStatus calls; taken before m_statusMutex
    mutable std::mutex m_statusMutex;
    ChannelStatus m_status;
    RateMeter m_inputRate; // under m_statusMutex
    bool m_segmenterErrorShown = false; // m_status.message is the segmenter's (under it too)
    std::atomic<qint64> m_packetsDropped {0};
};

} // namespace panelx
