#include "PlayerPositionRepository.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace panelx {

namespace {
QString storageError(const QSqlQuery &query)
{
    return QStringLiteral("The player's position could not be saved: %1. Check that the disk "
                          "of the data folder is not full.")
        .arg(query.lastError().text());
}
} // namespace

std::optional<qint64> PlayerPositionRepository::position(qint64 channelId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT utc_ms FROM player_positions WHERE channel_id = ?"));
    query.addBindValue(channelId);
    if (!query.exec()) {
        qWarning().noquote() << "Cannot read the player's position:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

bool PlayerPositionRepository::save(
    qint64 channelId, qint64 utcMs, qint64 savedUtcMs, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO player_positions (channel_id, utc_ms, saved_utc_ms) "
                                 "VALUES (?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET "
                                 "utc_ms = excluded.utc_ms, saved_utc_ms = excluded.saved_utc_ms"));
    query.addBindValue(channelId);
    query.addBindValue(utcMs);
    query.addBindValue(savedUtcMs);
    if (query.exec())
        return true;
    if (error)
        *error = storageError(query);
    return false;
}

bool PlayerPositionRepository::remove(qint64 channelId, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM player_positions WHERE channel_id = ?"));
    query.addBindValue(channelId);
    if (query.exec())
        return true;
    if (error)
        *error = storageError(query);
    return false;
}

} // namespace panelx
