#include "SegmentStore.h"

#include "av/AvHandles.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>
#include <QtDebug>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <sqlite3.h>
#include <unistd.h>

namespace panelx {

namespace {

const QString kColumns = QStringLiteral("channel_id, rendition, sequence, start_utc_ms, "
                                        "duration_ms, size_bytes, discontinuity, "
                                        "discontinuity_sequence");

// Correlated with a segment row aliased "s": the pins that cover it.
const QString kPinnedBy = QStringLiteral(
    "SELECT 1 FROM segment_pins p WHERE p.channel_id = s.channel_id "
    "AND p.from_utc_ms < s.start_utc_ms + s.duration_ms AND p.to_utc_ms > s.start_utc_ms");

qint64 singleNumber(QSqlQuery &query)
{
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    qWarning().noquote() << "Segment index query failed:" << query.lastError().text();
    return 0;
}

bool execOrExplain(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

SegmentInfo fromQuery(const QSqlQuery &query)
{
    SegmentInfo info;
    info.channelId = query.value(0).toLongLong();
    info.rendition = query.value(1).toString();
    info.sequence = query.value(2).toLongLong();
    info.startUtcMs = query.value(3).toLongLong();
    info.durationMs = query.value(4).toLongLong();
    info.sizeBytes = query.value(5).toLongLong();
    info.discontinuity = query.value(6).toBool();
    info.discontinuitySequence = query.value(7).toLongLong();
    return info;
}

// A segment query's rows read with SQLite's own API on this thread's connection: for the
// thousands of rows of a long recording or catch-up window the driver's QVariant per column
// made the read 3 to 4 times slower (docs/decisions.md). Columns: kRangeColumns; parameters:
// ?1 channel, ?2 rendition, then `numbers`.
const char *const kRangeColumns
    = "sequence, start_utc_ms, duration_ms, size_bytes, discontinuity, discontinuity_sequence";

QList<SegmentInfo> selectSegments(QSqlDatabase db, const QByteArray &sql, qint64 channelId,
    const QString &rendition, std::initializer_list<qint64> numbers)
{
    QList<SegmentInfo> segments;
    const QVariant handle = db.driver()->handle();
    sqlite3 *connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
    sqlite3_stmt *raw = nullptr;
    if (!connection
        || sqlite3_prepare_v2(connection, sql.constData(), int(sql.size()), &raw, nullptr)
            != SQLITE_OK) {
        qWarning().noquote() << "Segment index query failed:"
                             << (connection ? sqlite3_errmsg(connection) : "no SQLite connection");
        return segments;
    }
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(
        raw, &sqlite3_finalize);
    const QByteArray renditionUtf8 = rendition.toUtf8();
    sqlite3_bind_int64(raw, 1, channelId);
    sqlite3_bind_text(
        raw, 2, renditionUtf8.constData(), int(renditionUtf8.size()), SQLITE_TRANSIENT);
    int parameter = 3;
    for (const qint64 number : numbers)
        sqlite3_bind_int64(raw, parameter++, number);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
        SegmentInfo info;
        info.channelId = channelId;
        info.rendition = rendition; // shared, not copied per row
        info.sequence = sqlite3_column_int64(raw, 0);
        info.startUtcMs = sqlite3_column_int64(raw, 1);
        info.durationMs = sqlite3_column_int64(raw, 2);
        info.sizeBytes = sqlite3_column_int64(raw, 3);
        info.discontinuity = sqlite3_column_int64(raw, 4) != 0;
        info.discontinuitySequence = sqlite3_column_int64(raw, 5);
        segments.append(info);
    }
    if (step != SQLITE_DONE)
        qWarning().noquote() << "Segment index query failed:" << sqlite3_errmsg(connection);
    return segments;
}

bool insertRow(QSqlDatabase db, const SegmentInfo &info, QString *error)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO segments (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
    query.addBindValue(info.channelId);
    query.addBindValue(info.rendition);
    query.addBindValue(info.sequence);
    query.addBindValue(info.startUtcMs);
    query.addBindValue(info.durationMs);
    query.addBindValue(info.sizeBytes);
    query.addBindValue(info.discontinuity ? 1 : 0);
    query.addBindValue(info.discontinuitySequence);
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// Raises the counter so the next committed number is above `sequence`.
bool raiseCounter(
    QSqlDatabase db, qint64 channelId, const QString &rendition, qint64 sequence, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO sequence_counters (channel_id, rendition, next_sequence) VALUES (?, ?, ?) "
        "ON CONFLICT (channel_id, rendition) DO UPDATE SET "
        "next_sequence = max(next_sequence, excluded.next_sequence)"));
    query.addBindValue(channelId);
    query.addBindValue(rendition);
    query.addBindValue(sequence + 1);
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// The number the next segment of a channel+rendition gets: the counter, or (no counter yet)
// one above anything already indexed. -1 if the index cannot be read.
qint64 nextSequence(QSqlDatabase db, qint64 channelId, const QString &rendition, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT next_sequence FROM sequence_counters "
                                 "WHERE channel_id = ? AND rendition = ?"));
    query.addBindValue(channelId);
    query.addBindValue(rendition);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    query.prepare(QStringLiteral("SELECT COALESCE(MAX(sequence) + 1, 0) FROM segments "
                                 "WHERE channel_id = ? AND rendition = ?"));
    query.addBindValue(channelId);
    query.addBindValue(rendition);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    if (error)
        *error = query.lastError().text();
    return -1;
}

