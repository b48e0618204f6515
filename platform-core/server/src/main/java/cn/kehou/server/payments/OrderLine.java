package cn.kehou.server.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One child's term of one service, as the region's FeeSchedule priced it when it was charged:
 * price = charge (the family) + waived (the government or the school, booked, never dropped), the
 * plugin's reasons and waivers with their citations, the FundsFlow route and the price split to
 * its recipients' ledger accounts. Never changed: what happens later is an {@code order_adjustment}.
 */
@Entity
@Immutable
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "child_id")
    public UUID childId;
    public String kind;
    @Column(name = "price_fen")
    public long priceFen;
    @Column(name = "charge_fen")
    public long chargeFen;
    @Column(name = "waived_fen")
    public long waivedFen;
    /** Each {@code {kind, amountFen, payer, citation, account}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> waivers;
    /** The plugin's reasons, each {@code {code, messageZh, messageEn, citation}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> reasons;
    /** {@code {account, accountZh, collecting, citation, shares: [{recipient, percent}]}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> route;
    /** The price split to recipients: ledger account code → fen. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payables;
    @Column(name = "sessions_total")
    public int sessionsTotal;
    @Column(name = "plugin_id")
    public String pluginId;
    @Column(name = "plugin_version")
    public String pluginVersion;
    @Column(name = "priced_on")
    public LocalDate pricedOn;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
