package cn.kehou.server.reports;

import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDataset.FeeRecord;
import cn.kehou.plugin.api.ReportDataset.ServiceRecord;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The term dataset a region's {@code ReportFormat} is built from (issue 13 §5): for a tenant and
 * its descendants (a bureau reads its subtree; row-level security decides, the subtree filter only
 * narrows) and a period {@code [from, to]}:
 * <ul>
 * <li>the schools, with the facts regional scope rules need (village school, teaching point, boarding);</li>
 * <li>one {@link ServiceRecord} per service and day that was held: the children marked present
 * (attendance), by grade and priority group, with the content, form and times the teacher recorded
 * for the session (档案) or else the service's own;</li>
 * <li>one {@link FeeRecord} per school and service kind: pupils priced in the period, payments
 * captured, amounts waived and refunded in it.</li>
 * </ul>
 * Everything is ordered, so the same data and period always give the same dataset (a report is
 * regenerable for any past period). Aggregation happens in PostgreSQL: one row per session, school
 * and kind reaches the server, never one per child or payment.
 */
@ApplicationScoped
public class ReportDatasets {

    /** A session with no recorded form: held at school, by its staff, as a group (集中开展). */
    static final String DEFAULT_FORM_ZH = "校内集中开展";

    @Inject
    EntityManager em;

    /** The tenant and every tenant below it, as ids. */
    @SuppressWarnings("unchecked")
    public List<UUID> subtree(Tenant tenant) {
        return em.createNativeQuery("SELECT descendant_id FROM tenant_closure WHERE ancestor_id = ?1 ORDER BY depth, descendant_id")
                .setParameter(1, tenant.id).getResultList();
    }

    /** The schools of the tenant's subtree that the request can see, by code. */
    public List<School> schools(Tenant tenant) {
        return School.list("tenantId in ?1 order by code", subtree(tenant));
    }

    public ReportDataset build(Tenant tenant, LocalDate from, LocalDate to) {
        List<School> schools = schools(tenant);
        return new ReportDataset(tenant.code, from, to, profiles(schools), services(tenant, from, to), fees(tenant, from, to));
    }

    static List<SchoolProfile> profiles(List<School> schools) {
        Map<UUID, String> codes = new HashMap<>();
        schools.forEach(s -> codes.put(s.id, s.code));
        return schools.stream().map(s -> new SchoolProfile(s.code, s.nameZh, SchoolLevel.valueOf(s.level.name()), s.urban,
                s.urban ? null : s.ruralTown, s.boarding, s.villageSchool, s.teachingPoint,
                s.centralSchoolId == null ? null : codes.get(s.centralSchoolId), s.publicSchool, s.normalDismissal)).toList();
    }

