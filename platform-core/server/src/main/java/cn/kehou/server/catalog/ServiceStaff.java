package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A vetted person assigned to run a service. */
@Entity
@Table(name = "service_staff")
public class ServiceStaff extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "staff_id")
    public UUID staffId;
    @Column(name = "assigned_by")
    public String assignedBy;
}
