#pragma once

#include "ChannelTypes.h"

#include <QList>
#include <optional>

namespace panelx {

class Database;

// Channels table. Validation of user input lives in ChannelValidator; this only stores.
// Removing a channel leaves its segments to SegmentStore::removeChannel (the engine calls both).
class ChannelRepository {
public:
    explicit ChannelRepository(Database &db) : m_db(db) { }

    // Ordered by name.
    QList<ChannelConfig> all() const;
    std::optional<ChannelConfig> byId(qint64 id) const;
    std::optional<ChannelConfig> bySlug(const QString &slug) const;
    // Stores a new channel; fills id and a unique slug made from the name. nullopt + error on
    // failure.
    std::optional<ChannelConfig> insert(ChannelConfig channel, QString *error);
    // Stores every field of channel.id. The slug is kept as given so viewers' saved URLs go on
    // working after a rename; an empty slug is made anew from the name.
    bool update(const ChannelConfig &channel, QString *error);
    bool remove(qint64 id, QString *error);

    // Lowercase ASCII letters, digits and '-' (accents dropped, other runs become one '-');
    // "channel" when nothing is left. Not yet made unique.
    static QString slugFromName(const QString &name);
    static bool isValidSlug(const QString &slug);

private:
    // slugFromName(name), with -2, -3, … appended until no other channel than exceptId has it.
    QString uniqueSlug(const QString &base, qint64 exceptId) const;

    Database &m_db;
};

} // namespace panelx
