#include "ChannelsController.h"

#include "ChannelDialog.h"
#include "EngineClient.h"
#include "Settings.h"

#include <QApplication>
#include <QClipboard>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace panelx {

ChannelsController::ChannelsController(EngineClient *client, QWidget *dialogParent)
    : QObject(dialogParent), m_client(client), m_dialogParent(dialogParent)
{
    connect(client, &EngineClient::requestFailed, this,
        [this](const QString &what, const QString &reason) {
            emit problem(tr("%1 failed: %2").arg(what, reason));
        });
}

void ChannelsController::addChannel()
{
    // The saved settings, not Settings::running(): a default changed on the Settings page
    // applies to the next channel without a restart.
    const Settings defaults = Settings::load();
    ChannelConfig fresh;
    fresh.segmentDurationMs = defaults.segmentDurationMs;
    fresh.bufferMs = defaults.bufferMs;
    // Dialogs are window-modal but not exec()'d: the event loop, and the table, keep running.
    auto *dialog = new ChannelDialog(fresh, m_client->channels(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { m_client->addChannel(dialog->channel()); });
    dialog->open();
}

void ChannelsController::editChannel(qint64 channelId)
{
    const auto channel = m_client->channel(channelId);
    if (!channel)
        return;
    auto *dialog = new ChannelDialog(*channel, m_client->channels(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { m_client->updateChannel(dialog->channel()); });
    dialog->open();
}

void ChannelsController::deleteChannel(qint64 channelId)
{
    const auto channel = m_client->channel(channelId);
    if (!channel)
        return;
    const qint64 bufferBytes = m_client->status(channelId).bufferBytes;
    QString detail = tr("This removes the channel “%1” and every segment buffered for it, so its "
                        "timeshift and catch-up history is gone. Viewers watching it will lose "
                        "the stream.")
                         .arg(channel->name);
    if (bufferBytes > 0)
        detail += QLatin1Char(' ')
            + tr("%1 of disk space will be freed.")
                  .arg(QLocale().formattedDataSize(bufferBytes, 1, QLocale::DataSizeSIFormat));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete channel “%1”?").arg(channel->name),
        tr("Delete channel “%1”?").arg(channel->name), QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(detail);
    QPushButton *remove = box->addButton(tr("Delete channel"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, channelId] {
        if (box->clickedButton() == remove)
            m_client->removeChannel(channelId);
    });
    box->open();
}

void ChannelsController::setChannelRunning(qint64 channelId, bool running)
{
    m_client->setChannelEnabled(channelId, running);
}

void ChannelsController::copyViewerUrl(qint64 channelId)
{
    const QString url = m_client->liveUrl(channelId);
    if (!url.isEmpty())
        QApplication::clipboard()->setText(url);
}

void ChannelsController::play(qint64 channelId)
{
    if (m_client->channel(channelId))
        emit playRequested(channelId);
}

} // namespace panelx