// fsync of a file or a folder (a folder's entry for a renamed file reaches the disk only with
// its own fsync).
bool syncToDisk(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    const bool synced = ::fsync(fd) == 0;
    if (!synced && error)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    ::close(fd);
    return synced;
}

// Duration of a finished segment file as libav reads it; nullopt if it cannot be read.
std::optional<qint64> probeDurationMs(const QString &path)
{
    AVFormatContext *raw = nullptr;
    if (avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr) < 0)
        return std::nullopt;
    AvInputContextPtr context(raw);
    if (avformat_find_stream_info(context.get(), nullptr) < 0 || context->nb_streams == 0)
        return std::nullopt;
    if (context->duration == AV_NOPTS_VALUE || context->duration <= 0)
        return std::nullopt;
    return av_rescale(context->duration, 1000, AV_TIME_BASE);
}

} // namespace

SegmentStore::SegmentStore(Database &db, QString rootDir, StoreClocks clocks)
    : m_db(db), m_rootDir(std::move(rootDir)), m_retentionClock(std::move(clocks))
{
    m_housekeeping.reset(QThread::create([this] { housekeepingLoop(); }));
    m_housekeeping->setObjectName(QStringLiteral("store-housekeeping"));
    m_housekeeping->start();
}

SegmentStore::~SegmentStore()
{
    {
        std::lock_guard lock(m_housekeepingMutex);
        m_stopping = true;
    }
    m_housekeepingWake.notify_all();
    m_housekeeping->wait();
}

