package cn.kehou.server.payments;

import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With demo data (the local run, the tests) every tenant owning a demo school has a merchant account
 * at the local simulator, signed with the local demo key, so a parent can pay in the local run; a
 * second load changes nothing and never replaces an account a tenant set itself.
 */
@QuarkusTest
class DemoMerchantsTest {

    @Inject
    DemoMerchants demo;

    @Test
    void every_demo_school_tenant_can_take_payments_at_the_local_simulator() throws Exception {
        assertThat(Db.strings("SELECT m.gateway || '/' || m.secret_ref FROM payment_merchant m JOIN tenant t ON t.id = m.tenant_id"
                + " WHERE t.code IN ('guangdong-yangjiang-yangdong', 'xinjiang-urumqi-saybag', 'henan-xuchang-yanling', 'jiangxi-ganzhou')"))
                .hasSize(4).containsOnly("local-sim/local-demo");
        assertThat(demo.loadDemo()).as("a second load writes nothing").isZero();
        // A tenant that configured its own account keeps it.
        PaymentsFixtures.merchant("guangdong-yangjiang-yangdong", "yangdong-own", "test-merchant-a");
        demo.loadDemo();
        assertThat(Db.strings("SELECT m.merchant_id FROM payment_merchant m JOIN tenant t ON t.id = m.tenant_id"
                + " WHERE t.code = 'guangdong-yangjiang-yangdong'")).containsExactly("yangdong-own");
    }
}
