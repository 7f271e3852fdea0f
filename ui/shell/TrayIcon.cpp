#include "TrayIcon.h"

#include "EngineClient.h"

#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QSystemTrayIcon>

namespace panelx {

namespace {
const QString kHintShownKey = QStringLiteral("ui/trayHintShown");
} // namespace

TrayIcon::TrayIcon(EngineClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_menu(new QMenu), m_icon(new QSystemTrayIcon(this))
{
    QIcon icon = QApplication::windowIcon();
    if (icon.isNull())
        icon = QApplication::style()->standardIcon(QStyle::SP_MediaPlay);
    m_icon->setIcon(icon);
    m_menu->addAction(tr("Show PanelX"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit (stop serving)"), this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            emit showRequested();
    });
    connect(m_client, &EngineClient::summaryChanged, this, &TrayIcon::updateToolTip);
    updateToolTip();
    if (isAvailable())
        m_icon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a menu has no QObject parent here: QSystemTrayIcon does not own it
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::showFirstCloseHint()
{
    QSettings settings;
    if (settings.value(kHintShownKey, false).toBool())
        return;
    settings.setValue(kHintShownKey, true);
    m_icon->showMessage(tr("PanelX is still serving"),
        tr("Your channels stay on the air while the window is closed. Open PanelX again from "
           "this icon, or choose Quit in its menu to stop serving."),
        QSystemTrayIcon::Information, 10000);
}

void TrayIcon::updateToolTip()
{
    const int total = static_cast<int>(m_client->channels().size());
    const int live = m_client->liveChannelCount();
    m_icon->setToolTip(tr("PanelX — %1 of %n channel(s) live", nullptr, total).arg(live));
}

} // namespace panelx
