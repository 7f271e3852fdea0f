#include "SettingsPage.h"

#include "AdminTokenPanel.h"
#include "EngineClient.h"
#include "PageLayout.h"
#include "SettingsController.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>

namespace panelx {

namespace {
constexpr double kMsPerHour = 3600.0 * 1000.0;
constexpr double kBytesPerGb = 1e9; // decimal, as disks are sold and DvrPolicy counts
constexpr double kMaxDvrQuotaGb = 1e6;
} // namespace

SettingsPage::SettingsPage(const Settings &running, QWidget *parent)
    : QWidget(parent), m_controller(new SettingsController(running, this))
{
    setObjectName(QStringLiteral("settingsPage"));
    buildUi();
    showSettings(m_controller->draft());
    connect(m_controller, &SettingsController::stateChanged, this, &SettingsPage::onStateChanged);
    connect(m_controller, &SettingsController::savedChanged, this, [this](const Settings &saved) {
        m_saveMessage = tr("Saved.");
        onStateChanged();
        emit settingsSaved(saved);
    });
    connect(m_controller, &SettingsController::saveFailed, this,
        [this](const QString &reason) { m_saveMessage = reason; });
    onStateChanged();
}

SettingsPage::SettingsPage(QWidget *parent) : SettingsPage(Settings::running(), parent)
{
    m_controller->setCommandLineOverrides(Settings::fromCommandLine());
}

SettingsPage::SettingsPage(EngineClient *client, QWidget *parent) : SettingsPage(parent)
{
    m_adminForm->insertRow(0, tr("Admin token:"),
        fieldColumn(new AdminTokenPanel(client, this), nullptr,
            tr("Programs such as panelx ctl manage PanelX over the admin API with this token. "
               "It is also in the file admin-token in the data folder.")));
    connect(this, &SettingsPage::settingsSaved, client, [client](const Settings &saved) {
        client->setRemoteAdmin(saved.remoteAdmin);
        client->setDvrSettings(saved.dvr);
        client->setScheduleSettings(saved.schedules);
    });
}

QLabel *SettingsPage::makeErrorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    label->setVisible(false);
    return label;
}

QLabel *SettingsPage::makeHintLabel(const QString &text)
{
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QFormLayout *SettingsPage::makeForm(QWidget *box)
{
    auto *form = new QFormLayout(box);
    // Columns take the width (hints wrap in it); the fields in them keep their natural width.
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return form;
}

// A field with its error (hidden while fine) and hint stacked under it, so a hidden error
// takes no room.
QWidget *SettingsPage::fieldColumn(QObject *field, QLabel *error, const QString &hint)
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    if (auto *widget = qobject_cast<QWidget *>(field))
        layout->addWidget(widget, 0, Qt::AlignLeft);
    else if (auto *inner = qobject_cast<QLayout *>(field))
        layout->addLayout(inner);
    if (error)
        layout->addWidget(error);
    if (!hint.isEmpty())
        layout->addWidget(makeHintLabel(hint));
    return column;
}

