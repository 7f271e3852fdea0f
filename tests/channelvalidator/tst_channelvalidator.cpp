#include "ChannelValidator.h"

#include <QTest>

using namespace panelx;

namespace {

ChannelConfig channel(qint64 id, const QString &name, const QString &url = kDemoSourceUrl)
{
    ChannelConfig c;
    c.id = id;
    c.name = name;
    c.sourceUrl = url;
    return c;
}

const QList<ChannelConfig> kExisting
    = {channel(1, QStringLiteral("News")), channel(2, QStringLiteral("Sport"))};

} // namespace

class TestChannelValidator : public QObject {
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void everyProblemAtOnce();
    void knowsTheCommonProtocols();
    void demoSourceSpellings();
};

void TestChannelValidator::validate_data()
{
    QTest::addColumn<ChannelConfig>("input");
    QTest::addColumn<QString>("field"); // empty = valid
    QTest::addColumn<QString>("messagePart");

    const auto with = [](auto change) {
        ChannelConfig c = channel(0, QStringLiteral("Movies"));
        change(c);
        return c;
    };
    const QString none;

    QTest::newRow("demo source") << with([](auto &) {}) << none << none;
    // Written as a URL usually is; the ingest must open what the validator lets through.
    QTest::newRow("demo source with slashes")
        << with([](auto &c) { c.sourceUrl = QStringLiteral(" DEMO:// "); }) << none << none;
    QTest::newRow("demo source with more")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("demo://x"); })
        << channelfield::sourceUrl << QStringLiteral("test pattern");
    QTest::newRow("udp multicast")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("udp://@239.0.0.1:1234"); }) << none
        << none;
    QTest::newRow("http hls") << with([](auto &c) {
        c.sourceUrl = QStringLiteral("http://127.0.0.1/live.m3u8");
    }) << none << none;
    QTest::newRow("scheme case and spaces")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("  RTSP://127.0.0.1/cam  "); }) << none
        << none;
    QTest::newRow("hls+http") << with([](auto &c) {
        c.sourceUrl = QStringLiteral("hls+http://127.0.0.1/a.m3u8");
    }) << none << none;
    QTest::newRow("absolute file path")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("/srv/media/loop.ts"); }) << none
        << none;
    QTest::newRow("limits are inclusive") << with([](auto &c) {
        c.segmentDurationMs = kMaxSegmentDurationMs;
        c.bufferMs = kMaxBufferMs;
    }) << none << none;
    QTest::newRow("zero buffer") << with([](auto &c) {
        c.segmentDurationMs = kMinSegmentDurationMs;
        c.bufferMs = 0;
    }) << none << none;

    QTest::newRow("empty name") << with([](auto &c) { c.name.clear(); }) << channelfield::name
                                << QStringLiteral("Enter a name");
    QTest::newRow("blank name") << with([](auto &c) { c.name = QStringLiteral("   "); })
                                << channelfield::name << QStringLiteral("Enter a name");
    QTest::newRow("name too long") << with([](auto &c) { c.name = QString(101, u'x'); })
                                   << channelfield::name << QStringLiteral("100 or fewer");
    QTest::newRow("name at the limit")
        << with([](auto &c) { c.name = QString(100, u'x'); }) << none << none;
    QTest::newRow("duplicate name, other case and spaces")
        << with([](auto &c) { c.name = QStringLiteral(" news "); }) << channelfield::name
        << QStringLiteral("A channel named “news” already exists");
    // Its URL name would be one of the server's own paths (http::isReservedSlug).
    QTest::newRow("reserved: live")
        << with([](auto &c) { c.name = QStringLiteral("Live"); }) << channelfield::name
        << QStringLiteral("web address /live/, which the viewer");
    QTest::newRow("reserved: timeshift")
        << with([](auto &c) { c.name = QStringLiteral(" TimeShift "); }) << channelfield::name
        << QStringLiteral("/timeshift/");
    QTest::newRow("reserved: seg, from punctuation")
        << with([](auto &c) { c.name = QStringLiteral("Seg!"); }) << channelfield::name
        << QStringLiteral("/seg/");
    QTest::newRow("reserved: thumb") << with([](auto &c) { c.name = QStringLiteral("THUMB"); })
                                     << channelfield::name << QStringLiteral("such as “THUMB TV”");
    QTest::newRow("reserved: api") << with([](auto &c) { c.name = QStringLiteral("API"); })
                                   << channelfield::name << QStringLiteral("/api/");
    QTest::newRow("reserved: recordings")
        << with([](auto &c) { c.name = QStringLiteral("Recordings"); }) << channelfield::name
        << QStringLiteral("/recordings/");
    QTest::newRow("reserved: streaming")
        << with([](auto &c) { c.name = QStringLiteral("Streaming"); }) << channelfield::name
        << QStringLiteral("/streaming/");
    QTest::newRow("not reserved: live tv")
        << with([](auto &c) { c.name = QStringLiteral("Live TV"); }) << none << none;
    QTest::newRow("not reserved: playlist.m3u is no slug")
        << with([](auto &c) { c.name = QStringLiteral("playlist.m3u"); }) << none << none;
    QTest::newRow("a stored channel keeps its name")
        << channel(3, QStringLiteral("Live")) << none << none;
    QTest::newRow("own name when editing") << channel(1, QStringLiteral("News")) << none << none;
    QTest::newRow("other's name when editing")
        << channel(1, QStringLiteral("Sport")) << channelfield::name
        << QStringLiteral("already exists");

    QTest::newRow("empty url") << with([](auto &c) { c.sourceUrl.clear(); })
                               << channelfield::sourceUrl << QStringLiteral("Enter the source URL");
    QTest::newRow("typo in scheme")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("htp://127.0.0.1/a.m3u8"); })
        << channelfield::sourceUrl
        << QStringLiteral("Unknown URL scheme “htp”. Use one of: udp, rtp, rtsp, rtmp");
    QTest::newRow("no scheme") << with(
        [](auto &c) { c.sourceUrl = QStringLiteral("camera.local/stream"); })
                               << channelfield::sourceUrl << QStringLiteral("is not a URL");
    QTest::newRow("relative path")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("media/loop.ts"); })
        << channelfield::sourceUrl << QStringLiteral("absolute file path");
    QTest::newRow("scheme without address")
        << with([](auto &c) { c.sourceUrl = QStringLiteral("udp://"); }) << channelfield::sourceUrl
        << QStringLiteral("has no address");

    QTest::newRow("segment too short")
        << with([](auto &c) { c.segmentDurationMs = kMinSegmentDurationMs - 1; })
        << channelfield::segmentDurationMs << QStringLiteral("between 1 and 10 seconds");
    QTest::newRow("segment too long")
        << with([](auto &c) { c.segmentDurationMs = kMaxSegmentDurationMs + 1; })
        << channelfield::segmentDurationMs << QStringLiteral("between 1 and 10 seconds");
    QTest::newRow("negative buffer") << with([](auto &c) { c.bufferMs = -1; })
                                     << channelfield::bufferMs << QStringLiteral("0 and 24 hours");
    QTest::newRow("buffer too long") << with([](auto &c) { c.bufferMs = kMaxBufferMs + 1; })
                                     << channelfield::bufferMs << QStringLiteral("0 and 24 hours");
}

