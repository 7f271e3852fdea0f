#include "ScheduleDialog.h"

#include "PageLayout.h"
#include "ScheduleWords.h"
#include "dvr/Recording.h"
#include "schedule/Occurrences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace panelx {

namespace {
constexpr int kNameChars = 36;
constexpr int kPreviewLines = ScheduleDialog::kPreviewCount + 1;
const QString kErrorStyle = QStringLiteral("color: #c62828;");

// Every zone a schedule may use, by name.
QStringList scheduleZones()
{
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        if (isKnownTimeZone(id))
            zones.append(QString::fromUtf8(id));
    zones.sort();
    return zones;
}
} // namespace

ScheduleDialog::ScheduleDialog(
    const Schedule &schedule, const QList<ChannelConfig> &channels, QWidget *parent)
    : QDialog(parent), m_original(schedule), m_name(new QLineEdit), m_action(new QComboBox),
      m_channel(new QComboBox), m_title(new QLineEdit), m_date(new QDateEdit),
      m_time(new QTimeEdit), m_zone(new QComboBox), m_minutes(new QSpinBox),
      m_repeat(new QComboBox), m_weekdayRow(new QWidget), m_hasEnd(new QCheckBox),
      m_until(new QDateEdit), m_untilRow(new QWidget), m_paddingBefore(new QSpinBox),
      m_paddingAfter(new QSpinBox), m_paddingRow(new QWidget), m_minutesHint(new QLabel),
      m_form(new QFormLayout), m_enabled(new QCheckBox), m_preview(new QListWidget),
      m_conflicts(new QLabel), m_formError(makeErrorLabel(QStringLiteral("formError"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)),
      m_conflictCheck(new QTimer(this))
{
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(schedule.id ? tr("Edit schedule") : tr("New schedule"));
    buildForm(channels);
    fill(schedule);

    m_conflictCheck->setSingleShot(true);
    m_conflictCheck->setInterval(kConflictCheckDelayMs);
    connect(m_conflictCheck, &QTimer::timeout, this, [this] {
        if (m_valid)
            emit conflictsWanted(this->schedule());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScheduleDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ScheduleDialog::reject);
    for (QLineEdit *edit : {m_name, m_title})
        connect(edit, &QLineEdit::textChanged, this, &ScheduleDialog::onChanged);
    for (QComboBox *combo : {m_action, m_channel, m_repeat})
        connect(combo, &QComboBox::currentIndexChanged, this, &ScheduleDialog::onChanged);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ScheduleDialog::onChanged);
    for (QDateEdit *edit : {m_date, m_until})
        connect(edit, &QDateEdit::dateChanged, this, &ScheduleDialog::onChanged);
    connect(m_time, &QTimeEdit::timeChanged, this, &ScheduleDialog::onChanged);
    for (QSpinBox *spin : {m_minutes, m_paddingBefore, m_paddingAfter})
        connect(spin, &QSpinBox::valueChanged, this, &ScheduleDialog::onChanged);
    for (QCheckBox *box : m_weekdays)
        connect(box, &QCheckBox::toggled, this, &ScheduleDialog::onChanged);
    connect(m_hasEnd, &QCheckBox::toggled, this, &ScheduleDialog::onChanged);
    connect(m_enabled, &QCheckBox::toggled, this, &ScheduleDialog::onChanged);
    onChanged();
}

QLabel *ScheduleDialog::makeErrorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(kErrorStyle);
    label->hide();
    return label;
}