bool SegmentStore::isValidRendition(const QString &rendition)
{
    if (rendition.isEmpty() || rendition.size() > 32)
        return false;
    return std::all_of(rendition.begin(), rendition.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

QString SegmentStore::segmentDir(qint64 channelId, const QString &rendition) const
{
    if (!isValidRendition(rendition))
        return {};
    return QStringLiteral("%1/%2/%3").arg(m_rootDir).arg(channelId).arg(rendition);
}

QString SegmentStore::segmentPath(qint64 channelId, const QString &rendition, qint64 sequence) const
{
    if (!isValidRendition(rendition))
        return {};
    return QStringLiteral("%1/%2.ts").arg(segmentDir(channelId, rendition)).arg(sequence);
}

QString SegmentStore::tempPath(qint64 channelId, const QString &rendition) const
{
    if (!isValidRendition(rendition))
        return {};
    return QStringLiteral("%1/next.ts.tmp").arg(segmentDir(channelId, rendition));
}

bool SegmentStore::prepareTempPath(qint64 channelId, const QString &rendition, QString *error) const
{
    if (!isValidRendition(rendition)) {
        if (error)
            *error = QStringLiteral("“%1” cannot name a rendition: use 1 to 32 letters, digits, "
                                    "'_' or '-'.")
                         .arg(rendition);
        return false;
    }
    const QString dir = segmentDir(channelId, rendition);
    if (QDir().mkpath(dir))
        return true;
    if (error)
        *error = QStringLiteral("cannot create the segment folder %1: check that the disk is "
                                "mounted and writable")
                     .arg(QDir::toNativeSeparators(dir));
    return false;
}

std::optional<SegmentInfo> SegmentStore::last(qint64 channelId, const QString &rendition) const
{
    const QList<SegmentInfo> newest = cachedLatest(channelId, rendition, 1);
    if (newest.isEmpty())
        return std::nullopt;
    return newest.first();
}

bool SegmentStore::commit(SegmentInfo &info, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!isValidRendition(info.rendition))
        return fail(QStringLiteral("“%1” cannot name a rendition: use 1 to 32 letters, digits, "
                                   "'_' or '-'.")
                        .arg(info.rendition));
    const QString temp = tempPath(info.channelId, info.rendition);
    const QFileInfo tempInfo(temp);
    if (!tempInfo.isFile())
        return fail(QStringLiteral("A segment of channel %1 was not written: %2 is missing.")
                        .arg(info.channelId)
                        .arg(QDir::toNativeSeparators(temp)));
    // The data reaches the disk before a name and an index row say it is there: otherwise a
    // power cut can leave an indexed but empty file.
    QString ioError;
    if (!syncToDisk(temp, &ioError))
        return fail(QStringLiteral("Cannot store a segment of channel %1: %2")
                        .arg(info.channelId)
                        .arg(ioError));

    // Numbered inside the transaction that indexes it, so a segment that fails anywhere before
    // uses no number and the numbers stay contiguous unless a caller asks for a higher one.
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(QStringLiteral("Cannot index a segment of channel %1: %2")
                        .arg(info.channelId)
                        .arg(transaction.errorText()));
    QString sqlError;
    const qint64 next = nextSequence(db, info.channelId, info.rendition, &sqlError);
    if (next < 0)
        return fail(QStringLiteral("Cannot number a segment of channel %1: %2")
                        .arg(info.channelId)
                        .arg(sqlError));
    // A ladder asks every rung for the same number; numbers may skip to it, never repeat.
    const qint64 sequence = std::max(next, info.sequence);
    const QString final = segmentPath(info.channelId, info.rendition, sequence);
    if (QFileInfo::exists(final))
        return fail(QStringLiteral("Segment %1 of channel %2 exists already but is not indexed; "
                                   "it was not overwritten. Restart PanelX to index it.")
                        .arg(sequence)
                        .arg(info.channelId));
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(final).constData()) != 0)
        return fail(QStringLiteral("Cannot store segment %1 of channel %2: %3")
                        .arg(sequence)
                        .arg(info.channelId)
                        .arg(QString::fromLocal8Bit(std::strerror(errno))));

    SegmentInfo stored = info;
    stored.sequence = sequence;
    stored.sizeBytes = tempInfo.size();
    const bool published = syncToDisk(segmentDir(info.channelId, info.rendition), &ioError);
    const bool indexed = published && insertRow(db, stored, &sqlError)
        && raiseCounter(db, stored.channelId, stored.rendition, stored.sequence, &sqlError)
        && transaction.commit();
    if (!indexed) {
        // Put the file back under its temp name, so index and files still agree.
        std::rename(QFile::encodeName(final).constData(), QFile::encodeName(temp).constData());
        if (!published)
            return fail(QStringLiteral("Cannot store segment %1 of channel %2: %3")
                            .arg(sequence)
                            .arg(info.channelId)
                            .arg(ioError));
        return fail(QStringLiteral("Cannot index segment %1 of channel %2: %3")
                        .arg(sequence)
                        .arg(info.channelId)
                        .arg(sqlError.isEmpty() ? transaction.errorText() : sqlError));
    }
    info = stored;
    cachePush(info);
    return true;
}

