// A thread-safe snapshot of the channels that HTTP threads look up by slug. The engine thread
// replaces entries as channels are added, changed or removed.
#pragma once

#include "ChannelTypes.h"

#include <QHash>
#include <QList>
#include <optional>
#include <shared_mutex>

namespace panelx {

class ChannelDirectory {
public:
    void put(const ChannelConfig &channel);
    void remove(qint64 channelId);
    std::optional<ChannelConfig> bySlug(const QString &slug) const;
    std::optional<ChannelConfig> byId(qint64 channelId) const;
    // Ordered by name.
    QList<ChannelConfig> all() const;

private:
    mutable std::shared_mutex m_mutex;
    QHash<qint64, ChannelConfig> m_byId;
    QHash<QString, qint64> m_idBySlug;
};

} // namespace panelx
