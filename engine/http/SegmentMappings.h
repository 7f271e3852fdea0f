// Committed segment files mapped into memory for the viewer HTTP server, which sends them as
// buffers (its library has no sendfile). A small bounded cache keyed by the file's path: the
// newest segments of a channel are fetched by every viewer, so they are mapped once. Committed
// segment files are never changed in place, only deleted, so a mapping stays valid; each
// lookup checks that the file is still the one mapped (a deleted segment is not served).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QtGlobal>
#include <list>
#include <memory>
#include <mutex>
#include <sys/types.h>

namespace panelx::http {

class SegmentMappings {
public:
    struct Mapping {
        const char *data = nullptr; // nullptr for an empty file
        qint64 size = 0;
        dev_t device = 0;
        ino_t inode = 0;
        Mapping() = default;
        ~Mapping();
        Mapping(const Mapping &) = delete;
        Mapping &operator=(const Mapping &) = delete;
    };
    // Keeps the mapping alive: a response holds one until it is sent, whatever the cache evicts.
    using Handle = std::shared_ptr<const Mapping>;

    static constexpr int kDefaultMaxEntries = 64;
    static constexpr qint64 kDefaultMaxBytes = 256LL * 1024 * 1024;

    // With `confineTo` set, only files that really lie inside that folder are mapped: a segment
    // path that is a link, or passes through a linked folder, to a file elsewhere is refused as
    // if it did not exist (nothing PanelX writes is a link; one planted in the data folder must
    // not serve the rest of the disk).
    explicit SegmentMappings(int maxEntries = kDefaultMaxEntries,
        qint64 maxBytes = kDefaultMaxBytes, QByteArray confineTo = {});

    // The file at `path` mapped, or null with an errno value in *error (ENOENT when it is gone
    // or outside the folder it is confined to, EISDIR when it is not a regular file). Callable
    // from any thread.
    Handle map(const QByteArray &path, int *error);
    void clear();
    int entries() const;
    qint64 bytes() const;

private:
    struct Entry {
        Handle mapping;
        std::list<QByteArray>::iterator use; // position in m_uses, newest first
    };
    void evictLocked();
    bool isInsideConfinement(int fd) const;

    const int m_maxEntries;
    const qint64 m_maxBytes;
    const QByteArray m_confineTo;
    mutable std::mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    std::list<QByteArray> m_uses;
    qint64 m_bytes = 0;
};

} // namespace panelx::http
