// Where playback is in seekable media (a recording): a slider with "00:12:34 / 01:00:00" beside
// it. Dragging previews the time and seeks on release; a click on the groove seeks at once. It
// only shows state and emits intent; PlayerPage connects it to the media player. Its own widget
// so the timeline of live channels (timeshift) can grow from it.
#pragma once

#include <QWidget>

class QLabel;
class QSlider;

namespace panelx {

class PositionSlider : public QWidget {
    Q_OBJECT
public:
    explicit PositionSlider(QWidget *parent = nullptr);

    void setDuration(qint64 durationMs);
    // Ignored while the user drags the handle.
    void setPosition(qint64 positionMs);
    qint64 durationMs() const { return m_durationMs; }
    QString timeText() const;

signals:
    void seekRequested(qint64 positionMs);

private:
    void showTime(qint64 positionMs);

    QSlider *m_slider;
    QLabel *m_time;
    qint64 m_durationMs = 0;
};

} // namespace panelx
