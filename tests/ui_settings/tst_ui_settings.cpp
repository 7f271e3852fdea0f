// The Settings value (load, save, validation in words, what needs a restart), the Settings
// page driven with QTest input, and the German catalogue.
#include "DesktopApp.h"
#include "EngineClient.h"
#include "InstanceLock.h"
#include "Settings.h"
#include "TestSupport.h"
#include "Translations.h"
#include "api/AdminToken.h"
#include "dvr/DvrPolicy.h"
#include "settings/SettingsController.h"
#include "settings/SettingsPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTranslator>
#include <unistd.h>

using namespace panelx;

Q_DECLARE_METATYPE(panelx::Settings::Field)
Q_DECLARE_METATYPE(panelx::ListenScope)

class tst_UiSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void saveAndLoadRoundTrip();
    void migratesListenOnLan_data();
    void migratesListenOnLan();
    void loadFallsBackOnBadValues_data();
    void loadFallsBackOnBadValues();
    void validate_data();
    void validate();
    void checkDataDir_data();
    void checkDataDir();
    void restartNeeded_data();
    void restartNeeded();
    void applyToEngineOptions();
    void prepareStartupKeepsCommandLine();
    void pageShowsProblemsInWords();
    void pageSavesAndAsksForRestart();
    void pageRejectsFileAsDataDir();
    void pageShowsCopiesAndRegeneratesTheAdminToken();
    void remoteAdminAppliesWhenSaved();
    void dvrSettingsApplyAtOnceAndAreSaved();
    void desktopRefusesAFolderInUse();
    void germanCatalogue();

private:
    QTemporaryDir m_config;
    QTemporaryDir m_scratch;
};

void tst_UiSettings::initTestCase()
{
    QVERIFY(m_config.isValid() && m_scratch.isValid());
    // The application's QSettings go to a file in the test's own folder.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("PanelXTest"));
    QCoreApplication::setApplicationName(QStringLiteral("PanelXTest"));
}

void tst_UiSettings::init()
{
    QSettings().clear();
}

void tst_UiSettings::saveAndLoadRoundTrip()
{
    Settings s;
    s.dataDir = m_scratch.filePath(QStringLiteral("data"));
    s.httpPort = 9123;
    s.listen = ListenScope::LanIpv6;
    s.publicUrl = QStringLiteral("https://tv.example.com:8443");
    s.segmentDurationMs = 6000;
    s.bufferMs = 30 * 60 * 1000;
    s.language = UiLanguage::German;
    s.remoteAdmin = true;
    s.save();
    const Settings loaded = Settings::load();
    QVERIFY(loaded == s);
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(
        QSettings().value(QStringLiteral("engine/listen")).toString(), QStringLiteral("lan-ipv6"));
}

// Before the listen scope, "local network" was a boolean that listened on IPv6 too; it becomes
// the IPv4 local network (IPv6 is now chosen on its own), and saving drops the old key.
void tst_UiSettings::migratesListenOnLan_data()
{
    QTest::addColumn<bool>("listenOnLan");
    QTest::addColumn<ListenScope>("scope");
    QTest::newRow("local network") << true << ListenScope::Lan;
    QTest::newRow("this computer") << false << ListenScope::Loopback;
}

void tst_UiSettings::migratesListenOnLan()
{
    QFETCH(bool, listenOnLan);
    QFETCH(ListenScope, scope);
    QSettings().setValue(QStringLiteral("engine/listenOnLan"), listenOnLan);
    const Settings loaded = Settings::load();
    QCOMPARE(loaded.listen, scope);
    loaded.save();
    QVERIFY(!QSettings().contains(QStringLiteral("engine/listenOnLan")));
    QCOMPARE(Settings::load().listen, scope);
}

