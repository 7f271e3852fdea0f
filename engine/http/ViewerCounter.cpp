#include "ViewerCounter.h"

#include <cstring>

namespace panelx::http {

namespace {
QByteArray toBytes(const ClientKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(key.size()));
}
} // namespace

void ViewerCounter::record(qint64 channelId, const ClientKey &client, qint64 nowMs)
{
    const QByteArray key = toBytes(client);
    std::lock_guard lock(m_mutex);
    m_lastSeen[channelId].insert(key, nowMs);
    if (nowMs - m_lastPruneMs > kWindowMs)
        pruneLocked(nowMs);
}

int ViewerCounter::viewers(qint64 channelId, qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    const auto channel = m_lastSeen.constFind(channelId);
    if (channel == m_lastSeen.constEnd())
        return 0;
    int count = 0;
    for (qint64 seenMs : *channel)
        if (nowMs - seenMs < kWindowMs)
            ++count;
    return count;
}

QHash<qint64, int> ViewerCounter::allViewers(qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    pruneLocked(nowMs);
    QHash<qint64, int> result;
    for (auto it = m_lastSeen.cbegin(); it != m_lastSeen.cend(); ++it)
        result.insert(it.key(), int(it->size()));
    return result;
}

void ViewerCounter::clear()
{
    std::lock_guard lock(m_mutex);
    m_lastSeen.clear();
}

void ViewerCounter::pruneLocked(qint64 nowMs) const
{
    m_lastPruneMs = nowMs;
    for (auto channel = m_lastSeen.begin(); channel != m_lastSeen.end();) {
        channel->removeIf([&](const auto &entry) { return nowMs - entry.value() >= kWindowMs; });
        channel = channel->isEmpty() ? m_lastSeen.erase(channel) : std::next(channel);
    }
}

ClientKey ViewerCounter::keyFromIPv4(quint32 addressHostOrder)
{
    ClientKey key {};
    key[10] = 0xff;
    key[11] = 0xff;
    key[12] = quint8(addressHostOrder >> 24);
    key[13] = quint8(addressHostOrder >> 16);
    key[14] = quint8(addressHostOrder >> 8);
    key[15] = quint8(addressHostOrder);
    return key;
}

ClientKey ViewerCounter::keyFromIPv6(const quint8 (&bytes)[16])
{
    ClientKey key;
    std::memcpy(key.data(), bytes, key.size());
    return key;
}

} // namespace panelx::http
