// Reading request bodies and writing answers for the admin API: a body is one JSON object whose
// fields are all known and of the right type, or the request is refused with 400 and the
// field named.
#pragma once

#include "http/ApiExchange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace panelx::api {

class JsonBody {
    Q_DECLARE_TR_FUNCTIONS(JsonBody)
public:
    // The body as an object with no field outside `allowed`; else nullopt and *refusal is the
    // 400 to send.
    static std::optional<JsonBody> parse(
        const QByteArray &body, const QStringList &allowed, http::ApiResponse *refusal);

    bool has(const QString &field) const { return m_object.contains(field); }
    // Each reads `field` into *value when present; false (with *refusal set to the 400) when
    // it has another type. An absent field leaves *value as it was.
    bool read(const QString &field, QString *value, http::ApiResponse *refusal) const;
    bool read(const QString &field, bool *value, http::ApiResponse *refusal) const;
    bool read(const QString &field, double *value, http::ApiResponse *refusal) const;
    // A list of strings; `example` shows one in the refusal.
    bool read(const QString &field, QStringList *value, http::ApiResponse *refusal,
        const QString &example = QStringLiteral("[\"mon\", \"fri\"]")) const;
    // A whole number of minutes; a fraction or a number that is none is refused with 422 (whether
    // it is in range is for the caller's rules to say: far beyond int's range it is clamped).
    bool readMinutes(const QString &field, int *value, http::ApiResponse *refusal) const;
    // The field is present and null: {"until": null} clears a value.
    bool isNull(const QString &field) const { return has(field) && m_object.value(field).isNull(); }
    // A reference to a thing that has an id and a slug: a string, or a whole number (the id).
    bool readReference(const QString &field, QString *value, http::ApiResponse *refusal) const;
    // The object in `field` with no field outside `allowed`, read like a body; its refusals name
    // fields as "field.inner". nullopt with *refusal set when it is not such an object; an
    // absent field gives an empty one.
    std::optional<JsonBody> object(
        const QString &field, const QStringList &allowed, http::ApiResponse *refusal) const;

private:
    JsonBody(QJsonObject object, QString prefix)
        : m_object(std::move(object)), m_prefix(std::move(prefix))
    {
    }
    static std::optional<JsonBody> checked(const QJsonObject &object, const QString &prefix,
        const QStringList &allowed, http::ApiResponse *refusal);
    // `field` as refusals name it.
    QString name(const QString &field) const { return m_prefix + field; }

    QJsonObject m_object;
    QString m_prefix; // "dvr." for a nested object, else empty
};

http::ApiResponse jsonAnswer(int status, const QJsonObject &body);

} // namespace panelx::api
