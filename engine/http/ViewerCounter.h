// Viewers per channel for the desktop UI: distinct client addresses that fetched one of the
// channel's playlists or segments within the last window (30 s). Called from HTTP threads on
// every request, so the server throttles calls per connection; the lock is held for one hash
// insert.
#pragma once

#include <QHash>
#include <QtGlobal>
#include <array>
#include <mutex>

namespace panelx::http {

// An IPv4 or IPv6 address (IPv4 as its IPv4-mapped IPv6 form), so one client is one key.
using ClientKey = std::array<quint8, 16>;

class ViewerCounter {
public:
    static constexpr qint64 kWindowMs = 30'000;

    void record(qint64 channelId, const ClientKey &client, qint64 nowMs);
    int viewers(qint64 channelId, qint64 nowMs) const;
    // Channel id -> viewers, for every channel with at least one.
    QHash<qint64, int> allViewers(qint64 nowMs) const;
    void clear();

    static ClientKey keyFromIPv4(quint32 addressHostOrder);
    static ClientKey keyFromIPv6(const quint8 (&bytes)[16]);

private:
    void pruneLocked(qint64 nowMs) const;

    mutable std::mutex m_mutex;
    // channel -> client -> last seen (ms); pruned lazily so memory follows the real audience.
    mutable QHash<qint64, QHash<QByteArray, qint64>> m_lastSeen;
    mutable qint64 m_lastPruneMs = 0;
};

} // namespace panelx::http
