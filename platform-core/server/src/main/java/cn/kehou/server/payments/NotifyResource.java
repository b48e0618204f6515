package cn.kehou.server.payments;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a gateway posts its notifications for one tenant (the tenant is in the path it was given,
 * never guessed from the body). No login: the notification proves itself by its signature. Answers
 * SUCCESS once the notification is applied or known, so the gateway stops retrying; FAIL for a
 * rejected one; an error makes the gateway retry later.
 */
@Path("/api/public/t/{tenant}/payments/notify/{gateway}")
public class NotifyResource {

    @Inject
    GatewayNotifications notifications;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notify(@PathParam("tenant") String code, @PathParam("gateway") String gateway,
                           @Context HttpHeaders headers, String body) {
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(code))
                .orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        Map<String, String> received = new TreeMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.startsWith("kehou-pay-") || key.startsWith("wechatpay-") || key.equals("content-type") || key.equals("user-agent")) {
                received.put(key, String.join(",", values));
            }
        });
        GatewayNotifications.Answer answer = notifications.receive(tenant, gateway, received, body == null ? "" : body);
        if (answer.verdict() == GatewayNotifications.Verdict.REJECTED) {
            return Response.status(400).entity(Map.of("code", "FAIL", "message", answer.reason())).build();
        }
        return Response.ok(Map.of("code", "SUCCESS")).build();
    }
}
