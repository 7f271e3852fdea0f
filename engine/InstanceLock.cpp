#include "InstanceLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

namespace panelx {

InstanceLock::InstanceLock(const QString &dataDir)
    : m_dataDir(dataDir), m_file(std::make_unique<QLockFile>(fileName(dataDir)))
{
    // A running PanelX holds its lock for days: only a dead owner makes it stale, never age.
    m_file->setStaleLockTime(0);
}

InstanceLock::~InstanceLock() = default;

QString InstanceLock::fileName(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("panelx.lock"));
}

bool InstanceLock::tryLock(QString *error)
{
    if (m_file->isLocked() || m_file->tryLock(0))
        return true;
    switch (m_file->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString application;
        const QString owner = m_file->getLockInfo(&pid, &host, &application)
            ? QCoreApplication::translate("InstanceLock", "process %1").arg(pid)
            : QCoreApplication::translate("InstanceLock", "lock file %1").arg(fileName(m_dataDir));
        *error = QCoreApplication::translate("InstanceLock",
            "PanelX is already running with this data folder (%1) — use that one, stop it "
            "first, or start this one with another folder (--data-dir).")
                     .arg(owner);
        break;
    }
    case QLockFile::PermissionError:
        *error = QCoreApplication::translate("InstanceLock",
            "PanelX cannot create its lock file in %1: check that you may write to this "
            "folder, or choose another with --data-dir.")
                     .arg(QDir::toNativeSeparators(m_dataDir));
        break;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        *error = QCoreApplication::translate("InstanceLock",
            "PanelX could not lock its data folder %1 (is the disk full or read-only?).")
                     .arg(QDir::toNativeSeparators(m_dataDir));
        break;
    }
    return false;
}

QString InstanceLock::checkAvailable(const QString &dataDir)
{
    if (!QDir(dataDir).exists())
        return {}; // nobody can be using a folder that does not exist yet
    InstanceLock probe(dataDir);
    QString error;
    return probe.tryLock(&error) ? QString() : error;
}

} // namespace panelx
