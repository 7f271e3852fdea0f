// A thread-safe snapshot of the recordings that HTTP threads look up by id (playlists, the
// recordings list, downloads). The Recorder replaces entries on the engine thread as recordings
// start, grow, finish and go.
#pragma once

#include "dvr/Recording.h"

#include <QHash>
#include <QList>
#include <optional>
#include <shared_mutex>

namespace panelx {

class RecordingDirectory {
public:
    void put(const Recording &recording);
    void remove(qint64 id);
    std::optional<Recording> byId(qint64 id) const;
    // Ordered by start, then id.
    QList<Recording> all() const;

private:
    mutable std::shared_mutex m_mutex;
    QHash<qint64, Recording> m_byId;
};

} // namespace panelx
