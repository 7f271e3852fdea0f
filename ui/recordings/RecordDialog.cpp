#include "RecordDialog.h"

#include "PageLayout.h"
#include "dvr/DvrPolicy.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace panelx {

namespace {
constexpr int kDefaultPastMinutes = 20;
constexpr int kTitleChars = 40;

} // namespace

RecordDialog::RecordDialog(
    Mode mode, const QList<ChannelConfig> &channels, qint64 preferredChannelId, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_channel(new QComboBox), m_minutes(new QSpinBox),
      m_title(new QLineEdit), m_channelError(makeErrorLabel(QStringLiteral("channelError"))),
      m_minutesError(makeErrorLabel(QStringLiteral("minutesError"))),
      m_formError(makeErrorLabel(QStringLiteral("formError"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("recordDialog"));
    const bool past = mode == Mode::Past;
    setWindowTitle(past ? tr("Record the last minutes") : tr("Record now"));

    m_channel->setObjectName(QStringLiteral("recordChannel"));
    for (const ChannelConfig &channel : channels)
        m_channel->addItem(channel.name, channel.id);
    if (const int preferred = m_channel->findData(preferredChannelId); preferred >= 0)
        m_channel->setCurrentIndex(preferred);
    m_minutes->setObjectName(QStringLiteral("recordMinutes"));
    // One past each limit, so a number outside them is shown as a mistake with its rule
    // rather than silently corrected.
    m_minutes->setRange(kMinRecordingMinutes - 1, kMaxRecordingMinutes + 1);
    m_minutes->setValue(past ? kDefaultPastMinutes : kDefaultRecordingMinutes);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setToolTip(tr("From %1 to %2 minutes (12 hours).")
                              .arg(kMinRecordingMinutes)
                              .arg(kMaxRecordingMinutes));
    m_title->setObjectName(QStringLiteral("recordTitle"));
    m_title->setMinimumWidth(m_title->fontMetrics().averageCharWidth() * kTitleChars);
    m_title->setPlaceholderText(tr("Optional: the channel's name and the start time"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Channel:"), withMessage(m_channel, m_channelError));
    form->addRow(past ? tr("&Last:") : tr("&Duration:"), withMessage(m_minutes, m_minutesError));
    form->addRow(tr("&Title:"), m_title);
    auto *hint = new QLabel(past ? tr("Keeps what the channel's buffer already holds, from that "
                                      "many minutes ago until now.")
                                 : tr("Starts at once; you can stop or extend it on the "
                                      "Recordings page."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    // Messages appear and vanish under the fields: the dialog grows to show them whole.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_formError);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    connect(m_minutes, &QSpinBox::valueChanged, this, &RecordDialog::showValidation);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &RecordDialog::showValidation);
    showValidation();
}

QLabel *RecordDialog::makeErrorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

RecordingRequest RecordDialog::request(qint64 nowUtcMs) const
{
    RecordingRequest request;
    request.channelId = m_channel->currentData().toLongLong();
    request.title = m_title->text().trimmed();
    request.minutes = m_minutes->value();
    if (m_mode == Mode::Past)
        request.startUtcMs = nowUtcMs - qint64(request.minutes) * 60'000;
    return request;
}

bool RecordDialog::showValidation()
{
    const QString minutesProblem = DvrPolicy::checkMinutes(m_minutes->value());
    m_minutesError->setText(minutesProblem);
    m_minutesError->setVisible(!minutesProblem.isEmpty());
    const bool noChannel = m_channel->currentIndex() < 0;
    m_channelError->setText(
        noChannel ? tr("Add a channel on the Channels page first.") : QString());
    m_channelError->setVisible(noChannel);
    m_formError->hide();
    const bool ok = minutesProblem.isEmpty() && !noChannel;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && !m_waiting);
    adjustSize();
    return ok;
}

void RecordDialog::accept()
{
    if (m_waiting || !showValidation())
        return;
    setBusy(true);
    emit submitted(request(QDateTime::currentMSecsSinceEpoch()));
}

void RecordDialog::showOutcome(const RecordingChange &change)
{
    setBusy(false);
    if (change.ok()) {
        QDialog::accept();
        return;
    }
    QLabel *label = m_formError;
    if (change.field == QLatin1String("minutes") || change.field == QLatin1String("start"))
        label = m_minutesError;
    else if (change.field == QLatin1String("channel"))
        label = m_channelError;
    label->setText(change.error);
    label->show();
    adjustSize();
}

void RecordDialog::setBusy(bool busy)
{
    m_waiting = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_channel->setEnabled(!busy);
    m_minutes->setEnabled(!busy);
    m_title->setEnabled(!busy);
}

} // namespace panelx
