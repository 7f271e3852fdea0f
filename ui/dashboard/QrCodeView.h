// A QR code of a text (the playlist URL), drawn with whole device pixels per module so phones
// read it from a screen; the quiet zone around it is part of the code.
#pragma once

#include <QImage>
#include <QWidget>

namespace panelx {

class QrCodeView : public QWidget {
    Q_OBJECT
public:
    explicit QrCodeView(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // One pixel per module including the quiet zone; null when the text is empty or too long.
    QImage image() const { return m_image; }
    static QImage encode(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QImage m_image;
};

} // namespace panelx
