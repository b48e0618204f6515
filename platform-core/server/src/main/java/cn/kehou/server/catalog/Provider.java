package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A third-party provider (第三方机构), known platform-wide: one institution may serve schools in
 * several tenants. Where it may work is decided per tenant by a {@link ProviderApproval}.
 */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "licence_no")
    public String licenceNo;
    @Column(name = "licence_valid_to")
    public LocalDate licenceValidTo;
    /** Always true: third parties may offer only non-academic (非学科类) courses. */
    @Column(name = "non_academic")
    public boolean nonAcademic;
    @Column(name = "registered_by")
    public String registeredBy;

    public static Optional<Provider> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Ids derive from codes, so a provider keeps its id across machines and reloads. */
    public static UUID idFor(String code) {
        return UUID.nameUUIDFromBytes(("kehou-provider:" + code).getBytes(StandardCharsets.UTF_8));
    }

    public boolean licenceValidOn(LocalDate day) {
        return licenceValidTo == null || !day.isAfter(licenceValidTo);
    }
}
