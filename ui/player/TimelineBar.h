// The timeline under a live channel's picture: the channel's buffer from its oldest moment to
// now in local wall-clock time, with hour and minute ticks, the playhead, the live edge, the
// channel's recordings as marked ranges and the gaps where the source was down. A click or a
// drag seeks; Shift+drag selects a range; hovering shows the time and a still of that moment.
// Painted by hand over a cached pixmap of what changes only once a second (like Shotcut's
// ScrubBar); it shows state and emits intent, PlayerPage does the rest.
#pragma once

#include "TimelineScale.h"
#include "dvr/Recording.h"

#include <QPixmap>
#include <QWidget>
#include <optional>

class QFrame;
class QLabel;

namespace panelx {

class ThumbnailCache;

class TimelineBar : public QWidget {
    Q_OBJECT
public:
    explicit TimelineBar(QWidget *parent = nullptr);

    // The span drawn, from the buffer's oldest moment to now; `liveUtcMs` is the live edge
    // (the end of the newest segment).
    void setSpan(qint64 oldestUtcMs, qint64 nowUtcMs, qint64 liveUtcMs);
    void setGaps(const QList<RecordingGap> &gaps);
    // This channel's recordings (others are ignored by the caller).
    void setRecordings(const QList<Recording> &recordings);
    void setPlayhead(std::optional<qint64> utcMs);
    // Where hover stills come from; `stepMs` = one still per segment.
    void setThumbnails(ThumbnailCache *cache, qint64 channelId, qint64 stepMs);
    void clear();

    struct Range {
        qint64 fromUtcMs = 0;
        qint64 toUtcMs = 0;
    };
    std::optional<Range> selection() const { return m_selection; }
    void clearSelection();

    // Geometry, for tests and the hover preview: the x (in this widget) of a moment.
    int xAt(qint64 utcMs) const;
    TimelineScale scale() const;
    // What the hover preview shows now ("20:13:05"), empty when it is hidden.
    QString previewText() const;
    bool previewHasStill() const;
    // The second whose still the preview at `x` shows: the start of its segment step.
    qint64 stillSecondAt(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 utcMs);
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class Drag { None, Seek, Select };
    QRect trackRect() const;
    qint64 timeAtX(int x) const;
    void invalidate();
    void paintBackground();
    void showPreview(int x);
    void hidePreview();

    qint64 m_fromUtcMs = 0;
    qint64 m_toUtcMs = 0;
    qint64 m_liveUtcMs = 0;
    QList<RecordingGap> m_gaps;
    QList<Range> m_recordings;
    std::optional<qint64> m_playheadUtcMs;
    std::optional<qint64> m_dragUtcMs; // where a seek drag would land
    std::optional<Range> m_selection;
    qint64 m_selectAnchorUtcMs = 0;
    Drag m_drag = Drag::None;
    QPixmap m_background; // ticks, gaps, recordings: rebuilt when they or the size change
    ThumbnailCache *m_thumbnails = nullptr;
    qint64 m_channelId = 0;
    qint64 m_stillStepMs = 0;
    qint64 m_previewUtcMs = 0;
    int m_previewX = 0;
    QFrame *m_preview; // a tool-tip window above the bar
    QLabel *m_previewStill;
    QLabel *m_previewTime;
};

} // namespace panelx
