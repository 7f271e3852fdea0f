#include "ScreenshotTour.h"

#include "EngineClient.h"
#include "MainWindow.h"
#include "player/PlayerPage.h"

#include <QDir>
#include <QPixmap>
#include <QScreen>
#include <QTimeZone>
#include <QWindow>

namespace panelx {

namespace {
constexpr int kLiveTimeoutMs = 90000;
constexpr int kPageSettleMs = 1500; // layouts, async storage figures, first paint
constexpr int kPlayerSettleMs = 8000; // the player connects, buffers and shows frames

QString pageSlug(QWidget *page, int index)
{
    QString name = page->objectName();
    if (name.endsWith(QLatin1String("Page")))
        name.chop(4);
    if (name.isEmpty())
        name = QStringLiteral("page");
    return QStringLiteral("%1-%2").arg(index + 1, 2, 10, QLatin1Char('0')).arg(name.toLower());
}
} // namespace

ScreenshotTour::ScreenshotTour(
    MainWindow *window, EngineClient *client, QString folder, QObject *parent)
    : QObject(parent), m_window(window), m_client(client), m_folder(std::move(folder))
{
    bool ok = false;
    const int warmUp = qEnvironmentVariableIntValue("PANELX_SCREENSHOT_WARMUP_MS", &ok);
    if (ok && warmUp >= 0)
        m_warmUpMs = warmUp;
    m_liveDeadline.setSingleShot(true);
    m_liveDeadline.setInterval(kLiveTimeoutMs);
}

void ScreenshotTour::start()
{
    if (!QDir().mkpath(m_folder)) {
        emit finished(false, tr("Cannot create the folder %1 for the screenshots.").arg(m_folder));
        return;
    }
    if (!m_window->isVisible())
        m_window->show();
    waitForLiveChannel();
}

qint64 ScreenshotTour::liveChannelId() const
{
    for (const ChannelConfig &channel : m_client->channels())
        if (m_client->status(channel.id).state == ChannelState::Live)
            return channel.id;
    return 0;
}

void ScreenshotTour::waitForLiveChannel()
{
    if (liveChannelId() != 0)
        return startWarmUp();
    connect(m_client, &EngineClient::channelStatusChanged, this, [this](const ChannelStatus &s) {
        if (s.state == ChannelState::Live)
            startWarmUp();
    });
    // No live channel in time: take the pictures anyway, they show what went wrong.
    connect(&m_liveDeadline, &QTimer::timeout, this, &ScreenshotTour::startWarmUp);
    m_liveDeadline.start();
}

void ScreenshotTour::startWarmUp()
{
    if (m_warmUpStarted)
        return;
    m_warmUpStarted = true;
    m_liveDeadline.stop();
    recordSamples();
    planSamples();
    ladderSample();
    QTimer::singleShot(m_warmUpMs, this, [this] { visitPage(0); });
}

void ScreenshotTour::recordSamples()
{
    const qint64 channelId = liveChannelId();
    if (channelId == 0)
        return;
    // By the time the Recordings page is taken, one has finished and one is still running.
    RecordingRequest finished;
    finished.channelId = channelId;
    finished.title = tr("Interview");
    finished.minutes = 1;
    m_client->addRecording(finished, this, {});
    RecordingRequest running;
    running.channelId = channelId;
    running.title = tr("Evening news");
    running.minutes = 3;
    m_client->addRecording(running, this, {});
}

void ScreenshotTour::planSamples()
{
    const qint64 channelId = liveChannelId();
    if (channelId == 0)
        return;
    Schedule news;
    news.name = tr("News at eight");
    news.channelId = channelId;
    news.firstDate = QDate::currentDate();
    news.startTime = QTime(20, 0);
    news.timeZoneId = QTimeZone::systemTimeZoneId();
    news.durationMinutes = 30;
    news.recurrence = Recurrence::Weekly;
    news.weekdays = Weekdays::mondayToFriday();
    news.paddingBeforeMinutes = 2;
    news.paddingAfterMinutes = 5;
    m_client->addSchedule(news, false, this, {});
    Schedule sports = news;
    sports.name = tr("Weekend sports");
    sports.action = ScheduleAction::Start;
    sports.startTime = QTime(14, 0);
    sports.durationMinutes = 4 * 60;
    sports.weekdays = Weekdays().add(Qt::Saturday).add(Qt::Sunday);
    sports.paddingBeforeMinutes = sports.paddingAfterMinutes = 0;
    m_client->addSchedule(sports, false, this, {});
}

void ScreenshotTour::ladderSample()
{
    const auto channel = m_client->channel(liveChannelId());
    if (!channel)
        return;
    ChannelConfig withLadder = *channel;
    withLadder.abr.enabled = true;
    m_client->saveChannel(withLadder, this, {});
}

void ScreenshotTour::visitPage(int index)
{
    if (!m_window)
        return;
    const QList<QWidget *> pages = m_window->pages();
    if (index >= pages.size()) {
        emit finished(!m_failed,
            m_failed
                ? tr("Some screenshots could not be saved in %1.").arg(m_folder)
                : tr("Saved %n screenshot(s) in %1.", nullptr, int(m_saved.size())).arg(m_folder));
        return;
    }
    QWidget *page = pages.at(index);
    m_window->showPage(page);
    int settleMs = kPageSettleMs;
    if (auto *player = qobject_cast<PlayerPage *>(page)) {
        if (const qint64 id = liveChannelId()) {
            player->play(id);
            settleMs = kPlayerSettleMs;
        }
    }
    QTimer::singleShot(settleMs, this, [this, index] { capture(index); });
}

void ScreenshotTour::capture(int index)
{
    if (!m_window)
        return;
    QWidget *page = m_window->pages().value(index);
    if (!page)
        return;
    // The screen's copy includes video, which is drawn in a native child window that
    // QWidget::grab() does not see; without a real screen (offscreen) grab() is all there is.
    QPixmap shot;
    if (QScreen *screen = m_window->screen(); screen && m_window->windowHandle())
        shot = screen->grabWindow(m_window->winId());
    if (shot.isNull() || shot.size().isEmpty())
        shot = m_window->grab();
    const QString file = QDir(m_folder).filePath(pageSlug(page, index) + QStringLiteral(".png"));
    if (shot.save(file))
        m_saved << file;
    else
        m_failed = true;
    if (auto *player = qobject_cast<PlayerPage *>(page))
        player->stop();
    visitPage(index + 1);
}

} // namespace panelx
