// What crosses from an ingest's reader to one consumer's thread: shared packet references and
// the session events around them, in a bounded queue that never blocks the reader.
#pragma once

#include "av/AvHandles.h"
#include "ingest/PacketListener.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace panelx {

// A reference to the reader's packet (av_packet_ref: the data is shared, never copied); every
// consumer holds its own reference until it has written the packet.
using SharedPacket = std::shared_ptr<const AVPacket>;
// Null when out of memory.
SharedPacket sharePacket(const AVPacket &packet);

// A session as a consumer sees it: its codec parameters are the consumer's own copies, since
// the source frees its own when it closes while a consumer may still be catching up.
class SharedSession {
public:
    // Null (with a reason) when out of memory.
    static std::shared_ptr<const SharedSession> copy(const IngestSession &session, QString *error);
    const IngestSession &session() const { return m_session; }
    // stream_index of the first video stream; -1 for audio-only sessions.
    int videoIndex() const { return m_videoIndex; }

private:
    IngestSession m_session;
    std::vector<AvCodecParametersPtr> m_codecpars;
    int m_videoIndex = -1;
};

struct QueueLimits {
    // About 30 s of a typical channel (25 fps video and one audio track) and 13 s of a
    // 20 Mb/s one: a consumer rides out a busy database (5 s busy time-out) without a drop.
    int maxPackets = 2048;
    qint64 maxBytes = 32 * 1024 * 1024;
};

struct QueueStats {
    qint64 packetsQueued = 0; // accepted since the consumer was added
    qint64 packetsDropped = 0; // refused by the overflow policy
    qint64 overflows = 0; // times the queue overflowed, each dropping up to a keyframe
    int packetsWaiting = 0; // queued now
};

// A bounded queue for one consumer. Its overflow policy is "drop whole GOPs": when a packet
// would pass a limit, that packet and every following one are dropped (audio too, so the gap
// is the same in every track) until a video keyframe arrives with the queue at most half full
// (for audio-only sessions: any packet, then). The consumer thus loses whole GOPs, never the
// middle of one, and the reader never waits. Session events are never dropped.
// Thread-safe: one producer (the ingest thread), one consumer.
class PacketQueue {
public:
    struct Item {
        enum class Kind { Invalid = 0, SessionStarted, Packet, SessionEnded };
        Kind kind = Kind::Invalid;
        std::shared_ptr<const SharedSession> session; // SessionStarted
        SharedPacket packet; // Packet
    };

    explicit PacketQueue(QueueLimits limits = {}) : m_limits(limits) { }

    void pushSessionStarted(std::shared_ptr<const SharedSession> session);
    // False when the overflow policy dropped it.
    bool pushPacket(SharedPacket packet);
    void pushSessionEnded();
    // pop() returns nothing once everything pushed before close() was taken.
    void close();

    // Blocks until there is an item, or the queue is closed and empty.
    std::optional<Item> pop();
    // The consumer finished the item it popped last.
    void itemDone();
    // Blocks until every item pushed so far was popped and done.
    void waitDrained();

    QueueStats stats() const;

private:
    void pushLocked(Item item);

    const QueueLimits m_limits;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    qint64 m_queuedBytes = 0;
    int m_queuedPackets = 0;
    int m_inProgress = 0; // popped, not yet done
    int m_videoIndex = -1; // of the session being pushed
    bool m_dropping = false;
    bool m_closed = false;
    QueueStats m_stats;
};

} // namespace panelx
