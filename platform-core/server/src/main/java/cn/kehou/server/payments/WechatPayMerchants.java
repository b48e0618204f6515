package cn.kehou.server.payments;

import cn.kehou.server.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The WeChat Pay side of a tenant's merchant account (payment_merchant names gateway
 * {@value WechatPayGateway#ID}, the mchid, and the API v3 key's reference): the appid, the serial
 * number of the merchant's API certificate, a reference to its API private key, and the WeChat Pay
 * public key with its id (微信支付公钥, the key WeChat signs responses and notifications with). Only
 * the references are stored; the private key is config {@code kehou.payments.secret.<private_key_ref>}.
 */
@ApplicationScoped
public class WechatPayMerchants {

    @Inject
    EntityManager em;
    @Inject
    Config config;

    /** What the SDK needs besides the merchant id and the API v3 key. */
    public record Settings(String appId, String merchantSerialNo, String privateKeyRef, String publicKeyId, String publicKeyPem) {
    }

    /** Sets the current tenant's WeChat Pay settings (its payment_merchant row must exist). */
    public void configure(UUID tenantId, Settings s, String actor) {
        if (secret(s.privateKeyRef()).isEmpty()) {
            throw new ProblemException(422, "MERCHANT_SECRET_UNKNOWN", Merchants.SECRET_PREFIX + s.privateKeyRef());
        }
        em.createNativeQuery("""
                        INSERT INTO wechatpay_merchant (tenant_id, app_id, merchant_serial_no, private_key_ref, public_key_id,
                            public_key_pem, updated_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (tenant_id) DO UPDATE SET app_id = EXCLUDED.app_id,
                            merchant_serial_no = EXCLUDED.merchant_serial_no, private_key_ref = EXCLUDED.private_key_ref,
                            public_key_id = EXCLUDED.public_key_id, public_key_pem = EXCLUDED.public_key_pem,
                            updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .setParameter(1, tenantId).setParameter(2, s.appId()).setParameter(3, s.merchantSerialNo())
                .setParameter(4, s.privateKeyRef()).setParameter(5, s.publicKeyId()).setParameter(6, s.publicKeyPem())
                .setParameter(7, actor).executeUpdate();
    }

    /**
     * The settings of the acting tenant's account {@code mchid} (row-level security keeps it to that
     * tenant), in a transaction of its own: gateways are called between transactions.
     */
    @SuppressWarnings("unchecked")
    Optional<Settings> of(String mchid) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT w.app_id, w.merchant_serial_no, w.private_key_ref, w.public_key_id, w.public_key_pem
                        FROM wechatpay_merchant w JOIN payment_merchant m ON m.tenant_id = w.tenant_id
                        WHERE m.merchant_id = ?1 AND m.gateway = ?2""")
                .setParameter(1, mchid).setParameter(2, WechatPayGateway.ID).getResultList());
        if (rows.size() != 1) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Settings((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }

    Optional<String> secret(String ref) {
        return config.getOptionalValue(Merchants.SECRET_PREFIX + ref, String.class).filter(s -> !s.isBlank());
    }
}