void tst_UiSettings::loadFallsBackOnBadValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("port not a number") << "engine/httpPort" << QVariant("eighty");
    QTest::newRow("privileged port") << "engine/httpPort" << QVariant(80);
    QTest::newRow("port too big") << "engine/httpPort" << QVariant(70000);
    QTest::newRow("relative data folder") << "engine/dataDir" << QVariant("data");
    QTest::newRow("segment too short") << "channels/defaultSegmentDurationMs" << QVariant(10);
    QTest::newRow("segment too long") << "channels/defaultSegmentDurationMs" << QVariant(60000);
    QTest::newRow("negative buffer") << "channels/defaultBufferMs" << QVariant(-5);
    QTest::newRow("buffer over a day") << "channels/defaultBufferMs" << QVariant(kMaxBufferMs + 1);
    QTest::newRow("unknown language") << "ui/language" << QVariant("klingon");
    QTest::newRow("public URL with a path") << "engine/publicUrl" << QVariant("http://tv/live");
    QTest::newRow("public URL not http") << "engine/publicUrl" << QVariant("ftp://tv.example");
    QTest::newRow("unknown listen scope") << "engine/listen" << QVariant("everywhere");
}

void tst_UiSettings::loadFallsBackOnBadValues()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QSettings().setValue(key, value);
    const Settings loaded = Settings::load();
    QVERIFY(loaded == Settings());
    QVERIFY(loaded.validate().isEmpty());
}

void tst_UiSettings::validate_data()
{
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<QList<Settings::Field>>("fields");
    QTest::addColumn<QString>("says");

    Settings ok;
    ok.dataDir = QStringLiteral("/srv/panelx");
    QTest::newRow("defaults") << ok << QList<Settings::Field>() << QString();
    Settings s = ok;
    s.dataDir.clear();
    QTest::newRow("no folder") << s << QList {Settings::Field::DataDir} << "Choose a folder";
    s = ok;
    s.dataDir = QStringLiteral("panelx-data");
    QTest::newRow("relative folder") << s << QList {Settings::Field::DataDir} << "full path";
    s = ok;
    s.httpPort = 80;
    QTest::newRow("port 80") << s << QList {Settings::Field::HttpPort} << "from 1024 to 65535";
    s = ok;
    s.segmentDurationMs = 500;
    QTest::newRow("short segments")
        << s << QList {Settings::Field::SegmentDuration} << "from 1 to 10 seconds";
    s = ok;
    s.bufferMs = kMaxBufferMs + 1;
    QTest::newRow("long buffer") << s << QList {Settings::Field::Buffer} << "0 to 24 hours";
    s = ok;
    s.publicUrl = QStringLiteral("https://tv.example.com:8443/");
    QTest::newRow("public URL") << s << QList<Settings::Field>() << QString();
    s.publicUrl = QStringLiteral("tv.example.com");
    QTest::newRow("public URL without scheme")
        << s << QList {Settings::Field::PublicUrl} << "http://host or https://host";
    s.publicUrl = QStringLiteral("http://tv.example.com:99999");
    QTest::newRow("public URL port too big")
        << s << QList {Settings::Field::PublicUrl} << "http://host or https://host";
    s.publicUrl = QStringLiteral("http://tv.example.com/panelx");
    QTest::newRow("public URL with a path")
        << s << QList {Settings::Field::PublicUrl} << "only a scheme, a host and a port";
    s = ok;
    s.bufferMs = kMaxBufferMs + 1;
    s.httpPort = 1;
    QTest::newRow("two at once") << s << QList {Settings::Field::HttpPort, Settings::Field::Buffer}
                                 << "administrator rights";
}

void tst_UiSettings::validate()
{
    QFETCH(Settings, settings);
    QFETCH(QList<Settings::Field>, fields);
    QFETCH(QString, says);
    const auto problems = settings.validate();
    QList<Settings::Field> got;
    QStringList messages;
    for (const auto &p : problems) {
        got << p.field;
        messages << p.message;
    }
    QCOMPARE(got, fields);
    if (!says.isEmpty())
        QVERIFY2(messages.join(' ').contains(says), qPrintable(messages.join(' ')));
}

