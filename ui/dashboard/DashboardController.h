// The Dashboard's data: per channel the input bitrate history (sampled from the EngineClient's
// cached status every few seconds) and its buffer storage (the engine's segment bytes, from the
// same status) against its budget; for the machine the free disk and PanelX's CPU load. Free
// disk is measured on a worker thread; nothing here waits on the engine or the disk on the GUI
// thread.
#pragma once

#include "ChannelTypes.h"
#include "MachineStats.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>

namespace panelx {

class EngineClient;

struct BitrateSample {
    qint64 utcMs = 0;
    qint64 bitsPerSecond = 0; // 0 while the channel is not live
};

struct ChannelLoad {
    ChannelConfig config;
    ChannelStatus status; // status.bufferBytes: its segments on disk, as the engine counts them
    std::deque<BitrateSample> samples; // oldest first, at most the history length

    // Mean input bitrate of the samples taken while live (the current one if none yet);
    // 0 when the channel has not been live.
    qint64 averageBitrate() const;
    // What the buffer will hold when full: bufferMs x averageBitrate. -1 while unknown (never
    // live).
    qint64 budgetBytes() const;
};

class DashboardController : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultSampleIntervalMs = 3000;
    static constexpr int kDefaultDiskIntervalMs = 5000;
    static constexpr qint64 kHistoryMs = 10 * 60 * 1000;

    explicit DashboardController(EngineClient *client, QObject *parent = nullptr);
    ~DashboardController() override;

    QList<qint64> channelIds() const; // in the order the page shows them (by name)
    const ChannelLoad *channel(qint64 channelId) const;

    double cpuOneCorePercent() const { return m_cpuOneCorePercent; } // -1 until measured
    int coreCount() const { return m_coreCount; }
    qint64 diskFreeBytes() const { return m_diskFreeBytes; } // -1 until measured
    qint64 diskTotalBytes() const { return m_diskTotalBytes; }
    QString dataDir() const;
    QString playlistUrl() const;
    // False when the server listens on loopback only, so other devices cannot open the URL.
    bool playlistReachableFromLan() const;

    // Tests speed these up; the page uses the defaults.
    void setSampleIntervalMs(int ms);
    void setDiskIntervalMs(int ms);
    // While hidden the dashboard keeps sampling bitrates (the graph has no gaps) but stops
    // asking the file system for free space.
    void setDiskRefreshEnabled(bool enabled);

public slots:
    void sampleNow();
    void refreshDisk();

signals:
    void channelsChanged(); // added, removed or renamed: the rows change
    void channelChanged(qint64 channelId); // its state or settings
    void samplesUpdated();
    void machineUpdated();
    void viewerUrlChanged();

private:
    void syncChannels();
    void onDiskMeasured();

    EngineClient *m_client;
    QHash<qint64, ChannelLoad> m_channels;
    QTimer m_sampleTimer;
    QTimer m_diskTimer;
    QFutureWatcher<DiskSpace> m_diskCheck;
    bool m_diskRefreshEnabled = true;
    ProcessCpuMeter m_cpu;
    double m_cpuOneCorePercent = -1;
    int m_coreCount = ProcessCpuMeter::coreCount();
    qint64 m_diskFreeBytes = -1;
    qint64 m_diskTotalBytes = -1;
};

} // namespace panelx
