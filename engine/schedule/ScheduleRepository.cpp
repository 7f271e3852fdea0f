#include "ScheduleRepository.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace panelx {

namespace {

const QString kScheduleColumns = QStringLiteral(
    "name, action, channel_id, title, first_date, start_time, time_zone, duration_minutes, "
    "recurrence, weekdays, last_date, padding_before_minutes, padding_after_minutes, enabled, "
    "created_utc_ms");

QString storageError(const QSqlQuery &query)
{
    return QStringLiteral("The schedule could not be saved: %1. Check that the disk of the "
                          "data folder is not full.")
        .arg(query.lastError().text());
}

// A null QString binds as SQL NULL; the text columns are NOT NULL and empty means none.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("");
}

void bindFields(QSqlQuery &query, const Schedule &schedule)
{
    query.addBindValue(schedule.name);
    query.addBindValue(scheduleActionName(schedule.action));
    query.addBindValue(schedule.channelId);
    query.addBindValue(notNull(schedule.title));
    query.addBindValue(dateText(schedule.firstDate));
    query.addBindValue(schedule.startTime.toString(QStringLiteral("HH:mm:ss")));
    query.addBindValue(QString::fromUtf8(schedule.timeZoneId));
    query.addBindValue(schedule.durationMinutes);
    query.addBindValue(recurrenceName(schedule.recurrence));
    query.addBindValue(notNull(schedule.weekdays.names().join(QLatin1Char(','))));
    query.addBindValue(dateText(schedule.lastDate));
    query.addBindValue(schedule.paddingBeforeMinutes);
    query.addBindValue(schedule.paddingAfterMinutes);
    query.addBindValue(schedule.enabled ? 1 : 0);
    query.addBindValue(schedule.createdUtcMs);
}

Schedule scheduleFrom(const QSqlQuery &query)
{
    Schedule schedule;
    schedule.id = query.value(0).toLongLong();
    schedule.name = query.value(1).toString();
    schedule.action = scheduleActionFromName(query.value(2).toString());
    schedule.channelId = query.value(3).toLongLong();
    schedule.title = query.value(4).toString();
    schedule.firstDate = QDate::fromString(query.value(5).toString(), Qt::ISODate);
    schedule.startTime = QTime::fromString(query.value(6).toString(), QStringLiteral("HH:mm:ss"));
    schedule.timeZoneId = query.value(7).toString().toUtf8();
    schedule.durationMinutes = query.value(8).toInt();
    schedule.recurrence = recurrenceFromName(query.value(9).toString());
    schedule.weekdays = Weekdays::fromNames(
        query.value(10).toString().split(QLatin1Char(','), Qt::SkipEmptyParts));
    schedule.lastDate = QDate::fromString(query.value(11).toString(), Qt::ISODate);
    schedule.paddingBeforeMinutes = query.value(12).toInt();
    schedule.paddingAfterMinutes = query.value(13).toInt();
    schedule.enabled = query.value(14).toBool();
    schedule.createdUtcMs = query.value(15).toLongLong();
    return schedule;
}

ScheduleRun runFrom(const QSqlQuery &query)
{
    ScheduleRun run;
    run.id = query.value(0).toLongLong();
    run.scheduleId = query.value(1).toLongLong();
    run.plannedUtcMs = query.value(2).toLongLong();
    run.actualUtcMs = query.value(3).toLongLong(); // NULL (missed) reads as 0
    run.result = scheduleRunResultFromName(query.value(4).toString());
    run.reason = query.value(5).toString();
    run.recordingId = query.value(6).toLongLong();
    return run;
}

const QString kRunColumns = QStringLiteral(
    "id, schedule_id, planned_utc_ms, actual_utc_ms, result, reason, recording_id");

} // namespace

QList<Schedule> ScheduleRepository::all() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    QList<Schedule> schedules;
    if (!query.exec(QStringLiteral("SELECT id, %1 FROM schedules ORDER BY name COLLATE NOCASE, id")
                        .arg(kScheduleColumns))) {
        qWarning().noquote() << "Cannot read the schedules:" << query.lastError().text();
        return schedules;
    }
    while (query.next())
        schedules.append(scheduleFrom(query));
    return schedules;
}

bool ScheduleRepository::insert(Schedule &schedule, qint64 watchedFromUtcMs, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO schedules (%1, watched_from_utc_ms) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(kScheduleColumns));
    bindFields(query, schedule);
    query.addBindValue(watchedFromUtcMs);
    if (!query.exec()) {
        if (error)
            *error = storageError(query);
        return false;
    }
    schedule.id = query.lastInsertId().toLongLong();
    return true;
}