void tst_UiSettings::checkDataDir_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says"); // empty: fine
    QFile file(m_scratch.filePath(QStringLiteral("a-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QTest::newRow("existing folder") << m_scratch.path() << QString();
    QTest::newRow("to be created") << m_scratch.filePath(QStringLiteral("new/deeper")) << QString();
    QTest::newRow("a file") << file.fileName() << "is a file, not a folder";
    QTest::newRow("under a file") << file.fileName() + QStringLiteral("/data")
                                  << "cannot create it";
}

void tst_UiSettings::checkDataDir()
{
    QFETCH(QString, path);
    QFETCH(QString, says);
    const QString message = Settings::checkDataDir(path);
    if (says.isEmpty())
        QVERIFY2(message.isEmpty(), qPrintable(message));
    else
        QVERIFY2(message.contains(says), qPrintable(message));
    // The check leaves nothing behind.
    QVERIFY(QDir(m_scratch.path())
                .entryList({QStringLiteral(".panelx-write-test*")}, QDir::Hidden | QDir::Files)
                .isEmpty());
}

void tst_UiSettings::restartNeeded_data()
{
    QTest::addColumn<Settings>("changed");
    QTest::addColumn<QStringList>("names");
    Settings s;
    QTest::newRow("nothing") << s << QStringList();
    s.segmentDurationMs = 2000;
    s.bufferMs = 3600000;
    QTest::newRow("channel defaults apply at once") << s << QStringList();
    s = Settings();
    s.remoteAdmin = true;
    QTest::newRow("remote administration applies at once") << s << QStringList();
    s = Settings();
    s.httpPort = 9000;
    QTest::newRow("port") << s << QStringList {"viewer port"};
    s.listen = ListenScope::Loopback;
    s.dataDir = QStringLiteral("/elsewhere");
    s.language = UiLanguage::German;
    s.publicUrl = QStringLiteral("http://tv.example.com");
    QTest::newRow("all") << s
                         << QStringList {"data folder", "viewer port", "who can watch",
                                "public URL", "language"};
}

void tst_UiSettings::restartNeeded()
{
    QFETCH(Settings, changed);
    QFETCH(QStringList, names);
    QCOMPARE(changed.changesNeedingRestart(Settings()), names);
}

void tst_UiSettings::applyToEngineOptions()
{
    Settings s;
    s.dataDir = QStringLiteral("/srv/panelx");
    s.httpPort = 8181;
    s.listen = ListenScope::Loopback;
    s.publicUrl = QStringLiteral(" HTTPS://TV.Example.com:8443/ ");
    s.remoteAdmin = true;
    EngineOptions options;
    s.applyTo(options);
    QCOMPARE(options.publicUrl, QStringLiteral("https://tv.example.com:8443"));
    QCOMPARE(options.dataDir, s.dataDir);
    QCOMPARE(options.httpPort, quint16(8181));
    QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(options.remoteAdmin);
    // The local network is IPv4 only unless IPv6 is chosen too.
    s.listen = ListenScope::Lan;
    s.applyTo(options);
    QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::AnyIPv4));
    s.listen = ListenScope::LanIpv6;
    s.applyTo(options);
    QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::Any));
}

void tst_UiSettings::prepareStartupKeepsCommandLine()
{
    Settings saved;
    saved.dataDir = QStringLiteral("/srv/saved");
    saved.httpPort = 9200;
    saved.listen = ListenScope::Loopback;
    saved.publicUrl = QStringLiteral("http://saved.example.com");
    saved.save();

    EngineOptions options;
    options.dataDir = QStringLiteral("/srv/from-command-line");
    options.httpPort = 8080;
    options.publicUrl = QStringLiteral("https://from-command-line.example.com");
    CommandLineChoices fromCommandLine;
    fromCommandLine.dataDir = true;
    fromCommandLine.publicUrl = true;
    const Settings running = Settings::prepareStartup(options, fromCommandLine);
    QCOMPARE(options.dataDir, QStringLiteral("/srv/from-command-line"));
    QCOMPARE(options.httpPort, quint16(9200));
    QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.publicUrl, QStringLiteral("https://from-command-line.example.com"));
    QCOMPARE(Settings::running().dataDir, options.dataDir);
    QCOMPARE(Settings::running().publicUrl, options.publicUrl);
    QVERIFY(Settings::fromCommandLine().dataDir);
    QVERIFY(!Settings::fromCommandLine().port);
    QVERIFY(Settings::fromCommandLine().publicUrl);

    // The page says the command line decides the folder and public URL for this run.
    SettingsPage page;
    QTRY_VERIFY(!page.controller()->isChecking());
    const QString notice = page.controller()->restartNotice();
    QVERIFY2(notice.contains(QStringLiteral("--data-dir")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("--public-url")), qPrintable(notice));
    QVERIFY2(!notice.contains(QStringLiteral("Restart")), qPrintable(notice));
}

