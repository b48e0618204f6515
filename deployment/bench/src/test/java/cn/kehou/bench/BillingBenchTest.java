package cn.kehou.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing benchmark in small (issue 12: "a small run passes in the suite with a balanced ledger
 * and an idempotent rerun"): its own stack, 10,000 students in 10 schools, term billing and the
 * settlement run twice. The times are only printed; asserted is what must hold at any size — every
 * arranged application billed once, every entry balanced and the trial balance zero, the second
 * run writing nothing, and a report written.
 */
class BillingBenchTest {

    @Test
    void ten_thousand_students_are_billed_and_settled_once_with_a_balanced_ledger() throws Exception {
        Path root = Path.of(System.getProperty("kehou.root", "../..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("bench.output", "target"));
        BillingBench.Report report = BillingBench.run(new BillingBench.Settings(root, output, 10_000, 1000, 3, 2, "2g"));
        System.out.println(report.text());

        assertThat(report.orderLines()).as("every arranged application billed once").isEqualTo(report.arranged())
                .isEqualTo(10_000);
        assertThat(report.phases().get(0).entries()).as("a charge entry per line (hardship lines waived to the budget too)")
                .isEqualTo(10_000);
        assertThat(report.payments()).as("families paid").isPositive();
        assertThat(report.payouts()).as("each school and provider paid out").isEqualTo(10 + 1);
        assertThat(report.paidOutFen()).as("settled money").isPositive();
        assertThat(report.ledger().unbalancedEntries()).as("entries that do not balance").isZero();
        assertThat(report.ledger().trialBalanceFen()).as("trial balance (database)").isZero();
        assertThat(report.apiTrialBalanceFen()).as("trial balance (API)").isZero();
        assertThat(report.rerunBilled()).as("lines billed by the second run").isZero();
        assertThat(report.rerunSettled()).as("entries written by the second settlement").isZero();
        assertThat(report.rerunEntries()).as("ledger entries written by the second run").isZero();
        assertThat(Files.readString(report.file())).contains("term billing").contains("settlement run")
                .contains("trial balance");
    }
}
