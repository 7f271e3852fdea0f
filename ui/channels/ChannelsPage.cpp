#include "ChannelsPage.h"

#include "BrowserCodecs.h"
#include "ChannelStateDelegate.h"
#include "ChannelTableModel.h"
#include "ChannelsController.h"
#include "EngineClient.h"
#include "PageLayout.h"
#include "quality/LadderController.h"

#include <QAction>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace panelx {

ChannelsPage::ChannelsPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_controller(new ChannelsController(client, this)),
      m_model(new ChannelTableModel(client, this)), m_sorted(new QSortFilterProxyModel(this)),
      m_toolBar(new QToolBar(this)), m_banner(new QLabel(this)), m_emptyHint(new QLabel(this)),
      m_table(new QTableView(this)), m_ladder(new LadderController(client, this)),
      m_ladderHint(new QFrame(this)), m_ladderHintText(new QLabel(m_ladderHint)),
      m_ladderHintButton(new QPushButton(tr("Turn the ladder on…"), m_ladderHint))
{
    setObjectName(QStringLiteral("channelsPage"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ChannelTableModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table->setObjectName(QStringLiteral("channelTable"));
    m_table->setModel(m_sorted);
    m_table->setItemDelegateForColumn(
        ChannelTableModel::StateColumn, new ChannelStateDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ChannelTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // The name takes the room that is left. The other columns start wide enough for their
    // longest usual value (sized to the first row's content alone, "Live" left no room for
    // "Reconnecting" and the video cut off), stay where the user drags them, and grow when a
    // value needs more, but never shrink back, so the table does not jump as states change.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ChannelTableModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_table->font());
    const int cellPadding
        = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1)
        + metrics.averageCharWidth();
    int stateWidth = 0;
    for (ChannelState state : {ChannelState::Stopped, ChannelState::Starting, ChannelState::Live,
             ChannelState::Reconnecting, ChannelState::Failed})
        stateWidth = qMax(stateWidth,
            ChannelStateDelegate::cellSize(metrics, ChannelTableModel::stateText(state)).width());
    const QHash<int, int> usualWidths {
        {ChannelTableModel::StateColumn, stateWidth},
        {ChannelTableModel::BitrateColumn,
            metrics.horizontalAdvance(ChannelTableModel::bitrateText(88'800'000)) + cellPadding},
        {ChannelTableModel::VideoColumn,
            metrics.horizontalAdvance(
                ChannelTableModel::videoText(QStringLiteral("h264"), 1920, 1080))
                + cellPadding},
        {ChannelTableModel::AudioColumn,
            metrics.horizontalAdvance(QStringLiteral("eac3")) + cellPadding},
    };
    for (int column = ChannelTableModel::StateColumn; column < ChannelTableModel::ColumnCount;
         ++column)
        header->resizeSection(
            column, qMax(usualWidths.value(column), header->sectionSizeHint(column)));
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_banner->setObjectName(QStringLiteral("channelsProblem"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8e1c1c; padding: 6px; border-radius: 4px; }"));
    m_banner->setTextFormat(Qt::RichText);
    m_banner->hide();
    m_emptyHint->setText(tr("No channels yet. Click “Add channel” and give it a source URL — "
                            "or demo: for a test pattern."));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);

    // In the look of the player's resume offer: advice, not an error.
    m_ladderHint->setObjectName(QStringLiteral("ladderHint"));
    m_ladderHint->setStyleSheet(QStringLiteral(
        "#ladderHint { background: #fef3c7; border: 1px solid #f59e0b; border-radius: 4px; }"
        "#ladderHint QLabel { color: #78350f; }"));
    m_ladderHintText->setWordWrap(true);
    m_ladderHintButton->setObjectName(QStringLiteral("ladderHintButton"));
    auto *hintLayout = new QHBoxLayout(m_ladderHint);
    hintLayout->addWidget(m_ladderHintText, 1);
    hintLayout->addWidget(m_ladderHintButton);
    m_ladderHint->hide();

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_ladderHint);

    connect(m_controller, &ChannelsController::playRequested, this, &ChannelsPage::playRequested);
    connect(m_controller, &ChannelsController::problem, this, &ChannelsPage::showProblem);
    connect(m_banner, &QLabel::linkActivated, m_banner, &QLabel::hide);
    connect(m_ladder, &LadderController::problem, this, &ChannelsPage::showProblem);
    connect(m_ladderHintButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedChannelId())
            m_ladder->editLadder(id);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            onPlay();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ChannelsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChannelsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChannelsPage::fitColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChannelsPage::fitColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChannelsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChannelsPage::updateActions);
    updateActions();
}

QAction *ChannelsPage::addAction(const QString &objectName, const QIcon &icon, const QString &text,
    const QString &toolTip, void (ChannelsPage::*slot)())
{
    auto *action = new QAction(icon, text, this);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    connect(action, &QAction::triggered, this, slot);
    m_toolBar->addAction(action);
    return action;
}

