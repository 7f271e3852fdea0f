// Seven days × 24 hours of the schedules: every occurrence a block in its channel's colour,
// those in a conflict red, disabled schedules hatched, and a line at "now". Clicking a block
// asks to edit its schedule; double-clicking an empty slot asks for a new one starting there.
#pragma once

#include "WeekGeometry.h"
#include "schedule/Conflicts.h"
#include "schedule/Schedule.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QTimer;

namespace panelx {

class WeekView : public QWidget {
    Q_OBJECT
public:
    // One occurrence as drawn.
    struct Block {
        qint64 scheduleId = 0;
        qint64 startUtcMs = 0;
        qint64 endUtcMs = 0;
        QString label;
        QColor colour;
        bool conflicted = false;
        bool enabled = true;
        QString toolTip;
    };

    explicit WeekView(QWidget *parent = nullptr);

    // The leftmost day (today when the view is made).
    QDate firstDay() const { return m_firstDay; }
    void setFirstDay(QDate day);
    // What to draw: the schedules' occurrences in the shown week, with the conflicts among
    // them; `channelNames` names the channels in the tooltips.
    void setPlan(const QList<Schedule> &schedules, const QList<Conflict> &conflicts,
        const QHash<qint64, QString> &channelNames);

    WeekGeometry geometryNow() const;
    const QList<Block> &blocks() const { return m_blocks; }
    // The block under `point` (the last drawn, so the topmost), if any.
    std::optional<Block> blockAt(QPointF point) const;
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void editRequested(qint64 scheduleId);
    // A new schedule starting at this wall clock of the viewer's zone.
    void newRequested(QDate date, QTime time);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuild();
    void paintGrid(QPainter &painter, const WeekGeometry &geometry);
    void paintBlocks(QPainter &painter, const WeekGeometry &geometry);
    void paintNow(QPainter &painter, const WeekGeometry &geometry);
    qreal gutterWidth() const;
    qreal headerHeight() const;

    QDate m_firstDay;
    QList<Schedule> m_schedules;
    QList<Conflict> m_conflicts;
    QHash<qint64, QString> m_channelNames;
    QList<Block> m_blocks;
    QTimer *m_minuteTimer; // moves the "now" line
};

} // namespace panelx
