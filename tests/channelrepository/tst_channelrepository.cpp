#include "storage/ChannelRepository.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

namespace {

ChannelConfig channel(const QString &name, const QString &url = kDemoSourceUrl)
{
    ChannelConfig c;
    c.name = name;
    c.sourceUrl = url;
    return c;
}

struct Fixture {
    QTemporaryDir dir;
    Database db {dir.filePath(QStringLiteral("panelx.db"))};
    ChannelRepository repo {db};
    Fixture()
    {
        QString error;
        if (!db.open(&error))
            qFatal("cannot open the test database: %s", qPrintable(error));
    }
};

} // namespace

class TestChannelRepository : public QObject {
    Q_OBJECT

private slots:
    void slugFromName_data();
    void slugFromName();
    void insertStoresEveryField();
    void slugsAreUnique();
    void duplicateNamesAreRefused();
    void update();
    void updateKeepsOrRenewsTheSlug();
    void updateRefusesBadSlugs();
    void updateUnknownChannel();
    void remove();
    void allIsOrderedByName();
};

void TestChannelRepository::slugFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::newRow("simple") << QStringLiteral("News") << QStringLiteral("news");
    QTest::newRow("spaces and punctuation")
        << QStringLiteral("  BBC One (HD)! ") << QStringLiteral("bbc-one-hd");
    QTest::newRow("accents") << QStringLiteral("Café Télé Ñandú")
                             << QStringLiteral("cafe-tele-nandu");
    QTest::newRow("digits") << QStringLiteral("Channel 4+1") << QStringLiteral("channel-4-1");
    QTest::newRow("runs collapse") << QStringLiteral("a -- b__c") << QStringLiteral("a-b-c");
    QTest::newRow("nothing usable") << QStringLiteral("日本") << QStringLiteral("channel");
    QTest::newRow("mixed script") << QStringLiteral("NHK 日本 World")
                                  << QStringLiteral("nhk-world");
    QTest::newRow("long names are cut")
        << QString(70, u'a') + QStringLiteral(" b") << QString(64, u'a');
    QTest::newRow("cut leaves no trailing dash")
        << QString(63, u'a') + QStringLiteral(" bbbb") << QString(63, u'a');
}

void TestChannelRepository::slugFromName()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    QCOMPARE(ChannelRepository::slugFromName(name), slug);
    QVERIFY(ChannelRepository::isValidSlug(slug));
}

void TestChannelRepository::insertStoresEveryField()
{
    Fixture f;
    ChannelConfig c
        = channel(QStringLiteral("  Morning Show "), QStringLiteral("udp://@239.0.0.1:1234"));
    c.enabled = false;
    c.segmentDurationMs = 6000;
    c.bufferMs = 3'600'000;
    QString error;
    const auto stored = f.repo.insert(c, &error);
    QVERIFY2(stored, qPrintable(error));
    QVERIFY(stored->id > 0);
    QCOMPARE(stored->name, QStringLiteral("Morning Show"));
    QCOMPARE(stored->slug, QStringLiteral("morning-show"));
    QCOMPARE(f.repo.byId(stored->id), stored);
    QCOMPARE(f.repo.bySlug(QStringLiteral("morning-show")), stored);
    QVERIFY(!f.repo.bySlug(QStringLiteral("nope")));
    QVERIFY(!f.repo.byId(stored->id + 100));
}

void TestChannelRepository::slugsAreUnique()
{
    Fixture f;
    QString error;
    const auto a = f.repo.insert(channel(QStringLiteral("Sport")), &error);
    const auto b = f.repo.insert(channel(QStringLiteral("Sport!")), &error);
    const auto c = f.repo.insert(channel(QStringLiteral("SPORT ?")), &error);
    QVERIFY2(a && b && c, qPrintable(error));
    QCOMPARE(a->slug, QStringLiteral("sport"));
    QCOMPARE(b->slug, QStringLiteral("sport-2"));
    QCOMPARE(c->slug, QStringLiteral("sport-3"));
    // A freed slug can be taken again.
    QVERIFY(f.repo.remove(a->id, &error));
    QCOMPARE(
        f.repo.insert(channel(QStringLiteral("sport")), &error)->slug, QStringLiteral("sport"));
}

void TestChannelRepository::duplicateNamesAreRefused()
{
    Fixture f;
    QString error;
    QVERIFY(f.repo.insert(channel(QStringLiteral("Kids")), &error));
    QVERIFY(!f.repo.insert(channel(QStringLiteral("kids ")), &error));
    QCOMPARE(error, QStringLiteral("A channel named “kids” already exists. Choose another name."));
    QVERIFY(!f.repo.insert(channel(QStringLiteral("   ")), &error));
    QVERIFY2(error.contains(QStringLiteral("name")), qPrintable(error));
    QCOMPARE(f.repo.all().size(), 1);
}

