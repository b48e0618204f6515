package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.Provider;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.catalog.StaffMember;
import cn.kehou.server.notices.Notices;
import cn.kehou.server.payments.FeePublication;
import cn.kehou.server.payments.FeeWithdrawal;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A school's publications (公示): it publishes its service guide, a term's ledger summary and a
 * service's agreement text as new versions ({@link Publications}); it takes a fee publication down;
 * and anyone reads what was public on a day. Callers hold the request's tenant (and, for a public
 * page, read its subtree): row-level security decides what is visible.
 */
@ApplicationScoped
public class Disclosures {

    @Inject
    Publications publications;
    @Inject
    TermLedgers ledgers;
    @Inject
    Notices notices;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A published fee item as the public page shows it: what, how much, on what legal basis, where to complain. */
    public record FeeItem(UUID id, String service, String serviceTitle, String feeItem, long amountFen, String basis,
                          String legalBasis, String complaintPhone, String channel, String reference, LocalDate publishedOn,
                          String approvingAuthority, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** Everything public about one school on one day. */
    public record SchoolDisclosure(String school, String nameZh, String nameEn, LocalDate on,
                                   Publications.Version<Disclosed.ServiceGuide> guide, List<FeeItem> fees,
                                   List<Publications.Version<Disclosed.LedgerSummary>> ledgers,
                                   List<Publications.Version<Disclosed.AgreementText>> agreements) {
    }

    /** The guide as it stands now, from the school's current and coming services and its vetted staff. */
    public Disclosed.ServiceGuide compileGuide(School school, String safetyMeasures, String complaintPhone, String note) {
        LocalDate today = LocalDate.now(clock);
        List<OfferedService> services = OfferedService.list("schoolId = ?1 and validTo >= ?2 order by validFrom, start, id",
                school.id, today);
        Map<UUID, String> terms = new LinkedHashMap<>();
        List<Disclosed.GuideService> out = services.stream().map(s -> new Disclosed.GuideService(s.kind.name(), s.titleZh,
                terms.computeIfAbsent(s.termId, id -> SchoolTerm.<SchoolTerm>findByIdOptional(id).map(t -> t.name).orElse("")),
                Arrays.asList(s.days), s.start.toString(), s.end.toString(), s.gradeFrom, s.gradeTo,
                s.contentByGrade == null ? Map.of() : s.contentByGrade, s.feeFen, s.venue,
                s.providerId == null ? null : Provider.<Provider>findByIdOptional(s.providerId).map(p -> p.nameZh).orElse(null)))
                .toList();
        List<String> staffKinds = StaffMember.<StaffMember>list("schoolId = ?1 and status = ?2", school.id, StaffMember.Status.APPROVED)
                .stream().map(m -> m.kind.name()).distinct().sorted().toList();
        String phone = blank(complaintPhone) ? latestComplaintPhone(school) : complaintPhone.strip();
        if (blank(phone)) {
            throw new ProblemException(422, "GUIDE_COMPLAINT_PHONE_MISSING");
        }
        if (blank(safetyMeasures)) {
            throw new ProblemException(422, "GUIDE_SAFETY_MISSING");
        }
        return new Disclosed.ServiceGuide(school.code, school.nameZh, school.nameEn, out, staffKinds, safetyMeasures.strip(),
                phone, blank(note) ? null : note.strip());
    }

    public Publications.Version<Disclosed.ServiceGuide> publishGuide(School school, Disclosed.ServiceGuide guide, String by) {
        var v = publications.publish(school.tenantId, school.id, Publications.Kind.SERVICE_GUIDE, "guide:" + school.id, guide, by);
        audit.record(school.tenantId, by, "disclosure.guide", "school:" + school.code, Map.of("version", v.version()));
        return v;
    }

    public Publications.Version<Disclosed.LedgerSummary> publishLedger(School school, SchoolTerm term, String by) {
        var v = publications.publish(school.tenantId, school.id, Publications.Kind.LEDGER_SUMMARY, "ledger:" + term.id,
                ledgers.summary(school, term), by);
        audit.record(school.tenantId, by, "disclosure.ledger", "term:" + term.id, Map.of("version", v.version()));
        return v;
    }

    /**
     * Publishes a service's agreement text and tells every confirmed guardian of the pupils it is
     * for — those who take part and those who do not (001 五(二)2).
     * @return the version and how many guardians were told
     */
    public Map.Entry<Publications.Version<Disclosed.AgreementText>, Integer> publishAgreement(School school, OfferedService service,
                                                                                              String title, String text, String by) {
        var v = publications.publish(school.tenantId, school.id, Publications.Kind.AGREEMENT, "agreement:" + service.id,
                new Disclosed.AgreementText(service.id.toString(), service.titleZh, title.strip(), text.strip()), by);
        @SuppressWarnings("unchecked")
        List<String> guardians = em.createNativeQuery("""
                        SELECT DISTINCT g.username FROM guardianship g
                        JOIN child c ON c.tenant_id = g.tenant_id AND c.id = g.child_id
                        WHERE c.school_id = ?1 AND c.grade BETWEEN ?2 AND ?3 AND g.status = 'CONFIRMED'""")
                .setParameter(1, school.id).setParameter(2, service.gradeFrom).setParameter(3, service.gradeTo).getResultList();
        String tenantCode = Tenant.<Tenant>findByIdOptional(school.tenantId).map(t -> t.code).orElseThrow();
        int sent = notices.send(school.tenantId, guardians, new Notices.Notice("AGREEMENT_PUBLISHED",
                school.nameZh + "：《" + title.strip() + "》已公布",
                "学校公布了“" + service.titleZh + "”的协议文本（第 " + v.version() + " 版）。是否参加课后服务由家长自愿选择；"
                        + "不参加的学生按正常放学时间离校。",
                PortalPath.PREFIX + tenantCode + "/public/schools/" + school.code, school.id, "agreement:" + v.id()));
        audit.record(school.tenantId, by, "disclosure.agreement", "service:" + service.id,
                Map.of("version", v.version(), "noticed", sent));
        return Map.entry(v, sent);
    }

    /** Takes a fee publication of {@code school} down: it leaves the public page and allows no new charge. */
    public FeeWithdrawal withdrawFee(School school, UUID publicationId, String reason, String by) {
        FeePublication p = FeePublication.<FeePublication>findByIdOptional(publicationId).filter(f -> f.schoolId.equals(school.id))
                .orElseThrow(() -> ProblemException.notFound("fee publication", String.valueOf(publicationId)));
        if (FeeWithdrawal.findByIdOptional(p.id).isPresent()) {
            throw new ProblemException(409, "FEE_ALREADY_WITHDRAWN", p.reference);
        }
        FeeWithdrawal w = new FeeWithdrawal();
        w.publicationId = p.id;
        w.tenantId = p.tenantId;
        w.reason = reason.strip();
        w.withdrawnAt = OffsetDateTime.now(clock);
        w.withdrawnBy = by;
        w.persist();
        audit.record(p.tenantId, by, "fees.withdraw", "fee-publication:" + p.id, Map.of("reason", w.reason, "reference", p.reference));
        return w;
    }

    /** The fee items of {@code school} that were public on {@code day}: recorded by then and not withdrawn by then. */
    public List<FeeItem> feesOn(School school, LocalDate day) {
        Instant end = Publications.endOf(day);
        Map<UUID, String> titles = new LinkedHashMap<>();
        return FeePublication.<FeePublication>list("schoolId = ?1 and publishedOn <= ?2 and recordedAt < ?3"
                                + " and id not in (select w.publicationId from FeeWithdrawal w where w.withdrawnAt < ?3)"
                                + " order by publishedOn, recordedAt", school.id, day, end.atOffset(java.time.ZoneOffset.UTC))
                .stream().map(p -> new FeeItem(p.id, p.serviceId.toString(),
                        titles.computeIfAbsent(p.serviceId, id -> OfferedService.<OfferedService>findByIdOptional(id)
                                .map(s -> s.titleZh).orElse("")),
                        p.feeItem, p.amountFen, p.basis, p.legalBasis, p.complaintPhone, p.channel, p.reference, p.publishedOn,
                        p.approvingAuthority, p.recordedBy, p.recordedAt)).toList();
    }

    /** What was public about {@code school} on {@code day}. */
    public SchoolDisclosure on(School school, LocalDate day) {
        Instant at = Publications.endOf(day);
        var guide = publications.asOf(Publications.Kind.SERVICE_GUIDE, school.id, at, Disclosed.ServiceGuide.class)
                .stream().findFirst().orElse(null);
        var ledgerVersions = publications.asOf(Publications.Kind.LEDGER_SUMMARY, school.id, at, Disclosed.LedgerSummary.class)
                .stream().sorted(Comparator.comparing((Publications.Version<Disclosed.LedgerSummary> v) -> v.content().startsOn())
                        .reversed()).toList();
        var agreements = publications.asOf(Publications.Kind.AGREEMENT, school.id, at, Disclosed.AgreementText.class);
        return new SchoolDisclosure(school.code, school.nameZh, school.nameEn, day, guide, feesOn(school, day), ledgerVersions,
                agreements);
    }

    private static String latestComplaintPhone(School school) {
        return FeePublication.<FeePublication>list("schoolId = ?1 and complaintPhone is not null order by recordedAt desc", school.id)
                .stream().map(p -> p.complaintPhone).filter(Objects::nonNull).filter(s -> !s.isBlank()).findFirst().orElse(null);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
