import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times the docs site in headless Chromium with the network off (bench/docs-site.sh runs it): the first
 * page (navigation start to the list and page drawn), a search (typing to the list redrawn), a lineage
 * click (a click on a graph node to the next page's graph drawn) and a column click (to its direct
 * lineage shown, and to the whole way up and down walked, which loads other nodes' chunks). Prints one line per measure: name, median and every run in milliseconds.
 *
 * Usage: java -cp SELENIUM_CLASSPATH DocsSiteBench.java INDEX_HTML RUNS MODEL_UNIQUE_ID SEARCH_WORDS
 */
public final class DocsSiteBench {
    private static final String CLICK_GRAPH = """
            var done = arguments[arguments.length - 1];
            var target = arguments[0];
            var node = document.querySelector('#graph g.gnode[data-uid="' + target + '"]');
            var before = window.smeltLastDraw;
            var started = performance.now();
            node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
            (function wait() {
              var focus = document.querySelector('#graph g.gnode.focus');
              if (window.smeltLastDraw !== before && focus && focus.getAttribute('data-uid') === target) {
                document.body.offsetHeight;
                done(performance.now() - started);
              } else {
                setTimeout(wait, 0);
              }
            })();
            """;
    private static final String CLICK_COLUMN = """
            var done = arguments[arguments.length - 1];
            var row = document.querySelector('#columns tr.col td.colname');
            var started = performance.now();
            var shown = -1;
            row.dispatchEvent(new MouseEvent('click', {bubbles: true}));
            (function wait() {
              var panel = document.getElementById('column-lineage');
              if (shown < 0 && panel && !panel.hidden && panel.querySelector('ul.up')) {
                document.body.offsetHeight;
                shown = performance.now() - started;
              }
              if (shown >= 0 && panel.hasAttribute('data-complete')) {
                document.body.offsetHeight;
                done([shown, performance.now() - started]);
              } else {
                setTimeout(wait, 0);
              }
            })();
            """;
    private static final String SEARCH = """
            var search = document.getElementById('search');
            var started = performance.now();
            search.value = arguments[0];
            search.dispatchEvent(new Event('input'));
            document.body.offsetHeight;
            return performance.now() - started;
            """;

    public static void main(String[] args) throws Exception {
        String page = Path.of(args[0]).toAbsolutePath().toUri().toString();
        int runs = Integer.parseInt(args[1]);
        String model = args[2];
        String words = args[3];
        Path profile = Files.createTempDirectory("smelt-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            List<Double> first = new ArrayList<>(), paint = new ArrayList<>(), search = new ArrayList<>();
            List<Double> lineage = new ArrayList<>(), column = new ArrayList<>(), walked = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                driver.get("about:blank");
                driver.get(page);
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
                double ready = number(driver.executeScript("return window.smeltReady;"));
                double contentful = number(driver.executeScript(
                        "var p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1;"));
                double searched = number(driver.executeScript(SEARCH, words));
                driver.executeScript("location.hash = '#!/model/' + arguments[0];", model);
                wait.until(d -> d.findElements(By.cssSelector("#graph g.gnode.focus[data-uid='" + model + "']")).size() == 1);
                String parent = (String) driver.executeScript(
                        "var n = document.querySelector('#depends-on a[data-uid^=\"model.\"]'); return n && n.getAttribute('data-uid');");
                double clicked = number(driver.executeAsyncScript(CLICK_GRAPH, parent));
                List<?> columned = (List<?>) driver.executeAsyncScript(CLICK_COLUMN);
                // the first run warms the file cache and is left out
                if (run > 0) {
                    first.add(ready);
                    paint.add(contentful);
                    search.add(searched);
                    lineage.add(clicked);
                    column.add(number(columned.get(0)));
                    walked.add(number(columned.get(1)));
                }
            }
            print("first page", first);
            print("first contentful paint", paint);
            print("search", search);
            print("lineage click", lineage);
            print("column click", column);
            print("column lineage walked", walked);
        }
        finally {
            driver.quit();
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static void print(String name, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf("%s\t%.0f\t%s%n", name, median, Arrays.toString(values.stream().mapToLong(Math::round).toArray()));
    }
}
