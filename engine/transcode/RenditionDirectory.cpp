#include "transcode/RenditionDirectory.h"

#include "storage/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace panelx {

namespace {

void sortHighestFirst(QList<RenditionInfo> &renditions)
{
    std::stable_sort(renditions.begin(), renditions.end(),
        [](const RenditionInfo &a, const RenditionInfo &b) { return a.height > b.height; });
}

void upsert(QList<RenditionInfo> &list, const RenditionInfo &info)
{
    const auto found = std::find_if(list.begin(), list.end(),
        [&](const RenditionInfo &known) { return known.rendition == info.rendition; });
    if (found != list.end())
        *found = info;
    else
        list.append(info);
}

} // namespace

RenditionDirectory::RenditionDirectory(Database &db) : m_db(db) { }

bool RenditionDirectory::setLive(
    qint64 channelId, const QList<RenditionInfo> &renditions, QString *error)
{
    QList<RenditionInfo> sorted = renditions;
    sortHighestFirst(sorted);
    {
        std::lock_guard lock(m_mutex);
        if (sorted.isEmpty())
            m_live.remove(channelId);
        else
            m_live.insert(channelId, sorted);
        QList<RenditionInfo> &known = loaded(channelId);
        for (const RenditionInfo &info : std::as_const(sorted))
            upsert(known, info);
        sortHighestFirst(known);
    }
    QSqlDatabase db = m_db.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const RenditionInfo &info : std::as_const(sorted)) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO renditions (channel_id, rendition, width, height, "
            "frame_rate, codecs, bandwidth, updated_utc_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(channelId);
        query.addBindValue(info.rendition);
        query.addBindValue(info.width);
        query.addBindValue(info.height);
        query.addBindValue(info.frameRate);
        query.addBindValue(info.codecs);
        query.addBindValue(info.bandwidth);
        query.addBindValue(now);
        if (!query.exec()) {
            if (error)
                *error = QStringLiteral("Cannot store what rendition %1 of channel %2 is: %3")
                             .arg(info.rendition)
                             .arg(channelId)
                             .arg(query.lastError().text());
            return false;
        }
    }
    return true;
}

QList<RenditionInfo> RenditionDirectory::live(qint64 channelId) const
{
    std::lock_guard lock(m_mutex);
    return m_live.value(channelId);
}

QList<RenditionInfo> RenditionDirectory::known(qint64 channelId) const
{
    std::lock_guard lock(m_mutex);
    return loaded(channelId);
}

void RenditionDirectory::removeChannel(qint64 channelId)
{
    {
        std::lock_guard lock(m_mutex);
        m_live.remove(channelId);
        m_known.insert(channelId, {});
    }
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM renditions WHERE channel_id = ?"));
    query.addBindValue(channelId);
    query.exec();
}

QList<RenditionInfo> &RenditionDirectory::loaded(qint64 channelId) const
{
    const auto found = m_known.find(channelId);
    if (found != m_known.end())
        return *found;
    QList<RenditionInfo> renditions;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT rendition, width, height, frame_rate, codecs, bandwidth "
                                 "FROM renditions WHERE channel_id = ?"));
    query.addBindValue(channelId);
    if (query.exec())
        while (query.next())
            renditions.append({query.value(0).toString(), query.value(1).toInt(),
                query.value(2).toInt(), query.value(3).toDouble(), query.value(4).toString(),
                query.value(5).toLongLong()});
    sortHighestFirst(renditions);
    return *m_known.insert(channelId, renditions);
}

} // namespace panelx
