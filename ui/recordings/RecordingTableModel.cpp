#include "RecordingTableModel.h"

#include "EngineClient.h"
#include "TimeFormat.h"
#include "dvr/DvrPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

namespace panelx {

namespace {
constexpr int kTickMs = 1000;

QString localDateTime(qint64 utcMs)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime(), QLocale::ShortFormat);
}

QString localTime(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

RecordingTableModel::RecordingTableModel(EngineClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_rows(client->recordings()),
      m_ticker(new QTimer(this))
{
    m_ticker->setInterval(kTickMs);
    connect(m_ticker, &QTimer::timeout, this, &RecordingTableModel::onTick);
    connect(client, &EngineClient::recordingAdded, this, &RecordingTableModel::onAdded);
    connect(client, &EngineClient::recordingUpdated, this, &RecordingTableModel::onUpdated);
    connect(client, &EngineClient::recordingRemoved, this, &RecordingTableModel::onRemoved);
    // Channel names are shown; a renamed channel renames its rows.
    connect(client, &EngineClient::channelUpdated, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, ChannelColumn), index(rowCount() - 1, ChannelColumn));
    });
    updateTicking();
}

int RecordingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordingTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Recording &recording = m_rows.at(index.row());
    const bool running = recording.state == RecordingState::Recording;
    const qint64 elapsedMs = std::clamp<qint64>(
        QDateTime::currentMSecsSinceEpoch() - recording.startUtcMs, 0, recording.durationMs());
    switch (role) {
    case Qt::DisplayRole:
        return display(recording, index.column());
    case Qt::ToolTipRole:
        return toolTip(recording, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RecordingIdRole:
        return recording.id;
    case StateRole:
        return static_cast<int>(recording.state);
    case ProgressRole:
        if (!running || recording.durationMs() <= 0)
            return {};
        return double(elapsedMs) / double(recording.durationMs());
    case ProgressTextRole:
        if (!running)
            return {};
        return tr("%1 / %2").arg(clockText(elapsedMs), clockText(recording.durationMs()));
    case DetailRole:
        return detailText(recording);
    case SortRole:
        return sortKey(recording, index.column());
    default:
        return {};
    }
}

QVariant RecordingTableModel::display(const Recording &recording, int column) const
{
    switch (column) {
    case TitleColumn:
        return recording.keep ? tr("%1 (kept)").arg(recording.title) : recording.title;
    case ChannelColumn:
        return channelName(recording.channelId);
    case StartColumn:
        return localDateTime(recording.startUtcMs);
    case DurationColumn:
        return clockText(recording.durationMs());
    case SizeColumn:
        return recording.sizeBytes > 0 ? DvrPolicy::formatBytes(recording.sizeBytes) : QString();
    case StateColumn: {
        const QString detail = detailText(recording);
        return detail.isEmpty() ? stateText(recording.state)
                                : tr("%1 — %2").arg(stateText(recording.state), detail);
    }
    default:
        return {};
    }
}

QVariant RecordingTableModel::sortKey(const Recording &recording, int column) const
{
    switch (column) {
    case StartColumn:
        return recording.startUtcMs;
    case DurationColumn:
        return recording.durationMs();
    case SizeColumn:
        return recording.sizeBytes;
    case StateColumn:
        return static_cast<int>(recording.state);
    default:
        return display(recording, column).toString().toLower();
    }
}

QString RecordingTableModel::toolTip(const Recording &recording, int column) const
{
    if (column == TitleColumn && recording.keep)
        return tr("Kept: automatic clean-up never deletes it.");
    if (column == StartColumn)
        return tr("%1 to %2")
            .arg(localDateTime(recording.startUtcMs), localDateTime(recording.endUtcMs));
    if (column != StateColumn)
        return {};
    switch (recording.state) {
    case RecordingState::Partial:
        return tr("The source was lost during the recording; these parts are missing:\n%1")
            .arg(gapsText(recording));
    case RecordingState::Stopped:
    case RecordingState::Failed:
        return recording.reason.isEmpty() ? stateText(recording.state) : recording.reason;
    case RecordingState::Scheduled:
        return tr("Starts at %1").arg(localDateTime(recording.startUtcMs));
    case RecordingState::Recording:
        return tr("Records until %1").arg(localDateTime(recording.endUtcMs));
    case RecordingState::Finished:
    case RecordingState::Invalid:
        break;
    }
    return stateText(recording.state);
}

QVariant RecordingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case ChannelColumn:
        return tr("Channel");
    case StartColumn:
        return tr("Start");
    case DurationColumn:
        return tr("Duration");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

int RecordingTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

QString RecordingTableModel::stateText(RecordingState state)
{
    switch (state) {
    case RecordingState::Scheduled:
        return tr("Scheduled");
    case RecordingState::Recording:
        return tr("Recording");
    case RecordingState::Finished:
        return tr("Finished");
    case RecordingState::Partial:
        return tr("Partial");
    case RecordingState::Stopped:
        return tr("Stopped");
    case RecordingState::Failed:
        return tr("Failed");
    case RecordingState::Invalid:
        break;
    }
    return tr("Unknown");
}

QString RecordingTableModel::detailText(const Recording &recording)
{
    switch (recording.state) {
    case RecordingState::Stopped:
    case RecordingState::Failed:
        return recording.reason;
    case RecordingState::Partial: {
        qint64 missingMs = 0;
        for (const RecordingGap &gap : recording.gaps)
            missingMs += gap.durationMs();
        return tr("%n gap(s), %1 missing", nullptr, int(recording.gaps.size()))
            .arg(clockText(missingMs));
    }
    default:
        return {};
    }
}

QString RecordingTableModel::gapsText(const Recording &recording)
{
    QStringList lines;
    for (const RecordingGap &gap : recording.gaps)
        lines << tr("%1 – %2 (%3)")
                     .arg(localTime(gap.fromUtcMs), localTime(gap.toUtcMs),
                         clockText(gap.durationMs()));
    return lines.join(QLatin1Char('\n'));
}

QString RecordingTableModel::channelName(qint64 channelId) const
{
    const auto channel = m_client->channel(channelId);
    return channel ? channel->name : tr("Channel %1").arg(channelId);
}

void RecordingTableModel::onAdded(const Recording &recording)
{
    if (rowOf(recording.id) >= 0)
        return onUpdated(recording);
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(recording);
    endInsertRows();
    updateTicking();
}

void RecordingTableModel::onUpdated(const Recording &recording)
{
    const int row = rowOf(recording.id);
    if (row < 0)
        return onAdded(recording);
    m_rows[row] = recording;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    updateTicking();
}

void RecordingTableModel::onRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    updateTicking();
}

void RecordingTableModel::onTick()
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).state == RecordingState::Recording)
            emit dataChanged(index(row, StateColumn), index(row, StateColumn),
                {Qt::DisplayRole, ProgressRole, ProgressTextRole});
}

void RecordingTableModel::updateTicking()
{
    const bool running = std::any_of(m_rows.cbegin(), m_rows.cend(),
        [](const Recording &r) { return r.state == RecordingState::Recording; });
    if (running && !m_ticker->isActive())
        m_ticker->start();
    else if (!running)
        m_ticker->stop();
}

} // namespace panelx