void TestChannelValidator::validate()
{
    QFETCH(ChannelConfig, input);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    const QList<FieldError> errors = ChannelValidator::validate(input, kExisting);
    if (field.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QVERIFY2(errors.first().message.contains(messagePart), qPrintable(errors.first().message));
}

void TestChannelValidator::everyProblemAtOnce()
{
    ChannelConfig c;
    c.sourceUrl = QStringLiteral("nonsense://x");
    c.segmentDurationMs = 0;
    c.bufferMs = -5;
    const auto errors = ChannelValidator::validate(c, {});
    QStringList fields;
    for (const auto &e : errors)
        fields.append(e.field);
    QCOMPARE(fields,
        (QStringList {channelfield::name, channelfield::sourceUrl, channelfield::segmentDurationMs,
            channelfield::bufferMs}));
}

// The ingest picks the test pattern by isDemoSourceUrl: every spelling the validator accepts
// must be one it picks (an API client once added "demo://" and got "unsupported protocol").
void TestChannelValidator::demoSourceSpellings()
{
    for (const char *url : {"demo:", "demo://", " DEMO: ", "Demo://"}) {
        QVERIFY2(isDemoSourceUrl(QString::fromLatin1(url)), url);
        QVERIFY2(ChannelValidator::checkSourceUrl(QString::fromLatin1(url)).isEmpty(), url);
    }
    for (const char *url : {"demo:x", "demo:///", "demos:", "udp://demo:"}) {
        QVERIFY2(!isDemoSourceUrl(QString::fromLatin1(url)), url);
    }
}

void TestChannelValidator::knowsTheCommonProtocols()
{
    const QStringList protocols = ChannelValidator::inputProtocols();
    for (const char *p : {"file", "udp", "rtp", "http", "tcp"})
        QVERIFY2(protocols.contains(QLatin1String(p)), p);
    QVERIFY(!protocols.contains(QStringLiteral("demo")));
    QVERIFY(ChannelValidator::checkSourceUrl(QStringLiteral("file:/tmp/x.ts")).isEmpty());
}

QTEST_GUILESS_MAIN(TestChannelValidator)
#include "tst_channelvalidator.moc"
