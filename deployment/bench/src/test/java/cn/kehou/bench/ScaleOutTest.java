package cn.kehou.bench;

import cn.kehou.local.Launcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes — the packaged fast-jar the image holds — on two ports against one
 * PostgreSQL and one Keycloak, as Kubernetes runs replicas: a registration rush split across both
 * never overbooks; a payment notification delivered to both, many times, is applied once; each
 * scheduled job's tick runs once; a user signed in on one is signed in on the other.
 */
class ScaleOutTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = BenchData.TENANT;
    static final String SCHOOL = BenchData.SCHOOL;
    /** Local test credentials of a throw-away stack. */
    static final String MERCHANT_REF = "scale-out";
    static final String MERCHANT_KEY = "scale-out-merchant-key-local-test-only";
    static final String PORTAL_SECRET = "scale-out-portal-session-secret-local-test-only";

    static Launcher launcher;
    static Path state;
    static String a;
    static String b;
    static KeycloakRealm realm;
    static Instant started;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void twoServers() throws Exception {
        Path root = Path.of(System.getProperty("kehou.root", "../..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("bench.output", "target")).toAbsolutePath();
        Files.createDirectories(output);
        state = Files.createTempDirectory(output, "scale-out-");
        launcher = new Launcher(root, state, Launcher.Ports.free(),
                ProcessBuilder.Redirect.to(output.resolve("scale-out-a.log").toFile()));
        // What production gives every replica alike (deployment/kubernetes): the portal's cookie key and the merchant key.
        launcher.putServerEnvironment("KEHOU_PORTAL_SECRET", PORTAL_SECRET);
        launcher.putServerEnvironment("KEHOU_PAYMENTS_SECRET_SCALE_OUT", MERCHANT_KEY);
        launcher.start();
        a = launcher.serverUrl();
        int portB = freePort();
        launcher.startAnotherServer(portB, ProcessBuilder.Redirect.to(output.resolve("scale-out-b.log").toFile()));
        b = "http://localhost:" + portB;
        started = Instant.now();
        realm = new KeycloakRealm(launcher.keycloak().baseUrl());
        realm.cheapLogins(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() throws IOException {
        if (launcher != null) {
            launcher.close();
        }
        if (state != null) {
            try (var paths = Files.walk(state)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void a_registration_rush_split_across_two_servers_fills_the_course_exactly() throws Exception {
        String run = "so" + Long.toString(System.nanoTime() % 1_000_000, 36);
        int n = 80;
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            usernames.add("scale-" + run + "-" + i);
        }
        var ids = realm.importUsers(usernames, EnrollmentBench.PASSWORD);
        String organization = realm.organizationId(TENANT);
        EnrollmentBench.inParallel(4, usernames, u -> realm.addMember(organization, ids.get(u)));
        Settings sizes = new Settings(Path.of("."), Path.of("target"), n, 2, 30, 30, 16, 1, 1, 1, false, null, null, 0);
        BenchData data;
        List<BenchData.Parent> parents;
        try (Connection c = superuser()) {
            data = BenchData.courses(c, sizes, run);
            parents = data.parents(c, usernames);
        }
        Tokens tokens = new Tokens(realm, usernames, EnrollmentBench.PASSWORD, Duration.ofMinutes(50));
        tokens.ensureFresh();
        List<Rush.Apply> toA = new ArrayList<>();
        List<Rush.Apply> toB = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BenchData.Parent p = parents.get(i);
            (i % 2 == 0 ? toA : toB).add(new Rush.Apply(tokens.of(p.username()), p.child(), data.hotCourse, run + "-" + i));
        }
        ExecutorService both = Executors.newFixedThreadPool(2);
        Future<Rush.Outcome> onA = both.submit(() -> new Rush(a).closed("server A", toA, 12));
        Future<Rush.Outcome> onB = both.submit(() -> new Rush(b).closed("server B", toB, 12));
        Rush.Outcome outcomeA = onA.get(5, TimeUnit.MINUTES);
        Rush.Outcome outcomeB = onB.get(5, TimeUnit.MINUTES);
        both.shutdown();

        assertThat(outcomeA.failures.get() + outcomeB.failures.get()).as(outcomeA.firstFailure + " / " + outcomeB.firstFailure).isZero();
        assertThat(outcomeA.stored).as("server A accepted applications").isNotEmpty();
        assertThat(outcomeB.stored).as("server B accepted applications").isNotEmpty();
        try (Connection c = superuser()) {
            assertThat(count(c, "SELECT count(*) FROM enrollment_application WHERE service_id = ? AND holds_seat", data.hotCourse))
                    .as("seats held in the 30-seat course").isEqualTo(30);
            assertThat(count(c, "SELECT seats_taken FROM school_service WHERE id = ?", data.hotCourse)).isEqualTo(30);
            assertThat(count(c, "SELECT count(*) FROM enrollment_application WHERE service_id = ?", data.hotCourse))
                    .as("every parent's application is stored, placed or waiting").isEqualTo(n);
            for (Rush.Accepted accepted : concat(outcomeA, outcomeB)) {
                assertThat(count(c, "SELECT count(*) FROM enrollment_application WHERE id = ?", accepted.application()))
                        .as("accepted " + accepted.key()).isEqualTo(1);
            }
        }
    }

    @Test
    void a_payment_notification_delivered_to_both_servers_ten_times_each_is_applied_once() throws Exception {
        String admin = realm.userToken("kehou-admin", "demo-Platform-1");
        String finance = realm.userToken("yj-finance", "demo-Finance-1");
        String parent = realm.userToken("yj-parent", "demo-Parent-1");
        call(a, "PUT", "/api/t/" + TENANT + "/payments/merchant", admin,
                Map.of("gateway", "local-sim", "merchantId", "scale-out-mch", "secretRef", MERCHANT_REF), 200);

        // One service of its own term with the demo parent's child arranged in it (as the payments fixtures do).
        UUID service = UUID.randomUUID();
        UUID orderTerm = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        try (Connection c = superuser()) {
            UUID tenantId = uuid(c, "SELECT id FROM tenant WHERE code = ?", TENANT);
            UUID schoolId = uuid(c, "SELECT id FROM school WHERE code = ?", SCHOOL);
            UUID child = uuid(c, "SELECT g.child_id FROM guardianship g WHERE g.username = ? AND g.status = 'CONFIRMED'"
                    + " ORDER BY g.child_id LIMIT 1", "yj-parent");
            exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal, period_minutes,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?, TIME '16:10', 40, 'scale-out')", tenantId, orderTerm, schoolId,
                    "扩容测试学期", java.sql.Date.valueOf(today.minusDays(10)), java.sql.Date.valueOf(today.plusDays(120)));
            exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from, grade_to, days,"
                    + " start_time, end_time, valid_from, valid_to, capacity, fee_fen, fee_costed_on, venue, enrollment_open, created_by)"
                    + " VALUES (?, ?, ?, ?, 'BASIC_CARE', '扩容测试托管', '{HOMEWORK}', 1, 9, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}',"
                    + " TIME '16:10', TIME '18:10', ?, ?, 40, 30000, ?, '教室', true, 'scale-out')", tenantId, service, schoolId,
                    orderTerm, java.sql.Date.valueOf(today.minusDays(10)), java.sql.Date.valueOf(today.plusDays(120)),
                    java.sql.Date.valueOf(today.minusDays(30)));
            UUID application = UUID.randomUUID();
            exec(c, "INSERT INTO enrollment_application (tenant_id, id, service_id, child_id, applicant, status, step, holds_seat,"
                    + " priority_groups, idempotency_key) VALUES (?, ?, ?, ?, 'yj-parent', 'ARRANGED', 'ARRANGE', false, '{}', ?)",
                    tenantId, application, service, child, "scale-out-" + application);
        }
        // The fee is published on every channel the region names, then charged.
        JsonNode requirements = call(a, "GET", "/api/t/" + TENANT + "/schools/" + SCHOOL + "/fee-publications", finance, null, 200);
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (JsonNode r : requirements.path("requirements")) {
            channels.computeIfAbsent(r.path("channel").asText(), k -> new ArrayList<>()).add(r.path("item").asText());
        }
        for (Map.Entry<String, List<String>> channel : channels.entrySet()) {
            Map<String, Object> publication = new LinkedHashMap<>();
            publication.put("service", service.toString());
            publication.put("channel", channel.getKey());
            publication.put("items", channel.getValue());
            publication.put("feeItem", "课后服务费");
            publication.put("amountFen", 30000);
            publication.put("basis", "每生每学期");
            publication.put("legalBasis", "阳江市中小学课后服务实施方案");
            publication.put("complaintPhone", "12358");
            publication.put("reference", "SCALE-" + service.toString().substring(0, 8));
            publication.put("publishedOn", today.minusDays(1).toString());
            publication.put("approvingAuthority", "市发展和改革局");
            call(b, "POST", "/api/t/" + TENANT + "/schools/" + SCHOOL + "/fee-publications", finance, publication, 201);
        }
        call(a, "POST", "/api/t/" + TENANT + "/schools/" + SCHOOL + "/services/" + service + "/charges", finance, null, 200);
        JsonNode orders = call(b, "GET", "/api/t/" + TENANT + "/me/orders", parent, null, 200);
        String order = null;
        for (JsonNode o : orders) {
            if (o.path("term").asText().equals(orderTerm.toString())) {
                order = o.path("id").asText();
            }
        }
        assertThat(order).as("the charge made the family's order for the term").isNotNull();
        JsonNode payment = call(a, "POST", "/api/t/" + TENANT + "/me/orders/" + order + "/payments", parent, null, 201);
        String outTradeNo = payment.path("outTradeNo").asText();
        long amount = payment.path("amountFen").asLong();
        String transaction = payment.path("transactionId").isTextual() ? payment.path("transactionId").asText()
                : "scale-out-" + UUID.randomUUID();

        // The gateway's one success notification, delivered 10 times to each server at once, in shuffled order.
        ObjectNode event = JSON.createObjectNode();
        event.put("id", UUID.randomUUID().toString());
        event.put("eventType", "TRANSACTION.SUCCESS");
        event.put("merchantId", "scale-out-mch");
        event.put("outTradeNo", outTradeNo);
        event.put("transactionId", transaction);
        event.put("amountFen", amount);
        event.put("occurredAt", Instant.now().toString());
        String body = event.toString();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            targets.add(a);
            targets.add(b);
        }
        Collections.shuffle(targets);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String target : targets) {
            answers.add(pool.submit(() -> notify(target, body)));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(2, TimeUnit.MINUTES)).isBetween(200, 299);
        }
        pool.shutdown();

        try (Connection c = superuser()) {
            UUID paymentId = UUID.fromString(payment.path("id").asText());
            assertThat(string(c, "SELECT status FROM payment WHERE id = ?", paymentId)).isEqualTo("SUCCEEDED");
            assertThat(count(c, "SELECT count(*) FROM gateway_notification WHERE out_trade_no = ?", outTradeNo)).isEqualTo(20);
            assertThat(count(c, "SELECT count(*) FROM gateway_notification WHERE out_trade_no = ? AND verdict = 'APPLIED'", outTradeNo))
                    .as("applied once").isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM gateway_notification WHERE out_trade_no = ? AND verdict = 'DUPLICATE'", outTradeNo))
                    .isEqualTo(19);
            assertThat(count(c, "SELECT count(*) FROM journal_entry WHERE idempotency_key = ?", "payment:" + paymentId + ":captured"))
                    .as("one ledger entry for the money received").isEqualTo(1);
        }
    }

    @Test
    void each_scheduled_jobs_tick_runs_on_one_server_only() throws Exception {
        // Both servers schedule the offer-expiry job every minute; give them three minutes together.
        Instant until = started.plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            Thread.sleep(2_000);
        }
        try (Connection c = superuser(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), count(DISTINCT slot), min(slot), max(slot), count(DISTINCT instance) FROM job_run WHERE job = ?")) {
            s.setString(1, "enrollment-offer-expiry");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long runs = rs.getLong(1);
                assertThat(runs).as("the job ran").isGreaterThanOrEqualTo(2);
                assertThat(rs.getLong(2)).as("one run per minute, never two").isEqualTo(runs);
                long minutes = Duration.between(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()).toMinutes() + 1;
                assertThat(runs).as("no minute run twice, none skipped").isEqualTo(minutes);
            }
        }
    }

    @Test
    void a_portal_user_signed_in_on_one_server_is_signed_in_on_the_other() throws Exception {
        realm.allowRedirects("portal-guangdong-yangjiang", List.of(a + "/t/guangdong-yangjiang/*", b + "/t/guangdong-yangjiang/*"));
        Map<String, String> cookies = new LinkedHashMap<>();
        // Keycloak's login page, as a browser follows it, starting on server A.
        HttpResponse<String> r = get(a + "/t/guangdong-yangjiang/login", cookies);
        Map<String, String> keycloakCookies = new LinkedHashMap<>();
        while (r.statusCode() / 100 == 3) {
            String next = r.headers().firstValue("Location").orElseThrow();
            r = get(next, next.startsWith(a) ? cookies : keycloakCookies);
        }
        // Keycloak with organizations asks for the username first, then the password, each on its own form.
        for (int step = 0; step < 3 && r.statusCode() == 200 && r.body().contains("kc-form-login"); step++) {
            Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(r.body());
            assertThat(form.find()).as("Keycloak's login form").isTrue();
            String action = form.group(1).replace("&amp;", "&");
            String fields = r.body().contains("name=\"password\"")
                    ? "username=yj-parent&password=" + URLEncoder.encode("demo-Parent-1", StandardCharsets.UTF_8) + "&credentialId="
                    : "username=yj-parent";
            HttpRequest login = HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookieHeader(keycloakCookies)).POST(HttpRequest.BodyPublishers.ofString(fields)).build();
            r = http.send(login, HttpResponse.BodyHandlers.ofString());
            keep(r, keycloakCookies);
        }
        while (r.statusCode() / 100 == 3) {
            String next = r.headers().firstValue("Location").orElseThrow();
            if (next.startsWith("/")) {
                next = a + next;
            }
            r = get(next, next.startsWith(a) ? cookies : keycloakCookies);
        }
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as("signed in on A: the parent's home with her child").contains("陈小明");

        // The same cookies on server B: the session is the encrypted cookie, readable by every replica.
        HttpResponse<String> onB = get(b + "/t/guangdong-yangjiang-jiangcheng/home", new LinkedHashMap<>(cookies));
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("陈小明");
    }

    @Test
    void a_signed_in_user_is_served_by_either_server_with_the_same_token() throws Exception {
        // The API session is the bearer token, verified by each server against Keycloak's keys: no
        // server-side session to share. (The portal's cookie session is encrypted with
        // KEHOU_PORTAL_SECRET, the same on every replica; see the note in deployment/README.md.)
        String parent = realm.userToken("yj-parent", "demo-Parent-1");
        JsonNode onA = call(a, "GET", "/api/t/" + TENANT + "/me/children", parent, null, 200);
        JsonNode onB = call(b, "GET", "/api/t/" + TENANT + "/me/children", parent, null, 200);
        assertThat(onA.toString()).contains("陈小明");
        assertThat(onB).isEqualTo(onA);
    }

    // --- helpers ---

    static int notify(String server, String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MERCHANT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/public/t/" + TENANT + "/payments/notify/local-sim"))
                .header("Content-Type", "application/json").header("kehou-pay-signature", signature)
                .header("kehou-pay-timestamp", timestamp).header("kehou-pay-nonce", nonce)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static JsonNode call(String server, String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }




    static HttpResponse<String> get(String url, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader(cookies));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        keep(r, cookies);
        return r;
    }

    static void keep(HttpResponse<String> r, Map<String, String> cookies) {
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
        }
    }

    static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    static List<Rush.Accepted> concat(Rush.Outcome x, Rush.Outcome y) {
        List<Rush.Accepted> all = new ArrayList<>(x.stored);
        all.addAll(y.stored);
        return all;
    }

    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(launcher.postgres().jdbcUrl(), "postgres", "postgres");
    }

    static long count(Connection c, String sql, Object arg) throws SQLException {
        return first(c, sql, arg, rs -> rs.getLong(1));
    }

    static String string(Connection c, String sql, Object arg) throws SQLException {
        return first(c, sql, arg, rs -> rs.getString(1));
    }

    static UUID uuid(Connection c, String sql, String arg) throws SQLException {
        return first(c, sql, arg, rs -> rs.getObject(1, UUID.class));
    }

    interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first column of the first row of {@code sql} with its one parameter. */
    static <T> T first(Connection c, String sql, Object arg, Column<T> column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql + " " + arg).isTrue();
                return column.read(rs);
            }
        }
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
