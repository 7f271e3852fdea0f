// The timeshift buffer of every channel rendition as a BufferSnapshot, kept up to date from the
// segment store: extended by the segments committed since (no SQL while nothing changed, since
// the store keeps the newest segment in memory), read whole only on first use or when the
// channel's buffer length changed.
#pragma once

#include "ChannelTypes.h"
#include "timeshift/BufferSnapshot.h"

#include <QHash>
#include <QPair>
#include <QString>
#include <memory>
#include <mutex>

namespace panelx {
class SegmentStore;
}

namespace panelx::timeshift {

// Thread-safe (HTTP loop threads, the engine thread). Requests for different channel renditions
// do not wait for each other; for one, the first brings it up to date and the others share it.
class BufferIndex {
public:
    explicit BufferIndex(const SegmentStore &store);
    BufferIndex(const BufferIndex &) = delete;
    BufferIndex &operator=(const BufferIndex &) = delete;

    // The buffer of the channel's rendition as of now: segments that ended after
    // nowUtcMs - channel.bufferMs. The same object as last time while nothing changed.
    std::shared_ptr<const BufferSnapshot> snapshot(
        const ChannelConfig &channel, const QString &rendition, qint64 nowUtcMs);
    // Drops what is held for a channel (deleted, or its segments removed).
    void forgetChannel(qint64 channelId);

private:
    struct Slot {
        std::mutex mutex; // one update at a time; leaf under nothing
        std::shared_ptr<const BufferSnapshot> snapshot;
        qint64 bufferMs = -1;
        qint64 newestSequence = kNone; // the store's newest when last brought up to date
    };
    static constexpr qint64 kNone = -1; // sequences start at 0
    using Key = QPair<qint64, QString>;
    std::shared_ptr<Slot> slot(const Key &key);
    std::shared_ptr<const BufferSnapshot> read(const Key &key, qint64 fromUtcMs) const;

    const SegmentStore &m_store;
    std::mutex m_slotsMutex; // guards m_slots only, never held while a slot updates
    QHash<Key, std::shared_ptr<Slot>> m_slots;
};

} // namespace panelx::timeshift
