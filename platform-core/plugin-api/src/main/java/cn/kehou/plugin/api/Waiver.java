package cn.kehou.plugin.api;

/**
 * Part of a fee the family does not pay, booked to whoever bears it, never silently dropped.
 */
public record Waiver(Kind kind, long amountFen, Payer payer, String citation) {

    /** Why the family pays less. */
    public enum Kind {
        /** 减免: part of the fee, for a family in hardship. */
        HARDSHIP_REDUCTION,
        /** 免费: the whole fee, for a family in hardship. */
        HARDSHIP_EXEMPTION
    }

    public Waiver {
        Require.present(kind, "kind");
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a waiver is for a positive amount: " + amountFen);
        }
        if (Require.present(payer, "payer") == Payer.PARENTS) {
            throw new IllegalArgumentException("a waiver is borne by the school or the government");
        }
        Require.text(citation, "citation");
    }
}
