// Measurements of the machine for the Dashboard: free disk (a file system query that can block
// on a network mount: run it on a worker thread) and PanelX's own CPU time (a cheap system
// call). Each channel's segment bytes come from the engine's status, not from here.
#pragma once

#include <QElapsedTimer>
#include <QString>

namespace panelx {

struct DiskSpace {
    qint64 freeBytes = -1; // -1: the data folder's file system could not be read
    qint64 totalBytes = -1;
};

// The file system `dataDir` is on, or will be on when it does not exist yet.
DiskSpace measureDisk(const QString &dataDir);

// CPU time PanelX used (all threads, user + system) between two calls, as a share of one core.
class ProcessCpuMeter {
public:
    ProcessCpuMeter();
    // Percent of one core since the previous call (or construction); -1 on the first call
    // within a millisecond.
    double sampleOneCorePercent();
    static int coreCount();

private:
    static qint64 cpuTimeUs();
    QElapsedTimer m_wall;
    qint64 m_lastCpuUs = 0;
};

} // namespace panelx