static void replaceSpinValue(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Tab);
}

void tst_UiSettings::pageShowsProblemsInWords()
{
    Settings running;
    running.dataDir = m_scratch.path();
    running.save();
    SettingsPage page(running);
    page.show();
    auto *save = page.findChild<QPushButton *>(QStringLiteral("saveSettings"));
    auto *port = page.findChild<QSpinBox *>(QStringLiteral("httpPort"));
    auto *portError = page.findChild<QLabel *>(QStringLiteral("httpPortError"));
    auto *banner = page.findChild<QWidget *>(QStringLiteral("restartBanner"));
    QVERIFY(save && port && portError && banner);
    QTRY_VERIFY(!page.controller()->isChecking());
    QVERIFY(!save->isEnabled()); // nothing changed
    QVERIFY(banner->isHidden());
    // The zone Xtream catch-up starts are read in is shown, so operators can tell their apps.
    auto *zone = page.findChild<QLabel *>(QStringLiteral("serverTimeZone"));
    QVERIFY(zone);
    QVERIFY2(zone->text().startsWith(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
        qPrintable(zone->text()));

    replaceSpinValue(port, 80);
    QCOMPARE(port->value(), 80);
    QVERIFY(portError->isVisible());
    QVERIFY2(portError->text().contains(QStringLiteral("administrator rights")),
        qPrintable(portError->text()));
    QVERIFY(!save->isEnabled());
    auto *status = page.findChild<QLabel *>(QStringLiteral("settingsStatus"));
    QVERIFY(status->text().contains(QStringLiteral("marked in red")));

    replaceSpinValue(port, 9000);
    QVERIFY(portError->isHidden());
    QVERIFY(save->isEnabled());

    auto *publicUrl = page.findChild<QLineEdit *>(QStringLiteral("publicUrl"));
    auto *publicUrlError = page.findChild<QLabel *>(QStringLiteral("publicUrlError"));
    QVERIFY(publicUrl && publicUrlError);
    QVERIFY(publicUrlError->isHidden());
    QTest::keyClicks(publicUrl, QStringLiteral("tv.example.com"));
    QVERIFY(publicUrlError->isVisible());
    QVERIFY2(publicUrlError->text().contains(QStringLiteral("http://host or https://host")),
        qPrintable(publicUrlError->text()));
    QVERIFY(!save->isEnabled());
    publicUrl->clear();
    QTest::keyClicks(publicUrl, QStringLiteral("http://tv.example.com:8080"));
    QVERIFY(publicUrlError->isHidden());
    QVERIFY(save->isEnabled());
}

void tst_UiSettings::pageSavesAndAsksForRestart()
{
    Settings running;
    running.dataDir = m_scratch.path();
    running.save();
    SettingsPage page(running);
    page.show();
    QSignalSpy saved(&page, &SettingsPage::settingsSaved);
    auto *save = page.findChild<QPushButton *>(QStringLiteral("saveSettings"));
    auto *bannerText = page.findChild<QLabel *>(QStringLiteral("restartBannerText"));
    auto *segment = page.findChild<QSpinBox *>(QStringLiteral("segmentDuration"));
    auto *language = page.findChild<QComboBox *>(QStringLiteral("language"));
    QTRY_VERIFY(!page.controller()->isChecking());

    // A channel default applies at once: no restart banner.
    replaceSpinValue(segment, 6);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(Settings::load().segmentDurationMs, 6000);
    QVERIFY(page.findChild<QWidget *>(QStringLiteral("restartBanner"))->isHidden());
    QVERIFY(!save->isEnabled());

    // The port and the language wait for a restart, and the banner says which.
    replaceSpinValue(page.findChild<QSpinBox *>(QStringLiteral("httpPort")), 9100);
    language->setCurrentIndex(language->findText(QStringLiteral("Deutsch")));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 2);
    QCOMPARE(Settings::load().httpPort, quint16(9100));
    QCOMPARE(Settings::load().language, UiLanguage::German);
    QVERIFY(bannerText->isVisible());
    QVERIFY2(bannerText->text().contains(QStringLiteral("Restart PanelX"))
            && bannerText->text().contains(QStringLiteral("viewer port"))
            && bannerText->text().contains(QStringLiteral("language")),
        qPrintable(bannerText->text()));

    // Going back to the running values needs no restart any more.
    replaceSpinValue(page.findChild<QSpinBox *>(QStringLiteral("httpPort")), running.httpPort);
    language->setCurrentIndex(0);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 3);
    QVERIFY(page.findChild<QWidget *>(QStringLiteral("restartBanner"))->isHidden());
}

