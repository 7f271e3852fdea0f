#include "LadderDialog.h"

#include "ChannelValidator.h"
#include "PageLayout.h"
#include "transcode/Ladder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace panelx {

namespace {
QLabel *makeMessage(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}
} // namespace

LadderDialog::LadderDialog(const ChannelConfig &channel, QWidget *parent)
    : QDialog(parent), m_channel(channel), m_enabled(new QCheckBox(this)),
      m_preset(new QComboBox(this)),
      m_rungsMessage(makeMessage(this, QStringLiteral("rungsMessage"))),
      m_presetMessage(makeMessage(this, QStringLiteral("presetMessage"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ladderDialog"));
    setWindowTitle(tr("Quality ladder of “%1”").arg(channel.name));
    setWindowModality(Qt::WindowModal);

    auto *intro = new QLabel(tr("With the ladder on, PanelX decodes the source once and encodes "
                                "every rung with H.264 and AAC, so phones on weak Wi-Fi and "
                                "browsers that cannot play the source get a stream they hold. "
                                "Rungs taller than the source are skipped; each rung costs CPU."),
        this);
    intro->setWordWrap(true);

    m_enabled->setObjectName(QStringLiteral("ladderEnabled"));
    m_enabled->setText(tr("Encode a quality ladder"));
    m_enabled->setChecked(channel.abr.enabled);

    auto *rungRow = new QWidget(this);
    auto *rungLayout = new QHBoxLayout(rungRow);
    rungLayout->setContentsMargins(0, 0, 0, 0);
    const QStringList chosen = ladder::normalisedRungs(channel.abr.rungs);
    for (const RungSpec &spec : ladder::catalogue()) {
        auto *box = new QCheckBox(
            tr("%1 (%2 kbit/s)").arg(spec.name).arg(spec.videoBitrate / 1000), rungRow);
        box->setObjectName(QStringLiteral("rung_") + spec.name);
        box->setProperty("rendition", spec.name);
        box->setChecked(chosen.contains(spec.name));
        rungLayout->addWidget(box);
        m_rungs.append(box);
        connect(box, &QCheckBox::toggled, this, &LadderDialog::validate);
    }
    rungLayout->addStretch(1);

    m_preset->setObjectName(QStringLiteral("ladderPreset"));
    m_preset->addItems(ladder::presets());
    // A preset stored that is not (or no longer) one of libx264's stays shown, with its message.
    if (m_preset->findText(channel.abr.preset) < 0)
        m_preset->addItem(channel.abr.preset);
    m_preset->setCurrentText(channel.abr.preset);
    m_preset->setToolTip(tr("Faster presets use less CPU for a little less picture quality at "
                            "the same bitrate."));

    auto *form = new QFormLayout;
    form->addRow(m_enabled);
    form->addRow(tr("Rungs:"), withMessage(rungRow, m_rungsMessage));
    form->addRow(tr("Encoder preset:"), withMessage(m_preset, m_presetMessage));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_enabled, &QCheckBox::toggled, this, &LadderDialog::validate);
    connect(m_preset, &QComboBox::currentTextChanged, this, &LadderDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QCheckBox *LadderDialog::rungBox(const QString &rendition) const
{
    for (QCheckBox *box : m_rungs)
        if (box->property("rendition").toString() == rendition)
            return box;
    return nullptr;
}

ChannelConfig LadderDialog::channel() const
{
    ChannelConfig result = m_channel;
    result.abr.enabled = m_enabled->isChecked();
    result.abr.rungs.clear();
    for (const QCheckBox *box : m_rungs)
        if (box->isChecked())
            result.abr.rungs.append(box->property("rendition").toString());
    result.abr.preset = m_preset->currentText();
    return result;
}

void LadderDialog::validate()
{
    const QList<FieldError> problems = ladder::validate(channel().abr);
    const auto show = [&problems](QLabel *label, const QString &field) {
        QStringList messages;
        for (const FieldError &problem : problems)
            if (problem.field == field)
                messages.append(problem.message);
        label->setText(messages.join(QLatin1Char('\n')));
        label->setVisible(!messages.isEmpty());
    };
    show(m_rungsMessage, channelfield::abrRungs);
    show(m_presetMessage, channelfield::abrPreset);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace panelx
