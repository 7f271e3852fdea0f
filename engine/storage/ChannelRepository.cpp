#include "ChannelRepository.h"

#include "Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace panelx {

namespace {

constexpr int kMaxSlugLength = 64;

const QString kSelect = QStringLiteral(
    "SELECT id, name, slug, source_url, enabled, segment_duration_ms, buffer_ms, abr_enabled, "
    "abr_rungs, abr_preset FROM channels");

QString rungsColumn(const AbrConfig &abr)
{
    return abr.rungs.join(QLatin1Char(','));
}

ChannelConfig fromQuery(const QSqlQuery &query)
{
    ChannelConfig channel;
    channel.id = query.value(0).toLongLong();
    channel.name = query.value(1).toString();
    channel.slug = query.value(2).toString();
    channel.sourceUrl = query.value(3).toString();
    channel.enabled = query.value(4).toBool();
    channel.segmentDurationMs = query.value(5).toInt();
    channel.bufferMs = query.value(6).toLongLong();
    channel.abr.enabled = query.value(7).toBool();
    channel.abr.rungs = query.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    channel.abr.preset = query.value(9).toString();
    return channel;
}

std::optional<ChannelConfig> selectOne(QSqlDatabase db, const QString &where, const QVariant &v)
{
    QSqlQuery query(db);
    query.prepare(kSelect + QStringLiteral(" WHERE ") + where);
    query.addBindValue(v);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromQuery(query);
}

// Another channel (not exceptId) with this name, compared like the column (NOCASE).
bool nameTaken(QSqlDatabase db, const QString &name, qint64 exceptId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM channels WHERE name = ? AND id != ?"));
    query.addBindValue(name);
    query.addBindValue(exceptId);
    return query.exec() && query.next();
}

QString nameTakenMessage(const QString &name)
{
    return QStringLiteral("A channel named “%1” already exists. Choose another name.").arg(name);
}

QString storageError(const QSqlQuery &query)
{
    return QStringLiteral("The channel could not be saved: %1").arg(query.lastError().text());
}

} // namespace

QString ChannelRepository::slugFromName(const QString &name)
{
    // NFKD splits "é" into "e" + a combining accent, which is then dropped.
    const QString decomposed = name.normalized(QString::NormalizationForm_KD).toLower();
    QString slug;
    slug.reserve(decomposed.size());
    bool pendingDash = false;
    for (const QChar c : decomposed) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            if (pendingDash && !slug.isEmpty())
                slug += u'-';
            pendingDash = false;
            slug += c;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            pendingDash = true;
        }
    }
    if (slug.size() > kMaxSlugLength) {
        slug.truncate(kMaxSlugLength);
        while (slug.endsWith(u'-'))
            slug.chop(1);
    }
    return slug.isEmpty() ? QStringLiteral("channel") : slug;
}

bool ChannelRepository::isValidSlug(const QString &slug)
{
    if (slug.isEmpty() || slug.size() > kMaxSlugLength + 8 || slug.startsWith(u'-')
        || slug.endsWith(u'-'))
        return false;
    for (const QChar c : slug)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'))
            return false;
    return true;
}

QString ChannelRepository::uniqueSlug(const QString &base, qint64 exceptId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM channels WHERE slug = ? AND id != ?"));
    for (int n = 1;; ++n) {
        const QString candidate = n == 1 ? base : QStringLiteral("%1-%2").arg(base).arg(n);
        query.bindValue(0, candidate);
        query.bindValue(1, exceptId);
        if (!query.exec() || !query.next())
            return candidate;
    }
}

QList<ChannelConfig> ChannelRepository::all() const
{
    QList<ChannelConfig> channels;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (query.exec(kSelect + QStringLiteral(" ORDER BY name COLLATE NOCASE, id")))
        while (query.next())
            channels.append(fromQuery(query));
    return channels;
}

std::optional<ChannelConfig> ChannelRepository::byId(qint64 id) const
{
    return selectOne(m_db.connection(), QStringLiteral("id = ?"), id);
}

std::optional<ChannelConfig> ChannelRepository::bySlug(const QString &slug) const
{
    return selectOne(m_db.connection(), QStringLiteral("slug = ?"), slug);
}