void SettingsPage::buildUi()
{
    QVBoxLayout *layout = makeTitledScrollingPage(this, tr("Settings"));
    QWidget *content = layout->parentWidget();

    // Restart banner: visible only while saved values wait for a restart.
    m_banner = new QFrame(content);
    m_banner->setObjectName(QStringLiteral("restartBanner"));
    m_banner->setStyleSheet(QStringLiteral(
        "#restartBanner { background: #fef3c7; border: 1px solid #f59e0b; border-radius: 4px; }"
        "#restartBanner QLabel { color: #78350f; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24, 24));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("restartBannerText"));
    m_bannerText->setWordWrap(true);
    bannerLayout->addWidget(bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);
    layout->addWidget(m_banner);

    // Storage
    auto *storage = new QGroupBox(tr("Storage"), content);
    auto *storageForm = makeForm(storage);
    auto *dirRow = new QHBoxLayout;
    m_dataDir = new QLineEdit(storage);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    m_dataDir->setPlaceholderText(Settings::defaultDataDir());
    m_browse = new QPushButton(tr("Browse…"), storage);
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(m_browse);
    m_dataDirError = makeErrorLabel(QStringLiteral("dataDirError"));
    storageForm->addRow(tr("Data folder:"),
        fieldColumn(dirRow, m_dataDirError,
            tr("The database and every channel's buffer are kept here. Needs a restart.")));
    layout->addWidget(storage);

    // Viewers
    auto *viewers = new QGroupBox(tr("Viewers"), content);
    auto *viewersForm = makeForm(viewers);
    m_port = new QSpinBox(viewers);
    m_port->setObjectName(QStringLiteral("httpPort"));
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    m_port->setMinimumWidth(120);
    m_portError = makeErrorLabel(QStringLiteral("httpPortError"));
    viewersForm->addRow(tr("Viewer port:"), fieldColumn(m_port, m_portError));
    m_listenLan = new QRadioButton(
        tr("Devices on the local network (TVs, phones, other computers)"), viewers);
    m_listenLan->setObjectName(QStringLiteral("listenLan"));
    m_listenLanIpv6
        = new QRadioButton(tr("Devices on the local network, over IPv4 and IPv6"), viewers);
    m_listenLanIpv6->setToolTip(tr("Every address of this computer, global IPv6 ones included."));
    m_listenLanIpv6->setObjectName(QStringLiteral("listenLanIpv6"));
    m_listenLocal = new QRadioButton(tr("This computer only (127.0.0.1)"), viewers);
    m_listenLocal->setObjectName(QStringLiteral("listenLocal"));
    auto *listenGroup = new QButtonGroup(this);
    listenGroup->addButton(m_listenLan);
    listenGroup->addButton(m_listenLanIpv6);
    listenGroup->addButton(m_listenLocal);
    auto *listenBox = new QVBoxLayout;
    listenBox->addWidget(m_listenLan);
    listenBox->addWidget(m_listenLanIpv6);
    listenBox->addWidget(m_listenLocal);
    viewersForm->addRow(tr("Who can watch:"),
        fieldColumn(
            listenBox, nullptr, tr("The port and who can watch take effect after a restart.")));
    m_publicUrl = new QLineEdit(viewers);
    m_publicUrl->setObjectName(QStringLiteral("publicUrl"));
    m_publicUrl->setPlaceholderText(tr("Automatic: this computer's network address"));
    m_publicUrl->setClearButtonEnabled(true);
    m_publicUrl->setMinimumWidth(m_publicUrl->fontMetrics().horizontalAdvance(
                                     QStringLiteral("https://panelx.example.com:8080"))
        * 3 / 2);
    m_publicUrlError = makeErrorLabel(QStringLiteral("publicUrlError"));
    viewersForm->addRow(tr("Public URL:"),
        fieldColumn(m_publicUrl, m_publicUrlError,
            tr("The address in the QR code and the channel list, e.g. http://tv.example.com:8080 "
               "when viewers reach PanelX through a name, a port forward or a reverse proxy. "
               "Takes effect after a restart.")));
    m_connectionsPerAddress = new QSpinBox(viewers);
    m_connectionsPerAddress->setObjectName(QStringLiteral("connectionsPerAddress"));
    m_connectionsPerAddress->setRange(1, kMaxConnectionsPerAddress);
    m_connectionsPerAddress->setMinimumWidth(120);
    m_connectionsPerAddress->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_connectionsPerAddress->setToolTip(
        tr("A TV or a phone needs a few. Raise it when viewers come through a reverse proxy, "
           "which carries them all on one address; the limit keeps one device from taking "
           "every connection."));
    viewersForm->addRow(tr("Connections per viewer address:"), m_connectionsPerAddress);
    const QTimeZone zone = QTimeZone::systemTimeZone();
    auto *timeZone
        = new QLabel(QStringLiteral("%1 (%2)").arg(QString::fromUtf8(zone.id()),
                         zone.displayName(QDateTime::currentDateTime(), QTimeZone::OffsetName)),
            viewers);
    timeZone->setObjectName(QStringLiteral("serverTimeZone"));
    timeZone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    viewersForm->addRow(tr("Time zone:"),
        fieldColumn(timeZone, nullptr,
            tr("This computer's zone. IPTV apps that ask for catch-up the Xtream way give the "
               "start as a time in this zone; set the same zone in the app.")));
    layout->addWidget(viewers);

    // Defaults for new channels
    auto *channels = new QGroupBox(tr("New channels"), content);
    auto *channelsForm = makeForm(channels);
    m_segmentDuration = new QSpinBox(channels);
    m_segmentDuration->setObjectName(QStringLiteral("segmentDuration"));
    m_segmentDuration->setRange(kMinSegmentDurationMs / 1000, kMaxSegmentDurationMs / 1000);
    m_segmentDuration->setSuffix(tr(" s"));
    m_segmentDuration->setMinimumWidth(120);
    m_segmentError = makeErrorLabel(QStringLiteral("segmentDurationError"));
    channelsForm->addRow(tr("Segment duration:"),
        fieldColumn(m_segmentDuration, m_segmentError,
            tr("Shorter segments lower the delay before viewers see the picture.")));
    m_bufferHours = new QDoubleSpinBox(channels);
    m_bufferHours->setObjectName(QStringLiteral("bufferHours"));
    m_bufferHours->setRange(0, kMaxBufferMs / kMsPerHour);
    m_bufferHours->setDecimals(1);
    m_bufferHours->setSingleStep(0.5);
    m_bufferHours->setSuffix(tr(" h"));
    m_bufferHours->setMinimumWidth(120);
    m_bufferError = makeErrorLabel(QStringLiteral("bufferError"));
    channelsForm->addRow(tr("Buffer length:"),
        fieldColumn(m_bufferHours, m_bufferError,
            tr("How far back viewers can pause and catch up; a longer buffer takes more "
               "disk.")));
    channelsForm->addRow(QString(),
        makeHintLabel(tr("Used for channels you add from now on; each channel can change its "
                         "own in its dialog.")));
    layout->addWidget(channels);

    // Recordings
    auto *dvr = new QGroupBox(tr("Recordings (DVR)"), content);
    auto *dvrForm = makeForm(dvr);
    m_dvrQuotaGb = new QDoubleSpinBox(dvr);
    m_dvrQuotaGb->setObjectName(QStringLiteral("dvrQuota"));
    m_dvrQuotaGb->setRange(Settings::kMinDvrQuotaBytes / kBytesPerGb, kMaxDvrQuotaGb);
    m_dvrQuotaGb->setDecimals(1);
    m_dvrQuotaGb->setSingleStep(1);
    m_dvrQuotaGb->setSuffix(tr(" GB"));
    m_dvrQuotaGb->setMinimumWidth(120);
    m_dvrQuotaError = makeErrorLabel(QStringLiteral("dvrQuotaError"));
    dvrForm->addRow(tr("Storage quota:"),
        fieldColumn(m_dvrQuotaGb, m_dvrQuotaError,
            tr("Recordings may take this much disk together; a new recording that does not fit "
               "is refused. The channels' live buffers do not count.")));
    m_dvrKeepDays = new QSpinBox(dvr);
    m_dvrKeepDays->setObjectName(QStringLiteral("dvrKeepDays"));
    m_dvrKeepDays->setRange(0, Settings::kMaxDvrKeepDays);
    m_dvrKeepDays->setSuffix(tr(" days"));
    m_dvrKeepDays->setSpecialValueText(tr("Forever"));
    m_dvrKeepDays->setMinimumWidth(120);
    m_dvrKeepDaysError = makeErrorLabel(QStringLiteral("dvrKeepDaysError"));
    dvrForm->addRow(tr("Keep recordings:"),
        fieldColumn(m_dvrKeepDays, m_dvrKeepDaysError,
            tr("Finished recordings older than this are deleted, except those marked Keep. "
               "0 keeps them until you delete them.")));
    m_dvrAutoCleanup
        = new QCheckBox(tr("Delete the oldest recordings when the quota is full"), dvr);
    m_dvrAutoCleanup->setObjectName(QStringLiteral("dvrAutoCleanup"));
    dvrForm->addRow(tr("Automatic clean-up:"),
        fieldColumn(m_dvrAutoCleanup, nullptr,
            tr("Off: a recording that does not fit is refused instead. Recordings marked Keep "
               "are never deleted. These settings take effect at once.")));
    layout->addWidget(dvr);

    // Schedules
    auto *schedules = new QGroupBox(tr("Schedules"), content);
    auto *schedulesForm = makeForm(schedules);
    m_scheduleMaxRecordings = new QSpinBox(schedules);
    m_scheduleMaxRecordings->setObjectName(QStringLiteral("scheduleMaxRecordings"));
    // One past each limit, so a number outside them is shown as a mistake with its rule.
    m_scheduleMaxRecordings->setRange(0, ScheduleSettings::kMaxAtOnce + 1);
    m_scheduleMaxRecordings->setMinimumWidth(120);
    m_scheduleMaxRecordingsError = makeErrorLabel(QStringLiteral("scheduleMaxRecordingsError"));
    schedulesForm->addRow(tr("Recordings at once:"),
        fieldColumn(m_scheduleMaxRecordings, m_scheduleMaxRecordingsError,
            tr("Schedules that would record more channels at the same time are marked as "
               "conflicts.")));
    m_scheduleMaxTranscodes = new QSpinBox(schedules);
    m_scheduleMaxTranscodes->setObjectName(QStringLiteral("scheduleMaxTranscodes"));
    m_scheduleMaxTranscodes->setRange(0, ScheduleSettings::kMaxAtOnce + 1);
    m_scheduleMaxTranscodes->setMinimumWidth(120);
    m_scheduleMaxTranscodesError = makeErrorLabel(QStringLiteral("scheduleMaxTranscodesError"));
    schedulesForm->addRow(tr("ABR transcodes at once:"),
        fieldColumn(m_scheduleMaxTranscodes, m_scheduleMaxTranscodesError,
            tr("Each channel with an adaptive-bitrate ladder keeps CPU cores busy while it "
               "runs; schedules that would run more at once are marked as conflicts. These "
               "settings take effect at once.")));
    layout->addWidget(schedules);

    // Language
    auto *languageBox = new QGroupBox(tr("Language"), content);
    auto *languageForm = makeForm(languageBox);
    m_language = new QComboBox(languageBox);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Same as the system"), static_cast<int>(UiLanguage::System));
    // Each language in its own words, so it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), static_cast<int>(UiLanguage::English));
    m_language->addItem(QStringLiteral("Deutsch"), static_cast<int>(UiLanguage::German));
    languageForm->addRow(tr("Window language:"),
        fieldColumn(m_language, nullptr, tr("Takes effect after a restart.")));
    layout->addWidget(languageBox);

    // Administration
    auto *adminBox = new QGroupBox(tr("Administration"), content);
    m_adminForm = makeForm(adminBox);
    m_remoteAdmin = new QCheckBox(tr("Allow administration from other computers"), adminBox);
    m_remoteAdmin->setObjectName(QStringLiteral("remoteAdmin"));
    m_adminForm->addRow(tr("Remote administration:"),
        fieldColumn(m_remoteAdmin, nullptr,
            tr("Off: only programs on this computer may use the admin API. The token travels "
               "unencrypted, so allow other computers only on a network you trust. Takes "
               "effect at once.")));
    layout->addWidget(adminBox);

    auto *buttons = new QHBoxLayout;
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    m_revert = new QPushButton(tr("Discard changes"), content);
    m_revert->setObjectName(QStringLiteral("revertSettings"));
    m_save = new QPushButton(tr("Save"), content);
    m_save->setObjectName(QStringLiteral("saveSettings"));
    m_save->setDefault(true);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    layout->addStretch(1);

    const auto formChanged = [this] {
        if (m_updatingForm)
            return;
        m_saveMessage.clear();
        m_controller->setDraft(readForm());
    };
    connect(m_dataDir, &QLineEdit::textChanged, this, formChanged);
    connect(m_port, &QSpinBox::valueChanged, this, formChanged);
    connect(m_connectionsPerAddress, &QSpinBox::valueChanged, this, formChanged);
    connect(m_listenLan->group(), &QButtonGroup::buttonToggled, this, formChanged);
    connect(m_publicUrl, &QLineEdit::textChanged, this, formChanged);
    connect(m_segmentDuration, &QSpinBox::valueChanged, this, formChanged);
    connect(m_bufferHours, &QDoubleSpinBox::valueChanged, this, formChanged);
    connect(m_dvrQuotaGb, &QDoubleSpinBox::valueChanged, this, formChanged);
    connect(m_dvrKeepDays, &QSpinBox::valueChanged, this, formChanged);
    connect(m_dvrAutoCleanup, &QCheckBox::toggled, this, formChanged);
    connect(m_scheduleMaxRecordings, &QSpinBox::valueChanged, this, formChanged);
    connect(m_scheduleMaxTranscodes, &QSpinBox::valueChanged, this, formChanged);
    connect(m_language, &QComboBox::currentIndexChanged, this, formChanged);
    connect(m_remoteAdmin, &QCheckBox::toggled, this, formChanged);
    connect(m_browse, &QPushButton::clicked, this, &SettingsPage::browseDataDir);
    connect(m_save, &QPushButton::clicked, m_controller, &SettingsController::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        m_controller->revert();
        m_saveMessage.clear();
        showSettings(m_controller->draft());
        onStateChanged();
    });
}

void SettingsPage::showSettings(const Settings &settings)
{
    m_updatingForm = true;
    m_dataDir->setText(settings.dataDir);
    m_port->setValue(settings.httpPort);
    m_listenLan->setChecked(settings.listen == ListenScope::Lan);
    m_listenLanIpv6->setChecked(settings.listen == ListenScope::LanIpv6);
    m_listenLocal->setChecked(settings.listen == ListenScope::Loopback);
    m_publicUrl->setText(settings.publicUrl);
    m_connectionsPerAddress->setValue(settings.connectionsPerAddress);
    m_segmentDuration->setValue(settings.segmentDurationMs / 1000);
    m_bufferHours->setValue(settings.bufferMs / kMsPerHour);
    m_dvrQuotaGb->setValue(settings.dvr.quotaBytes / kBytesPerGb);
    m_dvrKeepDays->setValue(settings.dvr.keepDays);
    m_dvrAutoCleanup->setChecked(settings.dvr.autoCleanup);
    m_scheduleMaxRecordings->setValue(settings.schedules.maxRecordings);
    m_scheduleMaxTranscodes->setValue(settings.schedules.maxTranscodes);
    m_language->setCurrentIndex(m_language->findData(static_cast<int>(settings.language)));
    m_remoteAdmin->setChecked(settings.remoteAdmin);
    m_updatingForm = false;
}

Settings SettingsPage::readForm() const
{
    Settings s = m_controller->draft();
    s.dataDir = m_dataDir->text().trimmed();
    s.httpPort = static_cast<quint16>(m_port->value());
    s.listen = m_listenLocal->isChecked() ? ListenScope::Loopback
        : m_listenLanIpv6->isChecked()    ? ListenScope::LanIpv6
                                          : ListenScope::Lan;
    s.publicUrl = m_publicUrl->text().trimmed();
    s.connectionsPerAddress = m_connectionsPerAddress->value();
    s.segmentDurationMs = m_segmentDuration->value() * 1000;
    s.bufferMs = qRound64(m_bufferHours->value() * kMsPerHour);
    // The spin box shows one decimal: a saved quota it cannot show exactly stays as it was
    // unless the user changes it.
    const qint64 quotaBytes = qRound64(m_dvrQuotaGb->value() * kBytesPerGb);
    if (qAbs(quotaBytes - s.dvr.quotaBytes) >= kBytesPerGb / 20)
        s.dvr.quotaBytes = quotaBytes;
    s.dvr.keepDays = m_dvrKeepDays->value();
    s.dvr.autoCleanup = m_dvrAutoCleanup->isChecked();
    s.schedules.maxRecordings = m_scheduleMaxRecordings->value();
    s.schedules.maxTranscodes = m_scheduleMaxTranscodes->value();
    s.language = static_cast<UiLanguage>(m_language->currentData().toInt());
    s.remoteAdmin = m_remoteAdmin->isChecked();
    return s;
}

void SettingsPage::onStateChanged()
{
    const QList<Settings::Problem> problems = m_controller->problems();
    const auto show = [&problems](QLabel *label, Settings::Field field) {
        QStringList messages;
        for (const auto &p : problems)
            if (p.field == field)
                messages << p.message;
        label->setText(messages.join(QLatin1Char('\n')));
        label->setVisible(!messages.isEmpty());
    };
    show(m_dataDirError, Settings::Field::DataDir);
    show(m_portError, Settings::Field::HttpPort);
    show(m_publicUrlError, Settings::Field::PublicUrl);
    show(m_segmentError, Settings::Field::SegmentDuration);
    show(m_bufferError, Settings::Field::Buffer);
    show(m_dvrQuotaError, Settings::Field::DvrQuota);
    show(m_dvrKeepDaysError, Settings::Field::DvrKeepDays);
    show(m_scheduleMaxRecordingsError, Settings::Field::ScheduleMaxRecordings);
    show(m_scheduleMaxTranscodesError, Settings::Field::ScheduleMaxTranscodes);

    const QString notice = m_controller->restartNotice();
    m_bannerText->setText(notice);
    m_banner->setVisible(!notice.isEmpty());

    m_save->setEnabled(m_controller->canSave());
    m_revert->setEnabled(m_controller->isDirty());
    QString status = m_saveMessage;
    if (m_controller->isChecking())
        status = tr("Checking the data folder…");
    else if (m_controller->isDirty() && !problems.isEmpty())
        status = tr("Fix the fields marked in red to save.");
    else if (m_controller->isDirty())
        status = tr("Not saved yet.");
    m_status->setText(status);
}

void SettingsPage::browseDataDir()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Choose the data folder"), m_dataDir->text().trimmed());
    if (!dir.isEmpty())
        m_dataDir->setText(dir);
}

} // namespace panelx
