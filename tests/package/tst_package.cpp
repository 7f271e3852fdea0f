// Builds the Debian package from this build tree with cpack and checks what a user would get:
// the files, the computed dependencies, and that the desktop entry, AppStream metadata and
// systemd unit are valid.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using panelx::test::haveProgram;
using panelx::test::runProgram;

class tst_Package : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void contents_data();
    void contents();
    void dependencies_data();
    void dependencies();
    void maintainerScripts();
    void desktopEntryValidates();
    void metainfoValidates();
    void iconIsSvg();
    void serviceRunsHeadlessAsItsOwnUser();
    void packagedBinaryRuns();

private:
    QString extracted(const QString &path) const { return m_root.filePath(path); }
    QByteArray readExtracted(const QString &path) const;

    QTemporaryDir m_out;
    QString m_deb;
    QDir m_root;
    QStringList m_listing;
    bool m_hasUi = false;
};

static QString findBuildDir()
{
    // The panelx binary lives in <build>/app; CPackConfig.cmake sits at the top of <build>.
    QDir dir = QFileInfo(QStringLiteral(PANELX_BINARY)).absoluteDir();
    for (int depth = 0; depth < 4; ++depth) {
        if (dir.exists(QStringLiteral("CPackConfig.cmake")))
            return dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
    return {};
}

void tst_Package::initTestCase()
{
    for (const char *tool : {"cpack", "dpkg-deb", "dpkg-shlibdeps"})
        if (!haveProgram(QString::fromLatin1(tool)))
            QSKIP(qPrintable(QStringLiteral("%1 is not installed; install cmake and dpkg-dev to "
                                            "build and check the package.")
                                 .arg(QString::fromLatin1(tool))));
    const QString buildDir = findBuildDir();
    QVERIFY2(!buildDir.isEmpty(), "no CPackConfig.cmake above the panelx binary");
    QFile cache(buildDir + QStringLiteral("/CMakeCache.txt"));
    QVERIFY(cache.open(QIODevice::ReadOnly));
    m_hasUi = cache.readAll().contains("PANELX_UI:BOOL=ON");

    QVERIFY(m_out.isValid());
    // A folder of our own for the package and cpack's staging, so a parallel `cpack` run by a
    // person in the build folder is not disturbed.
    QByteArray out, err;
    const int rc = runProgram(QStringLiteral("cpack"),
        {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
            buildDir + QStringLiteral("/CPackConfig.cmake"), QStringLiteral("-B"), m_out.path()},
        240000, &out, &err);
    QVERIFY2(rc == 0, (out + err).constData());

    const QStringList debs = QDir(m_out.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_out.filePath(debs.first());
    QVERIFY2(debs.first().startsWith(QStringLiteral("panelx_" PANELX_VERSION "_")),
        qPrintable(debs.first()));

    QVERIFY(
        runProgram(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb}, 30000, &out) == 0);
    for (const QByteArray &line : out.split('\n')) {
        // "-rwxr-xr-x root/root 1234 2024-01-01 00:00 ./usr/bin/panelx"
        const int at = line.indexOf(" ./");
        if (at >= 0)
            m_listing << QString::fromUtf8(line.mid(at + 1)).section(QStringLiteral(" -> "), 0, 0);
    }
    QVERIFY(!m_listing.isEmpty());

    m_root.setPath(m_out.filePath(QStringLiteral("root")));
    QVERIFY(
        runProgram(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.path()}, 30000)
        == 0);
}

