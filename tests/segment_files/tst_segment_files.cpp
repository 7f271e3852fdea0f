// The viewer server's cache of open segment files, over real files in a temporary folder.
#include "http/SegmentFiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <unistd.h>

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

// Read at explicit offsets, as sendfile does: the descriptor's position is never used.
QByteArray contents(const http::SegmentFiles::Handle &file)
{
    QByteArray bytes(qsizetype(file->size), Qt::Uninitialized);
    qint64 done = 0;
    while (done < file->size) {
        const ssize_t got = ::pread(file->fd, bytes.data() + done, size_t(file->size - done), done);
        if (got <= 0)
            return {};
        done += got;
    }
    return bytes;
}

} // namespace

class TestSegmentFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray path(const QString &name) const { return QFile::encodeName(m_dir.filePath(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aFileIsOpenedOnceAndShared()
    {
        const QByteArray bytes = bytesOf(5000, 'a');
        QVERIFY(writeFile(m_dir.filePath("0.ts"), bytes));
        http::SegmentFiles files;
        int error = 0;
        const auto first = files.open(path("0.ts"), &error);
        QVERIFY(first);
        QCOMPARE(first->size, qint64(bytes.size()));
        QCOMPARE(contents(first), bytes);
        const auto second = files.open(path("0.ts"), &error);
        QCOMPARE(second.get(), first.get());
        QCOMPARE(contents(second), bytes); // the first read moved nothing
        QCOMPARE(files.entries(), 1);
    }

    void missingAndOddFilesSayWhy()
    {
        http::SegmentFiles files;
        int error = 0;
        QVERIFY(!files.open(path("missing.ts"), &error));
        QCOMPARE(error, ENOENT);
        QVERIFY(!files.open(QFile::encodeName(m_dir.path()), &error));
        QCOMPARE(error, EISDIR);
        QVERIFY(writeFile(m_dir.filePath("empty.ts"), {}));
        const auto empty = files.open(path("empty.ts"), &error);
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

        http::SegmentFiles confined(http::SegmentFiles::kDefaultMaxEntries, path("linked-store"));
        int error = 0;
        QVERIFY(!confined.open(path("linked-store/1/src/1.ts"), &error));
        QCOMPARE(error, ENOENT);
        QVERIFY(!confined.open(path("linked-store/1/evil/secret.ts"), &error));
        QCOMPARE(error, ENOENT);
        const auto good = confined.open(path("linked-store/1/src/0.ts"), &error);
        QVERIFY(good);
        QCOMPARE(contents(good), bytesOf(200, 'g'));
        // Unconfined, the same links are followed: the check above is what refuses them.
        http::SegmentFiles open;
        QVERIFY(open.open(path("linked-store/1/evil/secret.ts"), &error));
    }

    // Retention deletes segments: a deleted one is not served from the cache, and one made
    // again under the same name is opened afresh.
    void aDeletedOrReplacedFileIsNotServedFromTheCache()
    {
        QVERIFY(writeFile(m_dir.filePath("1.ts"), bytesOf(3000, 'b')));
        http::SegmentFiles files;
        int error = 0;
        const auto held = files.open(path("1.ts"), &error);
        QVERIFY(held);
        QVERIFY(QFile::remove(m_dir.filePath("1.ts")));
        QVERIFY(!files.open(path("1.ts"), &error));
        QCOMPARE(error, ENOENT);
        QCOMPARE(files.entries(), 0);
        QCOMPARE(contents(held), bytesOf(3000, 'b')); // still readable by who holds it

        const QByteArray replacement = bytesOf(4000, 'c');
        QVERIFY(writeFile(m_dir.filePath("1.ts.tmp"), replacement));
        QVERIFY(QFile::rename(m_dir.filePath("1.ts.tmp"), m_dir.filePath("1.ts")));
        const auto fresh = files.open(path("1.ts"), &error);
        QVERIFY(fresh);
        QCOMPARE(contents(fresh), replacement);
    }

    void theCacheIsBoundedAndHeldFilesOutliveEviction()
    {
        constexpr int kept = 3;
        http::SegmentFiles files(kept);
        int error = 0;
        QList<http::SegmentFiles::Handle> held;
        for (int i = 0; i < 6; ++i) {
            const QString name = QStringLiteral("bound-%1.ts").arg(i);
            QVERIFY(writeFile(m_dir.filePath(name), bytesOf(1000, char('d' + i))));
            held.append(files.open(path(name), &error));
            QVERIFY(held.last());
        }
        QCOMPARE(files.entries(), kept);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(contents(held.at(i)), bytesOf(1000, char('d' + i)));
        // The newest stay cached: opening it again gives the same descriptor.
        QCOMPARE(files.open(path("bound-5.ts"), &error).get(), held.last().get());
    }
};

QTEST_GUILESS_MAIN(TestSegmentFiles)
#include "tst_segment_files.moc"
