#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace panelx {

namespace {
const QString kCatalogueDir = QStringLiteral(":/i18n");
} // namespace

QLocale localeFor(UiLanguage language)
{
    switch (language) {
    case UiLanguage::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case UiLanguage::German:
        return QLocale(QLocale::German, QLocale::Germany);
    case UiLanguage::System:
        break;
    }
    return QLocale::system();
}

QStringList availableTranslations()
{
    QStringList codes;
    const QStringList files
        = QDir(kCatalogueDir).entryList({QStringLiteral("panelx_*.qm")}, QDir::Files);
    for (const QString &file : files)
        codes << file.mid(7, file.size() - 7 - 3);
    return codes;
}

QString installTranslations(UiLanguage language)
{
    auto *app = QCoreApplication::instance();
    Q_ASSERT(app);
    const QLocale locale = localeFor(language);

    auto *own = new QTranslator(app);
    // Tries panelx_de_DE, then panelx_de, for each of the locale's UI languages in order. A
    // language without a catalogue gets the English one, which holds the plural forms
    // ("1 channel", "2 channels").
    if (!own->load(locale, QStringLiteral("panelx"), QStringLiteral("_"), kCatalogueDir)
        && !own->load(QStringLiteral("panelx_en"), kCatalogueDir)) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    const QString code = own->language().section(QLatin1Char('_'), 0, 0).toLower();
    if (code == QLatin1String("en"))
        return code; // Qt's own dialogs are in English already

    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt; // the window still works; only Qt's own dialogs stay in English
    // Numbers and dates follow the window's language when it was chosen explicitly.
    if (language != UiLanguage::System)
        QLocale::setDefault(locale);
    return code;
}

} // namespace panelx
