package io.odooplc.bridge.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.odooplc.bridge.sim.Demo;
import io.odooplc.bridge.sim.FakeOdoo;
import io.odooplc.bridge.sim.FakeOdooStock;
import io.odooplc.bridge.sim.OdooCredentials;
import io.odooplc.bridge.support.Browser;
import io.odooplc.bridge.support.Plant;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console in headless Chromium against a running bridge with the simulated PLC and the fake Odoo, on the demo's
 * short intervals: the page drives the bridge, and the bridge's API confirms what the page did. The steps build on
 * each other (the token given in one is kept by the tab for the next), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    /** A name as a hostile or careless Odoo user could type it, for a product and for an MO. */
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final List<String> MOS = List.of("WH/MO/09001", "WH/MO/09002", "WH/MO/09003");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    private static Plant plant;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static String console;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) {
            return;
        }
        Map<String, String> demoLike = new HashMap<>(Demo.shortIntervals());
        demoLike.put("ENABLE_TASK_6_LOG_CLEANUP", "false");
        // Odoo starts with no MOs: they arrive while the page is open.
        plant = Plant.start(new FakeOdoo(FakeOdooStock.empty(), OdooCredentials.defaults()), Duration.ofSeconds(2),
                demoLike);
        driver = Browser.chrome();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        console = "http://127.0.0.1:" + plant.bridge.settings().httpPort() + "/";
        Files.createDirectories(SHOTS);
    }

    /** Each step reports itself skipped (or failed, with CI=true) when there is no browser. */
    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeInstalled();
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    @Order(1)
    void thePageLoadsWithNoConsoleErrors() {
        driver.get(console + "ui/");
        wait.until(d -> d.findElements(By.cssSelector("#tasks tr")).size() == 6);
        driver.get(console);
        assertThat(driver.getTitle()).isEqualTo("odoo-plc-bridge console");
        wait.until(d -> d.findElements(By.cssSelector("#tasks tr")).size() == 6);
        wait.until(d -> d.findElement(By.id("updated")).getText().startsWith("Updated"));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void theSixTasksShowTheirSwitchAndStatus() throws Exception {
        openTab("tasks");
        for (JsonNode task : api("/api/tasks").get("tasks")) {
            String routeId = task.get("routeId").asText();
            String switchState = task.get("configuredEnabled").asBoolean() ? "on" : "off";
            wait.until(d -> taskCell(routeId, "Switch").findElement(By.className("switch")).getText()
                    .equals(switchState));
            assertThat(taskCell(routeId, "Switch").getText()).contains(task.get("configuredBy").asText());
            assertThat(taskCell(routeId, "Status").getText()).isEqualTo(task.get("status").asText());
            assertThat(taskCell(routeId, "Interval").getText()).isEqualTo(task.get("interval").asText());
        }
        assertThat(taskCell("task6-log-cleanup", "Switch").getText()).contains("off",
                "ENABLE_TASK_6_LOG_CLEANUP=false");
        assertThat(taskCell("task6-log-cleanup", "Status").getText()).isEqualTo("Stopped");
        assertThat(taskCell("task2-plc-read", "Switch").getText()).contains("on", "ENABLE_TASK_2_PLC_READ=true");
    }

    @Test
    @Order(3)
    void aWrongTokenShowsTheErrorAndChangesNothing() throws Exception {
        openTab("tasks");
        clickTaskButton("task2-plc-read", "stop");
        giveToken("not-the-admin-token");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("refused (401)"));
        assertThat(driver.findElement(By.id("message")).getAttribute("class")).isEqualTo("error");
        assertThat(driver.findElement(By.id("token-state")).getText()).isEqualTo("Admin token: not set");
        assertThat(taskStatus("task2-plc-read")).isEqualTo("Started");
        assertThat(plant.bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Started);
        assertThat(consoleErrors()).as("only the refused call").singleElement().asString().contains("stop", "401");
    }

    @Test
    @Order(4)
    void stoppingTask2FromThePageStopsItsRouteAndStartingItWorks() throws Exception {
        openTab("tasks");
        clickTaskButton("task2-plc-read", "stop");
        giveToken(Plant.TOKEN);
        wait.until(d -> d.findElement(By.id("message")).getText().contains("task2-plc-read stopped"));
        assertThat(taskStatus("task2-plc-read")).isEqualTo("Stopped");
        wait.until(d -> taskCell("task2-plc-read", "Status").getText().equals("Stopped"));

        // The token is kept for the tab: starting asks for nothing.
        clickTaskButton("task2-plc-read", "start");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("task2-plc-read started"));
        assertThat(driver.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
        assertThat(taskStatus("task2-plc-read")).isEqualTo("Started");
        wait.until(d -> taskCell("task2-plc-read", "Status").getText().equals("Started"));
        assertThat(driver.findElement(By.id("token-state")).getText()).isEqualTo("Admin token: set for this tab");
    }

    /** The tab holds the token now; a page on another origin posts a form to the control API: refused. */
    @Test
    @Order(5)
    void aFormPostedFromAnotherOriginCannotStopATask() throws Exception {
        String form = "<!DOCTYPE html><html><body><form id=f method=post action=\"" + console
                + "api/tasks/task2-plc-read/stop\"><input name=action value=stop></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>";
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            driver.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            wait.until(d -> d.getCurrentUrl().startsWith(console + "api/tasks/task2-plc-read/stop"));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("\"error\""));
            assertThat(taskStatus("task2-plc-read")).isEqualTo("Started");
            assertThat(plant.bridge.routeStatus("task2-plc-read")).isEqualTo(ServiceStatus.Started);
            // The browser also asks the bridge for /favicon.ico to show beside the JSON answer.
            assertThat(consoleErrors()).as("only the refused post").allMatch(e -> e.contains("status of 401")
                    || e.contains("/favicon.ico"));
        } finally {
            other.stop(0);
            driver.get(console);
        }
        wait.until(d -> d.findElement(By.id("token-state")).getText().equals("Admin token: set for this tab"));
    }

    @Test
    @Order(6)
    void batchesAppearAndMoveToSyncedWhileThePageIsOpen() throws Exception {
        openTab("queue");
        wait.until(d -> d.findElement(By.cssSelector("#batches td")).getText().equals("No batches match."));
        ((JavascriptExecutor) driver).executeScript("window.stillTheSamePage = true;");
        plant.odoo.stock().newMo(MOS.get(0)).component("[40025] POLLAR ANGSA", 300.0, "silo101")
                .component("[40010] JAGUNG", 200.0, "silo102").component("TETES", 40.0, "lq114").add();
        plant.odoo.stock().newMo(MOS.get(1)).component("[40025] POLLAR ANGSA", 250.0, "silo101")
                .component("TETES", 30.0, "lq114").add();
        // The PLC gets the product name cut to 16 characters; the bridge keeps and shows the whole name.
        plant.odoo.stock().newMo(MOS.get(2)).product(990, XSS).component(XSS, 120.0, "silo102").add();

        Set<String> seen = new HashSet<>();
        wait.until(d -> {
            seen.addAll(pageStates());
            return syncedCount() == 3;
        });
        assertThat(seen).as("states the page showed on its own before SYNCED").isNotEqualTo(Set.of("SYNCED"));
        wait.until(d -> pageStates().equals(Set.of("SYNCED")));
        assertThat(pageMoNames()).containsExactlyInAnyOrderElementsOf(MOS);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.stillTheSamePage === true;"))
                .as("the page refreshed itself, it was not reloaded").isEqualTo(true);
        assertThat(api("/api/batches?state=SYNCED").get("total").asInt()).isEqualTo(3);
        String shownProduct = wait.until(d -> productOf(MOS.get(2)));
        assertThat(shownProduct).isEqualTo(XSS);
        assertThat(driver.findElements(By.tagName("img"))).as("no element made from a product name").isEmpty();
        screenshot("console-queue-1366.png");
    }

    @Test
    @Order(7)
    void aBatchDetailShowsPlannedAndActualKg() throws Exception {
        openTab("queue");
        long id = batchId(MOS.get(0));
        openBatch(id);
        JsonNode batch = api("/api/batches/" + id);
        JsonNode components = batch.get("components");
        assertThat(components.size()).isEqualTo(3);
        wait.until(d -> d.findElements(By.cssSelector("#detail-components tr")).size() == components.size()
                && d.findElement(By.id("detail-title")).getText().contains(MOS.get(0)));
        List<WebElement> rows = driver.findElements(By.cssSelector("#detail-components tr"));
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getText()).contains(c.get("equipmentCode").asText());
            assertThat(row.findElement(By.className("planned")).getText())
                    .isEqualTo(String.format("%.2f", c.get("plannedKg").asDouble()));
            assertThat(row.findElement(By.className("actual")).getText())
                    .isEqualTo(String.format("%.2f", c.get("actualKg").asDouble()));
        }
        assertThat(rows.get(0).findElement(By.className("planned")).getText()).isEqualTo("300.00");
        assertThat(components.get(0).get("actualKg").asDouble()).isPositive();
        assertThat(driver.findElement(By.id("detail-events")).getText()).contains("SYNCED", "WRITTEN");
        assertThat(field("State")).isEqualTo("SYNCED");
        assertThat(driver.findElement(By.id("detail-cancel")).isDisplayed()).as("a SYNCED batch cannot be cancelled")
                .isFalse();
        screenshot("console-detail-1366.png");
    }

    /**
     * An MO name the PLC could not hold (its MO field has 16 characters, names read back must look like WH/MO/...),
     * so this batch is put in the queue as a batch of a stopped run would be: NEEDS_ATTENTION, with Odoo's answer
     * quoting the name. The page shows it as text, and cancels it with the token the tab already holds.
     */
    @Test
    @Order(8)
    void namesShowAsTextNeverAsMarkupAndABatchIsCancelledFromThePage() throws Exception {
        long id = plant.sql.batch(XSS, 10, "NEEDS_ATTENTION", "product_name, last_error, attempts",
                "'" + XSS + "', 'Odoo refused MO " + XSS + "', 10");
        openTab("queue");
        WebElement mo = driver.findElement(By.id("filter-mo"));
        mo.clear();
        mo.sendKeys("<img");
        driver.findElement(By.cssSelector("#batch-filter button[type=submit]")).click();
        wait.until(d -> pageMoNames().equals(List.of(XSS)));
        String shownProduct = wait.until(d -> productOf(XSS));
        assertThat(shownProduct).isEqualTo(XSS);
        openBatch(id);
        wait.until(d -> d.findElement(By.id("detail-title")).getText().equals("Batch #" + id + " · " + XSS));
        assertThat(field("Product")).isEqualTo(XSS);
        assertThat(field("Last error")).isEqualTo("Odoo refused MO " + XSS);
        assertThat(driver.findElements(By.tagName("img"))).as("no element made from a name").isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElement(By.id("detail-retry")).isDisplayed()).isTrue();

        driver.findElement(By.id("detail-cancel")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().contains("is CANCELLED here"));
        assertThat(driver.findElement(By.id("token-dialog")).isDisplayed()).as("the tab kept the token").isFalse();
        assertThat(api("/api/batches/" + id).get("state").asText()).isEqualTo("CANCELLED");
        wait.until(d -> field("State").equals("CANCELLED"));
        assertThat(driver.findElement(By.id("detail-cancel")).isDisplayed()).isFalse();
        assertThat(consoleErrors()).isEmpty();
        driver.findElement(By.id("detail-close")).click();
        driver.findElement(By.id("filter-mo")).clear();
        driver.findElement(By.cssSelector("#batch-filter button[type=submit]")).click();
    }

    @Test
    @Order(9)
    void failuresAndHealthAreShown() throws Exception {
        plant.plc.plant().failures().raise("silo101", "START_FAILURE", LocalDateTime.now().withNano(0));
        openTab("failures");
        wait.until(d -> d.findElements(By.cssSelector("#failures tr[data-failure-id]")).size() == 1
                && d.findElement(By.cssSelector("#failures td[data-label='Odoo']")).getText().equals("SENT"));
        assertThat(driver.findElement(By.id("failures")).getText()).contains("silo101");

        openTab("health");
        wait.until(d -> d.findElements(By.cssSelector("#health-checks article")).size() == 4);
        // The panel redraws itself: each read goes through the wait, which reads again past a replaced element.
        wait.until(d -> check("database").getText().contains("Database UP"));
        wait.until(d -> detail("plc", "last_outcome").equals("OK"));
        wait.until(d -> !detail("plc", "last_operation").isBlank());
        wait.until(d -> detail("odoo", "circuit").equals("CLOSED"));
        wait.until(d -> detail("batches", "batches_synced").equals("3"));
        assertThat(driver.findElement(By.id("health-pills")).getText()).contains("Database UP", "PLC UP", "Odoo UP");
        assertThat(driver.getPageSource()).doesNotContain(Plant.TOKEN, plant.odoo.credentials().password(),
                "postgres:postgres");
        screenshot("console-health-1366.png");
        openTab("tasks");
        wait.until(d -> taskCell("task3-process-completed", "Last run").getText().contains("synced="));
        screenshot("console-tasks-1366.png");
    }

    @Test
    @Order(10)
    void worksOnA390PixelWideScreen() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String tab : List.of("tasks", "queue", "failures", "health")) {
                openTab(tab);
                wait.until(d -> d.findElement(By.id("updated")).getText().startsWith("Updated"));
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("horizontal overflow on %s at 390 px", tab).isZero();
            }
            openTab("tasks");
            Integer stopRightEdge = wait.until(d -> {
                WebElement stop = taskCell("task2-plc-read", "Control").findElement(By.cssSelector("[data-action=stop]"));
                return stop.isDisplayed() ? stop.getRect().getX() + stop.getRect().getWidth() : null;
            });
            assertThat(stopRightEdge).isLessThanOrEqualTo(390);
            screenshot("console-tasks-390.png");
            assertThat(consoleErrors()).isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static JsonNode api(String path) throws Exception {
        return JSON.readTree(plant.bridge.get(path).body());
    }

    private static String taskStatus(String routeId) throws Exception {
        for (JsonNode task : api("/api/tasks").get("tasks")) {
            if (task.get("routeId").asText().equals(routeId)) {
                return task.get("status").asText();
            }
        }
        throw new AssertionError("no task " + routeId);
    }

    private static long batchId(String mo) throws Exception {
        for (JsonNode b : api("/api/batches?limit=50").get("items")) {
            if (b.get("moName").asText().equals(mo)) {
                return b.get("id").asLong();
            }
        }
        throw new AssertionError("no batch of MO " + mo);
    }

    private static void openTab(String tab) {
        wait.until(d -> {
            d.findElement(By.cssSelector("#tabs button[data-tab='" + tab + "']")).click();
            return d.findElement(By.id("tab-" + tab)).isDisplayed();
        });
    }

    private static WebElement taskCell(String routeId, String label) {
        return driver.findElement(By.cssSelector("#tasks tr[data-route-id='" + routeId + "'] td[data-label='"
                + label + "']"));
    }

    private static void clickTaskButton(String routeId, String action) {
        wait.until(d -> {
            taskCell(routeId, "Control").findElement(By.cssSelector("[data-action=" + action + "]")).click();
            return true;
        });
    }

    private static void giveToken(String token) {
        wait.until(d -> d.findElement(By.id("token-dialog")).isDisplayed());
        WebElement input = driver.findElement(By.id("token-input"));
        input.sendKeys(token);
        driver.findElement(By.id("token-ok")).click();
        wait.until(d -> !d.findElement(By.id("token-dialog")).isDisplayed());
    }

    private static void openBatch(long id) {
        wait.until(d -> {
            d.findElement(By.cssSelector("#batches tr[data-batch-id='" + id + "']")).click();
            return d.findElement(By.id("batch-detail")).isDisplayed();
        });
    }

    private static String field(String name) {
        return driver.findElement(By.cssSelector("#detail-fields [data-field='" + name + "']")).getText();
    }

    /** The product shown in the batch list for an MO; null while it is not listed. */
    private static String productOf(String mo) {
        for (WebElement row : driver.findElements(By.cssSelector("#batches tr[data-batch-id]"))) {
            if (row.findElement(By.className("mo")).getText().equals(mo)) {
                return row.findElement(By.className("product")).getText();
            }
        }
        return null;
    }

    private static Set<String> pageStates() {
        Set<String> states = new HashSet<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#batches td[data-label='State']"))) {
            states.add(cell.getText());
        }
        return states;
    }

    private static List<String> pageMoNames() {
        return driver.findElements(By.cssSelector("#batches .mo")).stream().map(WebElement::getText).toList();
    }

    private static int syncedCount() {
        return Integer.parseInt(driver.findElement(By.cssSelector("#state-counts [data-state=SYNCED] .count"))
                .getText());
    }

    private static WebElement check(String name) {
        return driver.findElement(By.cssSelector("#health-checks [data-check='" + name + "']"));
    }

    private static String detail(String check, String key) {
        return check(check).findElement(By.cssSelector("[data-detail='" + key + "']")).getText();
    }

    /** The page's console errors (script errors, refused resources, policy violations) since the last call. */
    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
