// Saves a picture of every page of the window, for the README and for reviewing the UI: waits
// until a channel is live and the dashboard has some history (and recordings some progress),
// then visits each page in side-bar order and writes <folder>/<NN>-<page>.png. Started by the
// hidden `--screenshots <dir>` option.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace panelx {

class EngineClient;
class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(
        MainWindow *window, EngineClient *client, QString folder, QObject *parent = nullptr);

    // How long to let the dashboard's graph fill once a channel is live (default 20 s;
    // PANELX_SCREENSHOT_WARMUP_MS overrides it).
    void setWarmUpMs(int ms) { m_warmUpMs = ms; }
    QStringList savedFiles() const { return m_saved; }

public slots:
    void start();

signals:
    // ok: every page was saved; message says where, or what went wrong.
    void finished(bool ok, const QString &message);

private:
    void waitForLiveChannel();
    void startWarmUp();
    // Starts two recordings of the live channel, so the Recordings page has something to show.
    void recordSamples();
    // Plans a weekday recording and a weekend start of the live channel, so the Schedules page
    // has a list and a week to show.
    void planSamples();
    // Turns the live channel's ladder on, so the Quality page shows its rungs at work (1080p
    // skipped for the 720p demo pattern) and the player its quality choice.
    void ladderSample();
    void visitPage(int index);
    void capture(int index);
    qint64 liveChannelId() const;

    QPointer<MainWindow> m_window;
    EngineClient *m_client;
    QString m_folder;
    int m_warmUpMs = 20000;
    QTimer m_liveDeadline;
    QStringList m_saved;
    bool m_failed = false;
    bool m_warmUpStarted = false;
};

} // namespace panelx
