#include "SchedulesPage.h"

#include "EngineClient.h"
#include "PageLayout.h"
#include "ScheduleTableModel.h"
#include "SchedulesController.h"
#include "WeekView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace panelx {

SchedulesPage::SchedulesPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_controller(new SchedulesController(client, this)),
      m_model(new ScheduleTableModel(client, this)), m_sorted(new QSortFilterProxyModel(this)),
      m_toolBar(new QToolBar(this)), m_banner(new QLabel(this)), m_emptyHint(new QLabel(this)),
      m_table(new QTableView(this)), m_weekTitle(new QLabel(this)), m_week(new WeekView(this))
{
    setObjectName(QStringLiteral("schedulesPage"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ScheduleTableModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table->setObjectName(QStringLiteral("scheduleTable"));
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ScheduleTableModel::NextRunColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ScheduleTableModel::RecurrenceColumn, QHeaderView::Stretch);

    m_banner->setObjectName(QStringLiteral("schedulesProblem"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8e1c1c; padding: 6px; border-radius: 4px; }"));
    m_banner->setTextFormat(Qt::RichText);
    m_banner->hide();
    m_emptyHint->setObjectName(QStringLiteral("schedulesEmptyHint"));
    m_emptyHint->setText(tr("No schedules yet. Click “New schedule” to record a channel, or "
                            "start or stop one, at a time of your choosing — once, daily or "
                            "on chosen weekdays."));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createActions();

    // The week view with its navigation: earlier, this week, later.
    auto *weekPane = new QWidget(this);
    auto *weekLayout = new QVBoxLayout(weekPane);
    weekLayout->setContentsMargins(0, 0, 0, 0);
    auto *weekBar = new QHBoxLayout;
    const auto weekButton = [this, weekBar](const QString &name, const QString &text,
                                const QString &toolTip, int days) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(toolTip);
        connect(button, &QToolButton::clicked, this, [this, days] {
            showWeek(days == 0 ? QDate::currentDate() : m_week->firstDay().addDays(days));
        });
        weekBar->addWidget(button);
    };
    weekButton(QStringLiteral("previousWeek"), tr("◀"), tr("The week before"), -7);
    weekButton(QStringLiteral("thisWeek"), tr("Today"), tr("The coming seven days"), 0);
    weekButton(QStringLiteral("nextWeek"), tr("▶"), tr("The week after"), 7);
    m_weekTitle->setObjectName(QStringLiteral("weekTitle"));
    weekBar->addWidget(m_weekTitle, 1);
    auto *weekHint = new QLabel(
        tr("Click a block to edit its schedule; double-click an empty hour for a new one."), this);
    weekHint->setForegroundRole(QPalette::PlaceholderText);
    weekBar->addWidget(weekHint);
    weekLayout->addLayout(weekBar);
    weekLayout->addWidget(m_week, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(weekPane);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_emptyHint);
    layout->addWidget(splitter, 1);

    connect(m_controller, &SchedulesController::problem, this, &SchedulesPage::showProblem);
    connect(m_controller, &SchedulesController::saved, this, [this](qint64 id) {
        m_banner->hide();
        selectSchedule(id);
    });
    connect(m_model, &ScheduleTableModel::enableRequested, m_controller,
        &SchedulesController::setEnabled);
    connect(m_banner, &QLabel::linkActivated, m_banner, &QLabel::hide);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid() && index.column() != ScheduleTableModel::EnabledColumn)
            onEdit();
    });
    connect(m_week, &WeekView::editRequested, m_controller, &SchedulesController::edit);
    connect(m_week, &WeekView::newRequested, this,
        [this](QDate date, QTime time) { m_controller->newSchedule(0, date, time); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SchedulesPage::updateActions);
    for (const auto signal :
        {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, &SchedulesPage::updateActions);
        connect(m_model, signal, this, &SchedulesPage::updateWeek);
    }
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SchedulesPage::fitColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SchedulesPage::updateActions);
    connect(client, &EngineClient::scheduleUpdated, this, &SchedulesPage::updateWeek);
    connect(client, &EngineClient::scheduleConflictsChanged, this, &SchedulesPage::updateWeek);
    connect(client, &EngineClient::channelUpdated, this, &SchedulesPage::updateWeek);
    showWeek(QDate::currentDate());
    fitColumns();
    updateActions();
}

