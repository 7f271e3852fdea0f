// The viewer server's cache of mapped segment files, over real files in a temporary folder.
#include "http/SegmentMappings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>

using namespace panelx;

namespace {

QByteArray bytesOf(int size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char(seed + i * 7);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray contents(const http::SegmentMappings::Handle &mapping)
{
    return QByteArray(mapping->data, qsizetype(mapping->size));
}

} // namespace

class TestSegmentMappings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray path(const QString &name) const { return QFile::encodeName(m_dir.filePath(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aFileIsMappedOnceAndShared()
    {
        const QByteArray bytes = bytesOf(5000, 'a');
        QVERIFY(writeFile(m_dir.filePath("0.ts"), bytes));
        http::SegmentMappings mappings;
        int error = 0;
        const auto first = mappings.map(path("0.ts"), &error);
        QVERIFY(first);
        QCOMPARE(contents(first), bytes);
        const auto second = mappings.map(path("0.ts"), &error);
        QCOMPARE(second.get(), first.get());
        QCOMPARE(mappings.entries(), 1);
        QCOMPARE(mappings.bytes(), qint64(bytes.size()));
    }

    void missingAndOddFilesSayWhy()
    {
        http::SegmentMappings mappings;
        int error = 0;
        QVERIFY(!mappings.map(path("missing.ts"), &error));
        QCOMPARE(error, ENOENT);
        QVERIFY(!mappings.map(QFile::encodeName(m_dir.path()), &error));
        QCOMPARE(error, EISDIR);
        QVERIFY(writeFile(m_dir.filePath("empty.ts"), {}));
        const auto empty = mappings.map(path("empty.ts"), &error);
        QVERIFY(empty);
        QCOMPARE(empty->size, qint64(0));
    }

    // A link planted in the folder is refused whether it is the file or a folder on the way;
    // the folder itself may be a link (a data folder moved to another disk).
    void linksOutOfTheConfinedFolderAreRefused()
    {
        QVERIFY(QDir(m_dir.path()).mkpath("store/1/src"));
        QVERIFY(QDir(m_dir.path()).mkpath("elsewhere"));
        QVERIFY(writeFile(m_dir.filePath("elsewhere/secret.ts"), bytesOf(100, 's')));
        QVERIFY(writeFile(m_dir.filePath("store/1/src/0.ts"), bytesOf(200, 'g')));
        QVERIFY(
            QFile::link(m_dir.filePath("elsewhere/secret.ts"), m_dir.filePath("store/1/src/1.ts")));
        QVERIFY(QFile::link(m_dir.filePath("elsewhere"), m_dir.filePath("store/1/evil")));
        QVERIFY(QFile::link(m_dir.filePath("store"), m_dir.filePath("linked-store")));

        http::SegmentMappings confined(http::SegmentMappings::kDefaultMaxEntries,
            http::SegmentMappings::kDefaultMaxBytes, path("linked-store"));
        int error = 0;
        QVERIFY(!confined.map(path("linked-store/1/src/1.ts"), &error));
        QCOMPARE(error, ENOENT);
        QVERIFY(!confined.map(path("linked-store/1/evil/secret.ts"), &error));
        QCOMPARE(error, ENOENT);
        const auto good = confined.map(path("linked-store/1/src/0.ts"), &error);
        QVERIFY(good);
        QCOMPARE(contents(good), bytesOf(200, 'g'));
        // Unconfined, the same links are followed: the check above is what refuses them.
        http::SegmentMappings open;
        QVERIFY(open.map(path("linked-store/1/evil/secret.ts"), &error));
    }

    // Retention deletes segments: a deleted one is not served from the cache, and one made
    // again under the same name is mapped afresh.
    void aDeletedOrReplacedFileIsNotServedFromTheCache()
    {
        QVERIFY(writeFile(m_dir.filePath("1.ts"), bytesOf(3000, 'b')));
        http::SegmentMappings mappings;
        int error = 0;
        const auto held = mappings.map(path("1.ts"), &error);
        QVERIFY(held);
        QVERIFY(QFile::remove(m_dir.filePath("1.ts")));
        QVERIFY(!mappings.map(path("1.ts"), &error));
        QCOMPARE(error, ENOENT);
        QCOMPARE(mappings.entries(), 0);
        QCOMPARE(contents(held), bytesOf(3000, 'b')); // still readable by who holds it

        const QByteArray replacement = bytesOf(4000, 'c');
        QVERIFY(writeFile(m_dir.filePath("1.ts.tmp"), replacement));
        QVERIFY(QFile::rename(m_dir.filePath("1.ts.tmp"), m_dir.filePath("1.ts")));
        const auto fresh = mappings.map(path("1.ts"), &error);
        QVERIFY(fresh);
        QCOMPARE(contents(fresh), replacement);
    }

    void theCacheIsBoundedAndHeldMappingsOutliveEviction_data()
    {
        QTest::addColumn<int>("maxEntries");
        QTest::addColumn<qint64>("maxBytes");
        QTest::addColumn<int>("kept");
        QTest::newRow("by entries") << 3 << qint64(1 << 30) << 3;
        QTest::newRow("by bytes") << 100 << qint64(2 * 1000) << 2;
        // One file larger than the bound is still kept (and served): the newest always stays.
        QTest::newRow("bytes below one file") << 100 << qint64(1) << 1;
    }

    void theCacheIsBoundedAndHeldMappingsOutliveEviction()
    {
        QFETCH(int, maxEntries);
        QFETCH(qint64, maxBytes);
        QFETCH(int, kept);
        http::SegmentMappings mappings(maxEntries, maxBytes);
        int error = 0;
        QList<http::SegmentMappings::Handle> held;
        for (int i = 0; i < 6; ++i) {
            const QString name = QStringLiteral("bound-%1.ts").arg(i);
            QVERIFY(writeFile(m_dir.filePath(name), bytesOf(1000, char('d' + i))));
            held.append(mappings.map(path(name), &error));
            QVERIFY(held.last());
        }
        QCOMPARE(mappings.entries(), kept);
        QCOMPARE(mappings.bytes(), qint64(kept) * 1000);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(contents(held.at(i)), bytesOf(1000, char('d' + i)));
        // The newest stay cached: mapping it again gives the same mapping.
        QCOMPARE(mappings.map(path("bound-5.ts"), &error).get(), held.last().get());
    }
};

QTEST_GUILESS_MAIN(TestSegmentMappings)
#include "tst_segment_mappings.moc"
