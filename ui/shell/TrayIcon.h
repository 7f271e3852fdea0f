// Keeps PanelX reachable from the system tray while the window is closed and the engine goes on
// serving: the tooltip says how many channels are live; the menu shows the window or quits.
#pragma once

#include <QObject>

class QSystemTrayIcon;
class QMenu;

namespace panelx {

class EngineClient;

class TrayIcon : public QObject {
    Q_OBJECT
public:
    explicit TrayIcon(EngineClient *client, QObject *parent = nullptr);
    ~TrayIcon() override;

    // False on desktops without a tray; then closing the window quits.
    static bool isAvailable();
    // Tells the user once, ever, that closing the window did not stop the server.
    void showFirstCloseHint();

signals:
    void showRequested();
    void quitRequested();

private:
    void updateToolTip();

    EngineClient *m_client;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
};

} // namespace panelx