QList<SegmentInfo> SegmentStore::latest(qint64 channelId, const QString &rendition, int count) const
{
    if (count <= 0)
        return {};
    if (count <= kLiveCacheSize)
        return cachedLatest(channelId, rendition, count);

    QList<SegmentInfo> segments = selectSegments(m_db.connection(),
        QByteArray("SELECT ") + kRangeColumns
            + " FROM segments WHERE channel_id = ?1 AND rendition = ?2 "
              "ORDER BY sequence DESC LIMIT ?3",
        channelId, rendition, {count});
    std::reverse(segments.begin(), segments.end());
    return segments;
}

QList<SegmentInfo> SegmentStore::bySequence(
    qint64 channelId, const QString &rendition, qint64 firstSeq, qint64 lastSeq) const
{
    return selectSegments(m_db.connection(),
        QByteArray("SELECT ") + kRangeColumns
            + " FROM segments WHERE channel_id = ?1 AND rendition = ?2 "
              "AND sequence BETWEEN ?3 AND ?4 ORDER BY sequence",
        channelId, rendition, {firstSeq, lastSeq});
}

QList<SegmentInfo> SegmentStore::byTime(
    qint64 channelId, const QString &rendition, qint64 fromUtcMs, qint64 toUtcMs) const
{
    if (toUtcMs <= fromUtcMs)
        return {};
    return selectSegments(m_db.connection(),
        QByteArray("SELECT ") + kRangeColumns
            + " FROM segments WHERE channel_id = ?1 AND rendition = ?2 "
              "AND start_utc_ms < ?3 AND start_utc_ms + duration_ms > ?4 ORDER BY sequence",
        channelId, rendition, {toUtcMs, fromUtcMs});
}

qint64 SegmentStore::bytesUsed(qint64 channelId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM segments WHERE channel_id = ?"));
    query.addBindValue(channelId);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

std::optional<qint64> SegmentStore::oldestStartUtcMs(
    qint64 channelId, const QString &rendition) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT start_utc_ms FROM segments WHERE channel_id = ? "
                                 "AND rendition = ? ORDER BY sequence LIMIT 1"));
    query.addBindValue(channelId);
    query.addBindValue(rendition);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
}

bool SegmentStore::setPin(
    qint64 pinId, qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral("INSERT INTO segment_pins (id, channel_id, from_utc_ms, to_utc_ms) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "channel_id = excluded.channel_id, "
                       "from_utc_ms = excluded.from_utc_ms, "
                       "to_utc_ms = excluded.to_utc_ms"));
    query.addBindValue(pinId);
    query.addBindValue(channelId);
    query.addBindValue(fromUtcMs);
    query.addBindValue(toUtcMs);
    return execOrExplain(query, error);
}

bool SegmentStore::removePin(qint64 pinId, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM segment_pins WHERE id = ?"));
    query.addBindValue(pinId);
    return execOrExplain(query, error);
}

QList<qint64> SegmentStore::pinIds() const
{
    QSqlQuery query(m_db.connection());
    QList<qint64> ids;
    if (query.exec(QStringLiteral("SELECT id FROM segment_pins ORDER BY id")))
        while (query.next())
            ids.append(query.value(0).toLongLong());
    return ids;
}

qint64 SegmentStore::pinnedBytes() const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM segments s "
                                 "WHERE channel_id IN (SELECT channel_id FROM segment_pins) "
                                 "AND EXISTS (%1)")
                      .arg(kPinnedBy));
    return singleNumber(query);
}

