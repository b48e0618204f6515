package cn.kehou.server.catalog;

import cn.kehou.plugin.api.NapRoom;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A room children nap in (午休) at a school: kind, capacity, the school's rank (1 = best), fire safety. */
@Entity
@Table(name = "nap_room")
public class NapPlace extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    public String name;
    @Enumerated(EnumType.STRING)
    public NapRoom.Kind kind;
    public int capacity;
    public int rank;
    /** 消防安全使用条件 */
    @Column(name = "fire_safe")
    public boolean fireSafe;
    @Column(name = "created_by")
    public String createdBy;

    NapRoom asPluginRoom() {
        return new NapRoom(id.toString(), kind, rank, capacity, fireSafe);
    }
}
