package cn.kehou.server.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Money going back to a family through the gateway, against one captured payment. */
@Entity
@Table(name = "payment_refund")
@DynamicUpdate
public class PaymentRefund extends PanacheEntityBase {

    public enum Status { PENDING, SUCCEEDED, FAILED }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "payment_id")
    public UUID paymentId;
    public String gateway;
    @Column(name = "out_refund_no")
    public String outRefundNo;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "collecting_account")
    public String collectingAccount;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "refund_id")
    public String refundId;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;
    @Column(name = "settled_by")
    public String settledBy;
    public String failure;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
