#include "ChannelDialog.h"

#include "ChannelValidator.h"
#include "PageLayout.h"
#include "SourceTestPanel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace panelx {

namespace {
constexpr double kMsPerHour = 3600.0 * 1000.0;
constexpr int kSourceUrlChars = 64;

} // namespace

ChannelDialog::ChannelDialog(
    const ChannelConfig &channel, const QList<ChannelConfig> &existing, QWidget *parent)
    : QDialog(parent), m_original(channel), m_existing(existing), m_name(new QLineEdit),
      m_sourceUrl(new QLineEdit), m_segmentSeconds(new QSpinBox), m_bufferHours(new QDoubleSpinBox),
      m_enabled(new QCheckBox(tr("Start the channel now and whenever PanelX starts"))),
      m_sourceTest(new SourceTestPanel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(isNewChannel() ? tr("Add channel") : tr("Edit channel “%1”").arg(channel.name));

    m_name->setObjectName(QStringLiteral("name"));
    m_name->setText(channel.name);
    m_name->setPlaceholderText(tr("e.g. News HD"));
    m_sourceUrl->setObjectName(QStringLiteral("sourceUrl"));
    // Room for a usual source URL. The layout's size constraint replaces a minimum set on the
    // dialog itself (520 px was never in effect), so the field carries it.
    m_sourceUrl->setMinimumWidth(m_sourceUrl->fontMetrics().averageCharWidth() * kSourceUrlChars);
    m_sourceUrl->setText(channel.sourceUrl);
    m_sourceUrl->setPlaceholderText(tr("udp://@239.0.0.1:1234, rtsp://…, http://…/index.m3u8"));
    m_sourceUrl->setToolTip(tr("Any source FFmpeg can open: udp, rtp, rtsp, rtmp, srt, http(s) "
                               "and HLS, a file path, or demo: for a test pattern."));
    m_segmentSeconds->setObjectName(QStringLiteral("segmentDuration"));
    m_segmentSeconds->setRange(kMinSegmentDurationMs / 1000, kMaxSegmentDurationMs / 1000);
    m_segmentSeconds->setSuffix(tr(" s"));
    m_segmentSeconds->setValue(channel.segmentDurationMs / 1000);
    m_segmentSeconds->setToolTip(tr("Shorter segments start faster on viewers' devices; longer "
                                    "ones are kinder to weak networks."));
    m_bufferHours->setObjectName(QStringLiteral("buffer"));
    m_bufferHours->setRange(0, kMaxBufferMs / kMsPerHour);
    m_bufferHours->setDecimals(1);
    m_bufferHours->setSingleStep(0.5);
    m_bufferHours->setSuffix(tr(" h"));
    m_bufferHours->setValue(channel.bufferMs / kMsPerHour);
    m_bufferHours->setToolTip(tr("How far back viewers can rewind (timeshift and catch-up). "
                                 "The buffer takes disk space in the data folder."));
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_enabled->setChecked(channel.enabled);
    m_sourceTest->setUrl(channel.sourceUrl);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(isNewChannel() ? tr("Add channel") : tr("Save"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), withMessage(m_name, addErrorLabel(channelfield::name)));
    form->addRow(
        tr("&Source URL:"), withMessage(m_sourceUrl, addErrorLabel(channelfield::sourceUrl)));
    form->addRow(QString(), m_sourceTest);
    form->addRow(tr("Se&gment duration:"),
        withMessage(m_segmentSeconds, addErrorLabel(channelfield::segmentDurationMs)));
    form->addRow(tr("Timeshift &buffer:"),
        withMessage(m_bufferHours, addErrorLabel(channelfield::bufferMs)));
    form->addRow(QString(), m_enabled);
    auto *layout = new QVBoxLayout(this);
    // Messages appear and vanish under the fields: the dialog grows to show them whole.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChannelDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ChannelDialog::reject);
    connect(m_sourceUrl, &QLineEdit::textChanged, m_sourceTest, &SourceTestPanel::setUrl);
    connect(m_sourceTest, &SourceTestPanel::resultShown, this, &ChannelDialog::growToFit);
    const auto revalidate = [this] {
        if (m_triedToAccept)
            showValidation();
    };
    connect(m_name, &QLineEdit::textChanged, this, revalidate);
    connect(m_sourceUrl, &QLineEdit::textChanged, this, revalidate);
    connect(m_segmentSeconds, &QSpinBox::valueChanged, this, revalidate);
    connect(m_bufferHours, &QDoubleSpinBox::valueChanged, this, revalidate);
}

QLabel *ChannelDialog::addErrorLabel(const QString &field)
{
    auto *label = new QLabel;
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    m_errors.insert(field, label);
    return label;
}

ChannelConfig ChannelDialog::channel() const
{
    ChannelConfig result = m_original;
    result.name = m_name->text().trimmed();
    result.sourceUrl = m_sourceUrl->text().trimmed();
    result.segmentDurationMs = m_segmentSeconds->value() * 1000;
    result.bufferMs = std::llround(m_bufferHours->value() * kMsPerHour);
    result.enabled = m_enabled->isChecked();
    return result;
}

bool ChannelDialog::showValidation()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    const QList<FieldError> errors = ChannelValidator::validate(channel(), m_existing);
    for (const FieldError &error : errors) {
        if (QLabel *label = m_errors.value(error.field)) {
            label->setText(error.message);
            label->show();
        }
    }
    adjustSize();
    return errors.isEmpty();
}

void ChannelDialog::growToFit()
{
    // The layout's minimum size ignores height-for-width, so a long wrapped result would be cut
    // after a line or two: ask for the height at this width instead. The label's new text
    // reaches this layout only through posted events, so drop the cached heights first.
    m_sourceTest->updateGeometry();
    layout()->activate();
    const int neededHeight = layout()->totalHeightForWidth(width());
    if (neededHeight > height())
        resize(width(), neededHeight);
}

void ChannelDialog::accept()
{
    m_triedToAccept = true;
    if (!showValidation()) {
        // Put the cursor where the first problem is.
        for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_sourceUrl)})
            if (m_errors.value(field->objectName())->isVisibleTo(this)) {
                field->setFocus();
                break;
            }
        return;
    }
    m_sourceTest->cancelTest();
    QDialog::accept();
}

void ChannelDialog::reject()
{
    m_sourceTest->cancelTest();
    QDialog::reject();
}

} // namespace panelx
