package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Where one child naps in one noon-care service, or why nowhere, as the region's plugin assigned it. */
@Entity
@Table(name = "nap_assignment")
public class NapPlacement extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "child_id")
    public UUID childId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "reason_zh")
    public String reasonZh;
    public String citation;
    @Column(name = "assigned_by")
    public String assignedBy;
}
