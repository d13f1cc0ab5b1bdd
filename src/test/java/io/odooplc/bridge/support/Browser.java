package io.odooplc.bridge.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, for the console's browser tests. Missing, the tests
 * are skipped with one line saying how to install it; with {@code CI=true} a missing browser fails the build.
 */
public final class Browser {

    /** Where Debian's {@code chromium} and {@code chromium-driver} packages put them; system properties override. */
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private Browser() {
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test (fails it with CI=true) when the browser is not installed. */
    public static void assumeInstalled() {
        if (installed()) {
            return;
        }
        String missing = "no headless browser (" + CHROMIUM + ", " + CHROMEDRIVER + "): install it with `"
                + INSTALL + "`";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + missing);
        }
        Assumptions.abort("Browser tests skipped: " + missing);
    }

    /** A fresh headless Chromium (own profile, no network of its own) with a 1366x768 window. */
    public static ChromeDriver chrome() throws IOException {
        // Under target/, so `mvn clean` removes it.
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--user-data-dir=" + profile);
        // The page's console messages, so a test can check there are no errors.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
