// The recordings table. The rules (durations, quota, states) live in DvrPolicy and the Recorder;
// this only stores. The ranges retention must leave alone are the segment store's pins.
#pragma once

#include "dvr/Recording.h"

#include <QList>
#include <optional>

namespace panelx {

class Database;

class RecordingRepository {
public:
    explicit RecordingRepository(Database &db) : m_db(db) { }

    // Ordered by start, then id.
    QList<Recording> all() const;
    // Stores a new recording and fills its id; false with a sentence on failure.
    bool insert(Recording &recording, QString *error);
    // Stores every field of recording.id.
    bool update(const Recording &recording, QString *error);
    bool remove(qint64 id, QString *error);

    // "from-to,from-to" in UTC ms, as the gaps column holds them.
    static QString gapsToText(const QList<RecordingGap> &gaps);
    static QList<RecordingGap> gapsFromText(const QString &text);

private:
    Database &m_db;
};

} // namespace panelx
