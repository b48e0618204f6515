package cn.kehou.server.settlement;

import cn.kehou.server.enrollment.EnrollmentFixtures;
import cn.kehou.server.payments.PaymentsFixtures;
import cn.kehou.server.testing.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.enrollment.EnrollmentFixtures.exec;

/**
 * Provider courses and basic-care lines already billed and paid, written straight into the
 * database as the payments fixtures do: the order rows and the two ledger entries billing and
 * payment would have posted (charge: Dr the family, Cr the recipient's payable; payment: Dr the
 * collecting account, Cr the family).
 */
public final class SettlementFixtures {

    public static final String YJ = "guangdong-yangjiang-jiangcheng";
    public static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    public static final String COLLECTING = "COLLECTING:PLATFORM_DEDICATED_ACCOUNT";

    private SettlementFixtures() {
    }

    public record Course(PaymentsFixtures.Service service, UUID provider) {
    }

    /** A provider's course at {@code school}, Monday to Friday from {@code from} to {@code to}. */
    public static Course providerCourse(String tenant, String school, LocalDate from, LocalDate to) throws SQLException {
        return providerCourse(tenant, school, from, to, null);
    }

    /** The same, by the registered provider {@code providerCode} (a new provider when null). */
    public static Course providerCourse(String tenant, String school, LocalDate from, LocalDate to, String providerCode)
            throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + tenant + "'");
        UUID schoolId = id("SELECT id FROM school WHERE code = '" + school + "'");
        UUID provider = providerCode == null ? UUID.randomUUID() : id("SELECT id FROM provider WHERE code = '" + providerCode + "'");
        UUID course = UUID.randomUUID();
        UUID term = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Db.superuser()) {
            if (providerCode == null) {
                exec(c, "INSERT INTO provider (id, code, name_zh, name_en, licence_no, non_academic, registered_by)"
                        + " VALUES (?, ?, ?, ?, ?, true, 'fixture')", provider, "settle-" + tag, "结算机构" + tag, "Settlement " + tag, "L-" + tag);
            }
            exec(c, "INSERT INTO provider_course (id, provider_id, title_zh, tags, grade_from, grade_to, days, off_campus_fen, created_by)"
                    + " VALUES (?, ?, '机器人编程', '{SCIENCE}', 1, 6, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', 100000, 'fixture')",
                    course, provider);
            exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal,"
                            + " period_minutes, created_by) VALUES (?, ?, ?, ?, ?, ?, TIME '16:10', 40, 'fixture')",
                    tenantId, term, schoolId, "结算学期 " + tag, from, to);
            exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from, grade_to, days,"
                            + " start_time, end_time, valid_from, valid_to, capacity, fee_fen, venue, enrollment_open, provider_id,"
                            + " provider_course_id, created_by) VALUES (?, ?, ?, ?, 'QUALITY_COURSE', ?, '{SCIENCE}', 1, 6,"
                            + " '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', TIME '16:10', TIME '17:40', ?, ?, 40, 0, '科学教室', true,"
                            + " ?, ?, 'fixture')",
                    tenantId, service, schoolId, term, "机器人编程 " + tag, from, to, provider, course);
        }
        return new Course(new PaymentsFixtures.Service(service, term, tenant, school, from, to), provider);
    }

    /**
     * A child of {@code parent} on the service, billed {@code priceFen} for the term of
     * {@code sessions} sessions (all of it payable to {@code payable}) and paid in full at {@code paidAt}.
     *
     * @return the child
     */
    public static UUID billedAndPaid(PaymentsFixtures.Service s, String kind, String parent, String payable, long priceFen,
                                     int sessions, OffsetDateTime paidAt) throws SQLException {
        return billed(s, kind, parent, priceFen, Map.of(payable, priceFen), sessions, paidAt).child();
    }

    /** What {@link #billed} wrote. */
    public record Billed(UUID tenant, UUID child, UUID application, UUID order, UUID line, UUID payment, long priceFen,
                         Map<String, Long> payables) {
    }

    /**
     * A child billed {@code priceFen} for the term, the price split to {@code payables} (account →
     * fen, summing to the price: the contract's shares), and paid in full at {@code paidAt}.
     */
    public static Billed billed(PaymentsFixtures.Service s, String kind, String parent, long priceFen, Map<String, Long> payables,
                                int sessions, OffsetDateTime paidAt) throws SQLException {
        UUID app = PaymentsFixtures.arranged(s, parent, "结算" + UUID.randomUUID().toString().substring(0, 4));
        UUID child = id("SELECT child_id FROM enrollment_application WHERE id = '" + app + "'");
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + s.tenant() + "'");
        UUID schoolId = id("SELECT id FROM school WHERE code = '" + s.school() + "'");
        UUID order = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String receivable = "PARENT_RECEIVABLE:" + line;
        StringBuilder json = new StringBuilder("{");
        payables.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        json.append('}');
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO payment_order (tenant_id, id, payer, school_id, term_id, collecting_account) VALUES (?, ?, ?, ?, ?, ?)",
                    tenantId, order, parent + "-" + order, schoolId, s.term(), COLLECTING);
            exec(c, "INSERT INTO order_line (tenant_id, id, order_id, application_id, service_id, child_id, kind, price_fen, charge_fen,"
                            + " waived_fen, waivers, reasons, route, payables, sessions_total, plugin_id, priced_on, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '[]', '[]', '{}', CAST(? AS jsonb), ?, 'fixture', ?, 'fixture', ?)",
                    tenantId, line, order, app, s.id(), child, kind, priceFen, priceFen, json.toString(), sessions, s.from(), paidAt);
            exec(c, "INSERT INTO payment (tenant_id, id, order_id, gateway, out_trade_no, amount_fen, status, created_by, created_at,"
                            + " settled_at, settled_by) VALUES (?, ?, ?, 'local-sim', ?, ?, 'SUCCEEDED', 'fixture', ?, ?, 'fixture')",
                    tenantId, payment, order, "SETTLE" + payment.toString().substring(0, 8), priceFen, paidAt, paidAt);
            exec(c, "INSERT INTO payment_allocation (tenant_id, payment_id, line_id, amount_fen) VALUES (?, ?, ?, ?)",
                    tenantId, payment, line, priceFen);
            Map<String, Long> charge = new LinkedHashMap<>();
            charge.put(receivable, priceFen);
            payables.forEach((k, v) -> charge.merge(k, -v, Long::sum));
            entry(c, tenantId, "charge:" + line, charge);
            entry(c, tenantId, "payment:" + payment + ":settled", COLLECTING, receivable, priceFen);
        }
        return new Billed(tenantId, child, app, order, line, payment, priceFen, payables);
    }

    /**
     * The family of {@code b} withdrew on {@code withdrawnOn}, having had {@code delivered} of the
     * term's {@code total} sessions: the re-settlement Settlement would post (each recipient's share
     * pro rata to the sessions delivered, the rest a refund owed) and the refund paid back through the
     * gateway at {@code refundedAt}.
     *
     * @return the refund in fen
     */
    public static long withdrawnAndRefunded(Billed b, LocalDate withdrawnOn, int delivered, int total, OffsetDateTime refundedAt)
            throws SQLException {
        Map<String, Long> after = new LinkedHashMap<>();
        b.payables().forEach((k, v) -> after.put(k, v * delivered / total));
        long refund = b.priceFen() - after.values().stream().mapToLong(Long::longValue).sum();
        String refunds = "REFUNDS_PAYABLE:" + b.order();
        StringBuilder json = new StringBuilder("{");
        after.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        json.append('}');
        UUID refundId = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO enrollment_event (tenant_id, id, application_id, at, actor, from_status, to_status)"
                            + " VALUES (?, ?, ?, ?, 'fixture', 'ARRANGED', 'WITHDRAWN')",
                    b.tenant(), UUID.randomUUID(), b.application(), withdrawnOn.atTime(12, 0).atOffset(ZoneOffset.ofHours(8)));
            exec(c, "INSERT INTO order_adjustment (tenant_id, id, line_id, seq, cause, sessions_total, sessions_delivered, family_due_fen,"
                            + " family_credit_fen, refund_fen, waivers_due, payables, entry_key, created_by, created_at)"
                            + " VALUES (?, ?, ?, 1, 'WITHDRAWAL', ?, ?, ?, ?, ?, '{}', CAST(? AS jsonb), ?, 'fixture', ?)",
                    b.tenant(), UUID.randomUUID(), b.line(), total, delivered, b.priceFen() - refund, refund, refund, json.toString(),
                    "adjust:" + b.line() + ":1", refundedAt);
            Map<String, Long> adjust = new LinkedHashMap<>();
            b.payables().forEach((k, v) -> adjust.put(k, v - after.get(k)));
            adjust.put(refunds, -refund);
            entry(c, b.tenant(), "adjust:" + b.line() + ":1", adjust);
            exec(c, "INSERT INTO payment_refund (tenant_id, id, order_id, payment_id, gateway, out_refund_no, amount_fen, collecting_account,"
                            + " status, settled_at, settled_by, created_at) VALUES (?, ?, ?, ?, 'local-sim', ?, ?, ?, 'SUCCEEDED', ?, 'fixture', ?)",
                    b.tenant(), refundId, b.order(), b.payment(), "R" + refundId.toString().substring(0, 8), refund, COLLECTING,
                    refundedAt, refundedAt);
            entry(c, b.tenant(), "refund:" + refundId + ":paid", refunds, COLLECTING, refund);
        }
        return refund;
    }

    /** A balanced entry of any number of lines (account → debit − credit), all in one statement. */
    static void entry(Connection c, UUID tenantId, String key, Map<String, Long> signed) throws SQLException {
        for (String account : signed.keySet()) {
            exec(c, "INSERT INTO ledger_account (tenant_id, code) VALUES (?, ?) ON CONFLICT DO NOTHING", tenantId, account);
        }
        UUID id = UUID.randomUUID();
        exec(c, "INSERT INTO journal_entry (tenant_id, id, idempotency_key, cause_type, cause_id, memo, content_sha256, posted_by)"
                + " VALUES (?, ?, ?, 'fixture', ?, 'fixture', 'fixture', 'fixture')", tenantId, id, key, key);
        StringBuilder sql = new StringBuilder("INSERT INTO journal_line (tenant_id, entry_id, line_no, account_code, debit_fen, credit_fen) VALUES ");
        List<Object> args = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Long> e : signed.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            sql.append(n == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(tenantId, id, ++n, e.getKey(), Math.max(0, e.getValue()), Math.max(0, -e.getValue())));
        }
        exec(c, sql.toString(), args.toArray());
    }

    /** One two-line entry, both lines in one statement so the deferred balance check sees them together. */
    static void entry(Connection c, UUID tenantId, String key, String debit, String credit, long fen) throws SQLException {
        for (String account : new String[] {debit, credit}) {
            exec(c, "INSERT INTO ledger_account (tenant_id, code) VALUES (?, ?) ON CONFLICT DO NOTHING", tenantId, account);
        }
        UUID id = UUID.randomUUID();
        exec(c, "INSERT INTO journal_entry (tenant_id, id, idempotency_key, cause_type, cause_id, memo, content_sha256, posted_by)"
                + " VALUES (?, ?, ?, 'fixture', ?, 'fixture', 'fixture', 'fixture')", tenantId, id, key, key);
        exec(c, "INSERT INTO journal_line (tenant_id, entry_id, line_no, account_code, debit_fen, credit_fen)"
                + " VALUES (?, ?, 1, ?, ?, 0), (?, ?, 2, ?, 0, ?)", tenantId, id, debit, fen, tenantId, id, credit, fen);
    }

    /** An attendance mark for {@code child} on {@code date}, as the roster writes it. */
    public static void mark(PaymentsFixtures.Service s, UUID child, LocalDate date, String status) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + s.tenant() + "'");
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO attendance_mark (tenant_id, service_id, on_date, child_id, status, checked_in_at, checked_in_by,"
                            + " responsible, absence_reason, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'fixture', ?, ?, 'fixture')",
                    tenantId, s.id(), date, child, status, "ABSENT".equals(status) ? null : date.atTime(16, 10).atOffset(ZoneOffset.ofHours(8)),
                    "ABSENT".equals(status) ? null : "yj-service-teacher", "ABSENT".equals(status) ? "病假" : null);
        }
    }

    public static void cancel(PaymentsFixtures.Service s, LocalDate date) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + s.tenant() + "'");
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO cancelled_session (tenant_id, id, service_id, on_date, reason, recorded_by)"
                    + " VALUES (?, ?, ?, ?, '暴雨停课', 'fixture')", tenantId, UUID.randomUUID(), s.id(), date);
        }
    }

    /** A basic-care service of the school (the school's own), for the school's income. */
    public static PaymentsFixtures.Service basicCare(LocalDate from, LocalDate to) throws SQLException {
        return PaymentsFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", java.time.LocalTime.of(16, 10), java.time.LocalTime.of(17, 40),
                20000, from.minusMonths(1), from, to);
    }

    public static UUID id(String sql) throws SQLException {
        return UUID.fromString(Db.strings(sql).get(0));
    }
}
