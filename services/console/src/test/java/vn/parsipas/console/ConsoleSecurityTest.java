package vn.parsipas.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.devstack.DevStackTestResource;
import vn.parsipas.devstack.SuiteClient;

/**
 * Signing in against the real Keycloak of devstack (its login form, posted as a browser does), and
 * what the console does around the pages: PKCE, the session cookie's flags, the security headers,
 * CSRF, and the friendly pages for a missing page, a role without access and a failing service
 * (here the four services are not running, so a page that needs them fails with an incident id).
 * The pages with real data are driven in a real browser by deploy/system-tests' ConsoleScenariosIT.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = { @ResourceArg(name = "database", value = "console"),
        @ResourceArg(name = "keycloak", value = "true") })
class ConsoleSecurityTest {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI console;

    @Test
    void signingInUsesTheCodeFlowWithPkceAndAnHttpOnlySameSiteSessionCookie() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> challenge = browser.get(console.resolve("canh-bao"));
        assertThat(challenge.statusCode()).isEqualTo(302);
        String authorize = challenge.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).contains("/realms/parsipas/protocol/openid-connect/auth").contains("client_id=parsipas-console")
                .contains("response_type=code").contains("code_challenge=").contains("code_challenge_method=S256");

        browser.signIn(authorize, "staff.stp");
        HttpCookie session = browser.cookies().stream().filter(c -> c.getName().startsWith("q_session")).findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(browser.setCookieHeaders()).anySatisfy(header -> assertThat(header).startsWith("q_session")
                .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
        assertThat(browser.visited()).noneMatch(url -> url.startsWith(console.toString()) && url.contains("access_token"));

        // the services are not running here: the inbox fails, with an incident id and no internals
        HttpResponse<String> failed = browser.get(console.resolve("canh-bao"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("Hệ thống đang gặp sự cố").containsPattern("mã sự cố [0-9A-F]{4}-[0-9A-F]{4}")
                .doesNotContain("Exception").doesNotContain("at vn.parsipas");

        HttpResponse<String> missing = browser.get(console.resolve("khong-co-trang-nay"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Không tìm thấy trang");

        // a state-changing form without the CSRF token is refused, session or not
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(console.resolve("canh-bao/tiep-nhan"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ids=a")).build());
        assertThat(forged.statusCode()).isBetween(400, 403);

        // signing out ends Keycloak's session too: it sends the person back to the signed-out page, and
        // the next page asks for the password again instead of signing in silently
        HttpResponse<String> signOut = browser.get(console.resolve("dang-xuat"));
        assertThat(signOut.statusCode()).isEqualTo(302);
        String logout = signOut.headers().firstValue("Location").orElseThrow();
        assertThat(logout).contains("/protocol/openid-connect/logout").contains("id_token_hint=");
        HttpResponse<String> keycloak = browser.get(URI.create(logout));
        assertThat(keycloak.statusCode()).as("Keycloak logs out without asking: %s", keycloak.body()).isEqualTo(302);
        URI signedOut = URI.create(keycloak.headers().firstValue("Location").orElseThrow());
        assertThat(signedOut.getPath()).isEqualTo("/da-dang-xuat");
        HttpResponse<String> farewell = browser.get(signedOut);
        assertThat(farewell.statusCode()).isEqualTo(200);
        assertThat(farewell.body()).contains("đã đăng xuất");
        HttpResponse<String> again = browser.get(console.resolve("canh-bao"));
        HttpResponse<String> login = browser.get(URI.create(again.headers().firstValue("Location").orElseThrow()));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(FORM_ACTION.matcher(login.body()).find()).as("Keycloak asks for the password again").isTrue();
    }

    @Test
    void anAccountWithoutAStaffOrCoordinatorRoleGetsTheForbiddenPage() throws Exception {
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("canh-bao")).headers().firstValue("Location").orElseThrow(), "operator");
        HttpResponse<String> page = browser.get(console.resolve("canh-bao"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Không có quyền truy cập");
    }

    @Test
    void publicPagesCarryTheSecurityHeadersAndNoStore() throws Exception {
        HttpResponse<String> landing = new Browser().get(console);
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Đăng nhập bằng tài khoản cơ quan").contains("lang=\"vi\"");
        assertThat(landing.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'");
        assertThat(landing.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(landing.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(landing.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new Browser().get(console.resolve("da-dang-xuat")).body()).contains("đã đăng xuất");
    }

    /**
     * Keycloak marks its cookies Secure. A browser still sends them to a loopback address over http (a
     * secure context); Java's CookieManager does not, and Keycloak answers "cookie not found".
     */
    private static final class LoopbackCookieJar extends CookieHandler {
        final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            URI asSecure = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())
                    ? URI.create(uri.toString().replaceFirst("^http:", "https:"))
                    : uri;
            return cookies.get(asSecure, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    /** A browser's cookie jar and redirects, step by step, so each answer can be looked at. */
    private static final class Browser {
        private final LoopbackCookieJar jar = new LoopbackCookieJar();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
        private final List<String> visited = new ArrayList<>();
        private final List<String> setCookies = new ArrayList<>();

        HttpResponse<String> get(URI uri) throws Exception {
            return send(HttpRequest.newBuilder(uri).GET().build());
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            visited.add(request.uri().toString());
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            setCookies.addAll(response.headers().allValues("Set-Cookie"));
            return response;
        }

        /** Keycloak's login form, filled in and posted; then the redirects back to the console, followed. */
        void signIn(String authorize, String user) throws Exception {
            HttpResponse<String> form = get(URI.create(authorize));
            Matcher action = FORM_ACTION.matcher(form.body());
            assertThat(action.find()).as("Keycloak's login form").isTrue();
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(SuiteClient.DEMO_PASSWORD, StandardCharsets.UTF_8)
                            + "&credentialId=")).build());
            for (int hops = 0; answer.statusCode() == 302 && hops < 5; hops++) {
                URI next = URI.create(answer.headers().firstValue("Location").orElseThrow());
                if (next.getPath().endsWith("/canh-bao") && next.getQuery() == null) {
                    return; // back on the page asked for, signed in
                }
                answer = get(next.isAbsolute() ? next : URI.create(visited.get(visited.size() - 1)).resolve(next));
            }
        }

        List<HttpCookie> cookies() {
            return jar.cookies.getCookieStore().getCookies();
        }

        List<String> setCookieHeaders() {
            return setCookies;
        }

        List<String> visited() {
            return visited;
        }
    }
}
