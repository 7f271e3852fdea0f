#include "storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <memory>
#include <thread>

using namespace panelx;

namespace {

QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QStringList objects(QSqlDatabase db, const QString &type)
{
    QStringList names;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = '%1' AND name NOT "
                              "LIKE 'sqlite_%' ORDER BY name")
                   .arg(type));
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

// Runs a migration script the way an older PanelX would have, with a plain connection.
bool runScript(QSqlDatabase db, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QString script = QString::fromUtf8(file.readAll());
    // The schema files have no ';' inside strings or comments, so a plain split is enough here.
    QStringList lines;
    for (const QString &line : script.split(u'\n'))
        if (!line.trimmed().startsWith(QLatin1String("--")))
            lines.append(line.section(QStringLiteral(" --"), 0, 0));
    for (const QString &statement : lines.join(u'\n').split(u';')) {
        if (statement.trimmed().isEmpty())
            continue;
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            qWarning() << query.lastError().text() << statement;
            return false;
        }
    }
    return true;
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private slots:
    void freshDatabaseGetsLatestSchema();
    void existingVersion1KeepsItsData();
    void reopenIsANoOp();
    void walAndPragmasOnEveryConnection();
    void connectionPerThread();
    void newerSchemaIsRefused();
    void notADatabaseIsRefused();
    void unwritableFolderIsRefused();
};

void TestMigrations::freshDatabaseGetsLatestSchema()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("sub/folder/panelx.db")));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QVERIFY(Database::latestSchemaVersion() >= 1);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    const QStringList tables = objects(db.connection(), QStringLiteral("table"));
    for (const char *table : {"channels", "segments", "sequence_counters", "player_positions"})
        QVERIFY2(tables.contains(QLatin1String(table)), qPrintable(tables.join(u' ')));
    QVERIFY(objects(db.connection(), QStringLiteral("index"))
                .contains(QStringLiteral("segments_by_time")));
    // The time index really serves the wall-clock queries.
    QSqlQuery explain(db.connection());
    QVERIFY(explain.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT * FROM segments WHERE "
                                        "channel_id = 1 AND rendition = 'src' AND "
                                        "start_utc_ms < 5")));
    QString details;
    while (explain.next())
        details += explain.value(3).toString();
    QVERIFY2(details.contains(QStringLiteral("segments_by_time")), qPrintable(details));
}

void TestMigrations::existingVersion1KeepsItsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("panelx.db"));
    {
        // A database as the first release left it: schema 1 with a channel and segments.
        QSqlDatabase old
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        old.setDatabaseName(path);
        QVERIFY(old.open());
        QVERIFY(
            runScript(old, QStringLiteral(PANELX_SOURCE_DIR "/resources/migrations/001_init.sql")));
        QSqlQuery query(old);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO channels (name, slug, source_url, enabled, segment_duration_ms, "
            "buffer_ms, created_utc_ms) VALUES ('News', 'news', 'udp://@239.0.0.1:1234', 1, "
            "6000, 3600000, 1700000000000)")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO segments VALUES (1, 'src', 41, 1700000000000, 6000, 123456, 1, 2)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO sequence_counters VALUES (1, 'src', 42)")));
        query.finish();
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    Database db(path);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    const QSqlDatabase c = db.connection();
    QCOMPARE(scalar(c,
                 QStringLiteral("SELECT name || '|' || slug || '|' || source_url || '|' || "
                                "segment_duration_ms || '|' || buffer_ms FROM channels"))
                 .toString(),
        QStringLiteral("News|news|udp://@239.0.0.1:1234|6000|3600000"));
    QCOMPARE(scalar(c, QStringLiteral("SELECT size_bytes FROM segments WHERE sequence = 41"))
                 .toLongLong(),
        123456);
    QCOMPARE(scalar(c, QStringLiteral("SELECT next_sequence FROM sequence_counters")).toInt(), 42);
}

