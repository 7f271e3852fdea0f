// Input bitrate of every channel over the last minutes: one line per channel, now at the right.
#pragma once

#include <QChartView>
#include <QHash>

class QLineSeries;
class QValueAxis;

namespace panelx {

class DashboardController;

class BitrateChart : public QChartView {
    Q_OBJECT
public:
    explicit BitrateChart(DashboardController *controller, QWidget *parent = nullptr);

    // Points of a channel's line: x = minutes ago, y = Mbit/s. For tests.
    QList<QPointF> points(qint64 channelId) const;

public slots:
    void rebuildSeries(); // the channels changed
    void refresh(); // new samples

private:
    DashboardController *m_controller;
    QHash<qint64, QLineSeries *> m_series;
    QValueAxis *m_minutesAgo = nullptr;
    QValueAxis *m_mbps = nullptr;
};

} // namespace panelx
