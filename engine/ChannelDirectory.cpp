#include "ChannelDirectory.h"

#include <algorithm>
#include <mutex>

namespace panelx {

void ChannelDirectory::put(const ChannelConfig &channel)
{
    std::unique_lock lock(m_mutex);
    if (auto old = m_byId.constFind(channel.id); old != m_byId.constEnd())
        m_idBySlug.remove(old->slug);
    m_byId.insert(channel.id, channel);
    m_idBySlug.insert(channel.slug, channel.id);
}

void ChannelDirectory::remove(qint64 channelId)
{
    std::unique_lock lock(m_mutex);
    if (auto old = m_byId.constFind(channelId); old != m_byId.constEnd()) {
        m_idBySlug.remove(old->slug);
        m_byId.erase(old);
    }
}

std::optional<ChannelConfig> ChannelDirectory::bySlug(const QString &slug) const
{
    std::shared_lock lock(m_mutex);
    auto id = m_idBySlug.constFind(slug);
    if (id == m_idBySlug.constEnd())
        return std::nullopt;
    return m_byId.value(*id);
}

std::optional<ChannelConfig> ChannelDirectory::byId(qint64 channelId) const
{
    std::shared_lock lock(m_mutex);
    auto it = m_byId.constFind(channelId);
    if (it == m_byId.constEnd())
        return std::nullopt;
    return *it;
}

QList<ChannelConfig> ChannelDirectory::all() const
{
    std::shared_lock lock(m_mutex);
    QList<ChannelConfig> channels = m_byId.values();
    std::sort(channels.begin(), channels.end(),
        [](const auto &a, const auto &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return channels;
}

} // namespace panelx
