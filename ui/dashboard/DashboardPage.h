// The Dashboard page: the playlist URL and QR code for viewers' devices, the machine's disk
// and CPU, and per channel its state, buffer storage against its budget and bitrate graph.
#pragma once

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace panelx {

class BitrateChart;
struct ChannelLoad;
class DashboardController;
class EngineClient;
class QrCodeView;

class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(EngineClient *client, QWidget *parent = nullptr);

    DashboardController *controller() const { return m_controller; }
    BitrateChart *chart() const { return m_chart; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Row {
        QLabel *name = nullptr;
        QLabel *state = nullptr;
        QProgressBar *storage = nullptr;
        QLabel *bitrate = nullptr;
    };
    void buildUi();
    void rebuildRows();
    void updateRow(qint64 channelId);
    void updateStorage(const Row &row, const ChannelLoad &load);
    void updateMachine();
    void updateViewerUrl();

    DashboardController *m_controller;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_urlNote = nullptr;
    QrCodeView *m_qr = nullptr;
    QLabel *m_disk = nullptr;
    QProgressBar *m_diskBar = nullptr;
    QLabel *m_cpu = nullptr;
    QProgressBar *m_cpuBar = nullptr;
    QGridLayout *m_rows = nullptr;
    QLabel *m_noChannels = nullptr;
    QHash<qint64, Row> m_rowWidgets;
    BitrateChart *m_chart = nullptr;
};

} // namespace panelx
