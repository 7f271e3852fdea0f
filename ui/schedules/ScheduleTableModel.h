// The Schedules list: one row per schedule, filled from EngineClient's cache and kept current by
// its signals — what it does, to which channel, its recurrence in words, its next run (moving on
// each minute), whether it is enabled (a check box that asks the engine), its last result, and a
// mark on those in a conflict of the coming week.
#pragma once

#include "schedule/Conflicts.h"
#include "schedule/Schedule.h"
#include "schedule/ScheduleRun.h"

#include <QAbstractTableModel>
#include <QList>

class QTimer;

namespace panelx {

class EngineClient;

class ScheduleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ActionColumn,
        ChannelColumn,
        RecurrenceColumn,
        NextRunColumn,
        EnabledColumn,
        LastResultColumn,
        ColumnCount
    };
    enum Role {
        ScheduleIdRole = Qt::UserRole + 1,
        ConflictedRole, // bool: in a conflict of the coming week
        SortRole,
    };

    explicit ScheduleTableModel(EngineClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int rowOf(qint64 id) const; // -1 if unknown
    // The conflicts the schedule is in, as the engine last checked.
    QList<Conflict> conflictsOf(qint64 id) const;

    // "Done, 1 Dec 20:00" / "Failed, …" / "Missed, …"; "Not run yet" without a run.
    static QString lastResultText(const std::optional<ScheduleRun> &run);

signals:
    // The user ticked or cleared the Enabled box; the row follows once the engine has saved it.
    void enableRequested(qint64 id, bool enabled);

private:
    void onAdded(const Schedule &schedule);
    void onUpdated(const Schedule &schedule);
    void onRemoved(qint64 id);
    void refreshColumn(int column);
    QVariant display(const Schedule &schedule, int column) const;
    QVariant sortKey(const Schedule &schedule, int column) const;
    QString toolTip(const Schedule &schedule, int column) const;
    std::optional<Occurrence> nextRun(const Schedule &schedule) const;

    EngineClient *m_client;
    QList<Schedule> m_rows;
    QTimer *m_minuteTimer; // the next run moves on
};

} // namespace panelx
