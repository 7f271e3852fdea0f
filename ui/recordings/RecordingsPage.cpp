#include "RecordingsPage.h"

#include "DvrUsageBar.h"
#include "EngineClient.h"
#include "PageLayout.h"
#include "RecordingStateDelegate.h"
#include "RecordingTableModel.h"
#include "RecordingsController.h"

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace panelx {

namespace {
// The clean-up log keeps the newest lines.
constexpr int kCleanupLogLines = 50;
constexpr int kCleanupLogVisibleLines = 4;
} // namespace

RecordingsPage::RecordingsPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_controller(new RecordingsController(client, this)),
      m_model(new RecordingTableModel(client, this)), m_sorted(new QSortFilterProxyModel(this)),
      m_toolBar(new QToolBar(this)), m_banner(new QLabel(this)), m_notice(new QLabel(this)),
      m_usage(new DvrUsageBar(client, this)), m_emptyHint(new QLabel(this)),
      m_table(new QTableView(this)), m_cleanupTitle(new QLabel(tr("Automatic clean-up:"), this)),
      m_cleanupLog(new QListWidget(this))
{
    setObjectName(QStringLiteral("recordingsPage"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(RecordingTableModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table->setObjectName(QStringLiteral("recordingTable"));
    m_table->setModel(m_sorted);
    m_table->setItemDelegateForColumn(
        RecordingTableModel::StateColumn, new RecordingStateDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RecordingTableModel::StartColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    // The title takes the room that is left; the others fit their content and grow with it.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RecordingTableModel::TitleColumn, QHeaderView::Stretch);

    m_banner->setObjectName(QStringLiteral("recordingsProblem"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8e1c1c; padding: 6px; border-radius: 4px; }"));
    m_banner->setTextFormat(Qt::RichText);
    m_banner->hide();
    m_notice->setObjectName(QStringLiteral("recordingsNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    m_emptyHint->setObjectName(QStringLiteral("recordingsEmptyHint"));
    m_emptyHint->setText(
        tr("No recordings yet. Click “Record now” to record a channel from now on, or “Record "
           "the last minutes” to keep what its buffer already holds."));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_cleanupLog->setObjectName(QStringLiteral("cleanupLog"));
    m_cleanupLog->setMaximumHeight(
        m_cleanupLog->fontMetrics().lineSpacing() * kCleanupLogVisibleLines
        + 2 * m_cleanupLog->frameWidth() + 4);
    m_cleanupTitle->hide();
    m_cleanupLog->hide();

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_notice);
    layout->addWidget(m_usage);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_cleanupTitle);
    layout->addWidget(m_cleanupLog);

    connect(
        m_controller, &RecordingsController::playRequested, this, &RecordingsPage::playRequested);
    connect(m_controller, &RecordingsController::problem, this, &RecordingsPage::showProblem);
    connect(m_controller, &RecordingsController::notice, this, &RecordingsPage::showNotice);
    connect(m_controller, &RecordingsController::recordingStarted, this, [this](qint64 id) {
        m_banner->hide();
        selectRecording(id);
    });
    connect(client, &EngineClient::recordingCleanedUp, this, &RecordingsPage::addCleanupLine);
    connect(m_banner, &QLabel::linkActivated, m_banner, &QLabel::hide);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            onPlay();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &RecordingsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RecordingsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordingsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordingsPage::fitColumns);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecordingsPage::updateActions);
    fitColumns();
    updateActions();
}

QAction *RecordingsPage::addAction(const QString &objectName, const QIcon &icon,
    const QString &text, const QString &toolTip, void (RecordingsPage::*slot)())
{
    auto *action = new QAction(icon, text, this);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    connect(action, &QAction::triggered, this, slot);
    m_toolBar->addAction(action);
    return action;
}

void RecordingsPage::createActions()
{
    QStyle *s = style();
    addAction(QStringLiteral("recordNow"), s->standardIcon(QStyle::SP_DialogYesButton),
        tr("Record now…"), tr("Record a channel from now on"), &RecordingsPage::onRecordNow);
    addAction(QStringLiteral("recordPast"), s->standardIcon(QStyle::SP_BrowserReload),
        tr("Record the last minutes…"),
        tr("Keep what a channel's buffer holds of the last minutes"),
        &RecordingsPage::onRecordPast);
    m_toolBar->addSeparator();
    m_stop = addAction(QStringLiteral("stopRecording"), s->standardIcon(QStyle::SP_MediaStop),
        tr("Stop"), tr("End the recording now; what it has is kept"), &RecordingsPage::onStop);
    m_extend
        = addAction(QStringLiteral("extendRecording"), s->standardIcon(QStyle::SP_MediaSeekForward),
            tr("+%1 min").arg(RecordingsController::kExtendMinutes),
            tr("Record %1 minutes longer").arg(RecordingsController::kExtendMinutes),
            &RecordingsPage::onExtend);
    m_toolBar->addSeparator();
    m_play = addAction(QStringLiteral("playRecording"), s->standardIcon(QStyle::SP_MediaPlay),
        tr("Play"), tr("Play the recording in the built-in player (or double-click it)"),
        &RecordingsPage::onPlay);
    m_export = addAction(QStringLiteral("exportRecording"),
        s->standardIcon(QStyle::SP_DialogSaveButton), tr("Export…"),
        tr("Save the recording as one MP4 or MPEG-TS file"), &RecordingsPage::onExport);
    m_keep = new QAction(s->standardIcon(QStyle::SP_DialogApplyButton), tr("Keep"), this);
    m_keep->setObjectName(QStringLiteral("keepRecording"));
    m_keep->setCheckable(true);
    m_keep->setToolTip(tr("Keep it: automatic clean-up never deletes a kept recording"));
    // triggered, not toggled: only the user's click changes the recording, not a refresh.
    connect(m_keep, &QAction::triggered, this, &RecordingsPage::onKeep);
    m_toolBar->addAction(m_keep);
    m_toolBar->addSeparator();
    m_delete = addAction(QStringLiteral("deleteRecording"), s->standardIcon(QStyle::SP_TrashIcon),
        tr("Delete"), tr("Delete the selected recording"), &RecordingsPage::onDelete);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    for (QAction *action : {m_play, m_export, m_stop, m_extend, m_keep, m_delete})
        m_table->addAction(action);
}

qint64 RecordingsPage::selectedRecordingId() const
{
    return selectedId(m_table, m_sorted, RecordingTableModel::RecordingIdRole);
}

void RecordingsPage::selectRecording(qint64 id)
{
    selectSourceRow(m_table, m_sorted, m_model->rowOf(id));
}

QString RecordingsPage::cleanupLine(const Recording &recording, const QString &reason)
{
    return tr("Deleted “%1”: %2").arg(recording.title, reason);
}

void RecordingsPage::addCleanupLine(const Recording &recording, const QString &reason)
{
    const QString time
        = QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    m_cleanupLog->insertItem(0, tr("%1  %2").arg(time, cleanupLine(recording, reason)));
    while (m_cleanupLog->count() > kCleanupLogLines)
        delete m_cleanupLog->takeItem(m_cleanupLog->count() - 1);
    m_cleanupTitle->show();
    m_cleanupLog->show();
}

void RecordingsPage::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = RecordingTableModel::ChannelColumn; column < RecordingTableModel::ColumnCount;
         ++column) {
        // sizeHintForColumn() is public only on the base class.
        const int wanted = qMax(header->sectionSizeHint(column),
            static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(column));
        if (header->sectionSize(column) < wanted)
            header->resizeSection(column, wanted);
    }
}

void RecordingsPage::updateActions()
{
    const auto recording = m_client->recording(selectedRecordingId());
    const bool selected = recording.has_value();
    const bool running = selected && recording->state == RecordingState::Recording;
    const bool pending = selected && !isDone(recording->state);
    m_stop->setEnabled(running);
    m_extend->setEnabled(pending);
    // A scheduled recording has nothing to play yet, a failed one nothing at all.
    m_play->setEnabled(selected && recording->state != RecordingState::Scheduled
        && recording->state != RecordingState::Failed);
    // An export is of what is finished: a recording still growing would be cut short.
    m_export->setEnabled(
        selected && isDone(recording->state) && recording->state != RecordingState::Failed);
    m_keep->setEnabled(selected);
    m_keep->setChecked(selected && recording->keep);
    m_delete->setEnabled(selected);
    m_emptyHint->setVisible(m_model->rowCount() == 0);
}

void RecordingsPage::showProblem(const QString &message)
{
    m_banner->setText(QStringLiteral("%1 &nbsp;<a href=\"dismiss\">%2</a>")
                          .arg(message.toHtmlEscaped(), tr("Dismiss")));
    m_banner->show();
}

void RecordingsPage::showNotice(const QString &message)
{
    m_notice->setText(message);
    m_notice->show();
}

qint64 RecordingsPage::preferredChannelId() const
{
    if (const auto recording = m_client->recording(selectedRecordingId()))
        return recording->channelId;
    for (const ChannelConfig &channel : m_client->channels())
        if (m_client->status(channel.id).state == ChannelState::Live)
            return channel.id;
    return 0;
}

void RecordingsPage::onRecordNow()
{
    m_controller->recordNow(preferredChannelId());
}

void RecordingsPage::onRecordPast()
{
    m_controller->recordPast(preferredChannelId());
}

void RecordingsPage::onStop()
{
    if (const qint64 id = selectedRecordingId())
        m_controller->stop(id);
}

void RecordingsPage::onExtend()
{
    if (const qint64 id = selectedRecordingId())
        m_controller->extend(id);
}

void RecordingsPage::onPlay()
{
    if (const qint64 id = selectedRecordingId())
        m_controller->play(id);
}

void RecordingsPage::onExport()
{
    if (const qint64 id = selectedRecordingId())
        m_controller->exportRecording(id);
}

void RecordingsPage::onKeep(bool keep)
{
    if (const qint64 id = selectedRecordingId())
        m_controller->setKeep(id, keep);
}

void RecordingsPage::onDelete()
{
    if (const qint64 id = selectedRecordingId())
        m_controller->deleteRecording(id);
}

} // namespace panelx
