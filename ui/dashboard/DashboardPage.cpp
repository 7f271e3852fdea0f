#include "DashboardPage.h"

#include "BitrateChart.h"
#include "DashboardController.h"
#include "PageLayout.h"
#include "QrCodeView.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace panelx {

namespace {
constexpr int kBarSteps = 1000;

QString formatBitrate(qint64 bitsPerSecond)
{
    if (bitsPerSecond >= 1000000)
        return DashboardPage::tr("%1 Mbit/s").arg(QLocale().toString(bitsPerSecond / 1e6, 'f', 1));
    return DashboardPage::tr("%1 kbit/s").arg(QLocale().toString(bitsPerSecond / 1e3, 'f', 0));
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString formatDuration(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes >= 60 && minutes % 60 == 0)
        return DashboardPage::tr("%n hour(s)", nullptr, int(minutes / 60));
    if (minutes >= 60)
        return DashboardPage::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return DashboardPage::tr("%n minute(s)", nullptr, int(minutes));
}

struct StateLook {
    QString text;
    QString color;
};

StateLook stateLook(ChannelState state)
{
    switch (state) {
    case ChannelState::Live:
        return {DashboardPage::tr("Live"), QStringLiteral("#15803d")};
    case ChannelState::Starting:
        return {DashboardPage::tr("Starting"), QStringLiteral("#2563eb")};
    case ChannelState::Reconnecting:
        return {DashboardPage::tr("Reconnecting"), QStringLiteral("#b45309")};
    case ChannelState::Failed:
        return {DashboardPage::tr("Failed"), QStringLiteral("#b91c1c")};
    case ChannelState::Stopped:
    case ChannelState::Invalid:
        break;
    }
    return {DashboardPage::tr("Stopped"), QStringLiteral("#6b7280")};
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

DashboardPage::DashboardPage(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_controller(new DashboardController(client, this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    buildUi();
    connect(m_controller, &DashboardController::channelsChanged, this, &DashboardPage::rebuildRows);
    connect(m_controller, &DashboardController::channelChanged, this, &DashboardPage::updateRow);
    connect(m_controller, &DashboardController::samplesUpdated, this, [this] {
        for (qint64 id : m_rowWidgets.keys())
            updateRow(id);
        m_chart->refresh();
    });
    connect(
        m_controller, &DashboardController::machineUpdated, this, &DashboardPage::updateMachine);
    connect(m_controller, &DashboardController::viewerUrlChanged, this,
        &DashboardPage::updateViewerUrl);
    rebuildRows();
    updateMachine();
    updateViewerUrl();
}

void DashboardPage::buildUi()
{
    QVBoxLayout *layout = makeTitledScrollingPage(this, tr("Dashboard"));
    QWidget *content = layout->parentWidget();

    auto *top = new QHBoxLayout;
    layout->addLayout(top);

    // For viewers: the one URL every device needs.
    auto *viewers = new QGroupBox(tr("Watch on your devices"), content);
    auto *viewersLayout = new QHBoxLayout(viewers);
    m_qr = new QrCodeView(viewers);
    m_qr->setObjectName(QStringLiteral("playlistQr"));
    m_qr->setFixedSize(168, 168);
    m_qr->setToolTip(tr("Scan with a phone on the same network to open the playlist."));
    viewersLayout->addWidget(m_qr, 0, Qt::AlignTop);
    auto *urlColumn = new QVBoxLayout;
    urlColumn->addWidget(sectionTitle(tr("Playlist of all channels"), viewers));
    auto *urlRow = new QHBoxLayout;
    m_url = new QLineEdit(viewers);
    m_url->setObjectName(QStringLiteral("playlistUrl"));
    m_url->setReadOnly(true);
    m_url->setMinimumWidth(260);
    m_copy = new QPushButton(tr("Copy"), viewers);
    m_copy->setObjectName(QStringLiteral("copyPlaylistUrl"));
    m_copy->setToolTip(tr("Copy the playlist address to the clipboard."));
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copy);
    urlColumn->addLayout(urlRow);
    auto *howTo = new QLabel(tr("Open this address in VLC, Kodi or an IPTV app on any device in "
                                "your network, or scan the code with a phone."),
        viewers);
    howTo->setWordWrap(true);
    urlColumn->addWidget(howTo);
    m_urlNote = new QLabel(viewers);
    m_urlNote->setObjectName(QStringLiteral("playlistUrlNote"));
    m_urlNote->setWordWrap(true);
    m_urlNote->setStyleSheet(QStringLiteral("color: #b45309;"));
    urlColumn->addWidget(m_urlNote);
    urlColumn->addStretch(1);
    viewersLayout->addLayout(urlColumn, 1);
    top->addWidget(viewers, 3);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (m_url->text().isEmpty())
            return;
        QApplication::clipboard()->setText(m_url->text());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(2000, m_copy, [this] { m_copy->setText(tr("Copy")); });
    });

    // This computer
    auto *machine = new QGroupBox(tr("This computer"), content);
    auto *machineLayout = new QVBoxLayout(machine);
    machineLayout->addWidget(sectionTitle(tr("Disk space in the data folder"), machine));
    m_diskBar = new QProgressBar(machine);
    m_diskBar->setObjectName(QStringLiteral("diskBar"));
    m_diskBar->setRange(0, kBarSteps);
    m_diskBar->setTextVisible(false);
    machineLayout->addWidget(m_diskBar);
    m_disk = new QLabel(machine);
    m_disk->setObjectName(QStringLiteral("diskFree"));
    m_disk->setWordWrap(true);
    machineLayout->addWidget(m_disk);
    machineLayout->addSpacing(8);
    machineLayout->addWidget(sectionTitle(tr("CPU load of PanelX"), machine));
    m_cpuBar = new QProgressBar(machine);
    m_cpuBar->setObjectName(QStringLiteral("cpuBar"));
    m_cpuBar->setRange(0, kBarSteps);
    m_cpuBar->setTextVisible(false);
    machineLayout->addWidget(m_cpuBar);
    m_cpu = new QLabel(machine);
    m_cpu->setObjectName(QStringLiteral("cpuLoad"));
    m_cpu->setWordWrap(true);
    machineLayout->addWidget(m_cpu);
    machineLayout->addStretch(1);
    top->addWidget(machine, 2);

    // Channels
    auto *channels = new QGroupBox(tr("Channels"), content);
    m_rows = new QGridLayout(channels);
    m_rows->setHorizontalSpacing(16);
    m_rows->addWidget(sectionTitle(tr("Channel"), channels), 0, 0);
    m_rows->addWidget(sectionTitle(tr("State"), channels), 0, 1);
    auto *storageHeader = sectionTitle(tr("Buffer storage used"), channels);
    storageHeader->setToolTip(
        tr("Disk space the channel's buffer takes now, against what it takes when full."));
    m_rows->addWidget(storageHeader, 0, 2);
    m_rows->addWidget(sectionTitle(tr("Input now"), channels), 0, 3);
    m_rows->setColumnStretch(2, 1);
    m_noChannels = new QLabel(tr("No channels yet. Add one on the Channels page."), channels);
    m_noChannels->setObjectName(QStringLiteral("noChannels"));
    layout->addWidget(channels);

    auto *chartBox = new QGroupBox(tr("Input bitrate, last %n minute(s)", nullptr,
                                       int(DashboardController::kHistoryMs / 60000)),
        content);
    auto *chartLayout = new QVBoxLayout(chartBox);
    m_chart = new BitrateChart(m_controller, chartBox);
    chartLayout->addWidget(m_chart);
    layout->addWidget(chartBox, 1);
}

void DashboardPage::rebuildRows()
{
    for (const Row &row : std::as_const(m_rowWidgets)) {
        delete row.name;
        delete row.state;
        delete row.storage;
        delete row.bitrate;
    }
    m_rowWidgets.clear();
    m_rows->removeWidget(m_noChannels);
    auto *box = m_rows->parentWidget();
    const QList<qint64> ids = m_controller->channelIds();
    m_noChannels->setVisible(ids.isEmpty());
    if (ids.isEmpty())
        m_rows->addWidget(m_noChannels, 1, 0, 1, 4);
    int line = 1;
    for (qint64 id : ids) {
        Row row;
        row.name = new QLabel(box);
        row.state = new QLabel(box);
        row.state->setAlignment(Qt::AlignCenter);
        row.storage = new QProgressBar(box);
        row.storage->setObjectName(QStringLiteral("storage_%1").arg(id));
        row.storage->setRange(0, kBarSteps);
        row.storage->setMinimumWidth(220);
        row.bitrate = new QLabel(box);
        row.bitrate->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.bitrate->setMinimumWidth(90);
        m_rows->addWidget(row.name, line, 0);
        m_rows->addWidget(row.state, line, 1);
        m_rows->addWidget(row.storage, line, 2);
        m_rows->addWidget(row.bitrate, line, 3);
        m_rowWidgets.insert(id, row);
        updateRow(id);
        ++line;
    }
    m_chart->rebuildSeries();
}

void DashboardPage::updateRow(qint64 channelId)
{
    const auto it = m_rowWidgets.constFind(channelId);
    const ChannelLoad *load = m_controller->channel(channelId);
    if (it == m_rowWidgets.cend() || !load)
        return;
    it->name->setText(load->config.name);
    const StateLook look = stateLook(load->status.state);
    it->state->setText(look.text);
    it->state->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; "
                                            "border-radius: 4px; padding: 2px 8px; }")
                                 .arg(look.color));
    it->state->setToolTip(load->status.message);
    it->bitrate->setText(load->status.state == ChannelState::Live
            ? formatBitrate(load->status.inputBitrate)
            : QStringLiteral("—"));
    updateStorage(*it, *load);
}

