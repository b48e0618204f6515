package cn.kehou.server.payments;

import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.Locale;

/**
 * The local simulator's cashier: what a family's tap on "pay" in WeChat would be, for demos (the
 * payUrl an order's payment returns). A page to confirm (or fail) the payment, which then comes back
 * to the merchant's page ({@code return}, a portal path only, like WeChat's redirect_url) while the
 * outcome travels separately as the gateway's asynchronous notification. Exists only while the
 * simulator is enabled.
 */
@Path(LocalGatewaySimulator.CASHIER_PATH + "{transaction}")
public class CashierResource {

    @Inject
    LocalGatewaySimulator simulator;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cashier(String lang, LocalGatewaySimulator.AtCashier trade, PaymentGateway.TradeState notFound,
                                               String back, String confirmUrl);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentGateway.Trade pay(@PathParam("transaction") String transaction,
                                    @QueryParam("outcome") @DefaultValue("SUCCESS") String outcome) {
        requireEnabled(transaction);
        try {
            return "FAILED".equals(outcome) ? simulator.payerFails(transaction) : simulator.payerPays(transaction);
        } catch (PaymentGateway.Failure f) {
            throw ProblemException.notFound("transaction", transaction);
        }
    }

    /** The cashier page: the merchant, the amount, confirm or fail. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("transaction") String transaction, @QueryParam("return") String back,
                                 @QueryParam("lang") String lang) {
        requireEnabled(transaction);
        String tag = "en".equals(lang) ? "en" : "zh-CN";
        return Templates.cashier(tag, simulator.atCashier(transaction).orElse(null), PaymentGateway.TradeState.NOT_FOUND,
                        safe(back), LocalGatewaySimulator.CASHIER_PATH + transaction + "/confirm")
                .setLocale(Locale.forLanguageTag(tag));
    }

    /** The family confirms (or the demo fails) the payment; back to the merchant's page, if it gave one. */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("transaction") String transaction, @RestForm String outcome, @RestForm("return") String back,
                            @RestForm String lang) {
        pay(transaction, "FAILED".equals(outcome) ? "FAILED" : "SUCCESS");
        String to = safe(back);
        if (to != null) {
            return Response.seeOther(URI.create(to)).build();
        }
        return Response.ok(page(transaction, null, lang)).build();
    }

    private void requireEnabled(String transaction) {
        if (!simulator.enabled()) {
            throw ProblemException.notFound("transaction", transaction);
        }
    }

    /** Only a path of this server's portal: the cashier never sends anyone elsewhere. */
    private static String safe(String back) {
        return back != null && PortalPath.isSafeReturn(back) ? back : null;
    }
}
