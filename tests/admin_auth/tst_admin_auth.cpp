// The admin API's token and its back-off for wrong tokens, without a server: the token file's
// mode and atomic replacement, constant-time matching, and the back-off's timing with a clock
// the test sets.
#include "api/AdminToken.h"
#include "api/AuthGuard.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace panelx;

namespace {

int fileMode(const QString &path)
{
    struct stat info { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

const QHostAddress kGuesser(QStringLiteral("192.0.2.7"));
const QHostAddress kOther(QStringLiteral("192.0.2.8"));

} // namespace

class TestAdminAuth : public QObject {
    Q_OBJECT
private slots:
    void generatedTokensAreLongAndDistinct()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i) {
            QString error;
            const QByteArray token = AdminToken::generate(&error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(token.size(), AdminToken::kRandomBytes * 2);
            QCOMPARE(QByteArray::fromHex(token).size(), AdminToken::kRandomBytes);
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 100);
    }

    void madeOnceWithOwnerOnlyMode()
    {
        QTemporaryDir dir;
        AdminToken first;
        QString error;
        QVERIFY2(first.loadOrCreate(dir.path(), &error), qPrintable(error));
        const QString path = AdminToken::fileName(dir.path());
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(AdminToken::read(dir.path()), first.value());
        AdminToken second;
        QVERIFY(second.loadOrCreate(dir.path(), &error));
        QCOMPARE(second.value(), first.value());
        // No temporary file is left next to it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList {QStringLiteral("admin-token")});
    }

    void damagedFileIsReplaced_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("too short") << QByteArray("abc123\n");
        QTest::newRow("not hex") << QByteArray(64, 'z');
    }

    void damagedFileIsReplaced()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QFile file(AdminToken::fileName(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        AdminToken token;
        QString error;
        QVERIFY(token.loadOrCreate(dir.path(), &error));
        QCOMPARE(token.value().size(), AdminToken::kRandomBytes * 2);
        QCOMPARE(AdminToken::read(dir.path()), token.value());
        QCOMPARE(fileMode(file.fileName()), 0600);
    }

    void regenerateReplacesTheFile()
    {
        QTemporaryDir dir;
        AdminToken token;
        QString error;
        QVERIFY(token.loadOrCreate(dir.path(), &error));
        const QByteArray old = token.value();
        QVERIFY(token.regenerate(&error));
        QVERIFY(token.value() != old);
        QVERIFY(!token.matches(old));
        QCOMPARE(AdminToken::read(dir.path()), token.value());
        QCOMPARE(fileMode(AdminToken::fileName(dir.path())), 0600);
    }

    void unwritableFolderIsReported()
    {
        // A "folder" that is a file: no one may write there, root included.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("file"));
        QFile(file).open(QIODevice::WriteOnly);
        AdminToken token;
        QString error;
        QVERIFY(!token.loadOrCreate(file, &error));
        QVERIFY2(error.contains(QStringLiteral("data folder")), qPrintable(error));
        QVERIFY(token.value().isEmpty());
    }

    void matchesOnlyTheWholeToken()
    {
        QTemporaryDir dir;
        AdminToken token;
        QString error;
        QVERIFY(token.loadOrCreate(dir.path(), &error));
        const QByteArray value = token.value();
        QVERIFY(token.matches(value));
        QVERIFY(!token.matches({}));
        QVERIFY(!token.matches(value.chopped(1)));
        QVERIFY(!token.matches(value + 'a'));
        QVERIFY(!token.matches(value.toUpper() == value ? value + 'x' : value.toUpper()));
        QByteArray lastWrong = value;
        lastWrong.back() = lastWrong.back() == '0' ? '1' : '0';
        QVERIFY(!token.matches(lastWrong));
        QVERIFY(!AdminToken().matches({})); // no token: nothing matches
    }

    void guardAllowsAFewMistakes()
    {
        AuthGuard guard;
        for (int i = 0; i < AuthGuard::kFailuresAllowed - 1; ++i)
            guard.recordFailure(kGuesser, 1000 + i);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, 2000), 0);
        // Failures older than the window are forgotten.
        guard.recordFailure(kGuesser, 1000 + AuthGuard::kWindowMs + 10);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, 1000 + AuthGuard::kWindowMs + 11), 0);
    }

    void guardBlocksAndDoubles()
    {
        AuthGuard guard;
        qint64 now = 5000;
        for (int i = 0; i < AuthGuard::kFailuresAllowed; ++i)
            guard.recordFailure(kGuesser, now);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, now), 60);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, now + 59500), 1);
        QCOMPARE(guard.retryAfterSeconds(kOther, now), 0);
        now += AuthGuard::kFirstBlockMs;
        QCOMPARE(guard.retryAfterSeconds(kGuesser, now), 0);
        for (int i = 0; i < AuthGuard::kFailuresAllowed; ++i)
            guard.recordFailure(kGuesser, now);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, now), 120);
        // Doubling stops at the longest block.
        for (int round = 0; round < 10; ++round) {
            now += AuthGuard::kLongestBlockMs;
            for (int i = 0; i < AuthGuard::kFailuresAllowed; ++i)
                guard.recordFailure(kGuesser, now);
        }
        QCOMPARE(guard.retryAfterSeconds(kGuesser, now), int(AuthGuard::kLongestBlockMs / 1000));
    }

    void successClearsTheRecord()
    {
        AuthGuard guard;
        for (int i = 0; i < AuthGuard::kFailuresAllowed - 1; ++i)
            guard.recordFailure(kGuesser, 0);
        guard.recordSuccess(kGuesser);
        guard.recordFailure(kGuesser, 1);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, 1), 0);
        // And the next block starts short again.
        for (int i = 0; i < AuthGuard::kFailuresAllowed; ++i)
            guard.recordFailure(kGuesser, 2);
        guard.recordSuccess(kGuesser);
        for (int i = 0; i < AuthGuard::kFailuresAllowed; ++i)
            guard.recordFailure(kGuesser, 3);
        QCOMPARE(guard.retryAfterSeconds(kGuesser, 3), 60);
    }

    void guardMemoryIsBounded()
    {
        AuthGuard guard;
        // Many addresses, each blocked: the guard keeps at most kMaxAddresses of them, the
        // newest blocks included.
        const int count = AuthGuard::kMaxAddresses + 100;
        for (int n = 0; n < count; ++n) {
            const QHostAddress address(quint32(0x0A000000 + n));
            for (int i = 0; i < AuthGuard::kFailuresAllowed; ++i)
                guard.recordFailure(address, n);
        }
        QVERIFY(guard.retryAfterSeconds(QHostAddress(quint32(0x0A000000 + count - 1)), count) > 0);
        QCOMPARE(guard.retryAfterSeconds(QHostAddress(quint32(0x0A000000)), count), 0);
    }
};

QTEST_GUILESS_MAIN(TestAdminAuth)
#include "tst_admin_auth.moc"
