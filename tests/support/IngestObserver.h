// Collects what an ingest reports from its worker thread, for the ingest tests.
#pragma once

#include "ingest/Ingest.h"

#include <QList>
#include <QSet>
#include <QThread>
#include <mutex>

namespace panelx::test {

class IngestObserver {
public:
    // Callbacks that record statuses, segments and the reporting thread's name; the time-outs
    // are the ingest's defaults unless given.
    IngestOptions options(int openTimeoutMs = IngestOptions {}.openTimeoutMs,
        int readTimeoutMs = IngestOptions {}.readTimeoutMs)
    {
        IngestOptions options;
        options.openTimeoutMs = openTimeoutMs;
        options.readTimeoutMs = readTimeoutMs;
        options.onStatus = [this](const ChannelStatus &status) {
            std::lock_guard lock(m_mutex);
            m_statuses.append(status);
            m_threadNames.insert(QThread::currentThread()->objectName());
        };
        options.onSegment = [this](const SegmentInfo &info) {
            std::lock_guard lock(m_mutex);
            m_segments.append(info);
        };
        return options;
    }
    QList<SegmentInfo> segments() const
    {
        std::lock_guard lock(m_mutex);
        return m_segments;
    }
    QList<ChannelStatus> statuses() const
    {
        std::lock_guard lock(m_mutex);
        return m_statuses;
    }
    QSet<QString> threadNames() const
    {
        std::lock_guard lock(m_mutex);
        return m_threadNames;
    }
    // Index of the first status at or after `from` in `state`, or -1.
    int find(ChannelState state, int from = 0) const
    {
        std::lock_guard lock(m_mutex);
        for (int i = from; i < m_statuses.size(); ++i) {
            if (m_statuses[i].state == state)
                return i;
        }
        return -1;
    }
    bool reached(ChannelState state) const { return find(state) >= 0; }

private:
    mutable std::mutex m_mutex;
    QList<ChannelStatus> m_statuses;
    QList<SegmentInfo> m_segments;
    QSet<QString> m_threadNames;
};

} // namespace panelx::test
