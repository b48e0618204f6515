package cn.kehou.server.ledger;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger in the real PostgreSQL, under the server's own role and row-level security. */
@QuarkusTest
class LedgerTest {

    @Inject
    Ledger ledger;
    @Inject
    TenantScope scope;
    @Inject
    AgroalDataSource serverPool;

    Tenant tenant(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(code).orElseThrow());
    }

    @Test
    void a_random_sequence_balances_stays_in_range_and_replaying_it_changes_nothing() {
        Tenant t = tenant("guangdong-yangjiang-yangdong");
        List<LedgerScenario.Event> events = LedgerScenario.random(20261123L, 80);
        List<JournalEntry> posted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JournalEntry entry = LedgerScenario.entry(events.get(i), i, posted);
            if (entry == null) {
                continue;
            }
            try {
                scope.callAs(t, false, () -> ledger.post(t.id, entry, "test"));
                posted.add(entry);
            } catch (ProblemException refused) {
                assertThat(refused.code()).isEqualTo("LEDGER_ACCOUNT_OVERDRAWN");
            }
        }
        assertThat(posted).hasSizeGreaterThan(20);
        Map<String, Long> balances = scope.callAs(t, false, () -> ledger.balances(t.id));
        assertThat(scope.callAs(t, false, () -> ledger.trialBalance(t.id))).isZero();
        balances.forEach((account, b) -> assertThat(Account.kindOf(account).normalBalance(b)).as(account).isNotNegative());

        for (JournalEntry entry : posted) {
            assertThat(scope.callAs(t, false, () -> ledger.post(t.id, entry, "test")).replayed()).isTrue();
        }
        assertThat(scope.callAs(t, false, () -> ledger.balances(t.id))).isEqualTo(balances);
    }

    @Test
    void a_reused_key_with_other_content_is_refused_and_a_reversal_restores_the_balance() {
        Tenant t = tenant("guangdong-yangjiang-jiangcheng");
        JournalEntry charge = new JournalEntry("order-ab-1", "charge", "order-ab", "term fee", List.of(
                JournalEntry.Line.debit("PARENT_RECEIVABLE:fam-ab", Money.ofYuan("300.00")),
                JournalEntry.Line.credit("SCHOOL_PAYABLE:school-ab", Money.ofYuan("300.00"))));
        scope.callAs(t, false, () -> ledger.post(t.id, charge, "test"));
        JournalEntry other = new JournalEntry("order-ab-1", "charge", "order-ab", "term fee", List.of(
                JournalEntry.Line.debit("PARENT_RECEIVABLE:fam-ab", Money.ofYuan("299.00")),
                JournalEntry.Line.credit("SCHOOL_PAYABLE:school-ab", Money.ofYuan("299.00"))));
        assertThatThrownBy(() -> scope.callAs(t, false, () -> ledger.post(t.id, other, "test")))
                .isInstanceOf(ProblemException.class).extracting("code").isEqualTo("LEDGER_KEY_REUSED");

        scope.callAs(t, false, () -> ledger.reverse(t.id, "order-ab-1", "order-ab-1-reversal", "wrong family", "test"));
        Map<String, Long> balances = scope.callAs(t, false, () -> ledger.balances(t.id));
        assertThat(balances).containsEntry("PARENT_RECEIVABLE:fam-ab", 0L).containsEntry("SCHOOL_PAYABLE:school-ab", 0L);
    }

    @Test
    void the_server_role_cannot_update_or_delete_a_ledger_row() throws SQLException {
        Tenant t = tenant("guangdong-yangjiang-jiangcheng");
        scope.callAs(t, false, () -> ledger.post(t.id, new JournalEntry("perm-1", "charge", "o", null, List.of(
                JournalEntry.Line.debit("PARENT_RECEIVABLE:x", Money.ofFen(100)),
                JournalEntry.Line.credit("SCHOOL_PAYABLE:y", Money.ofFen(100)))), "test"));
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            set(c, t.id);
            for (String sql : List.of("UPDATE journal_line SET debit_fen = 1 WHERE debit_fen = 100",
                    "DELETE FROM journal_line", "UPDATE journal_entry SET memo = 'x'", "DELETE FROM journal_entry",
                    "DELETE FROM ledger_account")) {
                assertThatThrownBy(() -> exec(c, sql)).as(sql).hasMessageContaining("permission denied");
                c.rollback();
                set(c, t.id);
            }
        }
    }

    @Test
    void an_unbalanced_entry_written_with_raw_sql_is_refused_at_commit() throws SQLException {
        Tenant t = tenant("guangdong-yangjiang-jiangcheng");
        UUID id = UUID.randomUUID();
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            set(c, t.id);
            exec(c, "INSERT INTO ledger_account (tenant_id, code) VALUES ('" + t.id + "', 'COLLECTING') ON CONFLICT DO NOTHING");
            exec(c, "INSERT INTO journal_entry (tenant_id, id, idempotency_key, cause_type, cause_id, content_sha256, posted_by)"
                    + " VALUES ('" + t.id + "', '" + id + "', 'raw-1', 'raw', 'raw', 'x', 'raw')");
            exec(c, "INSERT INTO journal_line (tenant_id, entry_id, line_no, account_code, debit_fen, credit_fen)"
                    + " VALUES ('" + t.id + "', '" + id + "', 1, 'COLLECTING', 500, 0)");
            assertThatThrownBy(c::commit).hasMessageContaining("does not balance");
        }
    }

    static void set(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            s.setString(1, tenant.toString());
            s.execute();
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
