#include "ChannelTableModel.h"

#include "BrowserCodecs.h"
#include "EngineClient.h"

#include <QApplication>
#include <QStyle>

namespace panelx {

ChannelTableModel::ChannelTableModel(EngineClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_rows(client->channels())
{
    connect(client, &EngineClient::channelAdded, this, &ChannelTableModel::onAdded);
    connect(client, &EngineClient::channelUpdated, this, &ChannelTableModel::onUpdated);
    connect(client, &EngineClient::channelRemoved, this, &ChannelTableModel::onRemoved);
    connect(client, &EngineClient::channelStatusChanged, this, &ChannelTableModel::onStatus);
}

int ChannelTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChannelTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ChannelConfig &channel = m_rows.at(index.row());
    const ChannelStatus status = m_client->status(channel.id);
    switch (role) {
    case Qt::DisplayRole:
        return display(channel, status, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return status.message.isEmpty() ? stateText(status.state) : status.message;
        if (index.column() == NameColumn) {
            const QString hint = browsercodecs::ladderHint(channel, status);
            return hint.isEmpty() ? channel.sourceUrl
                                  : hint + QLatin1Char('\n') + channel.sourceUrl;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !browsercodecs::ladderHint(channel, status).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == BitrateColumn || index.column() == ViewersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ChannelIdRole:
        return channel.id;
    case StateRole:
        return static_cast<int>(status.state);
    case ReasonRole:
        return reasonText(status);
    case SortRole:
        return sortKey(channel, status, index.column());
    case LadderHintRole:
        return browsercodecs::ladderHint(channel, status);
    default:
        return {};
    }
}

QVariant ChannelTableModel::display(
    const ChannelConfig &channel, const ChannelStatus &status, int column) const
{
    const bool live = status.state == ChannelState::Live;
    switch (column) {
    case NameColumn:
        return channel.name;
    case StateColumn: {
        const QString reason = reasonText(status);
        return reason.isEmpty() ? stateText(status.state)
                                : tr("%1 — %2").arg(stateText(status.state), reason);
    }
    case BitrateColumn:
        return live ? bitrateText(status.inputBitrate) : QString();
    case VideoColumn:
        return videoText(status.videoCodec, status.width, status.height);
    case AudioColumn:
        return status.audioCodec;
    case ViewersColumn:
        return status.viewers;
    default:
        return {};
    }
}

QVariant ChannelTableModel::sortKey(
    const ChannelConfig &channel, const ChannelStatus &status, int column) const
{
    switch (column) {
    case StateColumn:
        return static_cast<int>(status.state);
    case BitrateColumn:
        return status.inputBitrate;
    case ViewersColumn:
        return status.viewers;
    case VideoColumn:
        return status.width * status.height;
    default:
        return display(channel, status, column).toString().toLower();
    }
}

QVariant ChannelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case BitrateColumn:
        return tr("Input");
    case VideoColumn:
        return tr("Video");
    case AudioColumn:
        return tr("Audio");
    case ViewersColumn:
        return tr("Viewers");
    default:
        return {};
    }
}

int ChannelTableModel::rowOf(qint64 channelId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == channelId)
            return row;
    return -1;
}

qint64 ChannelTableModel::channelIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

QString ChannelTableModel::stateText(ChannelState state)
{
    switch (state) {
    case ChannelState::Stopped:
        return tr("Stopped");
    case ChannelState::Starting:
        return tr("Starting");
    case ChannelState::Live:
        return tr("Live");
    case ChannelState::Reconnecting:
        return tr("Reconnecting");
    case ChannelState::Failed:
        return tr("Failed");
    case ChannelState::Invalid:
        break;
    }
    return tr("Unknown");
}

QString ChannelTableModel::reasonText(const ChannelStatus &status)
{
    const bool notLive
        = status.state == ChannelState::Reconnecting || status.state == ChannelState::Failed;
    return notLive ? status.message : QString();
}

QString ChannelTableModel::bitrateText(qint64 bitsPerSecond)
{
    if (bitsPerSecond <= 0)
        return QString();
    if (bitsPerSecond >= 1'000'000)
        return tr("%1 Mb/s").arg(bitsPerSecond / 1e6, 0, 'f', 1);
    return tr("%1 kb/s").arg((bitsPerSecond + 500) / 1000);
}

QString ChannelTableModel::videoText(const QString &codec, int width, int height)
{
    if (codec.isEmpty())
        return QString();
    if (width > 0 && height > 0)
        return tr("%1 %2×%3").arg(codec).arg(width).arg(height);
    return codec;
}

void ChannelTableModel::onAdded(const ChannelConfig &channel)
{
    if (rowOf(channel.id) >= 0)
        return onUpdated(channel);
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(channel);
    endInsertRows();
}

void ChannelTableModel::onUpdated(const ChannelConfig &channel)
{
    const int row = rowOf(channel.id);
    if (row < 0)
        return onAdded(channel);
    m_rows[row] = channel;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ChannelTableModel::onRemoved(qint64 channelId)
{
    const int row = rowOf(channelId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ChannelTableModel::onStatus(const ChannelStatus &status)
{
    const int row = rowOf(status.channelId);
    if (row >= 0) // the name too: its hint follows the codecs
        emit dataChanged(index(row, NameColumn), index(row, ColumnCount - 1));
}

} // namespace panelx
