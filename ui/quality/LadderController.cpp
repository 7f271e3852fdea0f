#include "LadderController.h"

#include "EngineClient.h"
#include "LadderDialog.h"

namespace panelx {

LadderController::LadderController(EngineClient *client, QWidget *dialogParent)
    : QObject(dialogParent), m_client(client), m_dialogParent(dialogParent)
{
}

LadderDialog *LadderController::editLadder(qint64 channelId)
{
    const auto channel = m_client->channel(channelId);
    if (!channel)
        return nullptr;
    auto *dialog = new LadderDialog(*channel, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(dialog->channel()); });
    dialog->open();
    return dialog;
}

void LadderController::save(const ChannelConfig &channel)
{
    m_client->saveChannel(channel, this, [this, name = channel.name](const ChannelChange &change) {
        if (change.ok()) {
            emit saved(change.channel);
            return;
        }
        QStringList reasons;
        for (const FieldError &problem : change.problems)
            reasons.append(problem.message);
        if (!change.error.isEmpty())
            reasons.append(change.error);
        emit problem(
            tr("The ladder of “%1” was not saved: %2").arg(name, reasons.join(QLatin1Char(' '))));
    });
}

} // namespace panelx
