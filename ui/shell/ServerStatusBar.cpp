#include "ServerStatusBar.h"

#include "EngineClient.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QToolButton>

namespace panelx {

ServerStatusBar::ServerStatusBar(EngineClient *client, QWidget *parent)
    : QStatusBar(parent), m_client(client), m_playlistUrl(new QLabel(this)),
      m_copyUrl(new QToolButton(this)), m_liveCount(new QLabel(this)),
      m_serverState(new QLabel(this))
{
    m_playlistUrl->setObjectName(QStringLiteral("playlistUrl"));
    m_playlistUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_playlistUrl->setToolTip(tr("Open this address in VLC or an IPTV app to watch every channel"));
    m_copyUrl->setText(tr("Copy"));
    m_copyUrl->setToolTip(tr("Copy the playlist address"));
    m_copyUrl->setAutoRaise(true);
    m_liveCount->setObjectName(QStringLiteral("liveCount"));
    m_serverState->setObjectName(QStringLiteral("serverState"));
    addWidget(m_playlistUrl);
    addWidget(m_copyUrl);
    addPermanentWidget(m_liveCount);
    addPermanentWidget(m_serverState);
    connect(m_copyUrl, &QToolButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_client->playlistUrl()); });
    connect(m_client, &EngineClient::summaryChanged, this, &ServerStatusBar::refresh);
    refresh();
}

void ServerStatusBar::refresh()
{
    const QString url = m_client->playlistUrl();
    m_playlistUrl->setText(url.isEmpty() ? QString() : tr("Viewers: %1").arg(url));
    m_copyUrl->setVisible(!url.isEmpty());

    const int total = static_cast<int>(m_client->channels().size());
    m_liveCount->setText(
        tr("%1 of %n channel(s) live", nullptr, total).arg(m_client->liveChannelCount()));

    QString state;
    QString colour;
    switch (m_client->serverState()) {
    case EngineClient::ServerState::Starting:
        state = tr("Server starting…");
        colour = QStringLiteral("#b58900");
        break;
    case EngineClient::ServerState::Running:
        state = tr("Serving on port %1").arg(m_client->httpPort());
        colour = QStringLiteral("#2e7d32");
        break;
    case EngineClient::ServerState::Failed:
        state = tr("Server not running: %1").arg(m_client->serverMessage());
        colour = QStringLiteral("#c62828");
        break;
    case EngineClient::ServerState::Stopping:
        state = tr("Stopping…");
        colour = QStringLiteral("#b58900");
        break;
    case EngineClient::ServerState::Stopped:
        state = tr("Server stopped");
        colour = QStringLiteral("#757575");
        break;
    }
    m_serverState->setText(
        QStringLiteral("<span style='color:%1'>●</span> %2").arg(colour, state.toHtmlEscaped()));
    m_serverState->setToolTip(m_client->serverMessage());
}

} // namespace panelx