void TestChannelRepository::update()
{
    Fixture f;
    QString error;
    auto c = *f.repo.insert(channel(QStringLiteral("Music")), &error);
    const auto other = *f.repo.insert(channel(QStringLiteral("Films")), &error);
    c.sourceUrl = QStringLiteral("rtsp://127.0.0.1/cam");
    c.enabled = false;
    c.segmentDurationMs = 2000;
    c.bufferMs = 0;
    QVERIFY2(f.repo.update(c, &error), qPrintable(error));
    QCOMPARE(f.repo.byId(c.id), c);
    QCOMPARE(f.repo.byId(other.id), other);

    auto clash = c;
    clash.name = QStringLiteral("FILMS");
    QVERIFY(!f.repo.update(clash, &error));
    QVERIFY2(error.contains(QStringLiteral("“FILMS” already exists")), qPrintable(error));
    QCOMPARE(f.repo.byId(c.id), c);
}

void TestChannelRepository::updateKeepsOrRenewsTheSlug()
{
    Fixture f;
    QString error;
    auto c = *f.repo.insert(channel(QStringLiteral("Test")), &error);
    QVERIFY(f.repo.insert(channel(QStringLiteral("BBC One")), &error));
    c.name = QStringLiteral("BBC One HD");
    QVERIFY2(f.repo.update(c, &error), qPrintable(error));
    QCOMPARE(f.repo.byId(c.id)->slug, QStringLiteral("test")); // viewers' URLs keep working
    c.slug.clear();
    QVERIFY2(f.repo.update(c, &error), qPrintable(error));
    QCOMPARE(f.repo.byId(c.id)->slug, QStringLiteral("bbc-one-hd"));
    c.slug = QStringLiteral("first");
    QVERIFY2(f.repo.update(c, &error), qPrintable(error));
    QCOMPARE(f.repo.bySlug(QStringLiteral("first"))->id, c.id);
}

void TestChannelRepository::updateRefusesBadSlugs()
{
    Fixture f;
    QString error;
    auto c = *f.repo.insert(channel(QStringLiteral("One")), &error);
    QVERIFY(f.repo.insert(channel(QStringLiteral("Two")), &error));
    for (const QString &bad : {QStringLiteral("Upper"), QStringLiteral("a/b"), QStringLiteral("-x"),
             QStringLiteral("../etc")}) {
        c.slug = bad;
        QVERIFY2(!f.repo.update(c, &error), qPrintable(bad));
        QVERIFY2(error.contains(bad), qPrintable(error));
    }
    c.slug = QStringLiteral("two");
    QVERIFY(!f.repo.update(c, &error));
    QVERIFY2(error.contains(QStringLiteral("already uses")), qPrintable(error));
    QCOMPARE(f.repo.byId(c.id)->slug, QStringLiteral("one"));
}

void TestChannelRepository::updateUnknownChannel()
{
    Fixture f;
    QString error;
    ChannelConfig ghost = channel(QStringLiteral("Ghost"));
    ghost.id = 42;
    QVERIFY(!f.repo.update(ghost, &error));
    QVERIFY2(error.contains(QStringLiteral("no channel 42")), qPrintable(error));
    QVERIFY(f.repo.all().isEmpty());
}

void TestChannelRepository::remove()
{
    Fixture f;
    QString error;
    const auto a = *f.repo.insert(channel(QStringLiteral("A")), &error);
    const auto b = *f.repo.insert(channel(QStringLiteral("B")), &error);
    QVERIFY2(f.repo.remove(a.id, &error), qPrintable(error));
    QVERIFY(!f.repo.byId(a.id));
    QCOMPARE(f.repo.all(), QList<ChannelConfig> {b});
    QVERIFY(!f.repo.remove(a.id, &error));
    QVERIFY2(error.contains(QStringLiteral("no channel")), qPrintable(error));
    // Ids are never reused, so a deleted channel's segments can't be mistaken for a new one's.
    const auto c = *f.repo.insert(channel(QStringLiteral("A")), &error);
    QVERIFY(c.id > b.id);
}

void TestChannelRepository::allIsOrderedByName()
{
    Fixture f;
    QString error;
    for (const char *name : {"delta", "Alpha", "charlie", "Bravo"})
        QVERIFY(f.repo.insert(channel(QString::fromLatin1(name)), &error));
    QStringList names;
    for (const auto &c : f.repo.all())
        names.append(c.name);
    QCOMPARE(names,
        (QStringList {QStringLiteral("Alpha"), QStringLiteral("Bravo"), QStringLiteral("charlie"),
            QStringLiteral("delta")}));
}

QTEST_GUILESS_MAIN(TestChannelRepository)
#include "tst_channelrepository.moc"
