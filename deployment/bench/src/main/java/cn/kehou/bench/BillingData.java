package cn.kehou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The billing benchmark's province, generated inside PostgreSQL (INSERT … SELECT over
 * generate_series: nothing passes through the benchmark's memory or the API): schools added to the
 * Yangjiang demo district (its plugin prices basic care at the city's local rate and provider
 * courses below their off-campus price, and requires the fee's publication), one term per school,
 * a basic-care service of the school and a provider's course per school, every student ARRANGED in
 * one of them (every {@code courseEvery}-th in the course, one in fifty in a hardship group the
 * region waives in full), and each fee's publication on the channels the region names.
 * Every generated row is marked {@code bench-<run>}.
 */
final class BillingData {

    static final String TENANT = "guangdong-yangjiang-jiangcheng";
    /** The demo school whose publication requirements the API is asked for (the region's, the same for all). */
    static final String DEMO_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Basic care per term: within Yangjiang's local rate (300 yuan). */
    static final long CARE_FEN = 20_000;
    /** A provider course per term: below the provider's off-campus price for the same course. */
    static final long COURSE_FEN = 30_000;
    static final long OFF_CAMPUS_FEN = 100_000;

    record Service(String schoolCode, UUID id) {
    }

    final UUID tenantId;
    final String tag;
    /** The month the settlement run settles: the last full month, in which the services ran and families paid. */
    final YearMonth period;
    final List<Service> services;

    private BillingData(UUID tenantId, String tag, YearMonth period, List<Service> services) {
        this.tenantId = tenantId;
        this.tag = tag;
        this.period = period;
        this.services = services;
    }

    /**
     * @param requirements the region's publication requirements, channel → items (as the API lists them)
     */
    static BillingData generate(Connection c, String run, int students, int perSchool, int courseEvery,
                                Map<String, List<String>> requirements) throws SQLException {
        String tag = "bench-" + run;
        UUID tenantId = id(c, "SELECT id FROM tenant WHERE code = ?", TENANT);
        int schools = (students + perSchool - 1) / perSchool;
        LocalDate today = LocalDate.now(CHINA);
        YearMonth period = YearMonth.from(today).minusMonths(1);
        LocalDate from = period.minusMonths(1).atDay(1);
        LocalDate to = today.plusMonths(3);
        c.setAutoCommit(false);
        try {
            exec(c, "CREATE TEMP TABLE bench_school ON COMMIT DROP AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS term,"
                    + " gen_random_uuid() AS care, gen_random_uuid() AS course, (n / 10) AS p FROM generate_series(0, ? - 1) n", schools);
            exec(c, "CREATE TEMP TABLE bench_provider ON COMMIT DROP AS SELECT p, gen_random_uuid() AS id, gen_random_uuid() AS course"
                    + " FROM (SELECT DISTINCT p FROM bench_school) x");
            exec(c, "INSERT INTO provider (id, code, name_zh, name_en, licence_no, non_academic, registered_by)"
                    + " SELECT id, ? || '-p' || p, '压测机构 ' || p, 'Bench provider ' || p, 'L-' || ? || '-' || p, true, ?"
                    + " FROM bench_provider", tag, tag, tag);
            exec(c, "INSERT INTO provider_course (id, provider_id, title_zh, tags, grade_from, grade_to, days, off_campus_fen, created_by)"
                    + " SELECT course, id, '机器人编程', '{SCIENCE}', 1, 6, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', ?, ?"
                    + " FROM bench_provider", OFF_CAMPUS_FEN, tag);
            exec(c, "INSERT INTO school (tenant_id, id, code, name_zh, name_en, level, urban, boarding, normal_dismissal, period_minutes)"
                    + " SELECT ?, id, ? || '-s' || n, '压测小学 ' || n, 'Bench primary ' || n, 'PRIMARY', true, false, TIME '16:10', 40"
                    + " FROM bench_school", tenantId, tag);
            exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal, period_minutes,"
                    + " created_by) SELECT ?, term, id, '压测学期', ?, ?, TIME '16:10', 40, ? FROM bench_school",
                    tenantId, from, to, tag);
            String service = "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from, grade_to,"
                    + " days, start_time, end_time, valid_from, valid_to, capacity, fee_fen, fee_costed_on, venue, enrollment_open,"
                    + " provider_id, provider_course_id, created_by)";
            exec(c, service + " SELECT ?, care, id, term, 'BASIC_CARE', '课后托管', '{HOMEWORK}', 1, 6,"
                    + " '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', TIME '16:10', TIME '18:10', ?, ?, ?, ?, ?, '教室', false,"
                    + " NULL, NULL, ? FROM bench_school", tenantId, from, to, perSchool, CARE_FEN, from, tag);
            exec(c, service + " SELECT ?, s.course, s.id, s.term, 'QUALITY_COURSE', '机器人编程', '{SCIENCE}', 1, 6,"
                    + " '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', TIME '16:10', TIME '17:40', ?, ?, ?, ?, ?, '科学教室', false,"
                    + " p.id, p.course, ? FROM bench_school s JOIN bench_provider p ON p.p = s.p",
                    tenantId, from, to, perSchool, COURSE_FEN, from, tag);
            exec(c, "CREATE TEMP TABLE bench_student ON COMMIT DROP AS SELECT i, (i / ?) AS n, gen_random_uuid() AS child"
                    + " FROM generate_series(0, ? - 1) i", perSchool, students);
            exec(c, "INSERT INTO child (tenant_id, id, school_id, name_zh, grade, class_name, priority_groups)"
                    + " SELECT ?, st.child, s.id, '压测学生' || st.i, 1 + st.i % 6, (1 + st.i % 8) || '班',"
                    + " CASE WHEN st.i % 50 = 7 THEN '{ECONOMIC_HARDSHIP}'::text[] ELSE '{}'::text[] END"
                    + " FROM bench_student st JOIN bench_school s ON s.n = st.n", tenantId);
            exec(c, "INSERT INTO enrollment_application (tenant_id, id, service_id, child_id, applicant, status, step, holds_seat,"
                    + " priority_groups, idempotency_key) SELECT ?, gen_random_uuid(),"
                    + " CASE WHEN st.i % ? = 0 THEN s.course ELSE s.care END, st.child, ? || '-parent-' || st.i, 'ARRANGED',"
                    + " 'ARRANGE', false, CASE WHEN st.i % 50 = 7 THEN '{ECONOMIC_HARDSHIP}'::text[] ELSE '{}'::text[] END,"
                    + " ? || '-' || st.i FROM bench_student st JOIN bench_school s ON s.n = st.n",
                    tenantId, courseEvery, tag, tag);
            for (Map.Entry<String, List<String>> r : requirements.entrySet()) {
                exec(c, "INSERT INTO fee_publication (tenant_id, id, school_id, service_id, channel, items, fee_item, amount_fen, basis,"
                        + " legal_basis, complaint_phone, reference, published_on, approving_authority, recorded_by)"
                        + " SELECT tenant_id, gen_random_uuid(), school_id, id, ?, CAST(? AS text[]), '课后服务费', fee_fen,"
                        + " '每生每学期', '阳江市义务教育阶段学校课后服务实施方案', '12345', ? || '-' || id, ?, '阳江市教育局', ?"
                        + " FROM school_service WHERE tenant_id = ? AND created_by = ?",
                        r.getKey(), "{" + String.join(",", r.getValue()) + "}", tag, from, tag, tenantId, tag);
            }
            List<Service> services = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT sc.code, sv.id FROM school_service sv JOIN school sc"
                    + " ON sc.tenant_id = sv.tenant_id AND sc.id = sv.school_id WHERE sv.tenant_id = ? AND sv.created_by = ?"
                    + " ORDER BY sc.code, sv.kind")) {
                set(s, tenantId, tag);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        services.add(new Service(rs.getString(1), rs.getObject(2, UUID.class)));
                    }
                }
            }
            c.commit();
            analyze(c);
            return new BillingData(tenantId, tag, period, List.copyOf(services));
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Families pay: for every billed line with something to pay and no payment yet, a SUCCEEDED
     * payment in the middle of the settlement period, its allocation to the line, and the ledger
     * entry the gateway's capture and settlement would have booked (Dr the line's collecting
     * account, Cr the family's receivable) — the way the server's settlement fixtures write them.
     *
     * @return payments written
     */
    long pay(Connection c) throws SQLException {
        OffsetDateTime paidAt = period.atDay(15).atTime(12, 0).atZone(CHINA).toOffsetDateTime();
        c.setAutoCommit(false);
        try {
            exec(c, "CREATE TEMP TABLE bench_pay ON COMMIT DROP AS SELECT l.id AS line, l.order_id, l.charge_fen AS amount,"
                    + " l.route ->> 'collecting' AS collecting, gen_random_uuid() AS payment, gen_random_uuid() AS entry"
                    + " FROM order_line l JOIN school_service s ON s.tenant_id = l.tenant_id AND s.id = l.service_id"
                    + " WHERE s.tenant_id = ? AND s.created_by = ? AND l.charge_fen > 0 AND NOT EXISTS (SELECT 1 FROM payment_allocation a"
                    + " WHERE a.tenant_id = l.tenant_id AND a.line_id = l.id)", tenantId, tag);
            exec(c, "INSERT INTO payment (tenant_id, id, order_id, gateway, out_trade_no, amount_fen, status, created_by, created_at,"
                    + " settled_at, settled_by) SELECT ?, payment, order_id, 'local-sim', 'BENCH' || replace(payment::text, '-', ''),"
                    + " amount, 'SUCCEEDED', ?, ?, ?, ? FROM bench_pay", tenantId, tag, paidAt, paidAt, tag);
            exec(c, "INSERT INTO payment_allocation (tenant_id, payment_id, line_id, amount_fen)"
                    + " SELECT ?, payment, line, amount FROM bench_pay", tenantId);
            exec(c, "INSERT INTO ledger_account (tenant_id, code) SELECT DISTINCT ?, collecting FROM bench_pay ON CONFLICT DO NOTHING",
                    tenantId);
            exec(c, "INSERT INTO journal_entry (tenant_id, id, idempotency_key, cause_type, cause_id, memo, content_sha256, posted_by)"
                    + " SELECT ?, entry, 'payment:' || payment || ':settled', 'payment', payment::text,"
                    + " 'bench: paid and settled into the collecting account', 'bench', ? FROM bench_pay", tenantId, tag);
            exec(c, "INSERT INTO journal_line (tenant_id, entry_id, line_no, account_code, debit_fen, credit_fen)"
                    + " SELECT ?, entry, 1, collecting, amount, 0 FROM bench_pay"
                    + " UNION ALL SELECT ?, entry, 2, 'PARENT_RECEIVABLE:' || line, 0, amount FROM bench_pay", tenantId, tenantId);
            long paid = count(c, "SELECT count(*) FROM bench_pay");
            c.commit();
            analyze(c);
            return paid;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** What the ledger of the tenant holds: entries, lines, the sum of debits minus credits, entries that do not balance. */
    record Ledger(long entries, long lines, long trialBalanceFen, long unbalancedEntries) {
    }

    /** Entries and lines of the tenant, without the (slower) balance checks: before and after each phase. */
    Ledger counts(Connection c) throws SQLException {
        return new Ledger(count(c, "SELECT count(*) FROM journal_entry WHERE tenant_id = ?", tenantId),
                count(c, "SELECT count(*) FROM journal_line WHERE tenant_id = ?", tenantId), 0, 0);
    }

    Ledger ledger(Connection c) throws SQLException {
        long entries = count(c, "SELECT count(*) FROM journal_entry WHERE tenant_id = ?", tenantId);
        try (PreparedStatement s = c.prepareStatement("SELECT count(*), COALESCE(sum(debit_fen - credit_fen), 0)"
                + " FROM journal_line WHERE tenant_id = ?")) {
            set(s, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long unbalanced = count(c, "SELECT count(*) FROM (SELECT entry_id FROM journal_line WHERE tenant_id = ?"
                        + " GROUP BY entry_id HAVING sum(debit_fen - credit_fen) <> 0) x", tenantId);
                return new Ledger(entries, rs.getLong(1), rs.getLong(2), unbalanced);
            }
        }
    }

    /** Rows the benchmark's services have in {@code table} (order_line, order_adjustment via its line, …). */
    long orderLines(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM order_line l JOIN school_service s ON s.tenant_id = l.tenant_id AND s.id = l.service_id"
                + " WHERE s.tenant_id = ? AND s.created_by = ?", tenantId, tag);
    }

    long arranged(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM enrollment_application a JOIN school_service s ON s.tenant_id = a.tenant_id"
                + " AND s.id = a.service_id WHERE s.tenant_id = ? AND s.created_by = ? AND a.status = 'ARRANGED'", tenantId, tag);
    }

    long payouts(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM settlement_payout WHERE tenant_id = ? AND period = ?", tenantId, period.toString());
    }

    /** The settlement's total paid out to the benchmark's schools and providers, in fen. */
    long paidOut(Connection c) throws SQLException {
        return count(c, "SELECT COALESCE(sum(amount_fen), 0) FROM settlement_payout WHERE tenant_id = ? AND period = ?",
                tenantId, period.toString());
    }

    private static void analyze(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // What autovacuum would do soon after a bulk load; the planner needs the new sizes.
            s.execute("VACUUM ANALYZE child, enrollment_application, school_service, school, order_line, payment_order,"
                    + " payment, payment_allocation, journal_entry, journal_line, ledger_account");
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            set(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            set(s, args);
            s.executeUpdate();
        }
    }

    private static void set(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : args[i]);
        }
    }

    private static UUID id(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no " + key + " in the database: is the demo data loaded?");
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
