// The Schedules page: the list of schedules with their recurrence, next run, switch, last result
// and conflicts, the actions on them, and the week view of what runs when.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace panelx {

class EngineClient;
class ScheduleTableModel;
class SchedulesController;
class WeekView;

class SchedulesPage : public QWidget {
    Q_OBJECT
public:
    explicit SchedulesPage(EngineClient *client, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ScheduleTableModel *model() const { return m_model; }
    SchedulesController *controller() const { return m_controller; }
    WeekView *weekView() const { return m_week; }
    qint64 selectedScheduleId() const; // 0 when none
    void selectSchedule(qint64 id);

private:
    QAction *addAction(const QString &objectName, const QIcon &icon, const QString &text,
        const QString &toolTip, void (SchedulesPage::*slot)());
    void createActions();
    void updateActions();
    void updateWeek();
    void showWeek(QDate firstDay);
    void fitColumns();
    void showProblem(const QString &message);
    void onNew();
    void onEdit();
    void onDelete();

    EngineClient *m_client;
    SchedulesController *m_controller;
    ScheduleTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QToolBar *m_toolBar;
    QLabel *m_banner;
    QLabel *m_emptyHint;
    QTableView *m_table;
    QLabel *m_weekTitle;
    WeekView *m_week;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace panelx
