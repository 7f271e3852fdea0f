// The Settings page: data folder, viewer port and reach, defaults for new channels, the DVR's
// quota and clean-up, what schedules may run at once, language, remote administration and the admin
// token. Problems are shown in words next to their field; changes that wait for a restart say so in
// a banner at the top.
#pragma once

#include "Settings.h"

#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace panelx {

class EngineClient;
class SettingsController;

class SettingsPage : public QWidget {
    Q_OBJECT
public:
    // `running`: the values this run of PanelX started with (engine options and language).
    explicit SettingsPage(const Settings &running, QWidget *parent = nullptr);
    // With what this run uses (Settings::running() and its command-line overrides).
    explicit SettingsPage(QWidget *parent = nullptr);
    // The same, with the admin token from the running engine, and remote administration and
    // the DVR settings applied there as soon as they are saved.
    explicit SettingsPage(EngineClient *client, QWidget *parent = nullptr);

    SettingsController *controller() const { return m_controller; }

signals:
    // The saved values changed (e.g. the add-channel dialog takes the new defaults).
    void settingsSaved(const panelx::Settings &settings);

private:
    void buildUi();
    void showSettings(const Settings &settings);
    Settings readForm() const;
    void onStateChanged();
    void browseDataDir();
    QLabel *makeErrorLabel(const QString &objectName);
    QLabel *makeHintLabel(const QString &text);
    QFormLayout *makeForm(QWidget *box);
    QWidget *fieldColumn(QObject *field, QLabel *error, const QString &hint = {});

    SettingsController *m_controller = nullptr;
    bool m_updatingForm = false;
    QString m_saveMessage; // the last save's outcome, until the form changes

    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_dataDirError = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_connectionsPerAddress = nullptr;
    QLabel *m_portError = nullptr;
    QRadioButton *m_listenLan = nullptr;
    QRadioButton *m_listenLanIpv6 = nullptr;
    QRadioButton *m_listenLocal = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QLabel *m_publicUrlError = nullptr;
    QSpinBox *m_segmentDuration = nullptr;
    QLabel *m_segmentError = nullptr;
    QDoubleSpinBox *m_bufferHours = nullptr;
    QLabel *m_bufferError = nullptr;
    QDoubleSpinBox *m_dvrQuotaGb = nullptr;
    QLabel *m_dvrQuotaError = nullptr;
    QSpinBox *m_dvrKeepDays = nullptr;
    QLabel *m_dvrKeepDaysError = nullptr;
    QCheckBox *m_dvrAutoCleanup = nullptr;
    QSpinBox *m_scheduleMaxRecordings = nullptr;
    QLabel *m_scheduleMaxRecordingsError = nullptr;
    QSpinBox *m_scheduleMaxTranscodes = nullptr;
    QLabel *m_scheduleMaxTranscodesError = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_remoteAdmin = nullptr;
    QFormLayout *m_adminForm = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace panelx
