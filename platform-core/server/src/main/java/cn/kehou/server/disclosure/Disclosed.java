package cn.kehou.server.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What each kind of publication holds, as stored in its version's content and shown on the public pages. */
public final class Disclosed {

    private Disclosed() {
    }

    /**
     * A school's service guide (服务指南): services, times, content by grade, who staffs them, the
     * safety measures and where to complain (000/004: published before service starts).
     */
    public record ServiceGuide(String school, String schoolNameZh, String schoolNameEn, List<GuideService> services,
                               List<String> staffKinds, String safetyMeasures, String complaintPhone, String note) {
    }

    public record GuideService(String kind, String title, String term, List<String> days, String start, String end,
                               int gradeFrom, int gradeTo, Map<String, String> contentByGrade, long feeFen, String venue,
                               String provider) {
    }

    /**
     * A school's ledger summary for a term (专账公示, 000). {@code source} says where the figures come
     * from: LEDGER (the books as they stand) or RECONCILED — the school's CONFIRMED monthly
     * reconciliations for months of the term: then paid, waived and refunded are the confirmed totals
     * of those months and {@code reconciliations} names each ("2025-03 v1"); orders and charged are
     * the ledger's (a reconciliation has no such lines). Older versions stored before this field
     * read it back as null.
     */
    public record LedgerSummary(String school, String term, String termName, LocalDate startsOn, LocalDate endsOn,
                                int orders, long chargedFen, long waivedFen, long paidFen, long refundedFen, String source,
                                List<String> reconciliations) {
    }

    /** An agreement text a school publishes for a service (合同书/安全责任承诺书). */
    public record AgreementText(String service, String serviceTitle, String title, String text) {
    }

    /** A provider blacklisted by a bureau (000 §七(四)2: the blacklist is published yearly), with the reason. */
    public record Blacklisting(String provider, String nameZh, String nameEn, String reason, LocalDate since,
                               String bureau, String bureauNameZh) {
    }
}