void ScheduleDialog::buildForm(const QList<ChannelConfig> &channels)
{
    for (const QString &field :
        {schedulefield::name, schedulefield::action, schedulefield::channel, schedulefield::start,
            schedulefield::timeZone, schedulefield::minutes, schedulefield::repeat,
            schedulefield::weekdays, schedulefield::until, schedulefield::padding})
        m_errors.insert(field, makeErrorLabel(field + QStringLiteral("Error")));

    m_name->setObjectName(QStringLiteral("scheduleName"));
    m_name->setMinimumWidth(m_name->fontMetrics().averageCharWidth() * kNameChars);
    m_name->setPlaceholderText(tr("For example “News at eight”"));
    m_name->setMaxLength(Schedule::kMaxNameLength + 1);
    m_action->setObjectName(QStringLiteral("scheduleAction"));
    m_action->addItem(tr("Record the channel"), int(ScheduleAction::Record));
    m_action->addItem(tr("Start the channel"), int(ScheduleAction::Start));
    m_action->addItem(tr("Stop the channel"), int(ScheduleAction::Stop));
    m_channel->setObjectName(QStringLiteral("scheduleChannel"));
    for (const ChannelConfig &channel : channels)
        m_channel->addItem(channel.name, channel.id);
    m_title->setObjectName(QStringLiteral("scheduleTitle"));
    m_title->setPlaceholderText(tr("Optional: the channel's name and the start time"));

    m_date->setObjectName(QStringLiteral("scheduleDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_time->setObjectName(QStringLiteral("scheduleTime"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *when = new QWidget;
    auto *whenLayout = new QHBoxLayout(when);
    whenLayout->setContentsMargins(0, 0, 0, 0);
    whenLayout->addWidget(m_date);
    whenLayout->addWidget(m_time);
    whenLayout->addStretch();

    // Searchable: typing any part of a name ("york", "berlin") offers the zones that hold it.
    m_zone->setObjectName(QStringLiteral("scheduleZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItems(scheduleZones());
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->setToolTip(tr("The zone the start time is meant in; type part of its name to find "
                          "it. Daylight saving time is followed."));

    m_minutes->setObjectName(QStringLiteral("scheduleMinutes"));
    // Wide enough for every action's limit plus one, so a number outside the rule is shown as
    // a mistake with its sentence rather than silently corrected.
    m_minutes->setRange(-1, qMax(kMaxRecordingMinutes, Schedule::kMaxSwitchMinutes) + 1);
    m_minutes->setSuffix(tr(" min"));
    m_minutesHint->setWordWrap(true);
    m_minutesHint->setForegroundRole(QPalette::PlaceholderText);

    m_repeat->setObjectName(QStringLiteral("scheduleRepeat"));
    m_repeat->addItem(tr("Once"), int(Recurrence::Once));
    m_repeat->addItem(tr("Daily"), int(Recurrence::Daily));
    m_repeat->addItem(tr("Weekly, on the days ticked"), int(Recurrence::Weekly));
    auto *weekdayLayout = new QHBoxLayout(m_weekdayRow);
    weekdayLayout->setContentsMargins(0, 0, 0, 0);
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *box = new QCheckBox(QLocale().dayName(day, QLocale::ShortFormat));
        box->setObjectName(QStringLiteral("weekday%1").arg(day));
        m_weekdays.append(box);
        weekdayLayout->addWidget(box);
    }
    weekdayLayout->addStretch();
    m_hasEnd->setObjectName(QStringLiteral("scheduleHasEnd"));
    m_hasEnd->setText(tr("Last on"));
    m_until->setObjectName(QStringLiteral("scheduleUntil"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *untilLayout = new QHBoxLayout(m_untilRow);
    untilLayout->setContentsMargins(0, 0, 0, 0);
    untilLayout->addWidget(m_hasEnd);
    untilLayout->addWidget(m_until);
    untilLayout->addStretch();

    for (QSpinBox *spin : {m_paddingBefore, m_paddingAfter}) {
        spin->setRange(0, Schedule::kMaxPaddingMinutes + 1);
        spin->setSuffix(tr(" min"));
    }
    m_paddingBefore->setObjectName(QStringLiteral("schedulePaddingBefore"));
    m_paddingAfter->setObjectName(QStringLiteral("schedulePaddingAfter"));
    auto *paddingLayout = new QHBoxLayout(m_paddingRow);
    paddingLayout->setContentsMargins(0, 0, 0, 0);
    paddingLayout->addWidget(new QLabel(tr("before")));
    paddingLayout->addWidget(m_paddingBefore);
    paddingLayout->addWidget(new QLabel(tr("after")));
    paddingLayout->addWidget(m_paddingAfter);
    paddingLayout->addStretch();
    m_paddingRow->setToolTip(tr("Recorded before the start and after the end, in case the "
                                "programme starts early or runs late."));
    m_enabled->setObjectName(QStringLiteral("scheduleEnabled"));
    m_enabled->setText(tr("Enabled: runs when due"));

    m_form->addRow(tr("&Name:"), withMessage(m_name, m_errors[schedulefield::name]));
    m_form->addRow(tr("&Action:"), withMessage(m_action, m_errors[schedulefield::action]));
    m_form->addRow(tr("&Channel:"), withMessage(m_channel, m_errors[schedulefield::channel]));
    m_form->addRow(tr("&Title:"), m_title);
    m_form->addRow(tr("&First date and time:"), withMessage(when, m_errors[schedulefield::start]));
    m_form->addRow(tr("Time &zone:"), withMessage(m_zone, m_errors[schedulefield::timeZone]));
    auto *minutesColumn = withMessage(m_minutes, m_errors[schedulefield::minutes]);
    minutesColumn->layout()->addWidget(m_minutesHint);
    m_form->addRow(tr("&Duration:"), minutesColumn);
    m_form->addRow(tr("&Repeat:"), withMessage(m_repeat, m_errors[schedulefield::repeat]));
    m_form->addRow(tr("On:"), withMessage(m_weekdayRow, m_errors[schedulefield::weekdays]));
    m_form->addRow(tr("Ends:"), withMessage(m_untilRow, m_errors[schedulefield::until]));
    m_form->addRow(tr("&Padding:"), withMessage(m_paddingRow, m_errors[schedulefield::padding]));
    m_form->addRow(QString(), m_enabled);

    m_preview->setObjectName(QStringLiteral("occurrencePreview"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setFixedHeight(
        m_preview->fontMetrics().lineSpacing() * kPreviewLines + 2 * m_preview->frameWidth() + 4);
    m_conflicts->setObjectName(QStringLiteral("conflictPreview"));
    m_conflicts->setWordWrap(true);
    m_conflicts->setTextFormat(Qt::PlainText);
    auto *previewBox = new QGroupBox(tr("Next runs"));
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(m_conflicts);

    auto *layout = new QVBoxLayout(this);
    // Messages appear and vanish under the fields: the dialog grows to show them whole.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(m_form);
    layout->addWidget(previewBox);
    layout->addWidget(m_formError);
    layout->addStretch();
    layout->addWidget(m_buttons);
}

void ScheduleDialog::fill(const Schedule &schedule)
{
    m_filling = true;
    m_name->setText(schedule.name);
    m_action->setCurrentIndex(qMax(0, m_action->findData(int(schedule.action))));
    m_channel->setCurrentIndex(m_channel->findData(schedule.channelId));
    if (m_channel->currentIndex() < 0 && schedule.id == 0)
        m_channel->setCurrentIndex(m_channel->count() > 0 ? 0 : -1);
    m_title->setText(schedule.title);
    m_date->setDate(schedule.firstDate.isValid() ? schedule.firstDate : QDate::currentDate());
    // Whole minutes as a rule; a start with seconds (made over the admin API) keeps them.
    if (schedule.startTime.isValid() && schedule.startTime.second() != 0)
        m_time->setDisplayFormat(QStringLiteral("HH:mm:ss"));
    m_time->setTime(schedule.startTime.isValid() ? schedule.startTime : QTime(20, 0));
    m_zone->setCurrentText(QString::fromUtf8(
        schedule.timeZoneId.isEmpty() ? QTimeZone::systemTimeZoneId() : schedule.timeZoneId));
    m_minutes->setValue(schedule.durationMinutes);
    m_repeat->setCurrentIndex(qMax(0, m_repeat->findData(int(schedule.recurrence))));
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        m_weekdays[day - 1]->setChecked(schedule.weekdays.contains(day));
    m_hasEnd->setChecked(schedule.lastDate.isValid());
    m_until->setDate(schedule.lastDate.isValid() ? schedule.lastDate : m_date->date().addMonths(3));
    m_paddingBefore->setValue(schedule.paddingBeforeMinutes);
    m_paddingAfter->setValue(schedule.paddingAfterMinutes);
    m_enabled->setChecked(schedule.enabled);
    m_filling = false;
}

Schedule ScheduleDialog::schedule() const
{
    Schedule s = m_original;
    s.name = m_name->text().trimmed();
    s.action = static_cast<ScheduleAction>(m_action->currentData().toInt());
    s.channelId = m_channel->currentData().toLongLong();
    const bool record = s.action == ScheduleAction::Record;
    s.title = record ? m_title->text().trimmed() : QString();
    s.firstDate = m_date->date();
    s.startTime = QTime(m_time->time().hour(), m_time->time().minute(), m_time->time().second());
    s.timeZoneId = m_zone->currentText().trimmed().toUtf8();
    s.durationMinutes = m_minutes->value();
    s.recurrence = static_cast<Recurrence>(m_repeat->currentData().toInt());
    s.weekdays = {};
    if (s.recurrence == Recurrence::Weekly)
        for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
            if (m_weekdays[day - 1]->isChecked())
                s.weekdays.add(day);
    s.lastDate
        = s.recurrence != Recurrence::Once && m_hasEnd->isChecked() ? m_until->date() : QDate();
    s.paddingBeforeMinutes = record ? m_paddingBefore->value() : 0;
    s.paddingAfterMinutes = record ? m_paddingAfter->value() : 0;
    s.enabled = m_enabled->isChecked();
    return s;
}

void ScheduleDialog::updateFieldsShown()
{
    const auto action = static_cast<ScheduleAction>(m_action->currentData().toInt());
    const bool record = action == ScheduleAction::Record;
    const auto recurrence = static_cast<Recurrence>(m_repeat->currentData().toInt());
    m_form->setRowVisible(m_title, record);
    m_form->setRowVisible(m_paddingRow->parentWidget(), record);
    m_form->setRowVisible(m_weekdayRow->parentWidget(), recurrence == Recurrence::Weekly);
    m_form->setRowVisible(m_untilRow->parentWidget(), recurrence != Recurrence::Once);
    m_until->setEnabled(m_hasEnd->isChecked());
    m_minutes->setSpecialValueText(record ? QString() : tr("Leave it"));
    m_minutesHint->setText(record ? tr("From %1 to %2 minutes (12 hours).")
                                        .arg(kMinRecordingMinutes)
                                        .arg(kMaxRecordingMinutes)
            : action == ScheduleAction::Start
            ? tr("How long the channel runs before it is stopped again; 0 leaves it running.")
            : tr("How long the channel stays stopped before it is started again; 0 leaves it "
                 "stopped."));
}

void ScheduleDialog::onChanged()
{
    if (m_filling)
        return;
    // A weekly schedule starts out on the first date's weekday rather than on none.
    const auto recurrence = static_cast<Recurrence>(m_repeat->currentData().toInt());
    if (recurrence == Recurrence::Weekly
        && std::none_of(m_weekdays.cbegin(), m_weekdays.cend(),
            [](const QCheckBox *box) { return box->isChecked(); })
        && sender() == m_repeat) {
        m_filling = true;
        m_weekdays[m_date->date().dayOfWeek() - 1]->setChecked(true);
        m_filling = false;
    }
    updateFieldsShown();
    const Schedule draft = schedule();
    const QList<FieldError> problems = ScheduleValidator::validate(draft);
    m_valid = problems.isEmpty();
    showProblems(problems);
    m_formError->hide();
    // What was confirmed no longer holds once the schedule changes.
    m_force = false;
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid && !m_waiting);
    updatePreview(draft);
    if (m_valid) {
        m_conflicts->setText(tr("Checking for conflicts…"));
        m_conflicts->setStyleSheet(QString());
        m_conflictCheck->start();
    } else {
        m_conflicts->clear();
        m_conflictCheck->stop();
    }
    adjustSize();
}

void ScheduleDialog::showProblems(const QList<FieldError> &problems)
{
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        QStringList messages;
        for (const FieldError &problem : problems)
            if (problem.field == it.key())
                messages.append(problem.message);
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setVisible(!messages.isEmpty());
    }
    if (m_channel->count() == 0) {
        QLabel *label = m_errors[schedulefield::channel];
        label->setText(tr("Add a channel on the Channels page first."));
        label->show();
    }
}

void ScheduleDialog::updatePreview(const Schedule &draft)
{
    m_preview->clear();
    if (!m_valid) {
        m_preview->addItem(tr("Fix the fields marked in red to see when it runs."));
        return;
    }
    const QByteArray viewerZone = QTimeZone::systemTimeZoneId();
    const QList<Occurrence> next
        = Occurrences::next(draft, QDateTime::currentMSecsSinceEpoch(), kPreviewCount);
    if (next.isEmpty())
        m_preview->addItem(tr("It would never run again: its last start has passed."));
    for (const Occurrence &occurrence : next) {
        QString line = ScheduleWords::occurrence(occurrence, draft.timeZoneId, viewerZone);
        if (occurrence.shifted)
            line = tr("%1 — the clocks skip %2 that day, so it runs at the first minute "
                      "after")
                       .arg(line, draft.startTime.toString(QStringLiteral("HH:mm")));
        m_preview->addItem(line);
    }
}

void ScheduleDialog::showConflicts(const QList<Conflict> &conflicts)
{
    if (!m_valid)
        return;
    if (conflicts.isEmpty()) {
        m_conflicts->setText(tr("No conflicts in the coming week."));
        m_conflicts->setStyleSheet(QString());
    } else {
        QStringList lines;
        for (const Conflict &conflict : conflicts)
            lines.append(QStringLiteral("• ") + conflict.message);
        m_conflicts->setText(tr("Conflicts in the coming week:\n%1").arg(lines.join('\n')));
        m_conflicts->setStyleSheet(kErrorStyle);
    }
    adjustSize();
}

void ScheduleDialog::accept()
{
    if (m_waiting || !m_valid)
        return;
    setBusy(true);
    emit submitted(schedule(), m_force);
}

void ScheduleDialog::showSaved()
{
    setBusy(false);
    QDialog::accept();
}

void ScheduleDialog::showRefusal(
    const QList<FieldError> &problems, const QList<Conflict> &conflicts, const QString &error)
{
    setBusy(false);
    if (!problems.isEmpty())
        showProblems(problems);
    if (!conflicts.isEmpty()) {
        showConflicts(conflicts);
        // The second press is the explicit confirmation.
        m_force = true;
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save anyway"));
        m_formError->setText(tr("This schedule conflicts with others (listed above). Change it, "
                                "or click “Save anyway” to keep it as it is; the list will keep "
                                "marking it."));
        m_formError->show();
    } else if (!error.isEmpty()) {
        m_formError->setText(error);
        m_formError->show();
    }
    adjustSize();
}

void ScheduleDialog::setBusy(bool busy)
{
    m_waiting = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && m_valid);
    for (QWidget *field : findChildren<QWidget *>())
        if (field != m_buttons && !m_buttons->isAncestorOf(field) && field != m_preview)
            field->setEnabled(!busy);
    if (!busy)
        updateFieldsShown(); // the last date's box follows its tick again
}

} // namespace panelx
