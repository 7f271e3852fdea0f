#include "QualityPage.h"

#include "EngineClient.h"
#include "LadderController.h"
#include "QualityTableModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace panelx {

QualityPage::QualityPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_controller(new LadderController(client, this)),
      m_model(new QualityTableModel(this)), m_toolBar(new QToolBar(this)),
      m_banner(new QLabel(this)), m_emptyHint(new QLabel(this)), m_table(new QTableView(this)),
      m_editLadder(new QAction(
          style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Edit ladder…"), this))
{
    setObjectName(QStringLiteral("qualityPage"));
    m_model->setChannels(client->channels());
    for (const ChannelConfig &channel : client->channels())
        m_model->setStatus(client->status(channel.id));
    connect(client, &EngineClient::channelAdded, m_model, &QualityTableModel::putChannel);
    connect(client, &EngineClient::channelUpdated, m_model, &QualityTableModel::putChannel);
    connect(client, &EngineClient::channelRemoved, m_model, &QualityTableModel::removeChannel);
    connect(client, &EngineClient::channelStatusChanged, m_model, &QualityTableModel::setStatus);
    connect(
        m_model, &QualityTableModel::ladderChangeRequested, m_controller, &LadderController::save);

    m_table->setObjectName(QStringLiteral("qualityTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Stretch);
    header->setSectionResizeMode(QualityTableModel::ChannelColumn, QHeaderView::ResizeToContents);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    m_banner->setObjectName(QStringLiteral("qualityProblem"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8e1c1c; padding: 6px; border-radius: 4px; }"));
    m_banner->setTextFormat(Qt::RichText);
    m_banner->hide();
    m_emptyHint->setText(tr("No channels yet. Add one on the Channels page, then choose here "
                            "which qualities PanelX encodes for it."));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    auto *explanation = new QLabel(tr("Each cell is one rung of a channel's ladder: its size, "
                                      "target / encoded video bitrate and speed × real time. Tick "
                                      "or untick a cell to switch a rung on or off."),
        this);
    explanation->setWordWrap(true);

    m_editLadder->setObjectName(QStringLiteral("editLadder"));
    m_editLadder->setToolTip(tr("Turn the selected channel's ladder on or off, choose its rungs "
                                "and encoder preset"));
    connect(m_editLadder, &QAction::triggered, this, &QualityPage::onEditLadder);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_editLadder);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(explanation);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_table, 1);

    connect(m_controller, &LadderController::problem, this, &QualityPage::showProblem);
    connect(m_controller, &LadderController::saved, m_banner, &QLabel::hide);
    connect(m_banner, &QLabel::linkActivated, m_banner, &QLabel::hide);
    connect(m_table, &QTableView::customContextMenuRequested, this, &QualityPage::showContextMenu);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid() && index.column() == QualityTableModel::ChannelColumn)
            onEditLadder();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &QualityPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QualityPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QualityPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QualityPage::updateActions);
    updateActions();
}

qint64 QualityPage::selectedChannelId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(QualityTableModel::ChannelIdRole).toLongLong();
}

void QualityPage::updateActions()
{
    m_editLadder->setEnabled(selectedChannelId() != 0);
    m_emptyHint->setVisible(m_model->rowCount() == 0);
}

void QualityPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const QString rendition = index.data(QualityTableModel::RenditionRole).toString();
    if (!rendition.isEmpty() && (index.flags() & Qt::ItemIsUserCheckable)) {
        const bool on = index.data(QualityTableModel::InLadderRole).toBool();
        QAction *toggle = menu.addAction(
            on ? tr("Switch %1 off").arg(rendition) : tr("Switch %1 on").arg(rendition));
        connect(toggle, &QAction::triggered, this, [this, index, on] {
            m_model->setData(index, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        });
    }
    QAction *edit = menu.addAction(tr("Edit ladder…"));
    const qint64 channelId = index.data(QualityTableModel::ChannelIdRole).toLongLong();
    connect(edit, &QAction::triggered, this,
        [this, channelId] { m_controller->editLadder(channelId); });
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void QualityPage::showProblem(const QString &message)
{
    m_banner->setText(QStringLiteral("%1 &nbsp;<a href=\"dismiss\">%2</a>")
                          .arg(message.toHtmlEscaped(), tr("Dismiss")));
    m_banner->show();
}

void QualityPage::onEditLadder()
{
    if (const qint64 id = selectedChannelId()) {
        m_banner->hide();
        m_controller->editLadder(id);
    }
}

} // namespace panelx
