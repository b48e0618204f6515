package cn.kehou.server.payments;

import cn.kehou.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The local simulator's cashier: what a family's tap on "pay" in WeChat would be, for demos (the
 * payUrl an order's payment returns). Exists only while the simulator is enabled.
 */
@Path(LocalGatewaySimulator.CASHIER_PATH + "{transaction}")
public class CashierResource {

    @Inject
    LocalGatewaySimulator simulator;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentGateway.Trade pay(@PathParam("transaction") String transaction,
                                    @QueryParam("outcome") @DefaultValue("SUCCESS") String outcome) {
        if (!simulator.enabled()) {
            throw ProblemException.notFound("transaction", transaction);
        }
        try {
            return "FAILED".equals(outcome) ? simulator.payerFails(transaction) : simulator.payerPays(transaction);
        } catch (PaymentGateway.Failure f) {
            throw ProblemException.notFound("transaction", transaction);
        }
    }
}
