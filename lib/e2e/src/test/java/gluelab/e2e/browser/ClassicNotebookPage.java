package gluelab.e2e.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A notebook open in Jupyter Notebook 6 (Debian's {@code jupyter-notebook}), used as a learner uses it: menus,
 * clicks and keys. Every wait is an explicit wait on the page, never a sleep.
 */
final class ClassicNotebookPage {

    /** A whole notebook on a slow shared machine: a Glue job run, Spark reads, a kernel start. */
    static final Duration RUN_ALL = Duration.ofMinutes(6);

    private final WebDriver driver;

    private ClassicNotebookPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the page and waits until the notebook's kernel has started and is idle. */
    static ClassicNotebookPage open(WebDriver driver, String url) {
        driver.get(url);
        ClassicNotebookPage page = new ClassicNotebookPage(driver);
        page.waitUntil(Duration.ofMinutes(2), By.cssSelector("#kernel_indicator_icon.kernel_idle_icon"));
        return page;
    }

    String kernelName() {
        return driver.findElement(By.cssSelector("#kernel_indicator .kernel_indicator_name")).getText();
    }

    /** Cell → Run All, through the menu bar. */
    void runAll() {
        driver.findElement(By.xpath("//ul[contains(@class,'navbar-nav')]/li/a[normalize-space(.)='Cell']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#run_all_cells > a"))).click();
    }

    /**
     * Waits until no code cell is queued or running ({@code In [*]}) and the kernel is idle. Run All marks every
     * cell {@code [*]} at once, so this cannot pass before the run started.
     */
    void waitForRunToEnd() {
        new WebDriverWait(driver, RUN_ALL, Duration.ofMillis(500)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return ![...document.querySelectorAll('.code_cell .input_prompt')].some(p => p.textContent.includes('[*]'))"
                        + " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null"));
    }

    /** Every cell, markdown and code, in the notebook's order. */
    List<WebElement> cells() {
        return driver.findElements(By.cssSelector("#notebook-container > .cell"));
    }

    /** The text of a cell's outputs of one kind: {@code output_stdout}, {@code output_error}, {@code output_stderr}… */
    static String outputs(WebElement cell, String kind) {
        StringBuilder text = new StringBuilder();
        for (WebElement output : cell.findElements(By.cssSelector(".output_subarea." + kind))) {
            text.append(output.getText()).append('\n');
        }
        return text.toString();
    }

    /** A code cell's prompt: {@code In [ ]:} never run, {@code In [*]:} queued or running, {@code In [7]:} ran. */
    static String prompt(WebElement cell) {
        return cell.findElement(By.cssSelector(".input_prompt")).getText().replace('\u00a0', ' ').strip();
    }

    static boolean hasSvg(WebElement cell) {
        return !cell.findElements(By.cssSelector(".output_subarea svg")).isEmpty();
    }

    void scrollTo(WebElement cell) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", cell);
    }

    private void waitUntil(Duration timeout, By locator) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(250)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
