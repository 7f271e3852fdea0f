// Stills of the buffer for the player's timeline and for web players (GET /thumb/…): the
// keyframe a stored segment starts with, decoded, scaled to kWidth pixels wide and encoded as a
// small JPEG. Stills are made one at a time on a thread of their own ("thumbnails"), never on
// the HTTP loops or the engine's thread, and the most recently asked for are kept in memory.
// Thread-safe.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

namespace panelx::timeshift {

class Thumbnailer {
public:
    static constexpr int kWidth = 160;
    // Stills waiting to be made, at most. A timeline being hovered over asks for one still after
    // another: when more wait, the one asked for longest ago is answered as not made (its
    // caller has most likely moved on), so the queue and the wait stay short.
    static constexpr int kMaxQueued = 64;

    struct Result {
        QByteArray jpeg; // empty on failure
        QString error; // why there is no still, in words a person can act on
    };
    using Callback = std::function<void(Result)>;

    // Keeps the stills of the `cacheEntries` segment files asked for most recently.
    explicit Thumbnailer(int cacheEntries = 512);
    // Stops the worker after the still under way; callers still waiting are told PanelX is
    // stopping.
    ~Thumbnailer();
    Thumbnailer(const Thumbnailer &) = delete;
    Thumbnailer &operator=(const Thumbnailer &) = delete;

    // The still of `segmentFile` (the key of the cache: a segment's sequence never repeats, so
    // its file never changes). `callback` is called exactly once: at once on the caller's thread
    // when the still is cached, else on the worker's thread once it is made; callers asking for
    // the same file meanwhile share one decode (or with an error once kMaxQueued newer ones
    // wait). Failures are not kept: the next request tries again. Any thread.
    void request(const QString &segmentFile, Callback callback);

    // The first video frame of `segmentFile` (the keyframe the segment starts with), scaled to
    // kWidth wide keeping the display aspect (the sample aspect ratio respected, even height),
    // as a JPEG made by libavcodec's MJPEG encoder. Blocking; any thread.
    static Result make(const QString &segmentFile);

    // How many stills the worker has made or tried to make (cache hits are not counted).
    std::uint64_t decodes() const;

private:
    struct Cached {
        QByteArray jpeg;
        std::list<QString>::iterator use; // its place in m_recent
    };

    void run();
    void remember(const QString &file, const QByteArray &jpeg);

    const int m_cacheEntries;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QString> m_queue; // files to make, oldest request first
    QHash<QString, QList<Callback>> m_waiters; // by file, queued or under way
    QHash<QString, Cached> m_cache;
    std::list<QString> m_recent; // cached files, most recently used first
    std::uint64_t m_decodes = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace panelx::timeshift
