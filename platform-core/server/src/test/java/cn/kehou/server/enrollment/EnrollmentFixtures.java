package cn.kehou.server.enrollment;

import cn.kehou.server.testing.Db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/** Services and children written straight into the database, so enrollment tests start from a known state. */
public final class EnrollmentFixtures {

    private EnrollmentFixtures() {
    }

    public record Service(UUID id, String tenant, String school) {
    }

    public static Service service(String tenant, String school, int capacity, String allocation, boolean open,
                                  LocalDate signupFrom, LocalDate signupTo) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = ?", tenant);
        UUID schoolId = id("SELECT id FROM school WHERE code = ?", school);
        UUID term = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal, period_minutes,"
                    + " created_by) VALUES (?, ?, ?, ?, DATE '2026-09-01', DATE '2027-07-10', TIME '16:10', 40, 'fixture')",
                    tenantId, term, schoolId, "term-" + term);
            exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from, grade_to,"
                    + " days, start_time, end_time, valid_from, valid_to, capacity, fee_fen, venue, signup_from, signup_to,"
                    + " enrollment_open, allocation, created_by) VALUES (?, ?, ?, ?, 'BASIC_CARE', '课后托管', '{HOMEWORK,READING}',"
                    + " 1, 9, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', TIME '16:10', TIME '18:10', DATE '2026-09-01',"
                    + " DATE '2027-07-10', ?, 0, '教室', ?, ?, ?, ?, 'fixture')",
                    tenantId, service, schoolId, term, capacity, signupFrom, signupTo, open, allocation);
        }
        return new Service(service, tenant, school);
    }

    /** A child at a school with {@code guardian} confirmed, optionally in priority groups. */
    public static UUID child(String tenant, String school, String name, int grade, String guardian, String... groups)
            throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = ?", tenant);
        UUID schoolId = id("SELECT id FROM school WHERE code = ?", school);
        UUID child = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            exec(c, "INSERT INTO child (tenant_id, id, school_id, name_zh, grade, class_name, priority_groups)"
                    + " VALUES (?, ?, ?, ?, ?, '一班', CAST(? AS text[]))", tenantId, child, schoolId, name, grade,
                    "{" + String.join(",", groups) + "}");
            exec(c, "INSERT INTO guardianship (tenant_id, id, child_id, username, relation, status, decided_by, decided_at)"
                    + " VALUES (?, ?, ?, ?, 'MOTHER', 'CONFIRMED', 'fixture', now())", tenantId, UUID.randomUUID(), child, guardian);
        }
        return child;
    }

    public static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : args[i]);
            }
            s.executeUpdate();
        }
    }

    static UUID id(String sql, String key) throws SQLException {
        try (Connection c = Db.superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("nothing for " + key);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
