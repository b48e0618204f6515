package cn.kehou.server.settlement;

import java.time.YearMonth;

/** One recipient's payout file for the bank: a header and one row, amounts in yuan with two decimals. */
final class PayoutFile {

    private PayoutFile() {
    }

    static String csv(YearMonth period, SettlementRun.Payout p) {
        return "recipient,recipient_name,period,lessons,amount_yuan,entry_reference\r\n"
                + String.join(",", p.recipient().toString(), quoted(p.name()), period.toString(), Integer.toString(p.lessons()),
                p.amountYuan(), p.entryKey()) + "\r\n";
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
