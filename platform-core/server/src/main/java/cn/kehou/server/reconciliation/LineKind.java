package cn.kehou.server.reconciliation;

/** What a reconciliation line counts: the part of its code before the colon (PlatformFigures). */
public enum LineKind {
    STUDENTS_SERVED, COLLECTED, WAIVED, REFUNDED, REFUNDS_PAID, PAYOUT_SCHOOL, PROVIDER_LESSONS, PROVIDER_PAYABLE,
    STIPENDS, LABOUR_FEES, STIPENDS_PAID;

    static LineKind of(String kind) {
        return valueOf(kind);
    }
}
