// What more than one benchmark driver measures with: the process's resident memory and a
// wait that keeps the event loop running.
#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

namespace panelx::bench {

// VmRSS of this process in MiB; 0 when /proc cannot be read.
inline double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Runs the event loop for `ms` milliseconds.
inline void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace panelx::bench
