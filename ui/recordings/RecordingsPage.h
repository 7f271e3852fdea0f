// The Recordings page: the table of recordings with their state and progress, the DVR quota,
// the actions on recordings and a log of what automatic clean-up deleted.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace panelx {

class DvrUsageBar;
class EngineClient;
class RecordingTableModel;
class RecordingsController;
struct Recording;

class RecordingsPage : public QWidget {
    Q_OBJECT
public:
    explicit RecordingsPage(EngineClient *client, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    RecordingTableModel *model() const { return m_model; }
    RecordingsController *controller() const { return m_controller; }
    DvrUsageBar *usageBar() const { return m_usage; }
    QListWidget *cleanupLog() const { return m_cleanupLog; }
    qint64 selectedRecordingId() const; // 0 when none
    void selectRecording(qint64 id);

    // "Deleted “News”: it is older than 30 days"
    static QString cleanupLine(const Recording &recording, const QString &reason);

signals:
    void playRequested(qint64 recordingId);

private:
    QAction *addAction(const QString &objectName, const QIcon &icon, const QString &text,
        const QString &toolTip, void (RecordingsPage::*slot)());
    void createActions();
    void updateActions();
    void fitColumns();
    void showProblem(const QString &message);
    void showNotice(const QString &message);
    void addCleanupLine(const Recording &recording, const QString &reason);
    // The channel the record dialogs start on: the selected recording's, else a live one.
    qint64 preferredChannelId() const;
    void onRecordNow();
    void onRecordPast();
    void onStop();
    void onExtend();
    void onPlay();
    void onExport();
    void onKeep(bool keep);
    void onDelete();

    EngineClient *m_client;
    RecordingsController *m_controller;
    RecordingTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QToolBar *m_toolBar;
    QLabel *m_banner;
    QLabel *m_notice; // the last export's outcome
    DvrUsageBar *m_usage;
    QLabel *m_emptyHint;
    QTableView *m_table;
    QLabel *m_cleanupTitle;
    QListWidget *m_cleanupLog;
    QAction *m_stop = nullptr;
    QAction *m_extend = nullptr;
    QAction *m_play = nullptr;
    QAction *m_export = nullptr;
    QAction *m_keep = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace panelx
