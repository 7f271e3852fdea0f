// The admin API's token on the Settings page: masked until Show, copied with one click, and
// replaced (after a confirmation) so that programs holding the old one lose access.
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace panelx {

class EngineClient;

class AdminTokenPanel : public QWidget {
    Q_OBJECT
public:
    explicit AdminTokenPanel(EngineClient *client, QWidget *parent = nullptr);

private:
    void showToken(const QByteArray &token);
    void confirmRegenerate();

    EngineClient *m_client;
    QLineEdit *m_token = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_regenerate = nullptr;
};

} // namespace panelx
