#include "MainWindow.h"

#include "EngineClient.h"
#include "channels/ChannelsPage.h"
#include "dashboard/DashboardPage.h"
#include "player/PlayerPage.h"
#include "quality/QualityPage.h"
#include "recordings/RecordingsPage.h"
#include "schedules/SchedulesPage.h"
#include "settings/SettingsPage.h"
#include "shell/ServerStatusBar.h"
#include "shell/TrayIcon.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QStyle>

namespace panelx {

MainWindow::MainWindow(EngineClient *client, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_navigation(new QListWidget),
      m_pages(new QStackedWidget)
{
    setWindowTitle(tr("PanelX"));
    resize(1100, 680);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(170);
    m_navigation->setFrameShape(QFrame::NoFrame);
    connect(
        m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    setStatusBar(new ServerStatusBar(client, this));

    addPages();
    m_navigation->setCurrentRow(0);

    if (TrayIcon::isAvailable()) {
        m_tray = new TrayIcon(client, this);
        connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::showAndRaise);
        connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);
        // The window may close while the tray keeps the engine serving.
        QApplication::setQuitOnLastWindowClosed(false);
    }
}

// The side bar, in order. Adding a page is one addPage() line here (and its folder under ui/);
// wire any page-to-page jump (like "watch this channel") right after.
void MainWindow::addPages()
{
    QStyle *s = style();
    addPage(new DashboardPage(m_client), tr("Dashboard"), s->standardIcon(QStyle::SP_ComputerIcon));
    auto *channels = new ChannelsPage(m_client);
    addPage(channels, tr("Channels"), s->standardIcon(QStyle::SP_FileDialogListView));
    auto *player = new PlayerPage(m_client);
    addPage(player, tr("Player"), s->standardIcon(QStyle::SP_MediaPlay));
    auto *recordings = new RecordingsPage(m_client);
    addPage(recordings, tr("Recordings"), s->standardIcon(QStyle::SP_DriveHDIcon));
    addPage(new SchedulesPage(m_client), tr("Schedules"),
        s->standardIcon(QStyle::SP_FileDialogContentsView));
    addPage(new QualityPage(m_client), tr("Quality"), s->standardIcon(QStyle::SP_DesktopIcon));
    addPage(new SettingsPage(m_client), tr("Settings"),
        s->standardIcon(QStyle::SP_FileDialogDetailedView));

    connect(channels, &ChannelsPage::playRequested, this, [this, player](qint64 channelId) {
        showPage(player);
        player->play(channelId);
    });
    connect(recordings, &RecordingsPage::playRequested, this, [this, player](qint64 recordingId) {
        showPage(player);
        player->playRecording(recordingId);
    });
}

void MainWindow::addPage(QWidget *page, const QString &title, const QIcon &icon)
{
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setSizeHint(QSize(0, 40));
}

void MainWindow::showPage(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

QList<QWidget *> MainWindow::pages() const
{
    QList<QWidget *> result;
    for (int i = 0; i < m_pages->count(); ++i)
        result.append(m_pages->widget(i));
    return result;
}

QString MainWindow::pageTitle(QWidget *page) const
{
    const int index = m_pages->indexOf(page);
    return index >= 0 ? m_navigation->item(index)->text() : QString();
}

void MainWindow::showAndRaise()
{
    show();
    setWindowState(windowState() & ~Qt::WindowMinimized);
    raise();
    activateWindow();
}

void MainWindow::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    hide();
    // The application ends only once the engine has closed its open segments.
    connect(m_client, &EngineClient::shutDown, qApp, &QCoreApplication::quit);
    m_client->shutdown();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitting) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_tray) {
        hide();
        m_tray->showFirstCloseHint();
    } else {
        quit();
    }
}

} // namespace panelx
