// The Quality grid: one row per channel, one column per rung of the catalogue (1080p … 360p).
// Each cell says what that rung of the channel's ladder does now — its size, target against
// measured bitrate, speed and state — from the channel's status. Pure: it is fed channels and
// statuses (QualityPage wires it to EngineClient) and asks for a changed ladder by a signal
// instead of saving it, so the grid always shows what the engine stored.
#pragma once

#include "ChannelTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace panelx {

class QualityTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ChannelColumn, FirstRungColumn };
    enum Role {
        ChannelIdRole = Qt::UserRole + 1,
        RenditionRole, // the rung's name ("720p"); empty in the channel column
        RungStateRole, // RungState as int; Invalid when the rung does not run
        InLadderRole, // the rung is among the channel's abr.rungs and the ladder is on
    };

    explicit QualityTableModel(QObject *parent = nullptr);

    void setChannels(const QList<ChannelConfig> &channels);
    void putChannel(const ChannelConfig &channel); // added or changed
    void removeChannel(qint64 channelId);
    void setStatus(const ChannelStatus &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int rowOf(qint64 channelId) const; // -1 if unknown
    int columnOf(const QString &rendition) const; // -1 if not a rung
    // The ladder with `rendition` switched on or off, in catalogue order.
    static AbrConfig withRung(AbrConfig abr, const QString &rendition, bool on);
    // "1280×720 · 2.8 / 2.7 Mbit/s · 1.02×" (target / measured).
    static QString figuresText(const RungStatus &rung);
    static QString megabitsText(qint64 bitsPerSecond); // "2.8"

signals:
    // A rung was switched on or off in the grid: the channel as it should be stored.
    void ladderChangeRequested(const panelx::ChannelConfig &channel);

private:
    QString cellText(const ChannelConfig &channel, const QString &rendition) const;
    const RungStatus *rungStatus(qint64 channelId, const QString &rendition) const;

    QList<ChannelConfig> m_rows;
    QHash<qint64, ChannelStatus> m_statuses;
};

} // namespace panelx
