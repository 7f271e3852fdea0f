#include "DvrUsageBar.h"

#include "EngineClient.h"
#include "dvr/DvrPolicy.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace panelx {

namespace {
constexpr int kBarSteps = 1000;
// Above this share of the quota the bar turns amber: new recordings may soon be refused.
constexpr double kNearlyFull = 0.9;
constexpr int kBarWidthChars = 40;
} // namespace

DvrUsageBar::DvrUsageBar(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_bar(new QProgressBar(this)), m_buffer(new QLabel(this)),
      m_cleanup(new QLabel(this))
{
    m_bar->setObjectName(QStringLiteral("dvrQuotaBar"));
    m_bar->setRange(0, kBarSteps);
    m_bar->setTextVisible(true);
    m_bar->setMinimumWidth(fontMetrics().averageCharWidth() * kBarWidthChars);
    m_buffer->setObjectName(QStringLiteral("dvrBufferUse"));
    m_buffer->setForegroundRole(QPalette::PlaceholderText);
    m_cleanup->setObjectName(QStringLiteral("dvrNextCleanup"));
    m_cleanup->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Recordings use:"), this));
    row->addWidget(m_bar);
    row->addWidget(m_buffer, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_cleanup);

    connect(client, &EngineClient::dvrUsageChanged, this, &DvrUsageBar::refresh);
    connect(client, &EngineClient::dvrSettingsChanged, this, &DvrUsageBar::refresh);
    connect(client, &EngineClient::recordingUpdated, this, &DvrUsageBar::refresh);
    refresh();
}

QString DvrUsageBar::quotaText(qint64 usedBytes, qint64 quotaBytes)
{
    return tr("%1 of %2")
        .arg(DvrPolicy::formatBytes(usedBytes), DvrPolicy::formatBytes(quotaBytes));
}

QString DvrUsageBar::usageText() const
{
    return m_bar->text();
}

QString DvrUsageBar::cleanupText() const
{
    return m_cleanup->isVisibleTo(this) ? m_cleanup->text() : QString();
}

void DvrUsageBar::refresh()
{
    const DvrUsage usage = m_client->dvrUsage();
    const qint64 quota
        = usage.quotaBytes > 0 ? usage.quotaBytes : m_client->dvrSettings().quotaBytes;
    const double share = quota > 0 ? double(usage.pinnedBytes) / double(quota) : 0.0;
    m_bar->setValue(qRound(std::clamp(share, 0.0, 1.0) * kBarSteps));
    m_bar->setFormat(quotaText(usage.pinnedBytes, quota));
    m_bar->setToolTip(tr("Space the recordings take, against the DVR quota set in Settings. "
                         "%1 free on the disk.")
                          .arg(DvrPolicy::formatBytes(usage.diskFreeBytes)));
    m_bar->setStyleSheet(share >= kNearlyFull
            ? QStringLiteral("QProgressBar::chunk { background: #ef8f00; }")
            : QString());
    m_buffer->setText(
        tr("Live buffers: %1 (outside the quota)").arg(DvrPolicy::formatBytes(usage.bufferBytes)));

    QString next;
    if (m_client->dvrSettings().autoCleanup && !usage.nextCleanup.isEmpty()) {
        if (const auto recording = m_client->recording(usage.nextCleanup.first()))
            next = tr("When room is needed, clean-up removes next: “%1”.").arg(recording->title);
    }
    m_cleanup->setText(next);
    m_cleanup->setVisible(!next.isEmpty());
}

} // namespace panelx
