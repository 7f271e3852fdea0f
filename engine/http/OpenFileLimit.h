// The process's open-file limit and the share of it the viewer HTTP server may spend on
// connections: every connection is a descriptor, and segment files, SQLite and libav need
// theirs even when the server is full.
#pragma once

#include <QtGlobal>

namespace panelx::http {

// Descriptors kept out of the connection cap for segment files, SQLite and libav.
inline constexpr int kReservedDescriptors = 256;

// Raises the soft RLIMIT_NOFILE to the hard limit (once per process is enough; repeating is
// harmless) and returns the soft limit in force afterwards.
qint64 raiseOpenFileLimit();

// How many connections the server may hold open: min(maxConnections, openFileLimit -
// reserve), and at least 1.
int connectionCap(int maxConnections, qint64 openFileLimit, int reserve = kReservedDescriptors);

} // namespace panelx::http
