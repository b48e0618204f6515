package cn.kehou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the rush runs against, written straight into the database the way the server's enrollment
 * test fixtures do: one term of a demo school, a warm-up course, the hot course, the spread courses, the baseline's
 * own rows (never open for enrollment), and each parent's child with a confirmed guardianship and
 * the parent role.
 */
final class BenchData {

    /** The demo district and school the run command loads (tenants/…/guangdong-yangjiang). */
    static final String TENANT = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";
    /** Baseline rows never fill up: every UPDATE writes, as a seat taken does. */
    private static final int BASELINE_CAPACITY = 2_000_000_000;

    record Parent(String username, UUID child) {
    }

    final UUID tenantId;
    final UUID schoolId;
    final UUID warmUpCourse;
    final UUID hotCourse;
    final List<UUID> courses;
    final UUID baselineRow;
    final List<UUID> baselineRows;

    private BenchData(UUID tenantId, UUID schoolId, UUID warmUpCourse, UUID hotCourse, List<UUID> courses, UUID baselineRow,
                      List<UUID> baselineRows) {
        this.tenantId = tenantId;
        this.schoolId = schoolId;
        this.warmUpCourse = warmUpCourse;
        this.hotCourse = hotCourse;
        this.courses = courses;
        this.baselineRow = baselineRow;
        this.baselineRows = baselineRows;
    }

    static BenchData courses(Connection c, Settings settings, String run) throws SQLException {
        UUID tenantId = id(c, "SELECT id FROM tenant WHERE code = ?", TENANT);
        UUID schoolId = id(c, "SELECT id FROM school WHERE code = ?", SCHOOL);
        UUID term = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        c.setAutoCommit(false);
        exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal, period_minutes,"
                + " created_by) VALUES (?, ?, ?, ?, ?, ?, TIME '16:10', 40, 'bench')",
                tenantId, term, schoolId, "bench-" + run, today.minusDays(30), today.plusDays(200));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO school_service (tenant_id, id, school_id, term_id, kind,"
                + " title_zh, tags, grade_from, grade_to, days, start_time, end_time, valid_from, valid_to, capacity, fee_fen,"
                + " venue, enrollment_open, allocation, created_by) VALUES (?, ?, ?, ?, 'BASIC_CARE', ?, '{HOMEWORK}', 1, 9,"
                + " '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', TIME '16:10', TIME '18:10', ?, ?, ?, 0, '教室', ?,"
                + " 'FIRST_COME', 'bench')")) {
            UUID warmUp = service(s, tenantId, schoolId, term, today, "压测预热", settings.parents(), true);
            UUID hot = service(s, tenantId, schoolId, term, today, "压测热门课程", settings.hotSeats(), true);
            List<UUID> courses = new ArrayList<>();
            for (int i = 0; i < settings.courses(); i++) {
                courses.add(service(s, tenantId, schoolId, term, today, "压测课程 " + i, settings.courseSeats(), true));
            }
            UUID baselineRow = service(s, tenantId, schoolId, term, today, "基准行", BASELINE_CAPACITY, false);
            List<UUID> baselineRows = new ArrayList<>();
            for (int i = 0; i < settings.courses(); i++) {
                baselineRows.add(service(s, tenantId, schoolId, term, today, "基准行 " + i, BASELINE_CAPACITY, false));
            }
            s.executeBatch();
            c.commit();
            return new BenchData(tenantId, schoolId, warmUp, hot, List.copyOf(courses), baselineRow, List.copyOf(baselineRows));
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static UUID service(PreparedStatement s, UUID tenantId, UUID schoolId, UUID term, LocalDate today, String title,
                                int capacity, boolean open) throws SQLException {
        UUID id = UUID.randomUUID();
        set(s, tenantId, id, schoolId, term, title, today.minusDays(30), today.plusDays(200), capacity, open);
        s.addBatch();
        return id;
    }

    /** Each parent: a grade-3 child at the school, the confirmed guardianship, and the parent role in the tenant. */
    List<Parent> parents(Connection c, List<String> usernames) throws SQLException {
        List<Parent> parents = new ArrayList<>();
        c.setAutoCommit(false);
        try (PreparedStatement child = c.prepareStatement("INSERT INTO child (tenant_id, id, school_id, name_zh, grade,"
                + " class_name) VALUES (?, ?, ?, ?, 3, '一班')");
             PreparedStatement guardian = c.prepareStatement("INSERT INTO guardianship (tenant_id, id, child_id, username,"
                     + " relation, status, decided_by, decided_at) VALUES (?, ?, ?, ?, 'MOTHER', 'CONFIRMED', 'bench', now())");
             PreparedStatement role = c.prepareStatement("INSERT INTO role_assignment (tenant_id, id, username, role,"
                     + " granted_by) VALUES (?, ?, ?, 'parent', 'bench')")) {
            for (int i = 0; i < usernames.size(); i++) {
                String username = usernames.get(i);
                UUID childId = UUID.randomUUID();
                set(child, tenantId, childId, schoolId, "压测学生" + i);
                child.addBatch();
                set(guardian, tenantId, UUID.randomUUID(), childId, username);
                guardian.addBatch();
                set(role, tenantId, UUID.randomUUID(), username);
                role.addBatch();
                parents.add(new Parent(username, childId));
            }
            child.executeBatch();
            guardian.executeBatch();
            role.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return parents;
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
