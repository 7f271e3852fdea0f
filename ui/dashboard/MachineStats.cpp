#include "MachineStats.h"

#include <QFileInfo>
#include <QStorageInfo>
#include <QThread>

#include <sys/resource.h>

namespace panelx {

DiskSpace measureDisk(const QString &dataDir)
{
    DiskSpace disk;
    // The folder may not exist yet (first start): measure the file system it will be on.
    QFileInfo existing(dataDir);
    while (!existing.exists() && !existing.isRoot() && !existing.absoluteFilePath().isEmpty())
        existing.setFile(existing.absolutePath());
    QStorageInfo storage(existing.absoluteFilePath());
    if (storage.isValid() && storage.isReady()) {
        disk.freeBytes = storage.bytesAvailable();
        disk.totalBytes = storage.bytesTotal();
    }
    return disk;
}

ProcessCpuMeter::ProcessCpuMeter() : m_lastCpuUs(cpuTimeUs())
{
    m_wall.start();
}

qint64 ProcessCpuMeter::cpuTimeUs()
{
    rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    const auto us = [](const timeval &t) { return qint64(t.tv_sec) * 1000000 + t.tv_usec; };
    return us(usage.ru_utime) + us(usage.ru_stime);
}

double ProcessCpuMeter::sampleOneCorePercent()
{
    const qint64 wallUs = m_wall.nsecsElapsed() / 1000;
    if (wallUs < 1000)
        return -1;
    const qint64 cpuUs = cpuTimeUs();
    const double percent = 100.0 * double(cpuUs - m_lastCpuUs) / double(wallUs);
    m_lastCpuUs = cpuUs;
    m_wall.restart();
    return qMax(0.0, percent);
}

int ProcessCpuMeter::coreCount()
{
    return qMax(1, QThread::idealThreadCount());
}

} // namespace panelx