void tst_UiSettings::pageShowsCopiesAndRegeneratesTheAdminToken()
{
    EngineOptions options;
    options.dataDir = m_scratch.filePath(QStringLiteral("token-data"));
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = false;
    EngineClient client(options);
    SettingsPage page(&client);
    page.show();
    auto *token = page.findChild<QLineEdit *>(QStringLiteral("adminToken"));
    auto *show = page.findChild<QPushButton *>(QStringLiteral("showAdminToken"));
    auto *copy = page.findChild<QPushButton *>(QStringLiteral("copyAdminToken"));
    auto *regenerate = page.findChild<QPushButton *>(QStringLiteral("regenerateAdminToken"));
    QVERIFY(token && show && copy && regenerate);
    QVERIFY(!regenerate->isEnabled()); // nothing to replace before the engine runs
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.serverState() == EngineClient::ServerState::Running, 20000);
    const QByteArray stored = AdminToken::read(options.dataDir);
    QVERIFY(!stored.isEmpty());
    QTRY_COMPARE(token->text(), QString::fromLatin1(stored));
    // Masked until asked for.
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(token->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(stored));

    // Cancel keeps it; confirming replaces it, in the file too.
    QTest::mouseClick(regenerate, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page.findChild<QMessageBox *>("confirmRegenerate")) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<QMessageBox *>("confirmRegenerate"));
    QCOMPARE(AdminToken::read(options.dataDir), stored);
    QTest::mouseClick(regenerate, Qt::LeftButton);
    QTRY_VERIFY((box = page.findChild<QMessageBox *>("confirmRegenerate")) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>("confirmRegenerateButton"), Qt::LeftButton);
    QTRY_VERIFY(token->text() != QString::fromLatin1(stored));
    QCOMPARE(token->text(), QString::fromLatin1(AdminToken::read(options.dataDir)));
    QCOMPARE(client.adminToken(), AdminToken::read(options.dataDir));
}

// Saving the checkbox lets the next admin API call from another address in, without a restart.
void tst_UiSettings::remoteAdminAppliesWhenSaved()
{
    Settings running;
    running.dataDir = m_scratch.path();
    running.save();
    EngineOptions options;
    options.dataDir = m_scratch.filePath(QStringLiteral("remote-data"));
    options.httpPort = 0;
    options.listenAddress = QHostAddress::AnyIPv4;
    options.createDemoChannel = false;
    EngineClient client(options);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.serverState() == EngineClient::ServerState::Running, 20000);
    const QByteArray authorization = "Bearer " + AdminToken::read(options.dataDir);
    // From this machine's network address, not loopback: another computer as far as the API
    // can tell. Without one (no network at all) the check cannot be made.
    QHostAddress lanAddress;
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            lanAddress = address;
    if (lanAddress.isNull())
        QSKIP("this machine has no IPv4 address besides loopback");
    const QString url = QStringLiteral("http://%1:%2/api/v1/status")
                            .arg(lanAddress.toString())
                            .arg(client.httpPort());
    QCOMPARE(test::httpRequest(url, "GET", {{"Authorization", authorization}}).status, 403);

    SettingsPage page(&client);
    page.show();
    QSignalSpy saved(&page, &SettingsPage::settingsSaved);
    QTRY_VERIFY(!page.controller()->isChecking());
    page.findChild<QCheckBox *>(QStringLiteral("remoteAdmin"))->setChecked(true);
    QTest::mouseClick(
        page.findChild<QPushButton *>(QStringLiteral("saveSettings")), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(Settings::load().remoteAdmin);
    QVERIFY(test::waitFor(
        [&] {
            return test::httpRequest(url, "GET", {{"Authorization", authorization}}).status == 200;
        },
        5000));
}

