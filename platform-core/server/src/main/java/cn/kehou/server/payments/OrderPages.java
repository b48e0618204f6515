package cn.kehou.server.payments;

import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A family's orders on a phone: what each child's line costs and why (waivers and who bears them),
 * paying through the gateway's cashier, then "pending" until the gateway's notification marks it
 * paid, and the receipt. Everything goes through {@link OrdersResource}, as the API.
 */
@Path("/t/{tenant}/orders")
@Produces(MediaType.TEXT_HTML)
public class OrderPages {

    @Inject
    PortalSession session;
    @Inject
    OrdersResource orders;

    /** An order's state as the family reads it. */
    public enum Status { UNPAID, PART_PAID, PENDING, REFUND_PENDING, NOTHING_DUE, PAID }

    /** An order with its state and the payment in flight, if any. */
    public record Card(OrderViews.OrderView order, Status status, OrderViews.PaymentView pending) {

        static Card of(OrderViews.OrderView o) {
            OrderViews.PaymentView pending = o.payments().stream().filter(p -> p.status().equals("CREATED")).reduce((a, b) -> b)
                    .orElse(null);
            Status status = pending != null && o.outstandingFen() > 0 ? Status.PENDING : Status.valueOf(o.status());
            return new Card(o, status, pending);
        }

        public boolean payable() {
            return status == Status.UNPAID || status == Status.PART_PAID;
        }

        public boolean hasReceipt() {
            return order.paidFen() > 0;
        }

        /** A waiver's amount in yuan (its map holds fen). */
        public String waiverAmount(java.util.Map<String, Object> waiver) {
            return cn.kehou.server.portal.PortalFormat.yuan(((Number) waiver.get("amountFen")).longValue());
        }

        public Payment.Status paymentStatus(OrderViews.PaymentView p) {
            return Payment.Status.valueOf(p.status());
        }

        public PaymentRefund.Status refundStatus(OrderViews.RefundView r) {
            return PaymentRefund.Status.valueOf(r.status());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance orders(Shell shell, List<Card> orders);

        static native TemplateInstance order(Shell shell, Card card, String problemTitle, String problemDetail);
    }

    @GET
    public TemplateInstance list(@PathParam("tenant") String code) {
        Shell shell = session.enter(code);
        List<Card> cards = orders.mine().stream().map(Card::of).toList();
        return Templates.orders(shell, cards).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/{order}")
    public TemplateInstance one(@PathParam("tenant") String code, @PathParam("order") UUID id) {
        Shell shell = session.enter(code);
        return Templates.order(shell, Card.of(orders.one(id)), null, null).setLocale(shell.lang().locale());
    }

    /**
     * Opens the payment (as POST /api/t/{tenant}/me/orders/{order}/payments) and sends the family to
     * the gateway's cashier, which returns them to this order. A refusal is shown on the order.
     */
    @POST
    @Path("/{order}/pay")
    public Response pay(@PathParam("tenant") String code, @PathParam("order") UUID id, @HeaderParam("HX-Request") String htmx) {
        Shell shell = session.enter(code);
        OrderViews.PaymentView payment;
        try {
            payment = (OrderViews.PaymentView) orders.pay(id).getEntity();
        } catch (ProblemException p) {
            if (p.status() == 404 || p.status() == 403) {
                throw p;
            }
            boolean en = shell.lang().english();
            String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.order(shell, Card.of(orders.one(id)), ProblemMessages.title(p.code(), en), detail)
                            .setLocale(shell.lang().locale())).build();
        }
        String back = PortalPath.PREFIX + code + "/orders/" + id;
        String target = payment.payUrl() == null ? back
                : payment.payUrl() + (payment.payUrl().contains("?") ? "&" : "?") + "return=" + URLEncoder.encode(back, StandardCharsets.UTF_8)
                + "&lang=" + shell.lang().tag();
        return "true".equals(htmx) ? Response.ok().header("HX-Redirect", target).build()
                : Response.seeOther(URI.create(target)).build();
    }

    /** The receipt PDF (as GET /api/t/{tenant}/me/orders/{order}/receipt.pdf), for the signed-in family. */
    @GET
    @Path("/{order}/receipt.pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public Response receipt(@PathParam("tenant") String code, @PathParam("order") UUID id) {
        session.enter(code);
        return orders.receipt(id);
    }
}
