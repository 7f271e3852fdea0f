// One PanelX process per data folder: a lock file in the folder, taken before the store is
// touched, so a second process cannot reconcile (and delete) the first one's unfinished files.
#pragma once

#include <QString>
#include <memory>

class QLockFile;

namespace panelx {

class InstanceLock {
public:
    explicit InstanceLock(const QString &dataDir);
    ~InstanceLock(); // releases the lock if held
    InstanceLock(const InstanceLock &) = delete;
    InstanceLock &operator=(const InstanceLock &) = delete;

    // Takes the lock without waiting. A lock left by a process that no longer runs (kill -9, a
    // power cut) is taken over. False with a sentence a person can act on, naming the process
    // that holds the folder.
    bool tryLock(QString *error);

    // Empty if this process could take `dataDir`'s lock now, else the sentence tryLock() gives
    // (another process holds it, or the folder is not writable). Takes and releases the lock,
    // so call it only where this process holds none.
    static QString checkAvailable(const QString &dataDir);

    static QString fileName(const QString &dataDir);

private:
    QString m_dataDir;
    std::unique_ptr<QLockFile> m_file;
};

} // namespace panelx