void tst_UiSettings::dvrSettingsApplyAtOnceAndAreSaved()
{
    Settings running;
    running.dataDir = m_scratch.path();
    running.save();
    EngineOptions options;
    options.dataDir = m_scratch.filePath(QStringLiteral("dvr-data"));
    options.httpPort = 0;
    options.listenAddress = QHostAddress::LocalHost;
    options.createDemoChannel = false;
    EngineClient client(options);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.serverState() == EngineClient::ServerState::Running, 20000);
    QCOMPARE(client.dvrUsage().quotaBytes, kDefaultDvrQuotaBytes);

    SettingsPage page(&client);
    page.show();
    QTRY_VERIFY(!page.controller()->isChecking());
    auto *quota = page.findChild<QDoubleSpinBox *>(QStringLiteral("dvrQuota"));
    auto *keepDays = page.findChild<QSpinBox *>(QStringLiteral("dvrKeepDays"));
    auto *autoCleanup = page.findChild<QCheckBox *>(QStringLiteral("dvrAutoCleanup"));
    auto *quotaError = page.findChild<QLabel *>(QStringLiteral("dvrQuotaError"));
    QVERIFY(quota && keepDays && autoCleanup && quotaError);
    QCOMPARE(quota->value(), 10.0);
    QCOMPARE(keepDays->value(), kDefaultDvrKeepDays);
    QVERIFY(autoCleanup->isChecked());
    QCOMPARE(quota->minimum(), 0.1);

    // A quota the rules refuse (as a hand-edited draft): the words under the field, no save.
    Settings bad = page.controller()->draft();
    bad.dvr.quotaBytes = 1000;
    page.controller()->setDraft(bad);
    QVERIFY(quotaError->isVisible());
    QVERIFY2(quotaError->text().contains(QStringLiteral("at least 0.1 GB")),
        qPrintable(quotaError->text()));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("saveSettings"))->isEnabled());
    page.controller()->revert();
    QVERIFY(!quotaError->isVisible());

    QSignalSpy saved(&page, &SettingsPage::settingsSaved);
    quota->setValue(2.5);
    keepDays->setValue(0);
    QCOMPARE(keepDays->text(), QStringLiteral("Forever"));
    autoCleanup->setChecked(false);
    QTest::mouseClick(
        page.findChild<QPushButton *>(QStringLiteral("saveSettings")), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    const DvrSettings expected {2'500'000'000LL, 0, false};
    QCOMPARE(Settings::load().dvr, expected);
    QCOMPARE(client.dvrSettings(), expected);
    // No restart: the running engine measures against the new quota.
    QTRY_COMPARE_WITH_TIMEOUT(client.dvrUsage().quotaBytes, expected.quotaBytes, 10000);
    Settings onlyDvr = page.controller()->running();
    onlyDvr.dvr = expected;
    QVERIFY(onlyDvr.restartKeys(page.controller()->running()).isEmpty());

    // Shown again as saved.
    SettingsPage again(&client);
    QCOMPARE(again.findChild<QDoubleSpinBox *>(QStringLiteral("dvrQuota"))->value(), 2.5);
    QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("dvrKeepDays"))->value(), 0);
    QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("dvrAutoCleanup"))->isChecked());
}

