package cn.kehou.server.payments;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** A family's own orders: what it pays for and why, and paying them through the gateway. */
@Path("/api/t/{tenant}/me/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    Caller caller;
    @Inject
    OrderViews views;
    @Inject
    Payments payments;
    @Inject
    Receipts receipts;
    @Inject
    org.eclipse.microprofile.jwt.JsonWebToken token;

    @GET
    @Transactional
    public List<OrderViews.OrderView> mine() {
        caller.require("orders.pay");
        return PaymentOrder.<PaymentOrder>list("payer = ?1 order by createdAt, id", caller.username()).stream().map(views::view).toList();
    }

    @GET
    @Path("/{order}")
    @Transactional
    public OrderViews.OrderView one(@PathParam("order") UUID id) {
        caller.require("orders.pay");
        return views.view(own(id));
    }

    /**
     * Pays what the order still owes: opens a trade at the gateway (or returns the one already
     * open for the same amount) and answers with the gateway's cashier address.
     */
    @POST
    @Path("/{order}/payments")
    public Response pay(@PathParam("order") UUID id) {
        caller.require("orders.pay");
        PaymentOrder order = QuarkusTransaction.requiringNew().call(() -> own(id));
        int before = QuarkusTransaction.requiringNew().call(() -> (int) Payment.count("orderId", id));
        Payment opened = payments.open(order, caller.username());
        Payment sent = payments.submit(opened.id);
        int after = QuarkusTransaction.requiringNew().call(() -> (int) Payment.count("orderId", id));
        OrderViews.PaymentView view = new OrderViews.PaymentView(sent.id, sent.gateway, sent.outTradeNo, sent.amountFen,
                sent.status.name(), sent.transactionId, sent.payUrl, sent.createdAt, sent.settledAt, sent.settledBy);
        return Response.status(after > before ? 201 : 200).entity(view).build();
    }

    /**
     * The order's electronic receipt (电子收据) as a PDF with its Chinese text and embedded font; only
     * for the family that pays it, and only once a payment was captured (409 RECEIPT_NOT_AVAILABLE).
     */
    @GET
    @Path("/{order}/receipt.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Transactional
    public Response receipt(@PathParam("order") UUID id) {
        caller.require("orders.pay");
        PaymentOrder order = own(id);
        return pdf(receipts.pdf(order, payerName(token, caller.username())), order.id);
    }

    /** The PDF response pages and API share: shown in the browser, saved under the receipt's number. */
    public static Response pdf(byte[] pdf, UUID orderId) {
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + Receipts.number(orderId) + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /** How the receipt names the payer: the account's display name, else its username. */
    public static String payerName(org.eclipse.microprofile.jwt.JsonWebToken token, String username) {
        Object name = token == null ? null : token.getClaim("name");
        String text = name instanceof jakarta.json.JsonString json ? json.getString() : name == null ? null : name.toString();
        return text == null || text.isBlank() ? username : text.strip();
    }

    private PaymentOrder own(UUID id) {
        PaymentOrder order = PaymentOrder.findById(id);
        if (order == null || !order.payer.equals(caller.username())) {
            throw ProblemException.notFound("order", String.valueOf(id));
        }
        return order;
    }
}
