// What the Channels page's buttons do: opens the add/edit dialog, asks before deleting,
// starts/stops channels and copies viewer URLs — all as queued intent through EngineClient,
// with the engine's refusals handed back to the page as sentences.
#pragma once

#include <QObject>

class QWidget;

namespace panelx {

class EngineClient;

class ChannelsController : public QObject {
    Q_OBJECT
public:
    // Dialogs and questions open over `dialogParent`.
    ChannelsController(EngineClient *client, QWidget *dialogParent);

    void addChannel();
    void editChannel(qint64 channelId);
    // Asks first, naming the channel and what goes with it; removes only on "Delete".
    void deleteChannel(qint64 channelId);
    void setChannelRunning(qint64 channelId, bool running);
    void copyViewerUrl(qint64 channelId);
    void play(qint64 channelId);

signals:
    void playRequested(qint64 channelId);
    void problem(const QString &message);

private:
    EngineClient *m_client;
    QWidget *m_dialogParent;
};

} // namespace panelx