void DashboardPage::updateStorage(const Row &row, const ChannelLoad &load)
{
    QProgressBar *bar = row.storage;
    const qint64 budget = load.budgetBytes();
    const qint64 used = load.status.bufferBytes;
    if (budget <= 0) {
        bar->setValue(0);
        bar->setFormat(
            tr("%1 used; the budget is known once the channel is live").arg(formatBytes(used)));
    } else {
        const double share = double(used) / double(budget);
        bar->setValue(int(qBound(0.0, share, 1.0) * kBarSteps));
        // Below 10 % a decimal shows that the buffer is filling at all.
        const double percent = share * 100;
        bar->setFormat(tr("%1 of %2 (%3 %)")
                           .arg(formatBytes(used), formatBytes(budget),
                               QLocale().toString(percent, 'f', percent < 10 ? 1 : 0)));
    }
    QString how;
    if (budget > 0)
        how = tr("Budget = buffer length (%1) × average input bitrate over the last %2 "
                 "(%3) = about %4. The buffer fills up to it, then the oldest segments are "
                 "removed.")
                  .arg(formatDuration(load.config.bufferMs),
                      formatDuration(DashboardController::kHistoryMs),
                      formatBitrate(load.averageBitrate()), formatBytes(budget));
    else
        how = tr("Budget = buffer length (%1) × input bitrate; the bitrate is measured "
                 "while the channel is live.")
                  .arg(formatDuration(load.config.bufferMs));
    bar->setToolTip(tr("Segments on disk: %1.").arg(formatBytes(used)) + QLatin1Char('\n') + how);
}