std::optional<ChannelConfig> ChannelRepository::insert(ChannelConfig channel, QString *error)
{
    QSqlDatabase db = m_db.connection();
    channel.name = channel.name.trimmed();
    if (channel.name.isEmpty()) {
        if (error)
            *error = QStringLiteral("A channel needs a name.");
        return std::nullopt;
    }
    Transaction transaction(db);
    if (!transaction.isActive()) {
        if (error)
            *error
                = QStringLiteral("The channel could not be saved: %1").arg(transaction.errorText());
        return std::nullopt;
    }
    if (nameTaken(db, channel.name, 0)) {
        if (error)
            *error = nameTakenMessage(channel.name);
        return std::nullopt;
    }
    channel.slug = uniqueSlug(slugFromName(channel.name), 0);

    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO channels (name, slug, source_url, enabled, segment_duration_ms, buffer_ms, "
        "abr_enabled, abr_rungs, abr_preset, created_utc_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    query.addBindValue(channel.name);
    query.addBindValue(channel.slug);
    query.addBindValue(channel.sourceUrl);
    query.addBindValue(channel.enabled ? 1 : 0);
    query.addBindValue(channel.segmentDurationMs);
    query.addBindValue(channel.bufferMs);
    query.addBindValue(channel.abr.enabled ? 1 : 0);
    query.addBindValue(rungsColumn(channel.abr));
    query.addBindValue(channel.abr.preset);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        if (error)
            *error = storageError(query);
        return std::nullopt;
    }
    channel.id = query.lastInsertId().toLongLong();
    query.finish();
    if (!transaction.commit()) {
        if (error)
            *error
                = QStringLiteral("The channel could not be saved: %1").arg(transaction.errorText());
        return std::nullopt;
    }
    return channel;
}

bool ChannelRepository::update(const ChannelConfig &input, QString *error)
{
    ChannelConfig channel = input;
    channel.name = channel.name.trimmed();
    if (channel.name.isEmpty()) {
        if (error)
            *error = QStringLiteral("A channel needs a name.");
        return false;
    }
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        if (error)
            *error
                = QStringLiteral("The channel could not be saved: %1").arg(transaction.errorText());
        return false;
    }
    {
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM channels WHERE id = ?"));
        exists.addBindValue(channel.id);
        if (!exists.exec() || !exists.next()) {
            if (error)
                *error = QStringLiteral("There is no channel %1 any more; it may have been "
                                        "deleted. Reload the list.")
                             .arg(channel.id);
            return false;
        }
    }
    if (nameTaken(db, channel.name, channel.id)) {
        if (error)
            *error = nameTakenMessage(channel.name);
        return false;
    }
    if (channel.slug.isEmpty()) {
        channel.slug = uniqueSlug(slugFromName(channel.name), channel.id);
    } else if (!isValidSlug(channel.slug)) {
        if (error)
            *error = QStringLiteral("The URL name “%1” may only hold lowercase letters a–z, "
                                    "digits and '-', and cannot start or end with '-'.")
                         .arg(channel.slug);
        return false;
    } else if (uniqueSlug(channel.slug, channel.id) != channel.slug) {
        if (error)
            *error = QStringLiteral("Another channel already uses the URL name “%1”.")
                         .arg(channel.slug);
        return false;
    }

    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE channels SET name = ?, slug = ?, source_url = ?, "
                                 "enabled = ?, segment_duration_ms = ?, buffer_ms = ?, "
                                 "abr_enabled = ?, abr_rungs = ?, abr_preset = ? WHERE id = ?"));
    query.addBindValue(channel.name);
    query.addBindValue(channel.slug);
    query.addBindValue(channel.sourceUrl);
    query.addBindValue(channel.enabled ? 1 : 0);
    query.addBindValue(channel.segmentDurationMs);
    query.addBindValue(channel.bufferMs);
    query.addBindValue(channel.abr.enabled ? 1 : 0);
    query.addBindValue(rungsColumn(channel.abr));
    query.addBindValue(channel.abr.preset);
    query.addBindValue(channel.id);
    if (!query.exec()) {
        if (error)
            *error = storageError(query);
        return false;
    }
    query.finish();
    if (!transaction.commit()) {
        if (error)
            *error
                = QStringLiteral("The channel could not be saved: %1").arg(transaction.errorText());
        return false;
    }
    return true;
}

bool ChannelRepository::remove(qint64 id, QString *error)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM channels WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("The channel could not be deleted: %1")
                         .arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() == 0) {
        if (error)
            *error = QStringLiteral("There is no channel %1; it may have been deleted already.")
                         .arg(id);
        return false;
    }
    return true;
}

} // namespace panelx
