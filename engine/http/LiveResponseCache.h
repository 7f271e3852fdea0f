// Live playlists as ready libmicrohttpd responses: a channel's window is rendered once, when
// its newest segment changes, and every request until then queues the same response (body and
// headers included), so a playlist poll costs no rendering, allocation or header building.
#pragma once

#include <QHash>
#include <QPair>
#include <QString>
#include <functional>
#include <microhttpd.h>
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
    LiveResponseCache() = default;
    ~LiveResponseCache();
    LiveResponseCache(const LiveResponseCache &) = delete;
    LiveResponseCache &operator=(const LiveResponseCache &) = delete;

    // Queues the response made for `version` of the channel+rendition's window, calling `make`
    // (which returns a new response, or nullptr when out of memory) only when the cached one is
    // of another version. Callable from any thread.
    MHD_Result queue(MHD_Connection *connection, qint64 channelId, const QString &rendition,
        const LiveWindowVersion &version, const std::function<MHD_Response *()> &make);
    // Drops every cached response (responses still being sent stay valid until sent).
    void clear();

private:
    struct Entry {
        LiveWindowVersion version;
        MHD_Response *response = nullptr;
    };
    std::shared_mutex m_mutex;
    QHash<QPair<qint64, QString>, Entry> m_entries;
};

} // namespace panelx::http