void TestMigrations::reopenIsANoOp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("panelx.db"));
    {
        Database db(path);
        QVERIFY(db.open(nullptr));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO channels (name, slug, source_url, created_utc_ms) "
                           "VALUES ('A', 'a', 'demo:', 1)")));
    }
    Database again(path);
    QString error;
    QVERIFY2(again.open(&error), qPrintable(error));
    QCOMPARE(
        scalar(again.connection(), QStringLiteral("SELECT COUNT(*) FROM channels")).toInt(), 1);
}

void TestMigrations::walAndPragmasOnEveryConnection()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("panelx.db")));
    QVERIFY(db.open(nullptr));
    const auto check = [&db](QString *problem) {
        const QSqlDatabase c = db.connection();
        const QString mode = scalar(c, QStringLiteral("PRAGMA journal_mode")).toString();
        const int sync = scalar(c, QStringLiteral("PRAGMA synchronous")).toInt();
        const int fk = scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt();
        const int busy = scalar(c, QStringLiteral("PRAGMA busy_timeout")).toInt();
        if (mode != QLatin1String("wal") || sync != 1 || fk != 1 || busy < 1000)
            *problem = QStringLiteral("mode %1 sync %2 fk %3 busy %4")
                           .arg(mode)
                           .arg(sync)
                           .arg(fk)
                           .arg(busy);
    };
    QString mainProblem;
    check(&mainProblem);
    QVERIFY2(mainProblem.isEmpty(), qPrintable(mainProblem));
    QString threadProblem;
    std::thread([&] { check(&threadProblem); }).join();
    QVERIFY2(threadProblem.isEmpty(), qPrintable(threadProblem));
    QVERIFY(QFile::exists(db.filePath() + QStringLiteral("-wal")));
}

void TestMigrations::connectionPerThread()
{
    QTemporaryDir dir;
    const QStringList before = QSqlDatabase::connectionNames();
    QString threadConnection;
    {
        Database db(dir.filePath(QStringLiteral("panelx.db")));
        QVERIFY(db.open(nullptr));
        const QString mainConnection = db.connection().connectionName();
        QCOMPARE(db.connection().connectionName(), mainConnection); // reused
        std::thread([&] {
            threadConnection = db.connection().connectionName();
            QSqlQuery query(db.connection());
            query.exec(QStringLiteral("INSERT INTO channels (name, slug, source_url, "
                                      "created_utc_ms) VALUES ('T', 't', 'demo:', 1)"));
        }).join();
        QVERIFY(!threadConnection.isEmpty());
        QVERIFY(threadConnection != mainConnection);
        // Gone with its thread; the main one stays until the Database goes.
        QVERIFY(!QSqlDatabase::contains(threadConnection));
        QVERIFY(QSqlDatabase::contains(mainConnection));
        QCOMPARE(
            scalar(db.connection(), QStringLiteral("SELECT COUNT(*) FROM channels")).toInt(), 1);

        // A thread that outlives its Database: the Database removes the connection, the
        // thread's end must not trip over it.
        std::promise<void> opened, release;
        auto other = std::make_unique<Database>(dir.filePath(QStringLiteral("other.db")));
        QVERIFY(other->open(nullptr));
        std::thread late([&, releasedFuture = release.get_future()] {
            other->connection();
            opened.set_value();
            releasedFuture.wait();
        });
        opened.get_future().wait();
        other.reset();
        release.set_value();
        late.join();
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestMigrations::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("panelx.db"));
    {
        Database db(path);
        QVERIFY(db.open(nullptr));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    Database db(path);
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(error.contains(QStringLiteral("newer PanelX")), qPrintable(error));
    QCOMPARE(db.schemaVersion(), 999); // untouched
}

void TestMigrations::notADatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("panelx.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'z'));
    file.close();
    Database db(path);
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(error.contains(QStringLiteral("not a PanelX database")), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), 8192); // not overwritten
}

void TestMigrations::unwritableFolderIsRefused()
{
    QTemporaryDir dir;
    // A file where the folder should be.
    QFile blocker(dir.filePath(QStringLiteral("data")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Database db(dir.filePath(QStringLiteral("data/panelx.db")));
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(!error.isEmpty(), "no message");
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