qint64 SegmentStore::bytesInRange(qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM segments "
                                 "WHERE channel_id = ? AND start_utc_ms < ? "
                                 "AND start_utc_ms + duration_ms > ?"));
    query.addBindValue(channelId);
    query.addBindValue(toUtcMs);
    query.addBindValue(fromUtcMs);
    return singleNumber(query);
}

qint64 SegmentStore::bytesNotPinnedByOthers(
    qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs, qint64 exceptPinId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0) FROM segments s "
                                 "WHERE channel_id = ? AND start_utc_ms < ? "
                                 "AND start_utc_ms + duration_ms > ? "
                                 "AND NOT EXISTS (%1 AND p.id != ?)")
                      .arg(kPinnedBy));
    query.addBindValue(channelId);
    query.addBindValue(toUtcMs);
    query.addBindValue(fromUtcMs);
    query.addBindValue(exceptPinId);
    return singleNumber(query);
}

void SegmentStore::requestRetention(qint64 channelId, qint64 bufferMs)
{
    {
        std::lock_guard lock(m_housekeepingMutex);
        m_pendingRetention.insert(channelId, bufferMs);
    }
    m_housekeepingWake.notify_all();
}

void SegmentStore::waitForHousekeeping()
{
    std::unique_lock lock(m_housekeepingMutex);
    m_housekeepingWake.wait(
        lock, [this] { return m_pendingRetention.isEmpty() && !m_housekeepingBusy; });
}

void SegmentStore::housekeepingLoop()
{
    std::unique_lock lock(m_housekeepingMutex);
    for (;;) {
        m_housekeepingWake.wait(
            lock, [this] { return m_stopping || !m_pendingRetention.isEmpty(); });
        if (m_pendingRetention.isEmpty())
            return; // stopping, and everything asked for is done
        const QHash<qint64, qint64> pending = std::exchange(m_pendingRetention, {});
        m_housekeepingBusy = true;
        lock.unlock();
        for (auto it = pending.cbegin(); it != pending.cend(); ++it)
            applyRetention(it.key(), it.value());
        lock.lock();
        m_housekeepingBusy = false;
        m_housekeepingWake.notify_all();
    }
}

int SegmentStore::applyRetention(qint64 channelId, qint64 bufferMs)
{
    std::lock_guard lock(m_retentionMutex);
    m_retentionClock.update();
    const qint64 cutoffUtcMs = m_retentionClock.cutoffUtcMs(bufferMs);
    // Every rendition that was ever committed has a counter row.
    QStringList renditions;
    {
        QSqlQuery query(m_db.connection());
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral("SELECT rendition FROM sequence_counters WHERE channel_id = ?"));
        query.addBindValue(channelId);
        if (!query.exec()) {
            qWarning().noquote() << "Retention query failed:" << query.lastError().text();
            return 0;
        }
        while (query.next())
            renditions.append(query.value(0).toString());
    }
    int removed = 0;
    for (const QString &rendition : std::as_const(renditions))
        removed += applyRetention(channelId, rendition, cutoffUtcMs);
    return removed;
}

