package cn.kehou.server.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A family's order for one term at one school: its lines are the children's priced services. */
@Entity
@Immutable
@Table(name = "payment_order")
public class PaymentOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    /** The guardian who applied and pays (the family's account). */
    public String payer;
    @Column(name = "school_id")
    public UUID schoolId;
    @Column(name = "term_id")
    public UUID termId;
    /** Ledger code of the collecting account the region's FundsFlow names (COLLECTING:…). */
    @Column(name = "collecting_account")
    public String collectingAccount;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /**
     * Serialises every money movement of one order for the rest of the transaction (charging,
     * re-settling, capturing, refunding). An advisory lock: the server may not UPDATE order rows.
     */
    static void lock(UUID tenantId, UUID orderId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "kehou-order:" + tenantId + ":" + orderId).getSingleResult();
    }
}
