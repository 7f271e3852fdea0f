#include "DashboardController.h"

#include "EngineClient.h"

#include <QDateTime>
#include <QUrl>
#include <QtConcurrent>

namespace panelx {

qint64 ChannelLoad::averageBitrate() const
{
    qint64 sum = 0;
    qint64 count = 0;
    for (const auto &s : samples) {
        if (s.bitsPerSecond > 0) {
            sum += s.bitsPerSecond;
            ++count;
        }
    }
    if (count > 0)
        return sum / count;
    return status.state == ChannelState::Live ? status.inputBitrate : 0;
}

qint64 ChannelLoad::budgetBytes() const
{
    const qint64 bitrate = averageBitrate();
    if (bitrate <= 0)
        return -1;
    // bits/s x ms / 8 / 1000, ordered to stay exact and far from overflow (24 h x 1 Gbit/s).
    return config.bufferMs / 1000 * bitrate / 8 + (config.bufferMs % 1000) * bitrate / 8000;
}

DashboardController::DashboardController(EngineClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_sampleTimer.setInterval(kDefaultSampleIntervalMs);
    m_diskTimer.setInterval(kDefaultDiskIntervalMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, &DashboardController::sampleNow);
    connect(&m_diskTimer, &QTimer::timeout, this, &DashboardController::refreshDisk);
    connect(&m_diskCheck, &QFutureWatcher<DiskSpace>::finished, this,
        &DashboardController::onDiskMeasured);

    connect(m_client, &EngineClient::channelAdded, this, &DashboardController::syncChannels);
    connect(m_client, &EngineClient::channelRemoved, this, &DashboardController::syncChannels);
    connect(m_client, &EngineClient::channelUpdated, this, [this](const ChannelConfig &channel) {
        auto it = m_channels.find(channel.id);
        if (it == m_channels.end())
            return syncChannels();
        const bool renamed = it->config.name != channel.name;
        it->config = channel;
        if (renamed)
            emit channelsChanged();
        else
            emit channelChanged(channel.id);
    });
    connect(
        m_client, &EngineClient::channelStatusChanged, this, [this](const ChannelStatus &status) {
            auto it = m_channels.find(status.channelId);
            if (it == m_channels.end())
                return;
            it->status = status;
            emit channelChanged(status.channelId);
        });
    connect(m_client, &EngineClient::serverStateChanged, this, [this] {
        syncChannels();
        emit viewerUrlChanged();
        refreshDisk();
    });

    syncChannels();
    m_sampleTimer.start();
    m_diskTimer.start();
    QTimer::singleShot(0, this, &DashboardController::refreshDisk);
}

DashboardController::~DashboardController()
{
    // The check only reads; waiting for it keeps its result from arriving at a dead object.
    m_diskCheck.waitForFinished();
}

QList<qint64> DashboardController::channelIds() const
{
    QList<const ChannelLoad *> loads;
    for (const auto &load : m_channels)
        loads << &load;
    std::sort(loads.begin(), loads.end(), [](const ChannelLoad *a, const ChannelLoad *b) {
        const int byName = QString::localeAwareCompare(a->config.name, b->config.name);
        return byName != 0 ? byName < 0 : a->config.id < b->config.id;
    });
    QList<qint64> ids;
    for (const auto *load : loads)
        ids << load->config.id;
    return ids;
}

const ChannelLoad *DashboardController::channel(qint64 channelId) const
{
    const auto it = m_channels.constFind(channelId);
    return it == m_channels.cend() ? nullptr : &*it;
}

QString DashboardController::dataDir() const
{
    return m_client->dataDir();
}

QString DashboardController::playlistUrl() const
{
    return m_client->playlistUrl();
}

bool DashboardController::playlistReachableFromLan() const
{
    const QString host = QUrl(playlistUrl()).host();
    return !host.isEmpty() && host != QLatin1String("127.0.0.1") && host != QLatin1String("::1")
        && host != QLatin1String("localhost");
}

void DashboardController::setSampleIntervalMs(int ms)
{
    m_sampleTimer.setInterval(ms);
}

void DashboardController::setDiskIntervalMs(int ms)
{
    m_diskTimer.setInterval(ms);
}

void DashboardController::setDiskRefreshEnabled(bool enabled)
{
    m_diskRefreshEnabled = enabled;
    if (enabled)
        refreshDisk();
}

void DashboardController::syncChannels()
{
    const QList<ChannelConfig> configs = m_client->channels();
    QSet<qint64> present;
    bool changed = false;
    for (const ChannelConfig &config : configs) {
        present.insert(config.id);
        auto it = m_channels.find(config.id);
        if (it == m_channels.end()) {
            ChannelLoad load;
            load.config = config;
            load.status = m_client->status(config.id);
            m_channels.insert(config.id, load);
            changed = true;
        } else {
            changed |= it->config.name != config.name;
            it->config = config;
            it->status = m_client->status(config.id);
        }
    }
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        if (!present.contains(it.key())) {
            it = m_channels.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        emit channelsChanged();
}

void DashboardController::sampleNow()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (auto &load : m_channels) {
        load.status = m_client->status(load.config.id);
        const bool live = load.status.state == ChannelState::Live;
        load.samples.push_back({nowMs, live ? load.status.inputBitrate : 0});
        while (!load.samples.empty() && load.samples.front().utcMs < nowMs - kHistoryMs)
            load.samples.pop_front();
    }
    m_cpuOneCorePercent = m_cpu.sampleOneCorePercent();
    emit samplesUpdated();
    emit machineUpdated();
}

void DashboardController::refreshDisk()
{
    const QString dir = m_client->dataDir();
    if (!m_diskRefreshEnabled || dir.isEmpty() || m_diskCheck.isRunning())
        return;
    m_diskCheck.setFuture(QtConcurrent::run(measureDisk, dir));
}

void DashboardController::onDiskMeasured()
{
    const DiskSpace disk = m_diskCheck.result();
    m_diskFreeBytes = disk.freeBytes;
    m_diskTotalBytes = disk.totalBytes;
    emit machineUpdated();
}

} // namespace panelx
