package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * The web console in a real browser (headless Chromium): a data person signs in, learns a CSV into
 * each of two cells, fuses them, sees both cells OK, builds an mlr and predicts — and every number
 * the page shows is the one the REST API answers. Screenshots of each page go to
 * {@code target/console-screenshots}.
 */
class ConsoleBrowserIT {

    private static final Path WORK = Path.of("target", "console-it");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";

    private static ChromeDriver driver;
    private final SignedClient rest = SignedClient.bootstrap();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(WORK);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aDataPersonReachesAFusedModelWithoutATerminal() {
        String north = "console-north-" + suffix;
        String south = "console-south-" + suffix;
        String fusion = "console-fusion-" + suffix;
        ConsolePage page = new ConsolePage(driver, SCREENSHOTS).open();
        page.screenshot("01-sign-in");
        page.signIn(SignedClient.BOOTSTRAP_CID, SignedClient.BOOTSTRAP_SECRET);
        assertKeyOnlyInSessionStorage();

        String northReport = page.createCellProject(north).learn(housing("housing1.csv"), 7);
        int northRows = info(north).getInt("rowCount");
        assertTrue(northReport.contains(northRows + " of " + northRows + " rows learned"), northReport);
        assertAttributesMatchRest(page, north);
        page.waitForCharts();
        page.screenshot("02-cell-project", By.id("charts"));
        page.projects().createCellProject(south).learn(housing("housing2.csv"), 25);
        int southRows = info(south).getInt("rowCount");

        page.projects().createFusion(fusion, north, south);
        assertEquals(Map.of(north, "OK", south, "OK"), page.waitForCellsOk(2));
        Map<String, Integer> cellRows = Map.of(north, northRows, south, southRows);
        page.rows("cells-table").forEach(row ->
                assertEquals(String.valueOf(cellRows.get(row.get("Cell project"))), row.get("Rows"), row::toString));
        assertEquals(String.valueOf(northRows + southRows), page.attributes().get("MEDV").get("Count"));
        assertAttributesMatchRest(page, fusion);
        page.waitForCharts();
        page.screenshot("03-fusion");

        page.buildModel("price", "mlr", "MEDV");
        JsonObject modelInfo = rest.get("projects/" + fusion + "/models/price").values().getJsonObject("modelInfo").getJsonObject("info");
        Map<String, String> shownInfo = metricTable(page);
        for (String metric : List.of("r2", "adjusted_r2", "residual_se", "n", "model_bias")) {
            assertEquals(modelInfo.getString(metric), shownInfo.get(metric), metric);
        }
        assertEquals(13, page.count(By.cssSelector("#coefficients svg rect")), "a bar per input's coefficient");

        List<String> testLines = CsvDataFrames.lines("housing-fed3/housing_test.csv").subList(0, 6);
        List<Map<String, String>> shown = page.predict(String.join("\n", testLines));
        Reply answer = rest.post("projects/" + fusion + "/predict/price", CsvDataFrames.dataFrame(testLines.get(0).split(","),
                testLines.subList(1, testLines.size()), "C"));
        var scores = answer.values().getJsonObject("KSVSMap").getJsonArray("values");
        assertEquals(scores.size(), shown.size());
        for (int k = 0; k < scores.size(); k++) {
            assertEquals(scores.getJsonObject(k).getString("res"), shown.get(k).get("res"), "prediction of row " + (k + 1));
        }
        page.screenshot("04-model", By.id("model-detail"));

        assertEquals(List.of(north, south), page.removeCells(south));
        page.waitForCellCount(1);
        assertEquals(1, info(fusion).getJsonArray("fusionCells").size());
        assertEquals(north, info(fusion).getJsonArray("fusionCells").getJsonObject(0).getString("pid"));
        deleteAll(fusion, north, south);
    }

    @Test
    void anAttributeNamedLikeMarkupIsShownAsText() throws IOException {
        String pid = "console-markup-" + suffix;
        Path csv = WORK.resolve("markup.csv");
        Files.writeString(csv, "\"" + MARKUP_NAME + "\",b\n1,2\n2,3.5\n3,3\n4,6\n");
        ConsolePage page = new ConsolePage(driver, SCREENSHOTS).open().signIn(SignedClient.BOOTSTRAP_CID, SignedClient.BOOTSTRAP_SECRET);
        page.createCellProject(pid).learn(csv, 2);
        assertEquals("4", page.attributes().get(MARKUP_NAME).get("Count"), page.attributes()::toString);
        page.waitForCharts();
        assertEquals(0, page.count(By.cssSelector("#view img")), "the name became an element");
        assertTrue(page.text(By.id("heatmap")).contains(MARKUP_NAME.substring(0, 17)), page.text(By.id("heatmap")));
        deleteAll(pid);
    }

    @Test
    void theConsoleIsServedWithAStrictContentSecurityPolicy() {
        for (String path : List.of("/symetry/console/", "/symetry/console/js/app.js", "/symetry/console/console.css")) {
            HttpResponse<String> answer = SignedClient.send(HttpRequest.newBuilder(URI.create(SignedClient.BASE + path)).build());
            assertEquals(200, answer.statusCode(), path);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), path + ": " + policy);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
        String index = SignedClient.send(HttpRequest.newBuilder(URI.create(SignedClient.BASE + "/symetry/console/")).build()).body();
        assertFalse(index.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "an inline script in the console page");
    }

    /** The page's attribute table against explore uni of the REST API: count, mean, standard deviation. */
    private void assertAttributesMatchRest(ConsolePage page, String pid) {
        Map<String, Map<String, String>> shown = page.attributes();
        for (String attribute : List.of("MEDV", "RM", "LSTAT")) {
            JsonObject uni = rest.post("projects/" + pid + "/explore?metric=uni&returnProjectInfo=false&format=raw",
                    "{\"values\":[{\"inputAttributeNames\":[\"" + attribute + "\"]}]}").values()
                    .getJsonObject("KSVDMap").getJsonArray("values").getJsonObject(0);
            Map<String, String> row = shown.get(attribute);
            assertEquals(String.valueOf(uni.getJsonNumber("count").intValue()), row.get("Count"), attribute);
            assertEquals(uni.getJsonNumber("mean").doubleValue(), Double.parseDouble(row.get("Mean")), 0.5e-4, attribute);
            assertEquals(uni.getJsonNumber("stddev").doubleValue(), Double.parseDouble(row.get("Std. deviation")), 0.5e-4, attribute);
        }
    }

    private void assertKeyOnlyInSessionStorage() {
        JavascriptExecutor js = driver;
        assertEquals(0L, js.executeScript("return localStorage.length"));
        assertEquals(SignedClient.BOOTSTRAP_SECRET, js.executeScript("return sessionStorage.getItem('smlfusion.console.secret')"));
        assertFalse(driver.getCurrentUrl().contains(SignedClient.BOOTSTRAP_SECRET), driver.getCurrentUrl());
        assertEquals("", js.executeScript("return document.cookie"));
    }

    private static Map<String, String> metricTable(ConsolePage page) {
        Map<String, String> metrics = new HashMap<>();
        page.rows("model-info").forEach(row -> metrics.put(row.get("Metric"), row.get("Value")));
        return metrics;
    }

    private JsonObject info(String pid) {
        return rest.get("projects/" + pid + "/info").values().getJsonObject("smlInfo");
    }

    private void deleteAll(String... pids) {
        for (String pid : pids) {
            assertEquals(200, rest.delete("projects/" + pid).status(), pid);
        }
    }

    private static Path housing(String file) {
        return ReferenceCsv.locate("housing-fed3", file);
    }
}
