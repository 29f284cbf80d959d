package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with a fresh profile and no traffic
 * of its own (no updates, sync or QUIC). Without them the browser ITs skip, unless the environment
 * says {@code SMLFUSION_IT_BROWSER=required} (CI installs both), where they fail.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SMLFUSION_IT_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SMLFUSION_IT_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static ChromeDriver start(Path profiles) {
        requireBrowser();
        try {
            Files.createDirectories(profiles);
            Path profile = Files.createTempDirectory(profiles, "profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                    .withLogFile(new File(profiles.toFile(), "chromedriver.log")).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = CHROMIUM + " and " + CHROMEDRIVER + " are needed (Debian: apt-get install chromium chromium-driver)";
        if (!present && "required".equals(System.getenv("SMLFUSION_IT_BROWSER"))) {
            fail("SMLFUSION_IT_BROWSER=required, but the browser is missing: " + why);
        }
        assumeTrue(present, "browser tests skipped: " + why + "; set SMLFUSION_IT_BROWSER=required to make this a failure");
    }
}
