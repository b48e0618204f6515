package cn.kehou.server.disclosure;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A school admin seats and unseats a guardian of the school on its parents' committee; audited; others refused. */
@QuarkusTest
class CommitteeResourceTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final String JUNIOR = "yangjiang-jiangcheng-no1-junior";

    @Test
    void a_school_admin_seats_and_unseats_a_guardian_of_the_school_and_both_are_audited() throws Exception {
        String[] parent = DisclosureTest.freshParent(YJ);
        String committee = "/api/t/" + YJ + "/schools/" + SCHOOL + "/parents-committee";
        String admin = Tokens.of("yj-school-admin");
        // Not a confirmed guardian of a pupil of the school: refused.
        given().auth().oauth2(admin).put(committee + "/" + parent[0]).then().statusCode(422)
                .body("code", equalTo("COMMITTEE_NOT_A_GUARDIAN"));
        // yj-parent is: seated (again a no-op), listed, audited.
        given().auth().oauth2(admin).delete(committee + "/yj-parent").then().statusCode(200);
        given().auth().oauth2(admin).put(committee + "/yj-parent").then().statusCode(200).body("changed", equalTo(true));
        given().auth().oauth2(admin).put(committee + "/yj-parent").then().statusCode(200).body("changed", equalTo(false));
        given().auth().oauth2(admin).get(committee).then().statusCode(200).body("username", hasItem("yj-parent"));
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/schools/" + SCHOOL + "/ledger-summary").then().statusCode(200);
        // A parent cannot seat anyone.
        given().auth().oauth2(Tokens.of("yj-parent")).put(committee + "/yj-parent").then().statusCode(403);
        // Unseated: no longer reads the school's ledger summary.
        given().auth().oauth2(admin).delete(committee + "/yj-parent").then().statusCode(200).body("changed", equalTo(true));
        given().auth().oauth2(admin).get(committee).then().statusCode(200).body("username", not(hasItem("yj-parent")));
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/schools/" + SCHOOL + "/ledger-summary").then()
                .statusCode(403).body("code", equalTo("NOT_ON_PARENTS_COMMITTEE"));
        assertThat(longOf("SELECT count(*) FROM audit_event WHERE action IN ('committee.add', 'committee.remove')"
                + " AND actor = 'yj-school-admin' AND detail->>'member' = 'yj-parent'")).isGreaterThanOrEqualTo(2);
        // Put back as the demo data has it, for the other tests.
        given().auth().oauth2(admin).put(committee + "/yj-parent").then().statusCode(200);
    }
}
