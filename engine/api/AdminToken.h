// The admin API's bearer token: made from the kernel's random source, kept in
// <data-dir>/admin-token (mode 0600, replaced atomically), compared in constant time.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace panelx {

class AdminToken {
    Q_DECLARE_TR_FUNCTIONS(AdminToken)
public:
    static constexpr int kRandomBytes = 32; // 256 bits, written as 64 hex digits

    static QString fileName(const QString &dataDir);
    // A fresh token (hex), or empty with *error set when the kernel gives no random bytes.
    static QByteArray generate(QString *error);
    // The token stored in `dataDir`, or empty when there is none or it is too short to be one.
    static QByteArray read(const QString &dataDir);

    // Reads the stored token, or makes and stores one when there is none (or a damaged one);
    // tightens the file's mode to 0600. False with *error set when the folder is not writable.
    bool loadOrCreate(const QString &dataDir, QString *error);
    // Replaces the token (the old one stops working at once). False with *error set.
    bool regenerate(QString *error);

    QByteArray value() const { return m_value; }
    // Constant-time comparison with the stored token; false when there is none.
    bool matches(QByteArrayView candidate) const;

private:
    bool store(const QByteArray &token, QString *error);

    QString m_dataDir;
    QByteArray m_value;
};

} // namespace panelx
