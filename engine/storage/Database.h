// The SQLite database: one file, WAL mode, numbered migrations from resources/migrations,
// and one QSqlDatabase connection per thread (Qt's rule), opened on first use in that thread
// and closed when the thread ends.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace panelx {

class Database {
public:
    explicit Database(QString filePath);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the file, sets WAL, applies pending migrations. False with a message on failure.
    bool open(QString *error);
    // This thread's connection to the file (opened on first use). Safe from any thread,
    // QThread or not; the connection is removed when that thread ends or this object dies.
    QSqlDatabase connection() const;
    int schemaVersion() const;
    // The highest migration compiled into this program.
    static int latestSchemaVersion();
    QString filePath() const { return m_filePath; }

private:
    QString m_filePath;
    QString m_connectionPrefix;
};

// A write transaction on this thread's connection. BEGIN IMMEDIATE takes the write lock up
// front, so concurrent writers wait (busy_timeout) instead of failing on lock upgrade.
// Rolls back on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    QString errorText() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace panelx
