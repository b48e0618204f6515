package cn.kehou.server.reports;

import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bureau dashboard (issue 13 §6): for a tenant and the tenants below it, per child tenant and
 * per school — participation (pupils in a service / pupils on the roll), sessions held, money
 * collected, waived and refunded, term plans filed on time, late, overdue or not yet due,
 * complaints and satisfaction ({@link PublicFeedback}). Row-level security keeps a bureau to its
 * own subtree; the figures come from the same dataset the regulator reports are built from.
 */
@ApplicationScoped
public class Dashboard {

    @Inject
    ReportDatasets datasets;
    @Inject
    PlanFilings filings;
    @Inject
    PublicFeedback feedback;
    @Inject
    TenantTree tree;
    @Inject
    EntityManager em;

    /** Figures for one school or summed over a tenant's subtree. */
    public record Figures(int schools, long enrolled, long participants, long sessions, long participations,
                          long collectedFen, long waivedFen, long refundedFen,
                          int plansOnTime, int plansLate, int plansOverdue, int plansPending,
                          long complaints, long surveyAnswers, Double satisfactionPercent) {

        static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

        /** Participation in percent with one decimal ("37.5"), or "—" with nobody on the roll. */
        public String participationRate() {
            return enrolled == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f", participants * 100.0 / enrolled);
        }

        public String satisfaction() {
            return satisfactionPercent == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", satisfactionPercent);
        }

        public String collectedYuan() {
            return Money.ofFen(collectedFen).yuan();
        }

        public String waivedYuan() {
            return Money.ofFen(waivedFen).yuan();
        }

        public String refundedYuan() {
            return Money.ofFen(refundedFen).yuan();
        }

        Figures plus(Figures o) {
            long answers = surveyAnswers + o.surveyAnswers;
            Double score = answers == 0 ? null : ((satisfactionPercent == null ? 0 : satisfactionPercent * surveyAnswers)
                    + (o.satisfactionPercent == null ? 0 : o.satisfactionPercent * o.surveyAnswers)) / answers;
            return new Figures(schools + o.schools, enrolled + o.enrolled, participants + o.participants, sessions + o.sessions,
                    participations + o.participations, collectedFen + o.collectedFen, waivedFen + o.waivedFen,
                    refundedFen + o.refundedFen, plansOnTime + o.plansOnTime, plansLate + o.plansLate,
                    plansOverdue + o.plansOverdue, plansPending + o.plansPending, complaints + o.complaints, answers, score);
        }
    }

    public record SchoolRow(String tenantCode, String tenantName, String tenantNameEn, String code, String name, String nameEn,
                            Figures figures) {
    }

    /** A child tenant (or the tenant itself, for the schools it runs directly) and its subtree's figures. */
    public record TenantRow(String code, String name, String nameEn, boolean self, Figures figures) {
    }

    public record View(String tenant, LocalDate from, LocalDate to, Figures total, List<TenantRow> tenants,
                       List<SchoolRow> schools, List<PlanFilings.Filing> filings) {

        /** The filings a bureau must act on: late, overdue, or due soon. */
        public List<PlanFilings.Filing> attention() {
            return filings.stream().filter(f -> f.status() != PlanFilings.Status.ON_TIME).toList();
        }
    }

