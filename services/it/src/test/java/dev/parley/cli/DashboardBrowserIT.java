package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.local.LocalStack;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver) on the local
 * default: a pushed article changes its cell live, the cell opens its evidence, and a hostile
 * article's markup shows as text and runs nothing. Screenshots land in target/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(
    value = "browserIsInstalled",
    disabledReason = "no chromium/chromedriver: apt-get install chromium chromium-driver")
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String UKRAINE_TERRITORY = "ukraine-peace/ukraine/territory";
  private static final ObjectMapper JSON = new ObjectMapper();
  // Selenium ships CDP bindings for a few Chromium versions only; WebDriver itself needs none of
  // them
  private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP_LOG.setLevel(Level.SEVERE);
  }

  @TempDir static Path data;
  @TempDir static Path profile;

  private static LocalStack stack;
  private static ChromeDriver browser;

  /**
   * Skips with the reason in the build log; CI sets PARLEY_REQUIRE_BROWSER so that it never skips
   * there.
   */
  static boolean browserIsInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      String reason =
          "DashboardBrowserIT needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver; .ci/run installs them).";
      if (System.getenv("PARLEY_REQUIRE_BROWSER") != null) {
        throw new IllegalStateException(reason);
      }
      System.err.println("SKIPPED " + reason);
    }
    return installed;
  }

  @BeforeAll
  static void up() throws Exception {
    stack = TestStacks.start(data);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // this machine's network is closed: without these, Chromium keeps trying to reach Google
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .withLogFile(new File("target/chromedriver.log"))
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void down() {
    if (browser != null) {
      browser.quit();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aPushedArticleChangesItsCellLiveAndTheCellOpensItsEvidence() throws Exception {
    WebDriverWait wait = openDashboard();
    script("window.parleyTestMarker = 'same page';");
    assertTrue(
        browser.findElements(By.cssSelector(cell(UKRAINE_TERRITORY))).isEmpty(),
        "no position before the article");

    push(
        "calm.txt",
        """
        Zelensky rules out giving up land
        Ukrainian President Volodymyr Zelensky said on Monday that Kyiv will never cede territory to Russia.
        """);
    WebElement territory =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(cell(UKRAINE_TERRITORY) + "[data-stance]")));
    assertEquals("-2", territory.getDomAttribute("data-stance"));
    assertEquals("rejects", territory.getText().lines().findFirst().orElseThrow());
    assertEquals(
        "same page",
        script("return window.parleyTestMarker;"),
        "the cell changed without a reload");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#feed li[data-key='" + UKRAINE_TERRITORY + "']")));

    territory.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
    JsonNode position =
        JSON.readTree(
            PipelineCheck.get(
                stack
                    .aggregator()
                    .httpAddress()
                    .resolve("/state/ukraine-peace/positions/ukraine/territory")));
    List<String> quotes =
        browser.findElements(By.cssSelector("#detail-evidence blockquote")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        position.path("evidence").path(0).path("sentence").asText(),
        quotes.get(0),
        "the evidence of the current stance comes first");
    assertTrue(
        browser.findElement(By.id("detail-history")).getText().contains("rejects"),
        "the history shows the stance");
    screenshot("dashboard-evidence.png");
    browser.findElement(By.id("detail-close")).click();

    IngestorClient ingestor = stack.ingestorClient();
    for (Path sample : ArticleFiles.list(List.of(SampleArticles.folder()))) {
      ingestor.push(sample, null);
    }
    wait.until(driver -> driver.findElements(By.cssSelector("#matrix tbody tr")).size() >= 5);
    wait.until(driver -> !driver.findElement(By.id("gap-summary")).getText().isBlank());
    Thread.sleep(2000); // let the last changes of the samples arrive
    screenshot("dashboard.png");
  }

  @Test
  @Order(2)
  void nothingInAnArticleRunsInTheDashboard() throws Exception {
    WebDriverWait wait = openDashboard();
    String hostileSentence =
        "Ukraine will never cede territory to Russia, Zelensky said "
            + "<img src=x onerror=\"window.parleyPwned='sentence'\"><script>window.parleyPwned='script'</script> on Tuesday.";
    // the ingestor strips tags from headlines but keeps escaped ones as text: this headline arrives
    // as "Talks <img ...> resume"
    push(
        "hostile.txt",
        "Talks &lt;img src=x onerror=\"window.parleyPwned='headline'\"&gt; resume in Geneva\n"
            + hostileSentence
            + "\n");

    wait.until(
        driver ->
            driver.findElements(By.cssSelector("#feed li")).stream()
                .anyMatch(li -> li.getText().contains("Talks <img")));
    browser.findElement(By.cssSelector(cell(UKRAINE_TERRITORY))).click();
    wait.until(
        driver ->
            driver.findElements(By.cssSelector("#detail-evidence blockquote")).stream()
                .anyMatch(q -> q.getText().equals(hostileSentence)));

    assertNull(script("return window.parleyPwned;"), "no script from the article ran");
    assertTrue(
        browser.findElements(By.cssSelector("img")).isEmpty(),
        "the article's markup was not turned into elements");
    assertEquals(
        1L,
        script("return document.scripts.length;"),
        "only the dashboard's own script is on the page");
    screenshot("dashboard-hostile-article.png");

    browser.manage().window().setSize(new Dimension(390, 844));
    browser.findElement(By.id("detail-close")).click();
    screenshot("dashboard-phone.png");
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  /** Loads the dashboard and waits until it follows the live stream. */
  private static WebDriverWait openDashboard() {
    browser.get(stack.aggregator().httpAddress() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
    return wait;
  }

  private static String cell(String key) {
    return "#matrix button.cell[data-key='" + key + "']";
  }

  private static Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  private static void push(String name, String content) throws IOException, InterruptedException {
    Path file = data.resolve(name);
    Files.writeString(file, content);
    stack.ingestorClient().push(file, "test-wire");
  }

  private static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("Dashboard screenshot: " + target.toAbsolutePath());
  }
}
