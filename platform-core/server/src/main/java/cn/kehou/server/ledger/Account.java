package cn.kehou.server.ledger;

/**
 * A ledger account's kind and the side its balance normally sits on. Accounts are named
 * {@code KIND} or {@code KIND:qualifier} (e.g. {@code SCHOOL_PAYABLE:<school id>}); the kind decides
 * the allowed range: no account may go below zero on its normal side — an overpayment is a refund
 * owed, not a negative receivable.
 */
public enum Account {
    /** The collecting account the region prescribes (专账 / 财务专户 / 预算管理). */
    COLLECTING(Side.DEBIT),
    /** Paid by families through the gateway, not yet settled into the collecting account. */
    GATEWAY_CLEARING(Side.DEBIT),
    /** Fees charged to a family and not yet paid. */
    PARENT_RECEIVABLE(Side.DEBIT),
    /** The government's share for waived families (建档立卡 free, hardship reductions). */
    GOVERNMENT_RECEIVABLE(Side.DEBIT),
    /** Owed to a school: its basic-care income (returned in full, 000). */
    SCHOOL_PAYABLE(Side.CREDIT),
    /** Owed to a provider for its courses. */
    PROVIDER_PAYABLE(Side.CREDIT),
    /** Refunds agreed (多退少补) and not yet paid out. */
    REFUNDS_PAYABLE(Side.CREDIT),
    /** Owed to the treasury: fees that are public revenue under budget management (纳入预算管理, 004). */
    TREASURY_PAYABLE(Side.CREDIT),
    /** Owed to the platform operator, where a region gives it a share of a fee. */
    PLATFORM_PAYABLE(Side.CREDIT),
    /** A school's after-school stipends to its own staff (课后服务补助, stipends.StipendRuns). */
    STIPEND_EXPENSE(Side.DEBIT),
    /** A school's labour fees to outside staff (劳务费, 003 §八). */
    LABOUR_FEE_EXPENSE(Side.DEBIT),
    /** Owed to one staff member for a published stipend run, until the bank pays it. */
    STAFF_PAYABLE(Side.CREDIT),
    /**
     * Paid out of a school's own bank account — where its basic-care payouts land, outside the
     * platform's accounts — for its staff (stipends.StipendRuns#pay); its balance is what the school
     * has paid so far from its own funds.
     */
    SCHOOL_FUNDS(Side.CREDIT);

    public enum Side { DEBIT, CREDIT }

    private final Side normal;

    Account(Side normal) {
        this.normal = normal;
    }

    public Side normal() {
        return normal;
    }

    public String code(String qualifier) {
        return qualifier == null ? name() : name() + ":" + qualifier;
    }

    public static Account kindOf(String code) {
        int colon = code.indexOf(':');
        return valueOf(colon < 0 ? code : code.substring(0, colon));
    }

    /** The balance as the account's owner reads it: positive on its normal side. */
    public long normalBalance(long debitMinusCredit) {
        return normal == Side.DEBIT ? debitMinusCredit : -debitMinusCredit;
    }
}
