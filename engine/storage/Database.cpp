#include "Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QtDebug>

#include <atomic>
#include <map>

namespace panelx {

namespace {

constexpr int kBusyTimeoutMs = 5000;

std::atomic<quint64> g_nextInstance {1};
std::atomic<quint64> g_nextThread {1};

// Connection names that still exist. A connection can be removed from two sides: by its
// thread ending or by its Database being destroyed, whichever comes first; this set makes
// sure only one of them calls removeDatabase. Deliberately leaked: thread-local destructors
// of the main thread may run during static destruction.
struct Registry {
    QMutex mutex;
    QSet<QString> live;
};
Registry &registry()
{
    static Registry *r = new Registry;
    return *r;
}

// Take the name out of the registry; true if this caller is the one to remove it.
bool unregister(const QString &name)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.live.remove(name);
}

void removeConnection(const QString &name)
{
    // Without an application object Qt Sql cannot remove anything (the process is ending).
    if (QCoreApplication::instance())
        QSqlDatabase::removeDatabase(name);
}

// Per-thread list of the connections opened in this thread. Its destructor runs when the
// thread ends, for QThread and plain threads (the HTTP server's) alike.
struct ThreadConnections {
    quint64 threadNumber = g_nextThread++;
    QSet<QString> names;

    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names))
            if (unregister(name))
                removeConnection(name);
    }
};
thread_local ThreadConnections t_connections;

// Migrations compiled in as :/migrations/NNN_name.sql, ordered by NNN.
std::map<int, QString> availableMigrations()
{
    std::map<int, QString> migrations;
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_.*\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
        const auto match = pattern.match(file);
        if (match.hasMatch())
            migrations.emplace(match.captured(1).toInt(), dir.filePath(file));
    }
    return migrations;
}

// Splits a script into statements on top-level semicolons (outside quotes and comments;
// a CREATE TRIGGER body runs to its END;). Qt's SQLite driver executes one statement per call.
QStringList splitStatements(const QString &script)
{
    static const QRegularExpression triggerStart(
        QStringLiteral("^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression endsWithEnd(
        QStringLiteral("\\bEND\\s*$"), QRegularExpression::CaseInsensitiveOption);

    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            while (i < n && script.at(i) != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            const qsizetype end = script.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 1;
            current += u' ';
            continue;
        }
        if (c == u'\'' || c == u'"' || c == u'`') {
            const qsizetype start = i;
            ++i;
            while (i < n) {
                if (script.at(i) == c) {
                    if (i + 1 < n && script.at(i + 1) == c) { // doubled quote = escaped
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            current += script.mid(start, i - start + 1);
            continue;
        }
        if (c == u';'
            && (!triggerStart.match(current).hasMatch() || endsWithEnd.match(current).hasMatch())) {
            if (!current.trimmed().isEmpty())
                statements.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

bool execOrFail(QSqlQuery &query, const QString &sql, QString *error, const QString &what)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1: %2").arg(what, query.lastError().text());
    return false;
}

} // namespace

Database::Database(QString filePath)
    : m_filePath(std::move(filePath)),
      m_connectionPrefix(QStringLiteral("panelx-db-%1").arg(g_nextInstance++))
{
}

Database::~Database()
{
    QStringList mine;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        const QString prefix = m_connectionPrefix + u'/';
        for (auto it = r.live.begin(); it != r.live.end();) {
            if (it->startsWith(prefix)) {
                mine.append(*it);
                it = r.live.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const QString &name : std::as_const(mine))
        removeConnection(name);
}

QSqlDatabase Database::connection() const
{
    const QString name = m_connectionPrefix + u'/' + QString::number(t_connections.threadNumber);
    if (t_connections.names.contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    t_connections.names.insert(name);
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        r.live.insert(name);
    }
    if (!db.open()) {
        qWarning().noquote() << "Cannot open the database" << m_filePath << ":"
                             << db.lastError().text();
        return db;
    }
    QSqlQuery query(db);
    // journal_mode is stored in the file, the others hold per connection.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
             "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            qWarning().noquote() << "Database" << m_filePath << pragma
                                 << "failed:" << query.lastError().text();
    }
    return db;
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

int Database::latestSchemaVersion()
{
    const auto migrations = availableMigrations();
    return migrations.empty() ? 0 : migrations.rbegin()->first;
}

bool Database::open(QString *error)
{
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("Cannot create the folder “%1” for the database. Check that "
                                    "the data folder is writable.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("Cannot open the database “%1”: %2")
                         .arg(QDir::toNativeSeparators(m_filePath), db.lastError().text());
        return false;
    }

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
        || query.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error = QStringLiteral("“%1” is not a PanelX database or is damaged (%2). Move it "
                                    "away or choose another data folder.")
                         .arg(QDir::toNativeSeparators(m_filePath),
                             query.lastError().isValid() ? query.lastError().text()
                                                         : QStringLiteral("WAL mode refused"));
        return false;
    }
    query.finish();

    const int current = schemaVersion();
    const auto migrations = availableMigrations();
    const int latest = migrations.empty() ? 0 : migrations.rbegin()->first;
    if (current > latest) {
        if (error)
            *error = QStringLiteral("The database “%1” was made by a newer PanelX (schema %2; "
                                    "this version knows up to %3). Update PanelX or choose "
                                    "another data folder.")
                         .arg(QDir::toNativeSeparators(m_filePath))
                         .arg(current)
                         .arg(latest);
        return false;
    }

    for (const auto &[version, path] : migrations) {
        if (version <= current)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("Cannot read migration %1.").arg(path);
            return false;
        }
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));

        Transaction transaction(db);
        if (!transaction.isActive()) {
            if (error)
                *error = QStringLiteral("Cannot start migration %1: %2")
                             .arg(version)
                             .arg(transaction.errorText());
            return false;
        }
        QSqlQuery step(db);
        // Another process may have migrated meanwhile; the write lock makes this check final.
        if (!execOrFail(step, QStringLiteral("PRAGMA user_version"), error,
                QStringLiteral("Migration %1").arg(version)))
            return false;
        const int now = step.next() ? step.value(0).toInt() : 0;
        step.finish();
        if (now >= version)
            continue;
        for (const QString &statement : statements) {
            if (!execOrFail(step, statement, error,
                    QStringLiteral("Migration %1 (%2) failed")
                        .arg(version)
                        .arg(QFileInfo(path).fileName())))
                return false;
        }
        if (!execOrFail(step, QStringLiteral("PRAGMA user_version = %1").arg(version), error,
                QStringLiteral("Migration %1").arg(version)))
            return false;
        step.finish();
        if (!transaction.commit()) {
            if (error)
                *error = QStringLiteral("Migration %1 could not be committed: %2")
                             .arg(version)
                             .arg(transaction.errorText());
            return false;
        }
    }
    return true;
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    QSqlQuery query(m_db);
    m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_error = query.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK"));
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        m_error = query.lastError().text();
        return false; // still active: the destructor rolls back
    }
    m_active = false;
    return true;
}

} // namespace panelx