    /**
     * Sessions held: a (service, day) with children marked present (PRESENT, or DEPARTED after being
     * present) or with a session record. Grade counts come from the attendance marks; a record with
     * no marks keeps its content and times but counts nobody by grade.
     */
    @SuppressWarnings("unchecked")
    List<ServiceRecord> services(Tenant tenant, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH scope AS (SELECT descendant_id AS tenant_id FROM tenant_closure WHERE ancestor_id = ?1),
                     present AS (
                        SELECT m.tenant_id, m.service_id, m.on_date, c.id AS child_id, c.grade, c.priority_groups
                        FROM attendance_mark m
                        JOIN child c ON c.tenant_id = m.tenant_id AND c.id = m.child_id
                        WHERE m.tenant_id IN (SELECT tenant_id FROM scope) AND m.on_date BETWEEN ?2 AND ?3
                          AND m.status IN ('PRESENT', 'DEPARTED')),
                     held AS (
                        SELECT tenant_id, service_id, on_date FROM present
                        UNION
                        SELECT tenant_id, service_id, on_date FROM service_record
                        WHERE tenant_id IN (SELECT tenant_id FROM scope) AND on_date BETWEEN ?2 AND ?3),
                     grades AS (
                        SELECT tenant_id, service_id, on_date, string_agg(grade || ':' || n, ',' ORDER BY grade) AS by_grade
                        FROM (SELECT tenant_id, service_id, on_date, grade, count(DISTINCT child_id) AS n FROM present
                              GROUP BY tenant_id, service_id, on_date, grade) g
                        GROUP BY tenant_id, service_id, on_date),
                     groups AS (
                        SELECT tenant_id, service_id, on_date, string_agg(grp || ':' || n, ',' ORDER BY grp) AS by_group
                        FROM (SELECT tenant_id, service_id, on_date, grp, count(DISTINCT child_id) AS n
                              FROM present, unnest(priority_groups) AS grp
                              GROUP BY tenant_id, service_id, on_date, grp) g
                        GROUP BY tenant_id, service_id, on_date)
                SELECT sc.code, h.on_date, s.kind, COALESCE(r.content, s.title_zh), r.form,
                       COALESCE(r.started_at, s.start_time), COALESCE(r.ended_at, s.end_time),
                       gr.by_grade, gp.by_group
                FROM held h
                JOIN school_service s ON s.tenant_id = h.tenant_id AND s.id = h.service_id
                JOIN school sc ON sc.tenant_id = s.tenant_id AND sc.id = s.school_id
                LEFT JOIN service_record r ON r.tenant_id = h.tenant_id AND r.service_id = h.service_id AND r.on_date = h.on_date
                LEFT JOIN grades gr ON gr.tenant_id = h.tenant_id AND gr.service_id = h.service_id AND gr.on_date = h.on_date
                LEFT JOIN groups gp ON gp.tenant_id = h.tenant_id AND gp.service_id = h.service_id AND gp.on_date = h.on_date
                ORDER BY sc.code, h.on_date, COALESCE(r.started_at, s.start_time), s.kind, s.id""")
                .setParameter(1, tenant.id).setParameter(2, from).setParameter(3, to).getResultList();
        List<ServiceRecord> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Map<Integer, Integer> byGrade = new TreeMap<>();
            pairs((String) r[7]).forEach((k, v) -> byGrade.put(Integer.parseInt(k), v));
            Map<PriorityGroup, Integer> byGroup = new EnumMap<>(PriorityGroup.class);
            pairs((String) r[8]).forEach((k, v) -> priorityGroup(k).ifPresent(g -> byGroup.merge(g, v, Integer::sum)));
            out.add(new ServiceRecord((String) r[0], localDate(r[1]), ServiceKind.valueOf((String) r[2]), (String) r[3],
                    r[4] == null ? DEFAULT_FORM_ZH : (String) r[4], localTime(r[5]), localTime(r[6]), byGrade, byGroup));
        }
        return out;
    }

    /**
     * Money per school and kind over the period: pupils whose service line was priced in it and the
     * amounts waived on those lines; payments captured (settled) in it, allocated to the lines they
     * paid; refunds owed by re-settlements made in it (多退少补). Expenditure is not in the platform's
     * books (schools pay staff and venues outside it): 0 until a feature records it.
     */
    @SuppressWarnings("unchecked")
    List<FeeRecord> fees(Tenant tenant, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH scope AS (SELECT descendant_id AS tenant_id FROM tenant_closure WHERE ancestor_id = ?1),
                     lines AS (
                        SELECT l.tenant_id, l.id, l.child_id, l.kind, l.waived_fen, l.priced_on, o.school_id
                        FROM order_line l JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                        WHERE l.tenant_id IN (SELECT tenant_id FROM scope)),
                     priced AS (
                        SELECT tenant_id, school_id, kind, count(DISTINCT child_id) AS students, sum(waived_fen) AS waived
                        FROM lines WHERE priced_on BETWEEN ?2 AND ?3 GROUP BY tenant_id, school_id, kind),
                     paid AS (
                        SELECT ln.tenant_id, ln.school_id, ln.kind, sum(a.amount_fen) AS collected
                        FROM payment_allocation a
                        JOIN payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
                        JOIN lines ln ON ln.tenant_id = a.tenant_id AND ln.id = a.line_id
                        WHERE p.status = 'SUCCEEDED'
                          AND (p.settled_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ?2 AND ?3
                        GROUP BY ln.tenant_id, ln.school_id, ln.kind),
                     refunded AS (
                        SELECT ln.tenant_id, ln.school_id, ln.kind, sum(j.refund_fen) AS refunded
                        FROM order_adjustment j JOIN lines ln ON ln.tenant_id = j.tenant_id AND ln.id = j.line_id
                        WHERE (j.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ?2 AND ?3
                        GROUP BY ln.tenant_id, ln.school_id, ln.kind),
                     keys AS (SELECT tenant_id, school_id, kind FROM priced UNION SELECT tenant_id, school_id, kind FROM paid
                              UNION SELECT tenant_id, school_id, kind FROM refunded)
                SELECT sc.code, k.kind, COALESCE(pr.students, 0), COALESCE(pd.collected, 0), COALESCE(pr.waived, 0),
                       COALESCE(rf.refunded, 0)
                FROM keys k
                JOIN school sc ON sc.tenant_id = k.tenant_id AND sc.id = k.school_id
                LEFT JOIN priced pr ON pr.tenant_id = k.tenant_id AND pr.school_id = k.school_id AND pr.kind = k.kind
                LEFT JOIN paid pd ON pd.tenant_id = k.tenant_id AND pd.school_id = k.school_id AND pd.kind = k.kind
                LEFT JOIN refunded rf ON rf.tenant_id = k.tenant_id AND rf.school_id = k.school_id AND rf.kind = k.kind
                ORDER BY sc.code, k.kind""")
                .setParameter(1, tenant.id).setParameter(2, from).setParameter(3, to).getResultList();
        List<FeeRecord> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new FeeRecord((String) r[0], ServiceKind.valueOf((String) r[1]), ((Number) r[2]).intValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), 0));
        }
        return out;
    }

    private static Map<String, Integer> pairs(String joined) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (joined == null || joined.isEmpty()) {
            return out;
        }
        for (String pair : joined.split(",")) {
            int colon = pair.lastIndexOf(':');
            out.put(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)));
        }
        return out;
    }

    /** A child's recorded group, if it is one the plugin API knows (older free-text values are skipped). */
    private static java.util.Optional<PriorityGroup> priorityGroup(String name) {
        try {
            return java.util.Optional.of(PriorityGroup.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static LocalDate localDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    static LocalTime localTime(Object o) {
        return o instanceof Time t ? t.toLocalTime() : (LocalTime) o;
    }
}
