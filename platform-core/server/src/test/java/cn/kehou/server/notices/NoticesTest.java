package cn.kehou.server.notices;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/** The inbox: a feature sends, the recipient alone reads and marks it read, in its own tenant only. */
@QuarkusTest
class NoticesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String UR = "xinjiang-urumqi-tianshan";

    @Inject
    Notices notices;
    @Inject
    cn.kehou.server.tenancy.TenantScope scope;

    @Test
    void a_notice_reaches_its_recipient_once_and_only_they_mark_it_read() throws SQLException {
        String marker = "通知" + UUID.randomUUID().toString().substring(0, 8);
        var tenant = QuarkusTransaction.requiringNew().call(() -> cn.kehou.server.tenancy.Tenant.byCode(YJ).orElseThrow());
        int sent = scope.callAs(tenant, false, () -> notices.send(tenant.id, List.of("yj-parent", "yj-parent", "yj-class-teacher"),
                new Notices.Notice("TEST", marker, "正文", null, null, "test:" + marker)));
        int again = scope.callAs(tenant, false, () -> notices.send(tenant.id, List.of("yj-parent"),
                new Notices.Notice("TEST", marker, "正文", null, null, "test:" + marker)));
        assertThat(sent).isEqualTo(2);
        assertThat(again).isZero();

        String id = given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/notices").then().statusCode(200)
                .extract().jsonPath().getString("find { it.title == '" + marker + "' }.id");
        assertThat(id).isNotNull();
        // Someone else cannot mark it; another tenant's user cannot even ask.
        given().auth().oauth2(Tokens.of("yj-school-admin")).post("/api/t/" + YJ + "/me/notices/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + YJ + "/me/notices/" + id + "/read").then().statusCode(403);
        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UR + "/me/notices/" + id + "/read").then().statusCode(404);
        assertThat(given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UR + "/me/notices").asString()).doesNotContain(marker);

        given().auth().oauth2(Tokens.of("yj-parent")).post("/api/t/" + YJ + "/me/notices/" + id + "/read").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.readAt", notNullValue());
        assertThat(Db.strings("SELECT count(*) FROM notice WHERE title = '" + marker + "' AND read_at IS NOT NULL")).containsExactly("1");
        // The home page lists it under messages.
    }
}
