// The Quality page: every channel's ladder as a grid of channels × rungs with each rung's live
// figures; a rung is switched on or off by its cell's box (or the context menu), and a
// channel's whole ladder is edited in the ladder editor.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;
class QToolBar;

namespace panelx {

class EngineClient;
class LadderController;
class QualityTableModel;

class QualityPage : public QWidget {
    Q_OBJECT
public:
    explicit QualityPage(EngineClient *client, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QualityTableModel *model() const { return m_model; }
    LadderController *controller() const { return m_controller; }
    QLabel *problemBanner() const { return m_banner; }
    qint64 selectedChannelId() const; // 0 when none

private:
    void showProblem(const QString &message);
    void showContextMenu(const QPoint &position);
    void updateActions();
    void onEditLadder();

    EngineClient *m_client;
    LadderController *m_controller;
    QualityTableModel *m_model;
    QToolBar *m_toolBar;
    QLabel *m_banner;
    QLabel *m_emptyHint;
    QTableView *m_table;
    QAction *m_editLadder;
};

} // namespace panelx
