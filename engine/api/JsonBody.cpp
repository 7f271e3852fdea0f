#include "JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

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
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *refusal = http::apiError(400,
                tr("Unknown field “%1”. Known fields here: %2.")
                    .arg(it.key(), allowed.join(QStringLiteral(", "))),
                it.key());
            return std::nullopt;
        }
    }
    return JsonBody(object);
}

bool JsonBody::read(const QString &field, QString *value, http::ApiResponse *refusal) const
{
    if (!m_object.contains(field))
        return true;
    const QJsonValue json = m_object.value(field);
    if (!json.isString()) {
        *refusal = wrongType(field, tr("a string"));
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
        *refusal = wrongType(field, tr("true or false"));
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
        *refusal = wrongType(field, tr("a number"));
        return false;
    }
    *value = json.toDouble();
    return true;
}

http::ApiResponse jsonAnswer(int status, const QJsonObject &body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n', {}};
}

} // namespace panelx::api
