package cn.kehou.server.payments;

import cn.kehou.server.ledger.Account;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the payment pages (a family's orders, the simulator's cashier, a school's books), in
 * {@code messages/pay.properties} (zh-CN) and {@code messages/pay_en.properties}. Templates use
 * {@code {pay:key}}; TranslationsTest checks both files.
 */
@MessageBundle("pay")
public interface PayMsg {

    // A family's orders
    @Message String navOrders();
    @Message String ordersTitle();
    @Message String ordersNone();
    @Message String orderOf(String school, String term);
    @Message String status(OrderPages.Status status);
    @Message String outstanding(String amount);
    @Message String orderTitle();
    @Message String collectingInto(String account);
    @Message String linesTitle();
    @Message String linePrice();
    @Message String lineWaived(String payer);
    @Message String lineDue();
    @Message String linePaid();
    @Message String lineOutstanding();
    @Message String lineWhy();
    @Message String totalDue();
    @Message String totalPaid();
    @Message String totalOutstanding();
    @Message String refunded();
    @Message String refundOwed();
    @Message String pay(String amount);
    @Message String pendingTitle();
    @Message String pendingText();
    @Message String refresh();
    @Message String continuePay();
    @Message String paidText();
    @Message String receipt();
    @Message String paymentsTitle();
    @Message String paymentStatus(Payment.Status status);
    @Message String refundsTitle();
    @Message String refundStatus(PaymentRefund.Status status);
    @Message String transaction(String id);
    @Message String back();

    // The local simulator's cashier (a stand-in for the gateway's own page)
    @Message String cashierTitle();
    @Message String cashierNote();
    @Message String cashierMerchant();
    @Message String cashierSubject();
    @Message String cashierSubjectText();
    @Message String cashierAmount();
    @Message String cashierConfirm();
    @Message String cashierFail();
    @Message String cashierState(PaymentGateway.TradeState state);
    @Message String cashierBack();

    // A school's books (finance office)
    @Message String booksTitle();
    @Message String booksIntro();
    @Message String accountsTitle();
    @Message String accountKind(Account kind);
    @Message String balance();
    @Message String debits();
    @Message String credits();
    @Message String trialTitle();
    @Message String trialBalanced();
    @Message String trialUnbalanced();
    @Message String entriesTitle();
    @Message String cause(SchoolBooks.Cause cause);
    @Message String debit();
    @Message String credit();
    @Message String nothingYet();
    @Message String homeBooks();
    @Message String homeBooksDetail(int payments, int refunds);
    @Message String homeRefundBounced(String amount);
}