int SegmentStore::applyRetention(qint64 channelId, const QString &rendition, qint64 cutoffUtcMs)
{
    const QList<SegmentInfo> liveWindow = cachedLatest(channelId, rendition, kLiveCacheSize);
    if (liveWindow.size() < kLiveCacheSize)
        return 0; // all of it is live window
    QSqlDatabase db = m_db.connection();
    QList<qint64> expired;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        // A range of the (channel_id, rendition, start_utc_ms) index: only expired rows are
        // read, however long the buffer. The unary + keeps SQLite from taking the primary
        // key's range on sequence instead, which walks the whole buffer.
        query.prepare(QStringLiteral("SELECT sequence FROM segments s WHERE channel_id = ? "
                                     "AND rendition = ? AND start_utc_ms < ? "
                                     "AND start_utc_ms + duration_ms < ? AND +sequence < ? "
                                     "AND NOT EXISTS (%1)")
                          .arg(kPinnedBy));
        query.addBindValue(channelId);
        query.addBindValue(rendition);
        query.addBindValue(cutoffUtcMs);
        query.addBindValue(cutoffUtcMs);
        query.addBindValue(liveWindow.first().sequence);
        if (!query.exec()) {
            qWarning().noquote() << "Retention query failed:" << query.lastError().text();
            return 0;
        }
        while (query.next())
            expired.append(query.value(0).toLongLong());
    }
    if (expired.isEmpty())
        return 0;

    // Files first: a crash between the two steps leaves rows without files, which reconcile
    // removes; the other order would leave files no one ever deletes.
    QList<qint64> removed;
    for (const qint64 sequence : std::as_const(expired)) {
        QFile file(segmentPath(channelId, rendition, sequence));
        if (!file.exists() || file.remove())
            removed.append(sequence);
        else
            qWarning().noquote() << "Cannot delete old segment" << file.fileName() << ":"
                                 << file.errorString();
    }

    {
        Transaction transaction(db);
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "DELETE FROM segments WHERE channel_id = ? AND rendition = ? AND sequence = ?"));
        bool ok = transaction.isActive();
        for (qsizetype i = 0; ok && i < removed.size(); ++i) {
            query.bindValue(0, channelId);
            query.bindValue(1, rendition);
            query.bindValue(2, removed[i]);
            ok = query.exec();
        }
        query.finish();
        if (!ok || !transaction.commit()) {
            qWarning().noquote() << "Retention could not update the index:"
                                 << query.lastError().text() << transaction.errorText();
        }
    }
    cacheErase(channelId, rendition, removed);
    return int(removed.size());
}

