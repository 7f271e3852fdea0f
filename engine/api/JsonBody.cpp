#include "JsonBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <algorithm>
#include <cmath>
#include <limits>

namespace panelx::api {

namespace {

http::ApiResponse wrongType(const QString &field, const QString &expected)
{
    return http::apiError(
        400, JsonBody::tr("The field “%1” must be %2.").arg(field, expected), field);
}

} // namespace

std::optional<JsonBody> JsonBody::parse(
    const QByteArray &body, const QStringList &allowed, http::ApiResponse *refusal)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *refusal = http::apiError(400,
            tr("The request body is not valid JSON (%1 at byte %2). Send one JSON object, "
               "for example {\"name\": \"News\"}.")
                .arg(parseError.errorString())
                .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *refusal = http::apiError(
            400, tr("The request body must be one JSON object, for example {\"name\": \"News\"}."));
        return std::nullopt;
    }
    return checked(document.object(), QString(), allowed, refusal);
}

std::optional<JsonBody> JsonBody::checked(const QJsonObject &object, const QString &prefix,
    const QStringList &allowed, http::ApiResponse *refusal)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *refusal = http::apiError(400,
                tr("Unknown field “%1”. Known fields here: %2.")
                    .arg(prefix + it.key(), allowed.join(QStringLiteral(", "))),
                prefix + it.key());
            return std::nullopt;
        }
    }
    return JsonBody(object, prefix);
}

std::optional<JsonBody> JsonBody::object(
    const QString &field, const QStringList &allowed, http::ApiResponse *refusal) const
{
    const QJsonValue json = m_object.value(field);
    if (m_object.contains(field) && !json.isObject()) {
        *refusal = wrongType(name(field),
            tr("an object, for example {\"%1\": {\"%2\": …}}").arg(field, allowed.value(0)));
        return std::nullopt;
    }
    return checked(json.toObject(), name(field) + QLatin1Char('.'), allowed, refusal);
}

bool JsonBody::read(const QString &field, QString *value, http::ApiResponse *refusal) const
{
    if (!m_object.contains(field))
        return true;
    const QJsonValue json = m_object.value(field);
    if (!json.isString()) {
        *refusal = wrongType(name(field), tr("a string"));
        return false;
    }
    *value = json.toString();
    return true;
}

bool JsonBody::read(const QString &field, bool *value, http::ApiResponse *refusal) const
{
    if (!m_object.contains(field))
        return true;
    const QJsonValue json = m_object.value(field);
    if (!json.isBool()) {
        *refusal = wrongType(name(field), tr("true or false"));
        return false;
    }
    *value = json.toBool();
    return true;
}

bool JsonBody::read(const QString &field, double *value, http::ApiResponse *refusal) const
{
    if (!m_object.contains(field))
        return true;
    const QJsonValue json = m_object.value(field);
    if (!json.isDouble()) {
        *refusal = wrongType(name(field), tr("a number"));
        return false;
    }
    *value = json.toDouble();
    return true;
}

bool JsonBody::read(const QString &field, QStringList *value, http::ApiResponse *refusal,
    const QString &example) const
{
    if (!m_object.contains(field))
        return true;
    const QJsonValue json = m_object.value(field);
    QStringList list;
    for (const QJsonValue &item : json.toArray()) {
        if (!item.isString())
            break;
        list.append(item.toString());
    }
    if (!json.isArray() || list.size() != json.toArray().size()) {
        *refusal = wrongType(name(field), tr("a list of strings, for example %1").arg(example));
        return false;
    }
    *value = list;
    return true;
}

bool JsonBody::readMinutes(const QString &field, int *value, http::ApiResponse *refusal) const
{
    double minutes = *value;
    if (!read(field, &minutes, refusal))
        return false;
    if (!std::isfinite(minutes) || minutes != std::floor(minutes)) {
        *refusal = http::apiError(422,
            tr("“%1” is a whole number of minutes, for example 90.").arg(name(field)), name(field));
        return false;
    }
    *value = int(std::clamp(
        minutes, double(std::numeric_limits<int>::min()), double(std::numeric_limits<int>::max())));
    return true;
}

bool JsonBody::readReference(const QString &field, QString *value, http::ApiResponse *refusal) const
{
    if (!m_object.contains(field))
        return true;
    const QJsonValue json = m_object.value(field);
    const double number = json.toDouble(-1);
    constexpr double kLargestExactWhole = 9007199254740992.0; // 2^53
    if (json.isDouble() && number >= 0 && number <= kLargestExactWhole
        && number == double(qint64(number))) {
        *value = QString::number(qint64(number));
        return true;
    }
    if (!json.isString()) {
        *refusal = wrongType(name(field), tr("an id or a slug"));
        return false;
    }
    *value = json.toString();
    return true;
}

http::ApiResponse jsonAnswer(int status, const QJsonObject &body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n', {}};
}

} // namespace panelx::api
