// The Recordings table: one row per recording, filled from EngineClient's cache and kept current
// by its signals; while any recording runs, its elapsed time and progress move every second.
// Rows are in the order the recordings arrived; the page sorts through a proxy.
#pragma once

#include "dvr/Recording.h"

#include <QAbstractTableModel>
#include <QList>

class QTimer;

namespace panelx {

class EngineClient;

class RecordingTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        ChannelColumn,
        StartColumn,
        DurationColumn,
        SizeColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        RecordingIdRole = Qt::UserRole + 1,
        StateRole, // RecordingState as int, for the badge delegate
        // While recording: elapsed / planned, 0..1, and its words ("0:12:34 / 1:00:00");
        // invalid otherwise.
        ProgressRole,
        ProgressTextRole,
        DetailRole, // painted beside the badge: why it stopped or failed, what is missing
        SortRole,
    };

    explicit RecordingTableModel(EngineClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int rowOf(qint64 id) const; // -1 if unknown

    // Words for the badge, e.g. "Recording", "Partial".
    static QString stateText(RecordingState state);
    // Why it stopped or failed; for a partial one, how much is missing. Empty otherwise.
    static QString detailText(const Recording &recording);
    // A partial recording's gaps, one per line in local time ("20:14:05 – 20:16:40 (00:02:35)").
    static QString gapsText(const Recording &recording);

private:
    void onAdded(const Recording &recording);
    void onUpdated(const Recording &recording);
    void onRemoved(qint64 id);
    void onTick();
    void updateTicking();
    QVariant display(const Recording &recording, int column) const;
    QVariant sortKey(const Recording &recording, int column) const;
    QString toolTip(const Recording &recording, int column) const;
    QString channelName(qint64 channelId) const;

    EngineClient *m_client;
    QList<Recording> m_rows;
    QTimer *m_ticker;
};

} // namespace panelx
