#include "QualityTableModel.h"

#include "transcode/Ladder.h"

#include <QColor>

namespace panelx {

QualityTableModel::QualityTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void QualityTableModel::setChannels(const QList<ChannelConfig> &channels)
{
    beginResetModel();
    m_rows = channels;
    endResetModel();
}

void QualityTableModel::putChannel(const ChannelConfig &channel)
{
    const int row = rowOf(channel.id);
    if (row >= 0) {
        m_rows[row] = channel;
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        return;
    }
    const int end = static_cast<int>(m_rows.size());
    beginInsertRows({}, end, end);
    m_rows.append(channel);
    endInsertRows();
}

void QualityTableModel::removeChannel(qint64 channelId)
{
    m_statuses.remove(channelId);
    const int row = rowOf(channelId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void QualityTableModel::setStatus(const ChannelStatus &status)
{
    m_statuses.insert(status.channelId, status);
    const int row = rowOf(status.channelId);
    if (row >= 0)
        emit dataChanged(index(row, FirstRungColumn), index(row, columnCount() - 1));
}

int QualityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QualityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstRungColumn + static_cast<int>(ladder::catalogue().size());
}

const RungStatus *QualityTableModel::rungStatus(qint64 channelId, const QString &rendition) const
{
    const auto it = m_statuses.constFind(channelId);
    if (it == m_statuses.cend())
        return nullptr;
    for (const RungStatus &rung : it->rungs)
        if (rung.rendition == rendition)
            return &rung;
    return nullptr;
}

QVariant QualityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= columnCount())
        return {};
    const ChannelConfig &channel = m_rows.at(index.row());
    if (role == ChannelIdRole)
        return channel.id;
    if (index.column() == ChannelColumn) {
        if (role == Qt::DisplayRole)
            return channel.name;
        if (role == Qt::ToolTipRole)
            return channel.abr.enabled ? tr("Ladder on, libx264 preset %1").arg(channel.abr.preset)
                                       : tr("Ladder off: viewers get the source as it is");
        return {};
    }
    const QString rendition = ladder::catalogue().at(index.column() - FirstRungColumn).name;
    const bool inLadder
        = channel.abr.enabled && ladder::normalisedRungs(channel.abr.rungs).contains(rendition);
    const RungStatus *rung = inLadder ? rungStatus(channel.id, rendition) : nullptr;
    const RungState state = rung ? rung->state : RungState::Invalid;
    switch (role) {
    case Qt::DisplayRole:
        return cellText(channel, rendition);
    case Qt::ToolTipRole:
        if (rung && !rung->message.isEmpty())
            return rung->message;
        if (!channel.abr.enabled)
            return tr("The ladder is off; turn it on with “Edit ladder…”.");
        return inLadder ? tr("Untick to stop encoding %1 for this channel.").arg(rendition)
                        : tr("Tick to encode %1 for this channel.").arg(rendition);
    case Qt::CheckStateRole:
        if (!channel.abr.enabled)
            return {};
        return inLadder ? Qt::Checked : Qt::Unchecked;
    case Qt::ForegroundRole:
        if (state == RungState::Behind)
            return QColor(0x9a, 0x5b, 0x00);
        if (state == RungState::Shed)
            return QColor(0xc6, 0x28, 0x28);
        if (!inLadder || state == RungState::Skipped)
            return QColor(Qt::gray);
        return {};
    case Qt::BackgroundRole:
        if (state == RungState::Behind)
            return QColor(0xfe, 0xf3, 0xc7);
        if (state == RungState::Shed)
            return QColor(0xfd, 0xec, 0xea);
        return {};
    case RenditionRole:
        return rendition;
    case RungStateRole:
        return static_cast<int>(state);
    case InLadderRole:
        return inLadder;
    default:
        return {};
    }
}

QString QualityTableModel::cellText(const ChannelConfig &channel, const QString &rendition) const
{
    if (!channel.abr.enabled)
        return tr("off");
    if (!ladder::normalisedRungs(channel.abr.rungs).contains(rendition))
        return QStringLiteral("—");
    const RungStatus *rung = rungStatus(channel.id, rendition);
    if (!rung) {
        // Planned, but nothing encodes it now (the channel is stopped, or starting).
        const std::optional<RungSpec> spec = ladder::rung(rendition);
        return tr("target %1 Mbit/s").arg(megabitsText(spec ? spec->videoBitrate : 0));
    }
    if (rung->state == RungState::Skipped)
        return rungStateName(rung->state);
    return figuresText(*rung) + QLatin1Char('\n') + rungStateName(rung->state);
}

QString QualityTableModel::megabitsText(qint64 bitsPerSecond)
{
    return QString::number(bitsPerSecond / 1e6, 'f', 1);
}

QString QualityTableModel::figuresText(const RungStatus &rung)
{
    const QString bitrates
        = tr("%1 / %2 Mbit/s")
              .arg(megabitsText(rung.targetBitrate),
                  rung.videoBitrate > 0 ? megabitsText(rung.videoBitrate) : QStringLiteral("…"));
    QStringList parts;
    if (rung.width > 0 && rung.height > 0)
        parts.append(QStringLiteral("%1×%2").arg(rung.width).arg(rung.height));
    parts.append(bitrates);
    if (rung.speed > 0)
        parts.append(QStringLiteral("%1×").arg(rung.speed, 0, 'f', 2));
    return parts.join(QStringLiteral(" · "));
}

bool QualityTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    ChannelConfig channel = m_rows.at(index.row());
    const bool on = value.value<Qt::CheckState>() == Qt::Checked;
    channel.abr = withRung(channel.abr, index.data(RenditionRole).toString(), on);
    // The grid changes when the engine has stored it (putChannel), or not at all.
    emit ladderChangeRequested(channel);
    return false;
}

Qt::ItemFlags QualityTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() >= FirstRungColumn && m_rows.at(index.row()).abr.enabled)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant QualityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == ChannelColumn)
        return tr("Channel");
    const int rung = section - FirstRungColumn;
    if (rung < 0 || rung >= ladder::catalogue().size())
        return {};
    const RungSpec &spec = ladder::catalogue().at(rung);
    return tr("%1 (%2 Mbit/s)").arg(spec.name, megabitsText(spec.videoBitrate));
}

int QualityTableModel::rowOf(qint64 channelId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == channelId)
            return row;
    return -1;
}

int QualityTableModel::columnOf(const QString &rendition) const
{
    const QList<RungSpec> &rungs = ladder::catalogue();
    for (int i = 0; i < rungs.size(); ++i)
        if (rungs.at(i).name == rendition)
            return FirstRungColumn + i;
    return -1;
}

AbrConfig QualityTableModel::withRung(AbrConfig abr, const QString &rendition, bool on)
{
    QStringList rungs = ladder::normalisedRungs(abr.rungs);
    rungs.removeAll(rendition);
    if (on)
        rungs.append(rendition);
    abr.rungs = ladder::normalisedRungs(rungs);
    return abr;
}

} // namespace panelx
