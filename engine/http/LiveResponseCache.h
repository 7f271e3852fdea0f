// Live playlists rendered once per window: a channel's window is rendered when its newest
// segment changes, and every request until then sends the same bytes, so a playlist poll costs
// no rendering or allocation.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QString>
#include <functional>
#include <memory>
#include <shared_mutex>

namespace panelx::http {

// What a live window's rendering depends on. Sequence numbers are contiguous and committed
// segments never change, so the newest segment and the channel's settings determine it.
struct LiveWindowVersion {
    qint64 newestSequence = -1;
    qint64 newestStartUtcMs = 0;
    int targetDurationMs = 0;
    bool operator==(const LiveWindowVersion &) const = default;
};

class LiveResponseCache {
public:
    using Body = std::shared_ptr<const QByteArray>;

    // The body rendered for `version` of the channel+rendition's window, calling `render` only
    // when the cached one is of another version. The body stays valid for as long as the caller
    // holds it, even once a newer window replaced it. Callable from any thread.
    Body body(qint64 channelId, const QString &rendition, const LiveWindowVersion &version,
        const std::function<QByteArray()> &render);
    void clear();

private:
    struct Entry {
        LiveWindowVersion version;
        Body body;
    };
    std::shared_mutex m_mutex;
    QHash<QPair<qint64, QString>, Entry> m_entries;
};

} // namespace panelx::http