ReconcileReport SegmentStore::reconcile()
{
    ReconcileReport report;
    QSqlDatabase db = m_db.connection();

    // Files on disk per channel+rendition: sequence -> path.
    std::map<Key, std::map<qint64, QString>> files;
    std::map<Key, qint64> highest;
    static const QRegularExpression segmentName(QStringLiteral("^(\\d+)\\.ts$"));
    const QDir root(m_rootDir);
    for (const QString &channelName : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isNumber = false;
        const qint64 channelId = channelName.toLongLong(&isNumber);
        if (!isNumber)
            continue;
        const QDir channelDir(root.filePath(channelName));
        for (const QString &rendition : channelDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!isValidRendition(rendition))
                continue;
            const QDir dir(channelDir.filePath(rendition));
            const Key key(channelId, rendition);
            for (const QString &name : dir.entryList(QDir::Files)) {
                if (name.endsWith(QLatin1String(".tmp"))) {
                    if (QFile::remove(dir.filePath(name)))
                        ++report.tempFilesRemoved;
                    continue;
                }
                const auto match = segmentName.match(name);
                if (!match.hasMatch())
                    continue;
                const qint64 sequence = match.captured(1).toLongLong();
                files[key][sequence] = dir.filePath(name);
                highest[key] = std::max(highest.count(key) ? highest[key] : 0, sequence);
            }
        }
    }

    std::map<Key, std::map<qint64, qint64>> rows; // sequence -> indexed size in bytes
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (query.exec(QStringLiteral(
                "SELECT channel_id, rendition, sequence, size_bytes FROM segments"))) {
            while (query.next()) {
                const Key key(query.value(0).toLongLong(), query.value(1).toString());
                const qint64 sequence = query.value(2).toLongLong();
                rows[key][sequence] = query.value(3).toLongLong();
                highest[key] = std::max(highest.count(key) ? highest[key] : 0, sequence);
            }
        } else {
            qWarning().noquote() << "Reconcile cannot read the index:" << query.lastError().text();
        }
    }

    Transaction transaction(db);
    if (!transaction.isActive()) {
        qWarning().noquote() << "Reconcile cannot write the index:" << transaction.errorText();
        return report;
    }

    QSqlQuery remove(db);
    remove.prepare(QStringLiteral(
        "DELETE FROM segments WHERE channel_id = ? AND rendition = ? AND sequence = ?"));
    QSqlQuery reindex(db);
    reindex.prepare(QStringLiteral("UPDATE segments SET size_bytes = ?, duration_ms = ? "
                                   "WHERE channel_id = ? AND rendition = ? AND sequence = ?"));
    for (const auto &[key, sequences] : rows) {
        const auto onDisk = files.find(key);
        for (const auto &[sequence, sizeBytes] : sequences) {
            const bool hasFile = onDisk != files.end() && onDisk->second.count(sequence);
            if (hasFile) {
                // A size that differs from the index is a write that never fully reached the
                // disk (a power cut): keep what is readable, drop what is not.
                const QString path = onDisk->second.at(sequence);
                const qint64 actualBytes = QFileInfo(path).size();
                if (actualBytes == sizeBytes)
                    continue;
                if (const auto durationMs
                    = actualBytes > 0 ? probeDurationMs(path) : std::nullopt) {
                    reindex.bindValue(0, actualBytes);
                    reindex.bindValue(1, *durationMs);
                    reindex.bindValue(2, key.first);
                    reindex.bindValue(3, key.second);
                    reindex.bindValue(4, sequence);
                    if (reindex.exec())
                        ++report.filesReindexed;
                    continue;
                }
                if (QFile::remove(path))
                    ++report.unreadableFilesRemoved;
                onDisk->second.erase(sequence);
            }
            remove.bindValue(0, key.first);
            remove.bindValue(1, key.second);
            remove.bindValue(2, sequence);
            if (remove.exec() && !hasFile)
                ++report.rowsWithoutFile;
        }
    }
    remove.finish();
    reindex.finish();

    QSqlQuery previous(db);
    previous.prepare(QStringLiteral("SELECT discontinuity_sequence FROM segments "
                                    "WHERE channel_id = ? AND rendition = ? AND sequence < ? "
                                    "ORDER BY sequence DESC LIMIT 1"));
    for (const auto &[key, onDisk] : files) {
        const auto indexed = rows.find(key);
        for (const auto &[sequence, path] : onDisk) {
            if (indexed != rows.end() && indexed->second.count(sequence))
                continue;
            const auto durationMs = probeDurationMs(path);
            if (!durationMs) {
                if (QFile::remove(path))
                    ++report.unreadableFilesRemoved;
                continue;
            }
            const QFileInfo fileInfo(path);
            SegmentInfo info;
            info.channelId = key.first;
            info.rendition = key.second;
            info.sequence = sequence;
            info.durationMs = *durationMs;
            info.startUtcMs = fileInfo.lastModified().toMSecsSinceEpoch() - *durationMs;
            info.sizeBytes = fileInfo.size();
            // What came before it is unknown, so players must not assume continuous timestamps.
            info.discontinuity = true;
            previous.bindValue(0, key.first);
            previous.bindValue(1, key.second);
            previous.bindValue(2, sequence);
            info.discontinuitySequence
                = (previous.exec() && previous.next()) ? previous.value(0).toLongLong() + 1 : 1;
            previous.finish();
            QString error;
            if (insertRow(db, info, &error))
                ++report.filesRecovered;
            else
                qWarning().noquote() << "Reconcile cannot index" << path << ":" << error;
        }
    }

    for (const auto &[key, sequence] : highest) {
        QString error;
        if (!raiseCounter(db, key.first, key.second, sequence, &error))
            qWarning().noquote() << "Reconcile cannot raise the sequence counter:" << error;
    }
    if (!transaction.commit())
        qWarning().noquote() << "Reconcile cannot commit:" << transaction.errorText();

    std::unique_lock lock(m_cacheMutex);
    m_liveCache.clear();
    return report;
}

