#include "http/SegmentMappings.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <string_view>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace panelx::http {

SegmentMappings::Mapping::~Mapping()
{
    if (data)
        ::munmap(const_cast<char *>(data), size_t(size));
}

SegmentMappings::SegmentMappings(int maxEntries, qint64 maxBytes, QByteArray confineTo)
    : m_maxEntries(maxEntries), m_maxBytes(maxBytes), m_confineTo(std::move(confineTo))
{
}

// Where the open file really is (every link resolved, by the kernel) against where the folder
// really is: the folder itself may be a link, e.g. a data folder moved to another disk.
bool SegmentMappings::isInsideConfinement(int fd) const
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

SegmentMappings::Handle SegmentMappings::map(const QByteArray &path, int *error)
{
    struct stat info { };
    if (::stat(path.constData(), &info) != 0) {
        *error = errno;
        std::lock_guard lock(m_mutex);
        if (const auto it = m_entries.find(path); it != m_entries.end()) {
            m_bytes -= it->mapping->size;
            m_uses.erase(it->use);
            m_entries.erase(it);
        }
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
            const Mapping &mapping = *it->mapping;
            if (mapping.inode == info.st_ino && mapping.device == info.st_dev
                && mapping.size == info.st_size) {
                m_uses.splice(m_uses.begin(), m_uses, it->use);
                return it->mapping;
            }
            m_bytes -= mapping.size; // replaced under the same name: map the new file
            m_uses.erase(it->use);
            m_entries.erase(it);
        }
    }

    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *error = errno == ELOOP ? ENOENT : errno; // a link where a segment should be
        return {};
    }
    if (!isInsideConfinement(fd)) {
        ::close(fd);
        *error = ENOENT;
        return {};
    }
    auto mapping = std::make_shared<Mapping>();
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = S_ISREG(info.st_mode) ? errno : EISDIR;
        ::close(fd);
        return {};
    }
    mapping->size = info.st_size;
    mapping->device = info.st_dev;
    mapping->inode = info.st_ino;
    if (info.st_size > 0) {
        // Populated now: the whole file is sent at once, so fault it in with one call.
        void *data
            = ::mmap(nullptr, size_t(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (data == MAP_FAILED) {
            *error = errno;
            ::close(fd);
            return {};
        }
        mapping->data = static_cast<const char *>(data);
    }
    ::close(fd); // the mapping keeps the file's pages
    std::lock_guard lock(m_mutex);
    if (!m_entries.contains(path)) {
        m_uses.push_front(path);
        m_entries.insert(path, {mapping, m_uses.begin()});
        m_bytes += mapping->size;
        evictLocked();
    }
    return mapping;
}

void SegmentMappings::evictLocked()
{
    while (m_entries.size() > 1 && (m_entries.size() > m_maxEntries || m_bytes > m_maxBytes)) {
        const auto it = m_entries.find(m_uses.back());
        m_bytes -= it->mapping->size;
        m_entries.erase(it);
        m_uses.pop_back();
    }
}

void SegmentMappings::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_uses.clear();
    m_bytes = 0;
}

int SegmentMappings::entries() const
{
    std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

qint64 SegmentMappings::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace panelx::http
