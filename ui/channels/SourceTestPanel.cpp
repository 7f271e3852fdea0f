#include "SourceTestPanel.h"

#include "ChannelValidator.h"
#include "ingest/SourceControl.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace panelx {

SourceTestPanel::SourceTestPanel(QWidget *parent)
    : QWidget(parent), m_test(new QPushButton(tr("&Test source"), this)),
      m_cancel(new QPushButton(tr("Cancel test"), this)), m_busy(new QProgressBar(this)),
      m_result(new QLabel(this))
{
    m_test->setObjectName(QStringLiteral("testSource"));
    m_test->setToolTip(tr("Open the source once and show what it sends, without adding it"));
    m_cancel->setObjectName(QStringLiteral("cancelTest"));
    m_busy->setRange(0, 0); // an indeterminate "working" bar
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_test->sizeHint().height() / 2);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_test);
    row->addWidget(m_busy, 1);
    row->addWidget(m_cancel);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);

    connect(m_test, &QPushButton::clicked, this, &SourceTestPanel::startTest);
    connect(m_cancel, &QPushButton::clicked, this, &SourceTestPanel::cancelTest);
    connect(&m_watcher, &QFutureWatcher<SourceProbeResult>::finished, this,
        &SourceTestPanel::onProbeFinished);
    setBusy(false);
    m_result->hide();
}

SourceTestPanel::~SourceTestPanel()
{
    if (m_control)
        m_control->requestStop();
}

void SourceTestPanel::setUrl(const QString &url)
{
    if (url == m_url)
        return;
    m_url = url;
    m_test->setEnabled(!m_url.trimmed().isEmpty());
    if (!isBusy())
        m_result->hide(); // a result about another URL would mislead
}

bool SourceTestPanel::isBusy() const
{
    return m_control != nullptr;
}

QString SourceTestPanel::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

void SourceTestPanel::startTest()
{
    if (isBusy())
        return;
    const QString url = m_url.trimmed();
    if (const QString problem = ChannelValidator::checkSourceUrl(url); !problem.isEmpty()) {
        showResult(problem, false);
        emit finished(false);
        return;
    }
    // The task holds only values and a share of its stop flag, so it may outlive this widget.
    m_control = std::make_shared<SourceControl>();
    m_watcher.setFuture(QtConcurrent::run(
        [control = m_control, url] { return probeSource(url, kProbeTimeoutMs, *control); }));
    setBusy(true);
    showResult(tr("Opening the source…"), true);
}

void SourceTestPanel::cancelTest()
{
    if (!isBusy())
        return;
    m_control->requestStop();
    m_control.reset();
    // Forget the running task (it ends on its own within moments); the user need not wait.
    m_watcher.setFuture(QFuture<SourceProbeResult>());
    setBusy(false);
    showResult(tr("Test cancelled."), true);
}

void SourceTestPanel::onProbeFinished()
{
    const QFuture<SourceProbeResult> future = m_watcher.future();
    if (!m_control || future.isCanceled() || future.resultCount() == 0)
        return; // a probe the user cancelled
    m_control.reset();
    setBusy(false);
    const SourceProbeResult result = future.result();
    if (result.cancelled)
        return;
    if (result.ok)
        showResult(describe(result), true);
    else
        showResult(tr("The source could not be opened: %1").arg(result.error), false);
    emit finished(result.ok);
}

void SourceTestPanel::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_test->setEnabled(!busy && !m_url.trimmed().isEmpty());
}

void SourceTestPanel::showResult(const QString &text, bool ok)
{
    m_result->setText(text);
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_result->show();
    emit resultShown();
}

QString SourceTestPanel::describe(const SourceProbeResult &result)
{
    QStringList parts;
    if (!result.videoCodec.isEmpty()) {
        QString video = tr("video %1").arg(result.videoCodec);
        if (result.width > 0 && result.height > 0)
            video += tr(" %1×%2").arg(result.width).arg(result.height);
        if (result.frameRate > 0)
            video += tr(", %1 fps").arg(result.frameRate, 0, 'g', 4);
        parts << video;
    }
    if (!result.audioCodec.isEmpty()) {
        QString audio = tr("audio %1").arg(result.audioCodec);
        if (result.audioChannels > 0)
            audio += tr(", %n channel(s)", nullptr, result.audioChannels);
        if (result.sampleRate > 0)
            audio += tr(", %1 kHz").arg(result.sampleRate / 1000.0, 0, 'g', 3);
        parts << audio;
    }
    return tr("Works: %1").arg(parts.join(QStringLiteral("; ")));
}

} // namespace panelx
