#include "QrCodeView.h"

#include <QPainter>

#include <memory>
#include <qrencode.h>

namespace panelx {

namespace {
constexpr int kQuietZoneModules = 4; // the standard's minimum margin
} // namespace

QrCodeView::QrCodeView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QImage QrCodeView::encode(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};
    const int modules = code->width;
    const int side = modules + 2 * kQuietZoneModules;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < modules; ++y)
        for (int x = 0; x < modules; ++x)
            if (code->data[y * modules + x] & 1) // bit 0: dark module
                image.setPixel(x + kQuietZoneModules, y + kQuietZoneModules, qRgb(0, 0, 0));
    return image;
}

void QrCodeView::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_image = encode(text);
    updateGeometry();
    update();
}

QSize QrCodeView::sizeHint() const
{
    return QSize(200, 200);
}

QSize QrCodeView::minimumSizeHint() const
{
    const int side = m_image.isNull() ? 64 : m_image.width() * 2;
    return QSize(side, side);
}

void QrCodeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_image.isNull())
        return;
    // Whole device pixels per module: a blurred edge makes codes hard to scan from screens.
    const qreal dpr = devicePixelRatioF();
    const int widthDevice = int(width() * dpr);
    const int heightDevice = int(height() * dpr);
    const int scale = qMax(1, qMin(widthDevice, heightDevice) / m_image.width());
    const int sideDevice = m_image.width() * scale;
    // Placed on a device-pixel boundary too, so no module edge falls between two pixels.
    const QRectF target((widthDevice - sideDevice) / 2 / dpr, (heightDevice - sideDevice) / 2 / dpr,
        sideDevice / dpr, sideDevice / dpr);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, m_image);
}

} // namespace panelx
