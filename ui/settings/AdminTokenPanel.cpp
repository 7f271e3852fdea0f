#include "AdminTokenPanel.h"

#include "EngineClient.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace panelx {

AdminTokenPanel::AdminTokenPanel(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("adminToken"));
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Shown once the server runs"));
    m_token->setMinimumWidth(
        m_token->fontMetrics().horizontalAdvance(QString(32, QLatin1Char('0'))));
    m_show = new QPushButton(tr("Show"), this);
    m_show->setObjectName(QStringLiteral("showAdminToken"));
    m_show->setCheckable(true);
    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyAdminToken"));
    m_regenerate = new QPushButton(tr("Regenerate…"), this);
    m_regenerate->setObjectName(QStringLiteral("regenerateAdminToken"));
    layout->addWidget(m_token, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_copy);
    layout->addWidget(m_regenerate);

    connect(m_show, &QPushButton::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(shown ? tr("Hide") : tr("Show"));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(QString::fromLatin1(m_client->adminToken()));
    });
    connect(m_regenerate, &QPushButton::clicked, this, &AdminTokenPanel::confirmRegenerate);
    connect(m_client, &EngineClient::adminTokenChanged, this, &AdminTokenPanel::showToken);
    showToken(m_client->adminToken());
}

void AdminTokenPanel::showToken(const QByteArray &token)
{
    m_token->setText(QString::fromLatin1(token));
    m_copy->setEnabled(!token.isEmpty());
    m_regenerate->setEnabled(!token.isEmpty());
}

void AdminTokenPanel::confirmRegenerate()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Regenerate the admin token?"),
        tr("Regenerate the admin token?"), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRegenerate"));
    box->setInformativeText(tr("Programs and scripts that use the current token (panelx ctl "
                               "reads it from the data folder) lose access until they are "
                               "given the new one."));
    QPushButton *regenerate = box->addButton(tr("Regenerate"), QMessageBox::DestructiveRole);
    regenerate->setObjectName(QStringLiteral("confirmRegenerateButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, regenerate] {
        if (box->clickedButton() == regenerate)
            m_client->regenerateAdminToken();
    });
    box->open();
}

} // namespace panelx
