#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace panelx {

class Database;

// The player_positions table: the wall-clock moment the built-in player last showed on each
// channel. Whether that moment is still worth offering (still in the buffer, behind live) is
// the window's decision; this only stores.
class PlayerPositionRepository {
public:
    explicit PlayerPositionRepository(Database &db) : m_db(db) { }

    std::optional<qint64> position(qint64 channelId) const;
    // Replaces the channel's moment; false with a sentence on failure.
    bool save(qint64 channelId, qint64 utcMs, qint64 savedUtcMs, QString *error);
    // The channel is gone: so is its moment.
    bool remove(qint64 channelId, QString *error);

private:
    Database &m_db;
};

} // namespace panelx
