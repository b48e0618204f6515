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
import java.util.UUID;

/**
 * One publication (公示) of a service's fee item on one channel: what was published (item, amount,
 * basis, legal basis, complaint phone), where, when, under which reference and approved by whom.
 * 004 §四(五): nothing is charged before the fee network carries it. Never changed: a correction is
 * a new publication.
 */
@Entity
@Immutable
@Table(name = "fee_publication")
public class FeePublication extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Column(name = "service_id")
    public UUID serviceId;
    /** The channel exactly as the plugin's PublicationRequirement names it. */
    public String channel;
    /** PublicationItem names this publication covers. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] items;
    /** 收费项目 */
    @Column(name = "fee_item")
    public String feeItem;
    @Column(name = "amount_fen")
    public long amountFen;
    /** How the amount is charged, e.g. 每生每学期（每天1小时）. */
    public String basis;
    /** 政策依据 */
    @Column(name = "legal_basis")
    public String legalBasis;
    /** 监督举报电话 */
    @Column(name = "complaint_phone")
    public String complaintPhone;
    /** The publication's number or address on its channel. */
    public String reference;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    /** 审核部门, e.g. the city price authority (市价格主管部门). */
    @Column(name = "approving_authority")
    public String approvingAuthority;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
