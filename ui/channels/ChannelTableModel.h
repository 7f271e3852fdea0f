// The Channels table: one row per channel, filled from EngineClient's cache and kept current by
// its signals. Rows are in the order the channels arrived; the page sorts through a proxy.
#pragma once

#include "ChannelTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace panelx {

class EngineClient;

class ChannelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        BitrateColumn,
        VideoColumn,
        AudioColumn,
        ViewersColumn,
        ColumnCount
    };
    enum Role {
        ChannelIdRole = Qt::UserRole + 1,
        StateRole, // ChannelState as int, for the badge delegate
        ReasonRole, // why a channel is not live, painted next to its badge
        SortRole,
        // Why the channel does not reach every device and what to do (BrowserCodecs); empty
        // when it does.
        LadderHintRole,
    };

    explicit ChannelTableModel(EngineClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int rowOf(qint64 channelId) const; // -1 if unknown
    qint64 channelIdAt(int row) const;

    // Words for the badge and the status bar, e.g. "Live", "Reconnecting".
    static QString stateText(ChannelState state);
    // Why a reconnecting or failed channel is not live, e.g. "connection refused by
    // 10.0.0.5:1234 — is the source running?"; empty in any other state.
    static QString reasonText(const ChannelStatus &status);
    static QString bitrateText(qint64 bitsPerSecond);
    static QString videoText(const QString &codec, int width, int height); // "h264 1280×720"

private:
    void onAdded(const ChannelConfig &channel);
    void onUpdated(const ChannelConfig &channel);
    void onRemoved(qint64 channelId);
    void onStatus(const ChannelStatus &status);
    QVariant display(const ChannelConfig &channel, const ChannelStatus &status, int column) const;
    QVariant sortKey(const ChannelConfig &channel, const ChannelStatus &status, int column) const;

    EngineClient *m_client;
    QList<ChannelConfig> m_rows;
};

} // namespace panelx