    public View of(Tenant tenant, LocalDate from, LocalDate to) {
        List<School> schools = datasets.schools(tenant);
        Set<UUID> schoolIds = schools.stream().map(s -> s.id).collect(Collectors.toSet());
        Map<UUID, Tenant> tenants = new HashMap<>();
        for (School s : schools) {
            tenants.computeIfAbsent(s.tenantId, id -> Tenant.findById(id));
        }
        ReportDataset data = datasets.build(tenant, from, to);
        Map<String, long[]> sessions = new HashMap<>();
        for (ReportDataset.ServiceRecord r : data.services()) {
            long[] s = sessions.computeIfAbsent(r.schoolCode(), k -> new long[2]);
            s[0]++;
            s[1] += r.participants();
        }
        Map<String, long[]> money = new HashMap<>();
        for (ReportDataset.FeeRecord f : data.fees()) {
            long[] m = money.computeIfAbsent(f.schoolCode(), k -> new long[3]);
            m[0] += f.collectedFen();
            m[1] += f.waivedFen();
            m[2] += f.refundedFen();
        }
        Map<UUID, long[]> roll = roll(tenant, from, to);
        List<PlanFilings.Filing> plans = filings.of(schools, from, to);
        Map<String, int[]> planCounts = new HashMap<>();
        for (PlanFilings.Filing f : plans) {
            planCounts.computeIfAbsent(f.schoolCode(), k -> new int[4])[f.status().ordinal()]++;
        }
        Map<UUID, PublicFeedback.Figures> said = feedback.forSchools(schoolIds, from, to);

        List<SchoolRow> rows = new ArrayList<>();
        for (School s : schools) {
            long[] ss = sessions.getOrDefault(s.code, new long[2]);
            long[] m = money.getOrDefault(s.code, new long[3]);
            long[] r = roll.getOrDefault(s.id, new long[2]);
            int[] p = planCounts.getOrDefault(s.code, new int[4]);
            PublicFeedback.Figures fb = said.getOrDefault(s.id, PublicFeedback.Figures.NONE);
            Tenant t = tenants.get(s.tenantId);
            rows.add(new SchoolRow(t.code, t.nameZh, t.nameEn, s.code, s.nameZh, s.nameEn, new Figures(1, r[0], r[1], ss[0], ss[1],
                    m[0], m[1], m[2], p[0], p[1], p[2], p[3], fb.complaints(), fb.surveyAnswers(), fb.satisfactionPercent())));
        }

        Map<String, UUID> tenantOfSchool = schools.stream().collect(Collectors.toMap(s -> s.code, s -> s.tenantId));
        List<TenantRow> tenantRows = new ArrayList<>();
        Function<Set<UUID>, Figures> sum = ids -> rows.stream()
                .filter(r -> ids.contains(tenantOfSchool.get(r.code())))
                .map(SchoolRow::figures).reduce(Figures.ZERO, Figures::plus);
        if (schools.stream().anyMatch(s -> s.tenantId.equals(tenant.id))) {
            tenantRows.add(new TenantRow(tenant.code, tenant.nameZh, tenant.nameEn, true, sum.apply(Set.of(tenant.id))));
        }
        for (Tenant child : tree.children(tenant)) {
            tenantRows.add(new TenantRow(child.code, child.nameZh, child.nameEn, false, sum.apply(new HashSet<>(datasets.subtree(child)))));
        }
        Figures total = rows.stream().map(SchoolRow::figures).reduce(Figures.ZERO, Figures::plus);
        return new View(tenant.code, from, to, total, tenantRows, rows, plans);
    }

    /** Per school: pupils on the roll, and pupils holding a seat in a service that runs in the period. */
    @SuppressWarnings("unchecked")
    private Map<UUID, long[]> roll(Tenant tenant, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                        WITH scope AS (SELECT descendant_id AS tenant_id FROM tenant_closure WHERE ancestor_id = ?1)
                        SELECT c.school_id, count(*),
                               count(*) FILTER (WHERE EXISTS (
                                   SELECT 1 FROM enrollment_application a
                                   JOIN school_service s ON s.tenant_id = a.tenant_id AND s.id = a.service_id
                                   WHERE a.tenant_id = c.tenant_id AND a.child_id = c.id AND a.status IN ('HELD', 'ARRANGED')
                                     AND s.valid_from <= ?3 AND s.valid_to >= ?2))
                        FROM child c WHERE c.tenant_id IN (SELECT tenant_id FROM scope)
                        GROUP BY c.school_id""")
                .setParameter(1, tenant.id).setParameter(2, from).setParameter(3, to).getResultList();
        Map<UUID, long[]> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put((UUID) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        return out;
    }
}
