package vn.parsipas.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * Debian's Chromium driven by Playwright (browser download skipped), as agency staff use the console:
 * signing in on Keycloak's real login page, at desktop width or 360 px. Checks pages with axe-core
 * (downloaded by the build) and keeps screenshots under target/console-screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARSIPAS_CHROMIUM", "/usr/bin/chromium"));
    static final int PHONE = 360;
    static final int DESKTOP = 1280;

    final String base;
    private final Playwright playwright;
    private final Browser browser;
    private final String axe;
    private final Path shots;

    ConsoleBrowser(String base, Path shots) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Chromium is missing at " + CHROMIUM + ": apt-get install -y --no-install-recommends chromium (.ci/run does it)");
        }
        this.base = base;
        this.shots = shots;
        try {
            this.axe = Files.readString(Path.of(System.getProperty("parsipas.axe", "target/axe/package/axe.min.js")), StandardCharsets.UTF_8);
            Files.createDirectories(shots);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is missing: the build downloads it (generate-test-resources)", e);
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox")).setHeadless(true));
    }

    /** A fresh browser profile (no session) of the given width, in Vietnamese and Vietnam's time zone. */
    BrowserContext context(int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900).setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh"));
    }

    /** Opens a console address; on Keycloak's login form signs in as the user, and waits to be back on the console. */
    Page open(BrowserContext context, String path, String user) {
        Page page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        page.navigate(path.startsWith("http") ? path : base + path);
        if (user != null && page.locator("#kc-login").count() > 0) {
            signIn(page, user);
        }
        return page;
    }

    static void signIn(Page page, String user) {
        page.fill("#username", user);
        page.fill("#password", vn.parsipas.devstack.SuiteClient.DEMO_PASSWORD);
        page.click("#kc-login");
        page.waitForSelector("main#main");
    }

    /**
     * The axe-core violations of impact serious or critical on the page as it is now, one line each.
     * No preloading: axe would copy the style sheets into inline {@code <style>} elements, which the
     * console's CSP rightly blocks, and the CSP check would see axe's own violations.
     */
    List<String> seriousViolations(Page page) {
        page.evaluate(axe);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations'], preload: false}))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return new ArrayList<>(found);
    }

    /** Whether the page fits the viewport's width (no horizontal scrolling). */
    static boolean fitsWidth(Page page) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
        return Boolean.TRUE.equals(fits);
    }

    /** True while axe-core and the screenshot run on a page: they add styles the page's CSP rightly blocks. */
    private volatile boolean auditing;

    boolean auditing() {
        return auditing;
    }

    /**
     * Opens a console address and adds to {@code problems} what axe-core finds serious or critical and a
     * page wider than the screen; photographs it as {@code name}.
     */
    void audit(Page page, String path, String name, List<String> problems) {
        page.navigate(base + path);
        // not NETWORKIDLE: the inbox's live stream stays open; wait until htmx has nothing in flight
        page.waitForLoadState(LoadState.LOAD);
        // a selector wait, not waitForFunction: polling a function is an eval, which the page's CSP refuses
        page.waitForSelector(".htmx-request", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        auditing = true;
        try {
            seriousViolations(page).forEach(v -> problems.add(name + ": " + v));
            if (!fitsWidth(page)) {
                problems.add(name + ": wider than the screen");
            }
            screenshot(page, name);
            // Playwright delivers the browser's console messages during a later call: let those of the audit's
            // own styles arrive while they are still known as the audit's, not on the next page
            page.waitForTimeout(300);
        } finally {
            auditing = false;
        }
    }

    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
