#include "ingest/PacketQueue.h"

namespace panelx {

SharedPacket sharePacket(const AVPacket &packet)
{
    AvPacketPtr copy = makeAvPacket();
    if (!copy || av_packet_ref(copy.get(), &packet) < 0)
        return nullptr;
    return SharedPacket(std::move(copy));
}

std::shared_ptr<const SharedSession> SharedSession::copy(
    const IngestSession &session, QString *error)
{
    auto shared = std::make_shared<SharedSession>();
    shared->m_session = session;
    for (SourceStream &stream : shared->m_session.streams) {
        AvCodecParametersPtr par(avcodec_parameters_alloc());
        if (!par || avcodec_parameters_copy(par.get(), stream.codecpar) < 0) {
            *error = QStringLiteral("out of memory handing the source's streams to its consumers");
            return nullptr;
        }
        stream.codecpar = par.get();
        shared->m_codecpars.push_back(std::move(par));
        if (stream.codecpar->codec_type == AVMEDIA_TYPE_VIDEO && shared->m_videoIndex < 0)
            shared->m_videoIndex = stream.index;
    }
    return shared;
}

void PacketQueue::pushLocked(Item item)
{
    m_items.push_back(std::move(item));
    m_changed.notify_all();
}

void PacketQueue::pushSessionStarted(std::shared_ptr<const SharedSession> session)
{
    std::lock_guard lock(m_mutex);
    m_videoIndex = session->videoIndex();
    // A consumer waits for a keyframe at a session's start anyway.
    m_dropping = false;
    pushLocked({Item::Kind::SessionStarted, std::move(session), nullptr});
}

bool PacketQueue::pushPacket(SharedPacket packet)
{
    std::lock_guard lock(m_mutex);
    const bool resumable = m_videoIndex < 0
        || (packet->stream_index == m_videoIndex && (packet->flags & AV_PKT_FLAG_KEY));
    if (m_dropping && resumable && m_queuedPackets <= m_limits.maxPackets / 2
        && m_queuedBytes <= m_limits.maxBytes / 2)
        m_dropping = false;
    if (!m_dropping
        && (m_queuedPackets >= m_limits.maxPackets
            || m_queuedBytes + packet->size > m_limits.maxBytes)) {
        m_dropping = true;
        ++m_stats.overflows;
    }
    if (m_dropping) {
        ++m_stats.packetsDropped;
        return false;
    }
    ++m_stats.packetsQueued;
    ++m_queuedPackets;
    m_queuedBytes += packet->size;
    pushLocked({Item::Kind::Packet, nullptr, std::move(packet)});
    return true;
}

void PacketQueue::pushSessionEnded()
{
    std::lock_guard lock(m_mutex);
    pushLocked({Item::Kind::SessionEnded, nullptr, nullptr});
}

void PacketQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

std::optional<PacketQueue::Item> PacketQueue::pop()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_items.empty() || m_closed; });
    if (m_items.empty())
        return std::nullopt;
    Item item = std::move(m_items.front());
    m_items.pop_front();
    if (item.packet) {
        --m_queuedPackets;
        m_queuedBytes -= item.packet->size;
    }
    ++m_inProgress;
    return item;
}

void PacketQueue::itemDone()
{
    std::lock_guard lock(m_mutex);
    --m_inProgress;
    m_changed.notify_all();
}

void PacketQueue::waitDrained()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_items.empty() && m_inProgress == 0; });
}

QueueStats PacketQueue::stats() const
{
    std::lock_guard lock(m_mutex);
    QueueStats stats = m_stats;
    stats.packetsWaiting = m_queuedPackets;
    return stats;
}

} // namespace panelx
