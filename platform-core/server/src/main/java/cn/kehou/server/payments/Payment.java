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

/**
 * One attempt to pay an order's outstanding amount through a gateway (out_trade_no is ours, the
 * transaction id the gateway's). Only its state columns may change ({@link DynamicUpdate}: the
 * server's role holds UPDATE on those alone).
 */
@Entity
@Table(name = "payment")
@DynamicUpdate
public class Payment extends PanacheEntityBase {

    public enum Status { CREATED, SUCCEEDED, FAILED, CLOSED }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "order_id")
    public UUID orderId;
    public String gateway;
    @Column(name = "out_trade_no")
    public String outTradeNo;
    @Column(name = "amount_fen")
    public long amountFen;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "transaction_id")
    public String transactionId;
    @Column(name = "pay_url")
    public String payUrl;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;
    /** NOTIFICATION or QUERY: how the outcome became known. */
    @Column(name = "settled_by")
    public String settledBy;
    @Column(name = "last_checked_at")
    public OffsetDateTime lastCheckedAt;
}
