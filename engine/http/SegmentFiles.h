// Committed segment files held open for the viewer HTTP server, which sends them with
// sendfile(2). A small bounded cache keyed by the file's path: the newest segments of a channel
// are fetched by every viewer, so they are opened once. sendfile with an explicit offset never
// moves the file position, so one descriptor serves any number of responses at once. Committed
// segment files are never changed in place, only deleted; each lookup checks that the file is
// still the one held open (a deleted segment is not served).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QtGlobal>
#include <list>
#include <memory>
#include <mutex>
#include <sys/types.h>

namespace panelx::http {

class SegmentFiles {
public:
    struct File {
        int fd = -1;
        qint64 size = 0;
        dev_t device = 0;
        ino_t inode = 0;
        File() = default;
        ~File();
        File(const File &) = delete;
        File &operator=(const File &) = delete;
    };
    // Keeps the descriptor open: a response holds one until it is sent, whatever the cache
    // evicts.
    using Handle = std::shared_ptr<const File>;

    static constexpr int kDefaultMaxEntries = 64;

    // With `confineTo` set, only files that really lie inside that folder are opened: a segment
    // path that is a link, or passes through a linked folder, to a file elsewhere is refused as
    // if it did not exist (nothing PanelX writes is a link; one planted in the data folder must
    // not serve the rest of the disk).
    explicit SegmentFiles(int maxEntries = kDefaultMaxEntries, QByteArray confineTo = {});

    // The file at `path` open for reading, or null with an errno value in *error (ENOENT when
    // it is gone or outside the folder it is confined to, EISDIR when it is not a regular
    // file). Callable from any thread.
    Handle open(const QByteArray &path, int *error);
    int entries() const;

private:
    struct Entry {
        Handle file;
        std::list<QByteArray>::iterator use; // position in m_uses, newest first
    };
    void forgetLocked(QHash<QByteArray, Entry>::iterator it);
    bool isInsideConfinement(int fd) const;

    const int m_maxEntries;
    const QByteArray m_confineTo;
    mutable std::mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    std::list<QByteArray> m_uses;
};

} // namespace panelx::http
