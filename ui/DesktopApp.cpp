#include "DesktopApp.h"

#include "EngineClient.h"
#include "InstanceLock.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "Settings.h"
#include "Translations.h"

#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

namespace panelx {

int runDesktop(
    EngineOptions options, CommandLineChoices fromCommandLine, const QString &screenshotsDir)
{
    const Settings settings = Settings::prepareStartup(options, fromCommandLine);
    installTranslations(settings.language);
    // The engine refuses a folder another PanelX uses; asking first spares the user a second
    // window that could only say so in its status bar.
    if (const QString problem = InstanceLock::checkAvailable(options.dataDir); !problem.isEmpty()) {
        QMessageBox::critical(nullptr, QApplication::translate("DesktopApp", "PanelX"), problem);
        return 1;
    }

    EngineClient client(options);
    MainWindow window(&client);
    window.show();
    client.start();

    std::unique_ptr<ScreenshotTour> tour;
    int exitCode = 0;
    if (!screenshotsDir.isEmpty()) {
        tour = std::make_unique<ScreenshotTour>(&window, &client, screenshotsDir);
        QObject::connect(tour.get(), &ScreenshotTour::finished, &window,
            [&window, &exitCode](bool ok, const QString &message) {
                QTextStream(stdout) << message << Qt::endl;
                exitCode = ok ? 0 : 1;
                window.quit();
            });
        tour->start();
    }
    const int code = QApplication::exec();
    return exitCode ? exitCode : code;
}

} // namespace panelx
