#include "transcode/Ladder.h"

#include "ChannelValidator.h"

#include <QRegularExpression>

namespace panelx::ladder {

const QList<RungSpec> &catalogue()
{
    static const QList<RungSpec> rungs {
        {QStringLiteral("1080p"), 1080, 5'000'000, QStringLiteral("high")},
        {QStringLiteral("720p"), 720, 2'800'000, QStringLiteral("high")},
        {QStringLiteral("480p"), 480, 1'400'000, QStringLiteral("main")},
        {QStringLiteral("360p"), 360, 800'000, QStringLiteral("main")},
    };
    return rungs;
}

std::optional<RungSpec> rung(const QString &name)
{
    QString wanted = name.trimmed().toLower();
    if (!wanted.endsWith(QLatin1Char('p')))
        wanted += QLatin1Char('p');
    for (const RungSpec &spec : catalogue())
        if (spec.name == wanted)
            return spec;
    return std::nullopt;
}

const QStringList &presets()
{
    static const QStringList names {QStringLiteral("ultrafast"), QStringLiteral("superfast"),
        QStringLiteral("veryfast"), QStringLiteral("faster"), QStringLiteral("fast"),
        QStringLiteral("medium"), QStringLiteral("slow"), QStringLiteral("slower"),
        QStringLiteral("veryslow")};
    return names;
}

QStringList normalisedRungs(const QStringList &names)
{
    QStringList result;
    for (const RungSpec &spec : catalogue())
        for (const QString &name : names)
            if (const auto found = rung(name); found && found->name == spec.name) {
                result.append(spec.name);
                break;
            }
    return result;
}

QStringList parseRungList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QList<FieldError> validate(const AbrConfig &abr)
{
    QList<FieldError> errors;
    QStringList names;
    for (const RungSpec &spec : catalogue())
        names.append(spec.name);
    for (const QString &name : abr.rungs)
        if (!rung(name)) {
            errors.append({channelfield::abrRungs,
                QStringLiteral("“%1” is not a rung of the ladder; choose from %2.")
                    .arg(name, names.join(QStringLiteral(", ")))});
            break;
        }
    if (errors.isEmpty() && abr.enabled && normalisedRungs(abr.rungs).isEmpty())
        errors.append({channelfield::abrRungs,
            QStringLiteral("Choose at least one rung (%1), or turn the ladder off.")
                .arg(names.join(QStringLiteral(", ")))});
    if (!presets().contains(abr.preset))
        errors.append({channelfield::abrPreset,
            QStringLiteral("“%1” is not a libx264 preset; choose one of %2 (faster presets use "
                           "less CPU).")
                .arg(abr.preset, presets().join(QStringLiteral(", ")))});
    return errors;
}

} // namespace panelx::ladder
