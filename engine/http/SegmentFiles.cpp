#include "http/SegmentFiles.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace panelx::http {

SegmentFiles::File::~File()
{
    if (fd >= 0)
        ::close(fd);
}

SegmentFiles::SegmentFiles(int maxEntries, QByteArray confineTo)
    : m_maxEntries(std::max(1, maxEntries)), m_confineTo(std::move(confineTo))
{
}

// Where the open file really is (every link resolved, by the kernel) against where the folder
// really is: the folder itself may be a link, e.g. a data folder moved to another disk.
bool SegmentFiles::isInsideConfinement(int fd) const
{
    if (m_confineTo.isEmpty())
        return true;
    char root[PATH_MAX];
    if (!::realpath(m_confineTo.constData(), root))
        return false;
    char file[PATH_MAX];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t length = ::readlink(link.constData(), file, sizeof file - 1);
    if (length <= 0)
        return false;
    const std::string_view resolved(file, size_t(length));
    const std::string_view folder(root);
    return resolved.size() > folder.size() && resolved.starts_with(folder)
        && resolved[folder.size()] == '/';
}

void SegmentFiles::forgetLocked(QHash<QByteArray, Entry>::iterator it)
{
    m_uses.erase(it->use);
    m_entries.erase(it);
}

SegmentFiles::Handle SegmentFiles::open(const QByteArray &path, int *error)
{
    struct stat info { };
    if (::stat(path.constData(), &info) != 0) {
        *error = errno;
        std::lock_guard lock(m_mutex);
        if (const auto it = m_entries.find(path); it != m_entries.end())
            forgetLocked(it);
        return {};
    }
    if (!S_ISREG(info.st_mode)) {
        *error = EISDIR;
        return {};
    }
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(path);
        if (it != m_entries.end()) {
            const File &file = *it->file;
            if (file.inode == info.st_ino && file.device == info.st_dev
                && file.size == info.st_size) {
                m_uses.splice(m_uses.begin(), m_uses, it->use);
                return it->file;
            }
            forgetLocked(it); // replaced under the same name: open the new file
        }
    }

    auto file = std::make_shared<File>();
    file->fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (file->fd < 0) {
        *error = errno == ELOOP ? ENOENT : errno; // a link where a segment should be
        return {};
    }
    if (!isInsideConfinement(file->fd)) {
        *error = ENOENT;
        return {};
    }
    if (::fstat(file->fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = S_ISREG(info.st_mode) ? errno : EISDIR;
        return {};
    }
    file->size = info.st_size;
    file->device = info.st_dev;
    file->inode = info.st_ino;
    std::lock_guard lock(m_mutex);
    if (!m_entries.contains(path)) {
        m_uses.push_front(path);
        m_entries.insert(path, {file, m_uses.begin()});
        while (m_entries.size() > m_maxEntries)
            forgetLocked(m_entries.find(m_uses.back()));
    }
    return file;
}

int SegmentFiles::entries() const
{
    std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

} // namespace panelx::http
