package cn.kehou.server.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fee publication taken down (撤销公示) by its school: from then on it is off the public page and
 * allows no new charge; charges made while it stood are not touched.
 */
@Entity
@Immutable
@Table(name = "fee_withdrawal")
public class FeeWithdrawal extends PanacheEntityBase {

    @Id
    @Column(name = "publication_id")
    public UUID publicationId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String reason;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
}
