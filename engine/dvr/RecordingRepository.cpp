#include "RecordingRepository.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace panelx {

namespace {

QString storageError(const QSqlQuery &query)
{
    return QStringLiteral("The recording could not be saved: %1. Check that the disk of the "
                          "data folder is not full.")
        .arg(query.lastError().text());
}

// A null QString binds as SQL NULL; the text columns are NOT NULL and empty means none.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void bindFields(QSqlQuery &query, const Recording &recording)
{
    query.addBindValue(recording.channelId);
    query.addBindValue(recording.title);
    query.addBindValue(recording.startUtcMs);
    query.addBindValue(recording.endUtcMs);
    query.addBindValue(recordingStateName(recording.state));
    query.addBindValue(notNull(recording.reason));
    query.addBindValue(notNull(RecordingRepository::gapsToText(recording.gaps)));
    query.addBindValue(recording.keep ? 1 : 0);
    query.addBindValue(recording.createdUtcMs);
}

} // namespace

QList<Recording> RecordingRepository::all() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    QList<Recording> recordings;
    if (!query.exec(QStringLiteral("SELECT id, channel_id, title, start_utc_ms, end_utc_ms, state, "
                                   "reason, gaps, keep, created_utc_ms FROM recordings "
                                   "ORDER BY start_utc_ms, id"))) {
        qWarning().noquote() << "Cannot read the recordings:" << query.lastError().text();
        return recordings;
    }
    while (query.next()) {
        Recording recording;
        recording.id = query.value(0).toLongLong();
        recording.channelId = query.value(1).toLongLong();
        recording.title = query.value(2).toString();
        recording.startUtcMs = query.value(3).toLongLong();
        recording.endUtcMs = query.value(4).toLongLong();
        recording.state = recordingStateFromName(query.value(5).toString());
        recording.reason = query.value(6).toString();
        recording.gaps = gapsFromText(query.value(7).toString());
        recording.keep = query.value(8).toBool();
        recording.createdUtcMs = query.value(9).toLongLong();
        recordings.append(recording);
    }
    return recordings;
}

bool RecordingRepository::insert(Recording &recording, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO recordings (channel_id, title, start_utc_ms, "
                                 "end_utc_ms, state, reason, gaps, keep, created_utc_ms) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindFields(query, recording);
    if (!query.exec()) {
        if (error)
            *error = storageError(query);
        return false;
    }
    recording.id = query.lastInsertId().toLongLong();
    return true;
}

bool RecordingRepository::update(const Recording &recording, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE recordings SET channel_id = ?, title = ?, "
                                 "start_utc_ms = ?, end_utc_ms = ?, state = ?, reason = ?, "
                                 "gaps = ?, keep = ?, created_utc_ms = ? WHERE id = ?"));
    bindFields(query, recording);
    query.addBindValue(recording.id);
    if (query.exec())
        return true;
    if (error)
        *error = storageError(query);
    return false;
}

bool RecordingRepository::remove(qint64 id, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM recordings WHERE id = ?"));
    query.addBindValue(id);
    if (query.exec())
        return true;
    if (error)
        *error = storageError(query);
    return false;
}

QString RecordingRepository::gapsToText(const QList<RecordingGap> &gaps)
{
    QStringList parts;
    for (const RecordingGap &gap : gaps)
        parts << QStringLiteral("%1-%2").arg(gap.fromUtcMs).arg(gap.toUtcMs);
    return parts.join(QLatin1Char(','));
}

QList<RecordingGap> RecordingRepository::gapsFromText(const QString &text)
{
    QList<RecordingGap> gaps;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList ends = part.split(QLatin1Char('-'));
        bool fromOk = false;
        bool toOk = false;
        RecordingGap gap {ends.value(0).toLongLong(&fromOk), ends.value(1).toLongLong(&toOk)};
        if (ends.size() == 2 && fromOk && toOk && gap.toUtcMs > gap.fromUtcMs)
            gaps.append(gap);
    }
    return gaps;
}

} // namespace panelx