void ChannelsPage::createActions()
{
    QStyle *s = style();
    QAction *add = addAction(QStringLiteral("addChannel"), s->standardIcon(QStyle::SP_FileIcon),
        tr("Add channel"), tr("Add a channel from a source URL"), &ChannelsPage::onAdd);
    add->setShortcut(QKeySequence::New);
    m_edit = addAction(QStringLiteral("editChannel"),
        s->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Edit"),
        tr("Change the selected channel's settings"), &ChannelsPage::onEdit);
    m_toolBar->addSeparator();
    m_start = addAction(QStringLiteral("startChannel"), s->standardIcon(QStyle::SP_MediaPlay),
        tr("Start"), tr("Start pulling the source and serving it"), &ChannelsPage::onStart);
    m_stop = addAction(QStringLiteral("stopChannel"), s->standardIcon(QStyle::SP_MediaStop),
        tr("Stop"), tr("Stop the channel; its buffer is kept"), &ChannelsPage::onStop);
    m_toolBar->addSeparator();
    m_play = addAction(QStringLiteral("playChannel"), s->standardIcon(QStyle::SP_ComputerIcon),
        tr("Watch"), tr("Play the channel in the built-in player (or double-click it)"),
        &ChannelsPage::onPlay);
    m_copyUrl = addAction(QStringLiteral("copyViewerUrl"),
        s->standardIcon(QStyle::SP_DialogSaveButton), tr("Copy viewer URL"),
        tr("Copy the address viewers' devices open for this channel"), &ChannelsPage::onCopyUrl);
    m_toolBar->addSeparator();
    m_delete = addAction(QStringLiteral("deleteChannel"), s->standardIcon(QStyle::SP_TrashIcon),
        tr("Delete"), tr("Delete the selected channel and its buffer"), &ChannelsPage::onDelete);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    for (QAction *action : {m_play, m_copyUrl, m_start, m_stop, m_edit, m_delete})
        m_table->addAction(action);
}

qint64 ChannelsPage::selectedChannelId() const
{
    return selectedId(m_table, m_sorted, ChannelTableModel::ChannelIdRole);
}

void ChannelsPage::selectChannel(qint64 channelId)
{
    selectSourceRow(m_table, m_sorted, m_model->rowOf(channelId));
}

void ChannelsPage::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = ChannelTableModel::StateColumn; column < ChannelTableModel::ColumnCount;
         ++column) {
        // sizeHintForColumn() is public only on the base class.
        const int wanted = qMax(header->sectionSizeHint(column),
            static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(column));
        if (header->sectionSize(column) < wanted)
            header->resizeSection(column, wanted);
    }
}

void ChannelsPage::updateActions()
{
    const qint64 id = selectedChannelId();
    const auto channel = m_client->channel(id);
    const bool selected = channel.has_value();
    const bool enabled = selected && channel->enabled;
    m_edit->setEnabled(selected);
    m_start->setEnabled(selected && !enabled);
    m_stop->setEnabled(enabled);
    m_play->setEnabled(selected);
    m_copyUrl->setEnabled(selected && !m_client->liveUrl(id).isEmpty());
    m_delete->setEnabled(selected);
    m_emptyHint->setVisible(m_model->rowCount() == 0);
    const QString hint
        = selected ? browsercodecs::ladderHint(*channel, m_client->status(id)) : QString();
    m_ladderHintText->setText(hint);
    m_ladderHint->setVisible(!hint.isEmpty());
}

void ChannelsPage::showProblem(const QString &message)
{
    m_banner->setText(QStringLiteral("%1 &nbsp;<a href=\"dismiss\">%2</a>")
                          .arg(message.toHtmlEscaped(), tr("Dismiss")));
    m_banner->show();
}

void ChannelsPage::onAdd()
{
    m_banner->hide();
    m_controller->addChannel();
}

void ChannelsPage::onEdit()
{
    if (const qint64 id = selectedChannelId())
        m_controller->editChannel(id);
}

void ChannelsPage::onStart()
{
    if (const qint64 id = selectedChannelId())
        m_controller->setChannelRunning(id, true);
}

void ChannelsPage::onStop()
{
    if (const qint64 id = selectedChannelId())
        m_controller->setChannelRunning(id, false);
}

void ChannelsPage::onCopyUrl()
{
    if (const qint64 id = selectedChannelId())
        m_controller->copyViewerUrl(id);
}

void ChannelsPage::onPlay()
{
    if (const qint64 id = selectedChannelId())
        m_controller->play(id);
}

void ChannelsPage::onDelete()
{
    if (const qint64 id = selectedChannelId())
        m_controller->deleteChannel(id);
}

} // namespace panelx
