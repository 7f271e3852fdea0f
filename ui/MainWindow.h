// The desktop window: a side bar of pages, the server status bar, and the tray that keeps PanelX
// serving while the window is closed. Pages are added in one place, addPages().
#pragma once

#include <QIcon>
#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace panelx {

class EngineClient;
class TrayIcon;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(EngineClient *client, QWidget *parent = nullptr);

    void showPage(QWidget *page);
    QWidget *currentPage() const;
    QList<QWidget *> pages() const; // in side-bar order
    QString pageTitle(QWidget *page) const;

public slots:
    // Stops every channel and the server, then quits the application.
    void quit();
    void showAndRaise();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPages();
    void addPage(QWidget *page, const QString &title, const QIcon &icon);

    EngineClient *m_client;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    TrayIcon *m_tray = nullptr; // null when the desktop has no tray
    bool m_quitting = false;
};

} // namespace panelx