void SegmentStore::removeChannel(qint64 channelId)
{
    QDir(QStringLiteral("%1/%2").arg(m_rootDir).arg(channelId)).removeRecursively();
    QSqlDatabase db = m_db.connection();
    {
        Transaction transaction(db);
        QSqlQuery query(db);
        bool ok = transaction.isActive();
        for (const QString &table : {QStringLiteral("segments"),
                 QStringLiteral("sequence_counters"), QStringLiteral("segment_pins")}) {
            if (!ok)
                break;
            query.prepare(QStringLiteral("DELETE FROM %1 WHERE channel_id = ?").arg(table));
            query.addBindValue(channelId);
            ok = query.exec();
        }
        query.finish();
        if (!ok || !transaction.commit())
            qWarning().noquote() << "Cannot remove the segments of channel" << channelId << ":"
                                 << query.lastError().text() << transaction.errorText();
    }
    std::unique_lock lock(m_cacheMutex);
    cacheDropChannel(channelId);
}

void SegmentStore::cachePush(const SegmentInfo &info)
{
    std::unique_lock lock(m_cacheMutex);
    const auto it = m_liveCache.find(Key(info.channelId, info.rendition));
    if (it == m_liveCache.end())
        return; // not loaded: the next read loads it from the index, this row included
    std::deque<SegmentInfo> &segments = *it;
    const auto position = std::lower_bound(segments.begin(), segments.end(), info.sequence,
        [](const SegmentInfo &s, qint64 sequence) { return s.sequence < sequence; });
    if (position != segments.end() && position->sequence == info.sequence)
        return; // the load already saw it
    segments.insert(position, info);
    while (segments.size() > size_t(kLiveCacheSize))
        segments.pop_front();
}

void SegmentStore::cacheReload(qint64 channelId, const QString &rendition) const
{
    ++m_cacheLoads;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM segments WHERE channel_id = ? AND rendition = ? "
                                 "ORDER BY sequence DESC LIMIT ?")
                      .arg(kColumns));
    query.addBindValue(channelId);
    query.addBindValue(rendition);
    query.addBindValue(kLiveCacheSize);
    if (!query.exec()) {
        // Not cached: the next read tries again.
        qWarning().noquote() << "Segment index query failed:" << query.lastError().text();
        return;
    }
    std::deque<SegmentInfo> segments;
    while (query.next())
        segments.push_front(fromQuery(query));
    m_liveCache.insert(Key(channelId, rendition), std::move(segments));
}

void SegmentStore::cacheErase(
    qint64 channelId, const QString &rendition, const QList<qint64> &sequences)
{
    std::unique_lock lock(m_cacheMutex);
    const auto it = m_liveCache.find(Key(channelId, rendition));
    if (it == m_liveCache.end())
        return;
    std::erase_if(
        *it, [&sequences](const SegmentInfo &s) { return sequences.contains(s.sequence); });
}

void SegmentStore::cacheDropChannel(qint64 channelId)
{
    for (auto it = m_liveCache.begin(); it != m_liveCache.end();) {
        if (it.key().first == channelId)
            it = m_liveCache.erase(it);
        else
            ++it;
    }
}

QList<SegmentInfo> SegmentStore::cachedLatest(
    qint64 channelId, const QString &rendition, int count) const
{
    const Key key(channelId, rendition);
    const auto copyNewest = [count](const std::deque<SegmentInfo> &segments) {
        const auto n = std::min<size_t>(size_t(std::max(count, 0)), segments.size());
        return QList<SegmentInfo>(segments.end() - n, segments.end());
    };
    {
        std::shared_lock lock(m_cacheMutex);
        const auto it = m_liveCache.constFind(key);
        if (it != m_liveCache.constEnd())
            return copyNewest(*it);
    }
    // Loading under the exclusive lock: a commit's cachePush waits, then finds the key and
    // merges (or sees its row already loaded), so no committed segment is missed.
    std::unique_lock lock(m_cacheMutex);
    if (!m_liveCache.contains(key))
        cacheReload(channelId, rendition);
    const auto it = m_liveCache.constFind(key);
    return it == m_liveCache.constEnd() ? QList<SegmentInfo> {} : copyNewest(*it);
}

} // namespace panelx
