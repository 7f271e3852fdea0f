#include "AdminToken.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace panelx {

namespace {

bool isToken(const QByteArray &text)
{
    if (text.size() < AdminToken::kRandomBytes * 2)
        return false;
    return std::all_of(text.begin(), text.end(),
        [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

QString AdminToken::fileName(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("admin-token"));
}

QByteArray AdminToken::generate(QString *error)
{
    QByteArray bytes(kRandomBytes, Qt::Uninitialized);
    qsizetype filled = 0;
    while (filled < bytes.size()) {
        // getrandom(2) reads the kernel's cryptographic generator and blocks only until it is
        // seeded at boot.
        const ssize_t got = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            *error = tr("The system gave no random numbers for the admin token (%1).")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return {};
        }
        filled += got;
    }
    return bytes.toHex();
}

QByteArray AdminToken::read(const QString &dataDir)
{
    QFile file(fileName(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.read(1024).trimmed();
    return isToken(text) ? text : QByteArray();
}

bool AdminToken::loadOrCreate(const QString &dataDir, QString *error)
{
    m_dataDir = dataDir;
    m_value = read(dataDir);
    if (m_value.isEmpty())
        return regenerate(error);
    // A copy restored from a backup may have lost its mode: only the owner may read it.
    QFile::setPermissions(fileName(dataDir), QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

bool AdminToken::regenerate(QString *error)
{
    const QByteArray token = generate(error);
    if (token.isEmpty() || !store(token, error))
        return false;
    m_value = token;
    return true;
}

bool AdminToken::store(const QByteArray &token, QString *error)
{
    const QString target = fileName(m_dataDir);
    QByteArray temp = QFile::encodeName(target + QStringLiteral(".XXXXXX"));
    // mkstemp creates the file with mode 0600, so the token is never readable by others, and
    // the rename replaces the old file in one step: a reader sees the old token or the new one.
    const int fd = ::mkstemp(temp.data());
    bool ok = fd >= 0;
    if (ok) {
        const QByteArray line = token + '\n';
        ok = ::write(fd, line.constData(), line.size()) == line.size() && ::fsync(fd) == 0;
        ok = ::close(fd) == 0 && ok;
        ok = ok && ::rename(temp.constData(), QFile::encodeName(target).constData()) == 0;
        if (!ok)
            ::unlink(temp.constData());
    }
    if (!ok)
        *error = tr("PanelX cannot write the admin token to %1 (%2): check that you may write "
                    "to the data folder.")
                     .arg(target, QString::fromLocal8Bit(std::strerror(errno)));
    return ok;
}

bool AdminToken::matches(QByteArrayView candidate) const
{
    if (m_value.isEmpty())
        return false;
    // Every byte of the token is looked at whatever the candidate holds, so the time taken
    // tells nothing about how much of it was right.
    unsigned difference = candidate.size() == m_value.size() ? 0 : 1;
    for (qsizetype i = 0; i < m_value.size(); ++i) {
        const char given = i < candidate.size() ? candidate[i] : 0;
        difference |= static_cast<unsigned char>(given ^ m_value[i]);
    }
    return difference == 0;
}

} // namespace panelx
