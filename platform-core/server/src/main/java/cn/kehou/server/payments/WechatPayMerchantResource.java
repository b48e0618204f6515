package cn.kehou.server.payments;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.Problem;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The WeChat Pay settings of the tenant's merchant account (the account itself, with the mchid and
 * the API v3 key's reference, is PUT /payments/merchant with gateway {@value WechatPayGateway#ID}).
 * Same permission as the account; the private key is named by reference, never sent.
 */
@Path("/api/t/{tenant}/payments/merchant/wechatpay")
@Produces(MediaType.APPLICATION_JSON)
public class WechatPayMerchantResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    WechatPayMerchants merchants;
    @Inject
    AuditLog audit;

    public record WechatPaySettings(@NotBlank @Pattern(regexp = "[A-Za-z0-9_]{1,32}") String appId,
                                    @NotBlank @Pattern(regexp = "[A-Fa-f0-9]{1,64}") String merchantSerialNo,
                                    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}") String privateKeyRef,
                                    @NotBlank @Size(max = 64) String publicKeyId,
                                    @NotBlank @Size(max = 4096) String publicKeyPem) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, String> put(@Valid @NotNull WechatPaySettings body) {
        caller.require("payments.configure");
        UUID tenantId = tenant.requireTenantId();
        if (!isPublicKey(body.publicKeyPem())) {
            throw ProblemException.invalidFields("VALIDATION_FAILED", List.of(new Problem.FieldProblem("publicKeyPem",
                    "not a PEM public key (-----BEGIN PUBLIC KEY-----)")));
        }
        merchants.configure(tenantId, new WechatPayMerchants.Settings(body.appId(), body.merchantSerialNo(), body.privateKeyRef(),
                body.publicKeyId(), body.publicKeyPem()), caller.username());
        Map<String, String> shown = Map.of("appId", body.appId(), "merchantSerialNo", body.merchantSerialNo(),
                "privateKeyRef", body.privateKeyRef(), "publicKeyId", body.publicKeyId());
        audit.record(tenantId, caller.username(), "payments.merchant.wechatpay", "gateway:" + WechatPayGateway.ID, shown);
        return shown;
    }

    private static boolean isPublicKey(String pem) {
        if (!pem.strip().startsWith("-----BEGIN PUBLIC KEY-----")) {
            return false;
        }
        try {
            String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s+", "");
            KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