bool ScheduleRepository::update(const Schedule &schedule, qint64 watchedFromUtcMs, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "UPDATE schedules SET name = ?, action = ?, channel_id = ?, title = ?, first_date = ?, "
        "start_time = ?, time_zone = ?, duration_minutes = ?, recurrence = ?, weekdays = ?, "
        "last_date = ?, padding_before_minutes = ?, padding_after_minutes = ?, enabled = ?, "
        "created_utc_ms = ?, watched_from_utc_ms = ? WHERE id = ?"));
    bindFields(query, schedule);
    query.addBindValue(watchedFromUtcMs);
    query.addBindValue(schedule.id);
    if (query.exec())
        return true;
    if (error)
        *error = storageError(query);
    return false;
}

bool ScheduleRepository::remove(qint64 id, QString *error)
{
    Transaction transaction(m_db.connection());
    QSqlQuery query(m_db.connection());
    const auto fail = [&] {
        if (error)
            *error = transaction.isActive() ? storageError(query) : transaction.errorText();
        return false;
    };
    if (!transaction.isActive())
        return fail();
    for (const QString &statement : {QStringLiteral("DELETE FROM schedule_runs WHERE "
                                                    "schedule_id = ?"),
             QStringLiteral("DELETE FROM schedules WHERE id = ?")}) {
        query.prepare(statement);
        query.addBindValue(id);
        if (!query.exec())
            return fail();
    }
    if (transaction.commit())
        return true;
    if (error)
        *error = transaction.errorText();
    return false;
}

qint64 ScheduleRepository::watchedFrom(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "SELECT max(watched_from_utc_ms, coalesce((SELECT max(planned_utc_ms) FROM schedule_runs "
        "WHERE schedule_id = schedules.id), 0)) FROM schedules WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

bool ScheduleRepository::addRun(ScheduleRun &run, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO schedule_runs (schedule_id, planned_utc_ms, actual_utc_ms, result, reason, "
        "recording_id) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(run.scheduleId);
    query.addBindValue(run.plannedUtcMs);
    query.addBindValue(run.actualUtcMs ? QVariant(run.actualUtcMs) : QVariant());
    query.addBindValue(scheduleRunResultName(run.result));
    query.addBindValue(notNull(run.reason));
    query.addBindValue(run.recordingId);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("The schedule's run could not be logged: %1. Check that the "
                                    "disk of the data folder is not full.")
                         .arg(query.lastError().text());
        return false;
    }
    run.id = query.lastInsertId().toLongLong();
    return true;
}

QList<ScheduleRun> ScheduleRepository::runs(qint64 scheduleId, int limit) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM schedule_runs WHERE schedule_id = ? ORDER BY "
                                 "planned_utc_ms DESC, id DESC LIMIT ?")
                      .arg(kRunColumns));
    query.addBindValue(scheduleId);
    query.addBindValue(limit > 0 ? limit : -1); // SQLite: a negative limit is none
    QList<ScheduleRun> runs;
    if (!query.exec()) {
        qWarning().noquote() << "Cannot read the schedule's runs:" << query.lastError().text();
        return runs;
    }
    while (query.next())
        runs.append(runFrom(query));
    return runs;
}

std::optional<ScheduleRun> ScheduleRepository::runAt(qint64 scheduleId, qint64 plannedUtcMs) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM schedule_runs WHERE schedule_id = ? AND "
                                 "planned_utc_ms = ? ORDER BY id LIMIT 1")
                      .arg(kRunColumns));
    query.addBindValue(scheduleId);
    query.addBindValue(plannedUtcMs);
    if (query.exec() && query.next())
        return runFrom(query);
    return std::nullopt;
}

bool ScheduleRepository::advanceWatchedFrom(qint64 id, qint64 utcMs, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE schedules SET watched_from_utc_ms = "
                                 "max(watched_from_utc_ms, ?) WHERE id = ?"));
    query.addBindValue(utcMs);
    query.addBindValue(id);
    if (query.exec())
        return true;
    if (error)
        *error = storageError(query);
    return false;
}

ScheduleFigures ScheduleRepository::figures(qint64 scheduleId) const
{
    ScheduleFigures figures;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT count(*), coalesce(sum(result != 'done'), 0) FROM "
                                 "schedule_runs WHERE schedule_id = ?"));
    query.addBindValue(scheduleId);
    if (query.exec() && query.next()) {
        figures.runs = query.value(0).toInt();
        figures.failures = query.value(1).toInt();
    }
    if (const QList<ScheduleRun> last = runs(scheduleId, 1); !last.isEmpty())
        figures.lastRun = last.first();
    return figures;
}

} // namespace panelx