QByteArray tst_Package::readExtracted(const QString &path) const
{
    QFile file(extracted(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void tst_Package::contents_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("desktopOnly");
    QTest::newRow("program") << "./usr/bin/panelx" << false;
    QTest::newRow("systemd unit") << "./usr/lib/systemd/system/panelx.service" << false;
    QTest::newRow("desktop entry") << "./usr/share/applications/org.panelx.Desktop.desktop" << true;
    QTest::newRow("metainfo") << "./usr/share/metainfo/org.panelx.Desktop.metainfo.xml" << true;
    QTest::newRow("icon") << "./usr/share/icons/hicolor/scalable/apps/org.panelx.Desktop.svg"
                          << true;
}

void tst_Package::contents()
{
    QFETCH(QString, path);
    QFETCH(bool, desktopOnly);
    if (desktopOnly && !m_hasUi)
        QSKIP("built without the desktop window (PANELX_UI=OFF)");
    QVERIFY2(m_listing.contains(path), qPrintable(m_listing.join(QLatin1Char('\n'))));
}

void tst_Package::dependencies_data()
{
    // From dpkg-shlibdeps (the libraries the binary links) and from our list of plugins.
    QTest::addColumn<QString>("package");
    QTest::addColumn<bool>("desktopOnly");
    QTest::newRow("Qt Core") << "libqt6core6" << false;
    QTest::newRow("Qt SQL") << "libqt6sql6" << false;
    QTest::newRow("SQLite driver plugin") << "libqt6sql6-sqlite" << false;
    QTest::newRow("libavformat") << "libavformat59" << false;
    QTest::newRow("libavcodec") << "libavcodec59" << false;
    QTest::newRow("h2o") << "libh2o-evloop0.13" << false;
    QTest::newRow("SQLite") << "libsqlite3-0" << false;
    QTest::newRow("C library") << "libc6" << false;
    QTest::newRow("Qt Widgets") << "libqt6widgets6" << true;
    QTest::newRow("Qt Multimedia") << "libqt6multimedia6" << true;
    QTest::newRow("Qt Charts") << "libqt6charts6" << true;
    QTest::newRow("qrencode") << "libqrencode4" << true;
    QTest::newRow("HLS playback") << "gstreamer1.0-plugins-bad" << true;
}

void tst_Package::dependencies()
{
    QFETCH(QString, package);
    QFETCH(bool, desktopOnly);
    if (desktopOnly && !m_hasUi)
        QSKIP("built without the desktop window (PANELX_UI=OFF)");
    QByteArray out;
    QCOMPARE(runProgram(QStringLiteral("dpkg-deb"),
                 {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")}, 30000, &out),
        0);
    QStringList names;
    for (const QString &alternatives : QString::fromUtf8(out).split(QLatin1Char(',')))
        for (const QString &dep : alternatives.split(QLatin1Char('|')))
            names << dep.trimmed().section(QLatin1Char(' '), 0, 0);
    QVERIFY2(names.contains(package), out.constData());
}

void tst_Package::maintainerScripts()
{
    QByteArray out;
    QCOMPARE(runProgram(QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), m_deb}, 30000, &out), 0);
    for (const char *script : {"postinst", "prerm", "postrm"})
        QVERIFY2(out.contains(script), out.constData());
    // Shown by apt before installing: it must say what the package is.
    QVERIFY2(out.contains("Section: video"), out.constData());
    QVERIFY2(out.contains("Description: Desktop IPTV panel"), out.constData());
}

void tst_Package::desktopEntryValidates()
{
    if (!m_hasUi)
        QSKIP("built without the desktop window (PANELX_UI=OFF)");
    if (!haveProgram(QStringLiteral("desktop-file-validate")))
        QSKIP("desktop-file-validate is not installed (Debian package desktop-file-utils)");
    const QString file
        = extracted(QStringLiteral("usr/share/applications/org.panelx.Desktop.desktop"));
    QByteArray out, err;
    const int rc = runProgram(QStringLiteral("desktop-file-validate"), {file}, 30000, &out, &err);
    QVERIFY2(rc == 0, (out + err).constData());
    // Hints are fine, errors and warnings are not.
    QVERIFY2(!out.contains("error:") && !out.contains("warning:"), out.constData());
    const QByteArray entry
        = readExtracted(QStringLiteral("usr/share/applications/org.panelx.Desktop.desktop"));
    QVERIFY(entry.contains("\nExec=panelx\n"));
    QVERIFY(entry.contains("\nIcon=org.panelx.Desktop\n"));
}

void tst_Package::metainfoValidates()
{
    if (!m_hasUi)
        QSKIP("built without the desktop window (PANELX_UI=OFF)");
    if (!haveProgram(QStringLiteral("appstreamcli")))
        QSKIP("appstreamcli is not installed (Debian package appstream)");
    const QString file
        = extracted(QStringLiteral("usr/share/metainfo/org.panelx.Desktop.metainfo.xml"));
    QByteArray out, err;
    const int rc = runProgram(QStringLiteral("appstreamcli"),
        {QStringLiteral("validate"), QStringLiteral("--no-net"), file}, 60000, &out, &err);
    QVERIFY2(rc == 0, (out + err).constData());
    // The metadata names the desktop entry the package really installs.
    const QByteArray xml
        = readExtracted(QStringLiteral("usr/share/metainfo/org.panelx.Desktop.metainfo.xml"));
    QVERIFY(
        xml.contains("<launchable type=\"desktop-id\">org.panelx.Desktop.desktop</launchable>"));
}

void tst_Package::iconIsSvg()
{
    if (!m_hasUi)
        QSKIP("built without the desktop window (PANELX_UI=OFF)");
    QXmlStreamReader xml(readExtracted(
        QStringLiteral("usr/share/icons/hicolor/scalable/apps/org.panelx.Desktop.svg")));
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QStringLiteral("svg"));
    QVERIFY(xml.attributes().hasAttribute(QStringLiteral("viewBox")));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
}

void tst_Package::serviceRunsHeadlessAsItsOwnUser()
{
    const QString unit
        = QString::fromUtf8(readExtracted(QStringLiteral("usr/lib/systemd/system/panelx.service")));
    QVERIFY(!unit.isEmpty());
    const QStringList lines = unit.split(QLatin1Char('\n'));
    QVERIFY(lines.contains(
        QStringLiteral("ExecStart=/usr/bin/panelx --headless --data-dir /var/lib/panelx")));
    QVERIFY(lines.contains(QStringLiteral("DynamicUser=yes")));
    QVERIFY(lines.contains(QStringLiteral("StateDirectory=panelx")));
    QVERIFY(lines.contains(QStringLiteral("WantedBy=multi-user.target")));
    if (haveProgram(QStringLiteral("systemd-analyze"))) {
        // verify checks that ExecStart= exists, so point it at the packaged tree.
        QByteArray out, err;
        QString copy = unit;
        copy.replace(
            QStringLiteral("/usr/bin/panelx"), extracted(QStringLiteral("usr/bin/panelx")));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("panelx.service")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(copy.toUtf8());
        file.close();
        const int rc = runProgram(QStringLiteral("systemd-analyze"),
            {QStringLiteral("verify"), file.fileName()}, 30000, &out, &err);
        // Without a running systemd (containers) verify cannot load units at all; only judge
        // it when it could.
        if (!err.contains("Failed to initialize") && !err.contains("System has not been booted"))
            QVERIFY2(rc == 0 && !err.contains("panelx.service:"), (out + err).constData());
    }
}

void tst_Package::packagedBinaryRuns()
{
    QByteArray out, err;
    const int rc = runProgram(extracted(QStringLiteral("usr/bin/panelx")),
        {QStringLiteral("--version")}, 30000, &out, &err);
    QVERIFY2(rc == 0, (out + err).constData());
    QVERIFY2(out.contains(PANELX_VERSION), out.constData());
}

QTEST_GUILESS_MAIN(tst_Package)
#include "tst_package.moc"
