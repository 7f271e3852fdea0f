// What the Schedules page's buttons do: opens the editor for a new schedule or an existing one
// (answering its conflict preview through EngineClient), deletes after asking, and enables or
// disables — all as intent through EngineClient, with the engine's refusals handed back to the
// dialog or the page as sentences.
#pragma once

#include <QDate>
#include <QObject>
#include <QTime>

class QWidget;

namespace panelx {

class EngineClient;
class ScheduleDialog;
struct Schedule;

class SchedulesController : public QObject {
    Q_OBJECT
public:
    // Dialogs and questions open over `dialogParent`.
    SchedulesController(EngineClient *client, QWidget *dialogParent);

    // The editor for a new schedule on `channelId` (when it is one of the channels), starting
    // at `date` and `time` on the viewer's clock when they are given.
    ScheduleDialog *newSchedule(qint64 channelId, QDate date = {}, QTime time = {});
    ScheduleDialog *edit(qint64 id);
    // Asks first, naming the schedule; deletes only on "Delete".
    void deleteSchedule(qint64 id);
    void setEnabled(qint64 id, bool enabled);

signals:
    void saved(qint64 id);
    void problem(const QString &message);

private:
    ScheduleDialog *openEditor(const Schedule &schedule);
    void reportFailure(const QString &what, const QString &error);

    EngineClient *m_client;
    QWidget *m_dialogParent;
};

} // namespace panelx
