package dev.kontor.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The panel's shell as a browser test uses it: the login form, the menu and the frame
 * module pages load in. Every step waits on a condition of the page, never on time.
 */
final class ShellInBrowser {

    static final By LOGIN_FORM = By.id("login-form");
    static final By LOGIN_ERROR = By.id("login-error");
    private static final By MODULE_FRAME = By.id("module-frame");

    private final WebDriver browser;
    private final WebDriverWait wait;

    ShellInBrowser(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Logs in from the login form and waits for the menu to show the given item. */
    void logIn(String username, String password, String firstMenuItem) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        submitLogin(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(menuItem(firstMenuItem)));
    }

    void submitLogin(String username, String password) {
        for (String field : List.of("username", "password")) {
            browser.findElement(By.id(field)).clear();
        }
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Clicks a menu item and switches into the frame once it shows the item's page ({@code index.html}, ...). */
    void openModulePage(String menuId, String page) {
        browser.switchTo().defaultContent();
        click(menuItem(menuId));
        wait.until(ExpectedConditions.attributeContains(MODULE_FRAME, "src", page));
        enterModuleFrame();
    }

    /**
     * Clicks the element once it is clickable. The live menu redraws whenever a module or a
     * permission comes or goes, so an element found a moment ago may be gone: it is found again.
     */
    void click(By target) {
        wait.until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(target).apply(browser);
            if (element == null) {
                return false;
            }
            try {
                element.click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    void enterModuleFrame() {
        browser.switchTo().defaultContent();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(MODULE_FRAME));
    }

    String menuLabel(String menuId) {
        browser.switchTo().defaultContent();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(menuItem(menuId))).getText();
    }

    boolean isInMenu(String menuId) {
        browser.switchTo().defaultContent();
        return !browser.findElements(menuItem(menuId)).isEmpty();
    }

    /** The status the panel answers this browser's session for a GET of the path, fetched by the page itself. */
    long fetchStatus(String path) {
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })"
                        + ".then((response) => done(response.status), () => done(-1));", path);
    }

    /** The body the panel answers this browser's session for a GET of the path. */
    String fetchBody(String path) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })"
                        + ".then((response) => response.text()).then(done, (e) => done('failed: ' + e));", path);
    }

    static By menuItem(String menuId) {
        return By.cssSelector("#menu a[data-menu-id=\"" + menuId + "\"]");
    }
}
