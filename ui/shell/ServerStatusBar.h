// The window's status bar: where viewers find the channels (/playlist.m3u), how many channels
// are live, and whether the viewer server is up. Reads only EngineClient's cache.
#pragma once

#include <QStatusBar>

class QLabel;
class QToolButton;

namespace panelx {

class EngineClient;

class ServerStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit ServerStatusBar(EngineClient *client, QWidget *parent = nullptr);

private:
    void refresh();

    EngineClient *m_client;
    QLabel *m_playlistUrl;
    QToolButton *m_copyUrl;
    QLabel *m_liveCount;
    QLabel *m_serverState;
};

} // namespace panelx
