// Changes channels' ladders for the Quality and Channels pages: opens the ladder editor and
// switches single rungs, saving through the engine (Engine::saveChannel) and handing its
// refusals back as sentences.
#pragma once

#include "ChannelTypes.h"

#include <QObject>

class QWidget;

namespace panelx {

class EngineClient;
class LadderDialog;

class LadderController : public QObject {
    Q_OBJECT
public:
    // The editor opens over `dialogParent`.
    LadderController(EngineClient *client, QWidget *dialogParent);

    // Opens the editor for the channel (window-modal, not exec()'d); null for an unknown one.
    LadderDialog *editLadder(qint64 channelId);
    // Stores `channel` as it is (its ladder changed); problem() says why when the engine refuses.
    void save(const ChannelConfig &channel);

signals:
    void problem(const QString &message);
    void saved(const panelx::ChannelConfig &channel);

private:
    EngineClient *m_client;
    QWidget *m_dialogParent;
};

} // namespace panelx
