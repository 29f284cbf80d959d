package io.smlfusion.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web console as a user sees it: what to click and type on each page, and what it shows. */
final class ConsolePage {

    /** Generous: the build machine is shared and loaded; a wait ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final Path screenshots;
    private final WebDriverWait wait;

    ConsolePage(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** The console as a new tab sees it: signed out (the key of an earlier test gone from session storage). */
    ConsolePage open() {
        driver.get(SignedClient.BASE + "/symetry/console/");
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        return this;
    }

    ConsolePage signIn(String cid, String secret) {
        type(By.id("signin-cid"), cid);
        type(By.id("signin-secret"), secret);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        return projects();
    }

    ConsolePage projects() {
        driver.get(SignedClient.BASE + "/symetry/console/#/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-cell")));
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("project-list"), "Loading…"));
        return this;
    }

    ConsolePage createCellProject(String pid) {
        type(By.id("new-cell-pid"), pid);
        driver.findElement(By.cssSelector("#create-cell button[type=submit]")).click();
        return waitForProject(pid);
    }

    /** Learns the CSV file with the given rows per request; answers the page's report of it. */
    String learn(Path csv, int rowsPerRequest) {
        driver.findElement(By.id("upload-file")).sendKeys(csv.toAbsolutePath().toString());
        type(By.id("upload-batch"), String.valueOf(rowsPerRequest));
        driver.findElement(By.id("upload-button")).click();
        wait.until(ExpectedConditions.textMatches(By.id("project-message"), Pattern.compile("rows/s")));
        waitForAttributes();
        return text(By.id("project-message"));
    }

    /** A fusion of this customer's cell projects on this server (the creation form's default rows). */
    ConsolePage createFusion(String pid, String... cellPids) {
        type(By.id("new-fusion-pid"), pid);
        List<WebElement> rows = driver.findElements(By.cssSelector("#create-fusion tr.cell-row"));
        for (int k = 0; k < cellPids.length; k++) {
            if (k >= rows.size()) {
                driver.findElement(By.cssSelector("#create-fusion .add-cell")).click();
                rows = driver.findElements(By.cssSelector("#create-fusion tr.cell-row"));
            }
            type(rows.get(k).findElement(By.name("pid")), cellPids[k]);
        }
        driver.findElement(By.cssSelector("#create-fusion button[type=submit]")).click();
        return waitForProject(pid);
    }

    ConsolePage openProject(String pid) {
        driver.findElement(By.linkText(pid)).click();
        return waitForProject(pid);
    }

    /** Waits until every cell row of the fusion panel shows status OK; answers status per cell project. */
    Map<String, String> waitForCellsOk(int cells) {
        wait.until(d -> {
            List<Map<String, String>> rows = rows("cells-table");
            return rows.size() == cells && rows.stream().allMatch(row -> "OK".equals(row.get("Status")));
        });
        return rows("cells-table").stream().collect(Collectors.toMap(row -> row.get("Cell project"), row -> row.get("Status")));
    }

    /** Opens the fusion's cell list (decrypted in the page), removes the cells of the given projects, saves. */
    List<String> removeCells(String... cellPids) {
        driver.findElement(By.id("edit-cells")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-cells")));
        List<String> listed = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#fusion tr.cell-row"))) {
            String pid = row.findElement(By.name("pid")).getDomProperty("value");
            listed.add(pid);
            if (List.of(cellPids).contains(pid)) {
                row.findElement(By.tagName("button")).click();
            }
        }
        driver.findElement(By.id("save-cells")).click();
        wait.until(ExpectedConditions.textMatches(By.id("project-message"), Pattern.compile("Cell list saved")));
        return listed;
    }

    /** Waits until the fusion panel lists exactly the given number of cells. */
    void waitForCellCount(int cells) {
        wait.until(d -> rows("cells-table").size() == cells);
    }

    ConsolePage buildModel(String modelId, String algo, String target) {
        type(By.id("model-id"), modelId);
        new Select(driver.findElement(By.id("model-algo"))).selectByValue(algo);
        new Select(driver.findElement(By.id("model-target"))).selectByValue(target);
        driver.findElement(By.id("build-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-info")));
        return this;
    }

    /** Pastes the CSV into the prediction form of the open model; answers the table of scores. */
    List<Map<String, String>> predict(String csv) {
        driver.findElement(By.id("predict-csv")).sendKeys(csv);
        driver.findElement(By.id("predict-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("predictions-table")));
        return rows("predictions-table");
    }

    /**
     * The rows of a table of the page, each a map from column header to cell text, read in one script
     * so that a table the page redraws meanwhile (the fusion panel's timer) is read whole or not at all.
     */
    List<Map<String, String>> rows(String tableId) {
        Object rows = driver.executeScript("const table = document.getElementById(arguments[0]);"
                + "const headers = [...table.querySelectorAll('thead th')].map(th => th.innerText);"
                + "return [...table.querySelectorAll('tbody tr')].map(tr =>"
                + "  Object.fromEntries([...tr.children].map((td, k) => [headers[k], td.innerText])));", tableId);
        return ((List<?>) rows).stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<?, ?>) row).forEach((header, text) -> values.put(String.valueOf(header), String.valueOf(text)));
            return values;
        }).toList();
    }

    /** The attributes table: by attribute name, its row. */
    Map<String, Map<String, String>> attributes() {
        return rows("attributes-table").stream().collect(Collectors.toMap(row -> row.get("Attribute"), Function.identity()));
    }

    String text(By locator) {
        return driver.findElement(locator).getText();
    }

    int count(By locator) {
        return driver.findElements(locator).size();
    }

    /** Saves the page, scrolled to {@code anchor}, as {@code <name>.png} under the screenshot folder. */
    Path screenshot(String name, By anchor) {
        driver.executeScript("arguments[0].scrollIntoView(true)", driver.findElement(anchor));
        return screenshot(name);
    }

    /** Saves the page as {@code <name>.png} under the screenshot folder. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void waitForCharts() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#heatmap svg")));
    }

    private ConsolePage waitForProject(String pid) {
        wait.until(ExpectedConditions.textToBe(By.id("project-title"), pid));
        return this;
    }

    private void waitForAttributes() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attributes-table")));
    }

    private void type(By locator, String text) {
        type(driver.findElement(locator), text);
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }
}