void DashboardPage::updateMachine()
{
    const qint64 free = m_controller->diskFreeBytes();
    const qint64 total = m_controller->diskTotalBytes();
    if (free < 0 || total <= 0) {
        m_diskBar->setValue(0);
        m_disk->setText(m_controller->dataDir().isEmpty() ? tr("Waiting for the engine to start…")
                                                          : tr("Measuring…"));
    } else {
        m_diskBar->setValue(int(double(total - free) / double(total) * kBarSteps));
        m_disk->setText(tr("%1 free of %2").arg(formatBytes(free), formatBytes(total)));
    }
    m_disk->setToolTip(m_controller->dataDir());

    const double oneCore = m_controller->cpuOneCorePercent();
    const int cores = m_controller->coreCount();
    if (oneCore < 0) {
        m_cpuBar->setValue(0);
        m_cpu->setText(tr("Measuring…"));
    } else {
        const double ofMachine = oneCore / cores;
        m_cpuBar->setValue(int(qBound(0.0, ofMachine / 100.0, 1.0) * kBarSteps));
        m_cpu->setText(tr("%1 % of the machine's %n core(s)", nullptr, cores)
                           .arg(QLocale().toString(ofMachine, 'f', 1)));
        m_cpu->setToolTip(tr("PanelX used %1 % of one core over the last few seconds (all its "
                             "threads, user and system time).")
                              .arg(QLocale().toString(oneCore, 'f', 1)));
    }
}

void DashboardPage::updateViewerUrl()
{
    const QString url = m_controller->playlistUrl();
    m_url->setText(url);
    m_qr->setText(url);
    m_copy->setEnabled(!url.isEmpty());
    if (url.isEmpty())
        m_urlNote->setText(tr("The address appears when the viewer server has started."));
    else if (!m_controller->playlistReachableFromLan())
        m_urlNote->setText(tr("Only this computer can open this address. To let other devices "
                              "watch, choose “Devices on the local network” in Settings."));
    else
        m_urlNote->clear();
    m_urlNote->setVisible(!m_urlNote->text().isEmpty());
}

void DashboardPage::showEvent(QShowEvent *event)
{
    m_controller->setDiskRefreshEnabled(true);
    QWidget::showEvent(event);
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    m_controller->setDiskRefreshEnabled(false);
    QWidget::hideEvent(event);
}

} // namespace panelx
