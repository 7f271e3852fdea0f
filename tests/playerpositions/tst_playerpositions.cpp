// Where the player was on each channel, in a real SQLite file: saved, replaced, kept per
// channel, still there after the database is opened again, and gone with the channel.
#include "storage/Database.h"
#include "storage/PlayerPositionRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

class TestPlayerPositions : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void noneSavedIsNone();
    void savedIsReadBack();
    void saveReplacesPerChannel();
    void survivesReopening();
    void removeForgetsOnlyThatChannel();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString path() const { return m_dir->filePath(QStringLiteral("panelx.db")); }
};

void TestPlayerPositions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(path());
    QString error;
    QVERIFY2(m_db->open(&error), qPrintable(error));
}

void TestPlayerPositions::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestPlayerPositions::noneSavedIsNone()
{
    const PlayerPositionRepository positions(*m_db);
    QCOMPARE(positions.position(1), std::nullopt);
}

void TestPlayerPositions::savedIsReadBack()
{
    PlayerPositionRepository positions(*m_db);
    QString error;
    QVERIFY2(
        positions.save(7, 1'764'600'000'123LL, 1'764'600'100'000LL, &error), qPrintable(error));
    QCOMPARE(positions.position(7), std::optional<qint64>(1'764'600'000'123LL));
}

void TestPlayerPositions::saveReplacesPerChannel()
{
    PlayerPositionRepository positions(*m_db);
    QString error;
    QVERIFY(positions.save(1, 1000, 5000, &error));
    QVERIFY(positions.save(2, 2000, 5000, &error));
    QVERIFY(positions.save(1, 3000, 6000, &error));
    QCOMPARE(positions.position(1), std::optional<qint64>(3000));
    QCOMPARE(positions.position(2), std::optional<qint64>(2000));
}

void TestPlayerPositions::survivesReopening()
{
    {
        PlayerPositionRepository positions(*m_db);
        QString error;
        QVERIFY(positions.save(3, 42'000, 43'000, &error));
    }
    m_db.reset();
    Database reopened(path());
    QString error;
    QVERIFY2(reopened.open(&error), qPrintable(error));
    QCOMPARE(PlayerPositionRepository(reopened).position(3), std::optional<qint64>(42'000));
}

void TestPlayerPositions::removeForgetsOnlyThatChannel()
{
    PlayerPositionRepository positions(*m_db);
    QString error;
    QVERIFY(positions.save(1, 1000, 5000, &error));
    QVERIFY(positions.save(2, 2000, 5000, &error));
    QVERIFY2(positions.remove(1, &error), qPrintable(error));
    QCOMPARE(positions.position(1), std::nullopt);
    QCOMPARE(positions.position(2), std::optional<qint64>(2000));
    // Removing what is not there is no failure.
    QVERIFY(positions.remove(99, &error));
}

QTEST_GUILESS_MAIN(TestPlayerPositions)
#include "tst_playerpositions.moc"