QAction *SchedulesPage::addAction(const QString &objectName, const QIcon &icon, const QString &text,
    const QString &toolTip, void (SchedulesPage::*slot)())
{
    auto *action = new QAction(icon, text, this);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    connect(action, &QAction::triggered, this, slot);
    m_toolBar->addAction(action);
    return action;
}

void SchedulesPage::createActions()
{
    QStyle *s = style();
    addAction(QStringLiteral("newSchedule"), s->standardIcon(QStyle::SP_FileDialogNewFolder),
        tr("New schedule…"), tr("Plan a recording, or starting or stopping a channel"),
        &SchedulesPage::onNew);
    m_edit = addAction(QStringLiteral("editSchedule"),
        s->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Edit…"),
        tr("Change the selected schedule (or double-click it)"), &SchedulesPage::onEdit);
    m_toolBar->addSeparator();
    m_delete = addAction(QStringLiteral("deleteSchedule"), s->standardIcon(QStyle::SP_TrashIcon),
        tr("Delete"), tr("Delete the selected schedule"), &SchedulesPage::onDelete);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *action : {m_edit, m_delete})
        m_table->addAction(action);
}

qint64 SchedulesPage::selectedScheduleId() const
{
    return selectedId(m_table, m_sorted, ScheduleTableModel::ScheduleIdRole);
}

void SchedulesPage::selectSchedule(qint64 id)
{
    selectSourceRow(m_table, m_sorted, m_model->rowOf(id));
}

void SchedulesPage::updateActions()
{
    const bool selected = m_client->schedule(selectedScheduleId()).has_value();
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_emptyHint->setVisible(m_model->rowCount() == 0);
}

void SchedulesPage::updateWeek()
{
    QHash<qint64, QString> channelNames;
    for (const ChannelConfig &channel : m_client->channels())
        channelNames.insert(channel.id, channel.name);
    m_week->setPlan(m_client->schedules(), m_client->scheduleConflicts(), channelNames);
}

void SchedulesPage::showWeek(QDate firstDay)
{
    m_week->setFirstDay(firstDay);
    const QLocale locale;
    m_weekTitle->setText(tr("%1 – %2").arg(locale.toString(firstDay, QLocale::ShortFormat),
        locale.toString(firstDay.addDays(WeekGeometry::kDays - 1), QLocale::ShortFormat)));
    updateWeek();
}

void SchedulesPage::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < ScheduleTableModel::ColumnCount; ++column) {
        if (column == ScheduleTableModel::RecurrenceColumn)
            continue;
        // sizeHintForColumn() is public only on the base class.
        const int wanted = qMax(header->sectionSizeHint(column),
            static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(column));
        if (header->sectionSize(column) < wanted)
            header->resizeSection(column, wanted);
    }
}

void SchedulesPage::showProblem(const QString &message)
{
    m_banner->setText(QStringLiteral("%1 &nbsp;<a href=\"dismiss\">%2</a>")
                          .arg(message.toHtmlEscaped(), tr("Dismiss")));
    m_banner->show();
}

void SchedulesPage::onNew()
{
    const auto selected = m_client->schedule(selectedScheduleId());
    m_controller->newSchedule(selected ? selected->channelId : 0);
}

void SchedulesPage::onEdit()
{
    if (const qint64 id = selectedScheduleId())
        m_controller->edit(id);
}

void SchedulesPage::onDelete()
{
    if (const qint64 id = selectedScheduleId())
        m_controller->deleteSchedule(id);
}

} // namespace panelx
