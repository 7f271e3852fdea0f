// The Channels page: the table of channels with their live state, and the actions on them.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace panelx {

class ChannelTableModel;
class ChannelsController;
class EngineClient;
class LadderController;

class ChannelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ChannelsPage(EngineClient *client, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ChannelTableModel *model() const { return m_model; }
    ChannelsController *controller() const { return m_controller; }
    // The selected channel's hint to turn its ladder on (BrowserCodecs), with its button.
    QWidget *ladderHint() const { return m_ladderHint; }
    QLabel *ladderHintText() const { return m_ladderHintText; }
    QPushButton *ladderHintButton() const { return m_ladderHintButton; }
    LadderController *ladderController() const { return m_ladder; }
    qint64 selectedChannelId() const; // 0 when none
    void selectChannel(qint64 channelId);

signals:
    void playRequested(qint64 channelId);

private:
    QAction *addAction(const QString &objectName, const QIcon &icon, const QString &text,
        const QString &toolTip, void (ChannelsPage::*slot)());
    void createActions();
    void updateActions();
    void fitColumns();
    void showProblem(const QString &message);
    void onAdd();
    void onEdit();
    void onStart();
    void onStop();
    void onCopyUrl();
    void onPlay();
    void onDelete();

    EngineClient *m_client;
    ChannelsController *m_controller;
    ChannelTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QToolBar *m_toolBar;
    QLabel *m_banner;
    QLabel *m_emptyHint;
    QTableView *m_table;
    LadderController *m_ladder;
    QWidget *m_ladderHint;
    QLabel *m_ladderHintText;
    QPushButton *m_ladderHintButton;
    QAction *m_edit = nullptr;
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_copyUrl = nullptr;
    QAction *m_play = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace panelx
