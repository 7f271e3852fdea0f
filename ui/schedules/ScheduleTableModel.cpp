#include "ScheduleTableModel.h"

#include "ChannelColour.h"
#include "EngineClient.h"
#include "ScheduleWords.h"
#include "schedule/RecurrenceText.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QStyle>
#include <QTimeZone>
#include <QTimer>

namespace panelx {

namespace {
constexpr int kMinuteMs = 60'000;

QString shortDateTime(qint64 utcMs)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime(), QLocale::ShortFormat);
}
} // namespace

ScheduleTableModel::ScheduleTableModel(EngineClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_rows(client->schedules()),
      m_minuteTimer(new QTimer(this))
{
    connect(client, &EngineClient::scheduleAdded, this, &ScheduleTableModel::onAdded);
    connect(client, &EngineClient::scheduleUpdated, this, &ScheduleTableModel::onUpdated);
    connect(client, &EngineClient::scheduleRemoved, this, &ScheduleTableModel::onRemoved);
    connect(client, &EngineClient::scheduleFiguresChanged, this, [this](qint64 id) {
        if (const int row = rowOf(id); row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(client, &EngineClient::scheduleConflictsChanged, this,
        [this] { refreshColumn(NameColumn); });
    // Channel names are shown; a renamed channel renames its rows.
    connect(client, &EngineClient::channelUpdated, this, [this] { refreshColumn(ChannelColumn); });
    m_minuteTimer->setInterval(kMinuteMs);
    connect(m_minuteTimer, &QTimer::timeout, this, [this] { refreshColumn(NextRunColumn); });
    m_minuteTimer->start();
}

int ScheduleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ScheduleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ScheduleTableModel::refreshColumn(int column)
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, column), index(rowCount() - 1, column));
}

int ScheduleTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

QList<Conflict> ScheduleTableModel::conflictsOf(qint64 id) const
{
    QList<Conflict> result;
    for (const Conflict &conflict : m_client->scheduleConflicts())
        if (conflict.involves(id))
            result.append(conflict);
    return result;
}

std::optional<Occurrence> ScheduleTableModel::nextRun(const Schedule &schedule) const
{
    if (!schedule.enabled)
        return std::nullopt;
    const QList<Occurrence> next
        = Occurrences::next(schedule, QDateTime::currentMSecsSinceEpoch(), 1);
    if (next.isEmpty())
        return std::nullopt;
    return next.first();
}

QVariant ScheduleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Schedule &schedule = m_rows.at(index.row());
    const bool conflicted = !conflictsOf(schedule.id).isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        return display(schedule, index.column());
    case Qt::ToolTipRole:
        return toolTip(schedule, index.column());
    case Qt::DecorationRole:
        if (index.column() == NameColumn && conflicted)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (index.column() == ChannelColumn)
            return channelColour(schedule.channelId);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == NameColumn && conflicted)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return schedule.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case ScheduleIdRole:
        return schedule.id;
    case ConflictedRole:
        return conflicted;
    case SortRole:
        return sortKey(schedule, index.column());
    default:
        return {};
    }
}

bool ScheduleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    const Schedule &schedule = m_rows.at(index.row());
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled != schedule.enabled)
        emit enableRequested(schedule.id, enabled);
    return false; // the row changes when the engine has saved it
}

Qt::ItemFlags ScheduleTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ScheduleTableModel::display(const Schedule &schedule, int column) const
{
    switch (column) {
    case NameColumn:
        return schedule.name;
    case ActionColumn:
        return ScheduleWords::action(schedule.action);
    case ChannelColumn: {
        const auto channel = m_client->channel(schedule.channelId);
        return channel ? channel->name : tr("Channel %1 (removed)").arg(schedule.channelId);
    }
    case RecurrenceColumn:
        return RecurrenceText::describe(schedule, QTimeZone::systemTimeZoneId());
    case NextRunColumn: {
        if (!schedule.enabled)
            return tr("Disabled");
        const auto next = nextRun(schedule);
        return next
            ? ScheduleWords::occurrence(*next, schedule.timeZoneId, QTimeZone::systemTimeZoneId())
            : tr("No more runs");
    }
    case LastResultColumn:
        return lastResultText(m_client->scheduleFigures(schedule.id).lastRun);
    default:
        return {};
    }
}

QString ScheduleTableModel::lastResultText(const std::optional<ScheduleRun> &run)
{
    if (!run)
        return tr("Not run yet");
    const QString when = shortDateTime(run->actualUtcMs ? run->actualUtcMs : run->plannedUtcMs);
    switch (run->result) {
    case ScheduleRun::Result::Done:
        return tr("Done, %1").arg(when);
    case ScheduleRun::Result::Failed:
        return tr("Failed, %1").arg(when);
    case ScheduleRun::Result::Missed:
        return tr("Missed, %1").arg(when);
    case ScheduleRun::Result::Invalid:
        break;
    }
    return {};
}

QString ScheduleTableModel::toolTip(const Schedule &schedule, int column) const
{
    switch (column) {
    case NameColumn: {
        QStringList lines;
        for (const Conflict &conflict : conflictsOf(schedule.id))
            lines.append(conflict.message);
        return lines.join(QLatin1Char('\n'));
    }
    case LastResultColumn: {
        const ScheduleFigures figures = m_client->scheduleFigures(schedule.id);
        QStringList lines;
        if (figures.lastRun && !figures.lastRun->reason.isEmpty())
            lines.append(figures.lastRun->reason);
        lines.append(tr("%n run(s)", nullptr, figures.runs));
        if (figures.failures > 0)
            lines.append(tr("%n failed or missed", nullptr, figures.failures));
        return lines.join(QLatin1Char('\n'));
    }
    case EnabledColumn:
        return tr("Untick to keep the schedule without running it");
    default:
        return {};
    }
}

QVariant ScheduleTableModel::sortKey(const Schedule &schedule, int column) const
{
    switch (column) {
    case NextRunColumn: {
        const auto next = nextRun(schedule);
        return next ? next->startUtcMs : std::numeric_limits<qint64>::max();
    }
    case EnabledColumn:
        return schedule.enabled;
    case LastResultColumn: {
        const auto run = m_client->scheduleFigures(schedule.id).lastRun;
        return run ? run->plannedUtcMs : 0;
    }
    default:
        return display(schedule, column);
    }
}

QVariant ScheduleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ActionColumn:
        return tr("Action");
    case ChannelColumn:
        return tr("Channel");
    case RecurrenceColumn:
        return tr("When");
    case NextRunColumn:
        return tr("Next run");
    case EnabledColumn:
        return tr("Enabled");
    case LastResultColumn:
        return tr("Last result");
    default:
        return {};
    }
}

void ScheduleTableModel::onAdded(const Schedule &schedule)
{
    if (rowOf(schedule.id) >= 0) {
        onUpdated(schedule);
        return;
    }
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(schedule);
    endInsertRows();
}

void ScheduleTableModel::onUpdated(const Schedule &schedule)
{
    const int row = rowOf(schedule.id);
    if (row < 0) {
        onAdded(schedule);
        return;
    }
    m_rows[row] = schedule;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ScheduleTableModel::onRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

} // namespace panelx
