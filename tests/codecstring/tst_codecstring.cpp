// RFC 6381 codec strings: from SPS that libx264 makes at run time, and from known bytes.
#include "av/AvHandles.h"
#include "transcode/CodecString.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <QtTest>

using namespace panelx;

namespace {

// One 320x240 frame encoded by libx264 at the profile and level: its keyframe packet (with
// the SPS in-band) or, with globalHeader, the encoder's extradata.
QByteArray encodeOneFrame(const char *profile, int level, bool globalHeader, QString *why)
{
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) {
        *why = QStringLiteral("no libx264 in this libavcodec");
        return {};
    }
    AvCodecContextPtr encoder(avcodec_alloc_context3(codec));
    encoder->width = 320;
    encoder->height = 240;
    encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    encoder->time_base = {1, 25};
    encoder->level = level;
    if (globalHeader)
        encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(encoder->priv_data, "profile", profile, 0);
    av_opt_set(encoder->priv_data, "preset", "superfast", 0);
    if (avcodec_open2(encoder.get(), codec, nullptr) < 0) {
        *why = QStringLiteral("libx264 did not open");
        return {};
    }
    if (globalHeader)
        return QByteArray(
            reinterpret_cast<const char *>(encoder->extradata), encoder->extradata_size);
    AvFramePtr frame = makeAvFrame();
    frame->width = 320;
    frame->height = 240;
    frame->format = AV_PIX_FMT_YUV420P;
    frame->pts = 0;
    if (av_frame_get_buffer(frame.get(), 0) < 0) {
        *why = QStringLiteral("no memory");
        return {};
    }
    for (int plane = 0; plane < 3; ++plane)
        memset(frame->data[plane], 0x80, frame->linesize[plane] * (plane ? 120 : 240));
    avcodec_send_frame(encoder.get(), frame.get());
    avcodec_send_frame(encoder.get(), nullptr);
    AvPacketPtr packet = makeAvPacket();
    if (avcodec_receive_packet(encoder.get(), packet.get()) < 0) {
        *why = QStringLiteral("libx264 gave no packet");
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(packet->data), packet->size);
}

} // namespace

class TestCodecString : public QObject {
    Q_OBJECT

private slots:
    void fromLibx264_data();
    void fromLibx264();
    void knownBytes_data();
    void knownBytes();
    void aac_data();
    void aac();
};

void TestCodecString::fromLibx264_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("globalHeader");
    QTest::addColumn<QString>("expected");
    // main: constraint_set1 (main-compatible) is set; high sets none.
    QTest::newRow("main 3.0, keyframe") << QByteArray("main") << 30 << false << "avc1.4d401e";
    QTest::newRow("main 3.1, keyframe") << QByteArray("main") << 31 << false << "avc1.4d401f";
    QTest::newRow("high 3.1, keyframe") << QByteArray("high") << 31 << false << "avc1.64001f";
    QTest::newRow("high 4.0, keyframe") << QByteArray("high") << 40 << false << "avc1.640028";
    QTest::newRow("high 4.1, extradata") << QByteArray("high") << 41 << true << "avc1.640029";
}

void TestCodecString::fromLibx264()
{
    QFETCH(QByteArray, profile);
    QFETCH(int, level);
    QFETCH(bool, globalHeader);
    QFETCH(QString, expected);
    QString why;
    const QByteArray data = encodeOneFrame(profile.constData(), level, globalHeader, &why);
    QVERIFY2(!data.isEmpty(), qPrintable(why));
    QCOMPARE(codecstring::avc1(data), expected);
}

void TestCodecString::knownBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Annex B, 4-byte start code, constrained baseline 3.0") << QByteArray::fromHex(
        "0000000167"
        "42c01e"
        "da0280bfe5c04400") << "avc1.42c01e";
    QTest::newRow("Annex B, AUD first, then SPS with a 3-byte start code") << QByteArray::fromHex(
        "0000000109f0"
        "00000167"
        "640028"
        "acd940780227e5c0") << "avc1.640028";
    QTest::newRow("avcC record (MP4 extradata), high 3.1") << QByteArray::fromHex(
        "0164001fffe1001967"
        "64001facd94050045ec0") << "avc1.64001f";
    QTest::newRow("an IDR slice but no SPS") << QByteArray::fromHex("0000000165888400") << "";
    QTest::newRow("SPS cut short") << QByteArray::fromHex("000000016764") << "";
    QTest::newRow("empty") << QByteArray() << "";
}

void TestCodecString::knownBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(codecstring::avc1(bytes), expected);
}

void TestCodecString::aac_data()
{
    QTest::addColumn<int>("profile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("LC") << int(FF_PROFILE_AAC_LOW) << "mp4a.40.2";
    QTest::newRow("unknown: LC") << int(FF_PROFILE_UNKNOWN) << "mp4a.40.2";
    QTest::newRow("HE-AAC") << int(FF_PROFILE_AAC_HE) << "mp4a.40.5";
    QTest::newRow("HE-AAC v2") << int(FF_PROFILE_AAC_HE_V2) << "mp4a.40.29";
}

void TestCodecString::aac()
{
    QFETCH(int, profile);
    QFETCH(QString, expected);
    QCOMPARE(codecstring::mp4a(profile), expected);
}

QTEST_GUILESS_MAIN(TestCodecString)
#include "tst_codecstring.moc"
