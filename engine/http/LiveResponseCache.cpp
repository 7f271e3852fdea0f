#include "http/LiveResponseCache.h"

#include <mutex>

namespace panelx::http {

LiveResponseCache::Body LiveResponseCache::body(qint64 channelId, const QString &rendition,
    const LiveWindowVersion &version, const std::function<QByteArray()> &render)
{
    const QPair<qint64, QString> key(channelId, rendition);
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd() && it->version == version)
            return it->body;
    }
    auto fresh = std::make_shared<const QByteArray>(render());
    std::unique_lock lock(m_mutex);
    m_entries.insert(key, {version, fresh});
    return fresh;
}

void LiveResponseCache::clear()
{
    std::unique_lock lock(m_mutex);
    m_entries.clear();
}

} // namespace panelx::http