void tst_UiSettings::pageRejectsFileAsDataDir()
{
    Settings running;
    running.dataDir = m_scratch.path();
    running.save();
    QFile file(m_scratch.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    SettingsPage page(running);
    page.show();
    auto *dataDir = page.findChild<QLineEdit *>(QStringLiteral("dataDir"));
    auto *error = page.findChild<QLabel *>(QStringLiteral("dataDirError"));
    auto *save = page.findChild<QPushButton *>(QStringLiteral("saveSettings"));
    dataDir->clear();
    QTest::keyClicks(dataDir, file.fileName());
    // The disk check runs on a worker; the words appear when it is back.
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("is a file, not a folder")),
        qPrintable(error->text()));
    QVERIFY(!save->isEnabled());

    dataDir->clear();
    QTest::keyClicks(dataDir, QStringLiteral("relative/path"));
    QTRY_VERIFY(!page.controller()->isChecking());
    QVERIFY(error->text().contains(QStringLiteral("full path")));

    dataDir->clear();
    QTest::keyClicks(dataDir, m_scratch.filePath(QStringLiteral("fresh")));
    QTRY_VERIFY(!page.controller()->isChecking());
    QVERIFY(error->isHidden());
    QVERIFY(save->isEnabled());
}

// A second window on a data folder in use says so in a dialog and ends, before it opens a
// window or touches the folder.
void tst_UiSettings::desktopRefusesAFolderInUse()
{
    Settings english;
    english.language = UiLanguage::English;
    english.save();
    const QString dataDir = m_scratch.filePath(QStringLiteral("in-use"));
    QVERIFY(QDir().mkpath(dataDir));
    InstanceLock held(dataDir);
    QString error;
    QVERIFY2(held.tryLock(&error), qPrintable(error));

    QString shown;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&shown] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    closer.start(50);
    EngineOptions options;
    options.dataDir = dataDir;
    CommandLineChoices fromCommandLine;
    fromCommandLine.dataDir = true;
    QCOMPARE(runDesktop(options, fromCommandLine, QString()), 1);
    QVERIFY2(shown.contains(QStringLiteral("PanelX is already running with this data folder "
                                           "(process %1)")
                                .arg(QCoreApplication::applicationPid())),
        qPrintable(shown));
    QVERIFY(QDir(dataDir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
        == QStringList {QStringLiteral("panelx.lock")});
}

void tst_UiSettings::germanCatalogue()
{
    QVERIFY2(
        availableTranslations().contains(QStringLiteral("de")), "panelx_de.qm is not embedded");
    QVERIFY2(availableTranslations().contains(QStringLiteral("en")),
        "panelx_en.qm (English plural forms) is not embedded");
    QCOMPARE(installTranslations(UiLanguage::English), QStringLiteral("en"));
    // English plural forms come from the English catalogue.
    QCOMPARE(QCoreApplication::translate("panelx::DashboardPage", "%n minute(s)", nullptr, 1),
        QStringLiteral("1 minute"));
    QCOMPARE(QCoreApplication::translate("panelx::DashboardPage", "%n minute(s)", nullptr, 5),
        QStringLiteral("5 minutes"));
    QCOMPARE(installTranslations(UiLanguage::German), QStringLiteral("de"));
    SettingsPage page {Settings()};
    auto *save = page.findChild<QPushButton *>(QStringLiteral("saveSettings"));
    QCOMPARE(save->text(), QStringLiteral("Speichern"));
    QCOMPARE(QCoreApplication::translate("panelx::DashboardPage", "%n minute(s)", nullptr, 5),
        QStringLiteral("5 Minuten"));
    QVERIFY(Settings().validate().isEmpty());
    // The DVR's rules from the engine speak German too.
    QVERIFY2(DvrPolicy::checkMinutes(0).contains(QStringLiteral("Minuten")),
        qPrintable(DvrPolicy::checkMinutes(0)));
    Settings bad;
    bad.httpPort = 80;
    QVERIFY2(bad.validate().first().message.contains(QStringLiteral("Administratorrechte")),
        qPrintable(bad.validate().first().message));
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(tst_UiSettings)
#include "tst_ui_settings.moc"
