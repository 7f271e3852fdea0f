#include "BitrateChart.h"

#include "DashboardController.h"

#include <QChart>
#include <QDateTime>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace panelx {

namespace {
// An axis maximum of 1, 2 or 5 times a power of ten, with ticks on round numbers, so the
// labels read 0, 1, 2, 3 rather than 0, 1.25, 2.5.
struct AxisScale {
    double max = 1;
    int tickCount = 6;
};

AxisScale niceScale(double value)
{
    if (value <= 0)
        return {};
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const auto &[step, ticks] : {std::pair {1.0, 6}, {2.0, 5}, {5.0, 6}, {10.0, 6}})
        if (value <= step * magnitude * 1.0000001)
            return {step * magnitude, ticks};
    return {10 * magnitude, 6};
}
} // namespace

BitrateChart::BitrateChart(DashboardController *controller, QWidget *parent)
    : QChartView(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("bitrateChart"));
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundRoundness(0);
    chart->setLocalizeNumbers(true); // "2,5" under a German window
    chart->setLocale(QLocale());

    m_minutesAgo = new QValueAxis(chart);
    m_minutesAgo->setRange(0, DashboardController::kHistoryMs / 60000.0);
    m_minutesAgo->setReverse(true); // now on the right, like every timeline
    m_minutesAgo->setTickCount(int(DashboardController::kHistoryMs / 60000 / 2) + 1);
    m_minutesAgo->setLabelFormat(QStringLiteral("%.0f")); // "%d" prints nothing once localized
    m_minutesAgo->setTitleText(tr("minutes ago"));
    m_mbps = new QValueAxis(chart);
    m_mbps->setRange(0, 1);
    m_mbps->setLabelFormat(QStringLiteral("%.1f"));
    m_mbps->setTitleText(tr("Mbit/s"));
    chart->addAxis(m_minutesAgo, Qt::AlignBottom);
    chart->addAxis(m_mbps, Qt::AlignLeft);

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    rebuildSeries();
}

QList<QPointF> BitrateChart::points(qint64 channelId) const
{
    const auto *series = m_series.value(channelId);
    return series ? series->points() : QList<QPointF>();
}

void BitrateChart::rebuildSeries()
{
    for (auto *series : std::as_const(m_series)) {
        chart()->removeSeries(series);
        delete series;
    }
    m_series.clear();
    for (qint64 id : m_controller->channelIds()) {
        const ChannelLoad *load = m_controller->channel(id);
        auto *series = new QLineSeries(chart());
        series->setName(load->config.name);
        chart()->addSeries(series);
        series->attachAxis(m_minutesAgo);
        series->attachAxis(m_mbps);
        m_series.insert(id, series);
    }
    chart()->legend()->setVisible(m_series.size() > 0);
    refresh();
}

void BitrateChart::refresh()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    double maxMbps = 0;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        const ChannelLoad *load = m_controller->channel(it.key());
        if (!load)
            continue;
        QList<QPointF> points;
        points.reserve(int(load->samples.size()));
        for (const auto &s : load->samples) {
            const double mbps = s.bitsPerSecond / 1e6;
            maxMbps = qMax(maxMbps, mbps);
            points.append(QPointF((nowMs - s.utcMs) / 60000.0, mbps));
        }
        it.value()->replace(points); // one repaint, not one per point
    }
    const AxisScale scale = niceScale(maxMbps * 1.1);
    m_mbps->setRange(0, scale.max);
    m_mbps->setTickCount(scale.tickCount);
    m_mbps->setLabelFormat(scale.max >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
}

} // namespace panelx
