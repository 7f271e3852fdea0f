// The channel dialog's "Test source" row: probes the URL on a worker thread (QtConcurrent),
// shows a busy bar and a Cancel button meanwhile, then the streams found or the error in words.
#pragma once

#include "SourceProbe.h"

#include <QFutureWatcher>
#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace panelx {

class SourceControl;

class SourceTestPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kProbeTimeoutMs = 10000;

    explicit SourceTestPanel(QWidget *parent = nullptr);
    // Stops a running probe; the worker notices at libav's next interrupt poll.
    ~SourceTestPanel() override;

    void setUrl(const QString &url);
    bool isBusy() const;
    QString resultText() const;

    // Words for a finished probe: "Works: video h264 1280×720, 25 fps; audio aac, 2 channels".
    static QString describe(const SourceProbeResult &result);

public slots:
    void startTest();
    void cancelTest();

signals:
    void finished(bool ok);
    // The result line changed; it may need more lines than before.
    void resultShown();

private:
    void onProbeFinished();
    void setBusy(bool busy);
    void showResult(const QString &text, bool ok);

    QString m_url;
    QPushButton *m_test;
    QPushButton *m_cancel;
    QProgressBar *m_busy;
    QLabel *m_result;
    QFutureWatcher<SourceProbeResult> m_watcher;
    std::shared_ptr<SourceControl> m_control; // of the running probe, shared with its task
};

} // namespace panelx
