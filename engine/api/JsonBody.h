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

private:
    explicit JsonBody(QJsonObject object) : m_object(std::move(object)) { }
    QJsonObject m_object;
};

http::ApiResponse jsonAnswer(int status, const QJsonObject &body);

} // namespace panelx::api
