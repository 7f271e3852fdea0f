#include "http/LiveResponseCache.h"

#include <mutex>

namespace panelx::http {

LiveResponseCache::~LiveResponseCache()
{
    clear();
}

MHD_Result LiveResponseCache::queue(MHD_Connection *connection, qint64 channelId,
    const QString &rendition, const LiveWindowVersion &version,
    const std::function<MHD_Response *()> &make)
{
    const QPair<qint64, QString> key(channelId, rendition);
    {
        // MHD_queue_response takes its own reference, so the entry may be replaced (and its
        // reference dropped) once this lock is released while the response is still sent.
        std::shared_lock lock(m_mutex);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd() && it->version == version)
            return MHD_queue_response(connection, MHD_HTTP_OK, it->response);
    }
    MHD_Response *fresh = make();
    if (!fresh)
        return MHD_NO; // out of memory: libmicrohttpd closes this connection, others go on
    std::unique_lock lock(m_mutex);
    Entry &entry = m_entries[key];
    if (entry.response)
        MHD_destroy_response(entry.response);
    entry = {version, fresh};
    return MHD_queue_response(connection, MHD_HTTP_OK, fresh);
}

void LiveResponseCache::clear()
{
    std::unique_lock lock(m_mutex);
    for (const Entry &entry : std::as_const(m_entries))
        MHD_destroy_response(entry.response);
    m_entries.clear();
}

} // namespace panelx::http
