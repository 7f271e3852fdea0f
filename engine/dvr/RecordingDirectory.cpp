#include "RecordingDirectory.h"

#include <algorithm>
#include <mutex>

namespace panelx {

void RecordingDirectory::put(const Recording &recording)
{
    std::unique_lock lock(m_mutex);
    m_byId.insert(recording.id, recording);
}

void RecordingDirectory::remove(qint64 id)
{
    std::unique_lock lock(m_mutex);
    m_byId.remove(id);
}

std::optional<Recording> RecordingDirectory::byId(qint64 id) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return std::nullopt;
    return *it;
}

QList<Recording> RecordingDirectory::all() const
{
    QList<Recording> recordings;
    {
        std::shared_lock lock(m_mutex);
        recordings = m_byId.values();
    }
    std::sort(recordings.begin(), recordings.end(), startsBefore);
    return recordings;
}

} // namespace panelx
