package cn.kehou.server.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** 000 §六(一)2: a bidding round (竞价) for a provider course and its winning price per student and term. */
@Entity
@Table(name = "provider_bid")
public class ProviderBid extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "service_id")
    public UUID serviceId;
    public String round;
    @Column(name = "winning_fen")
    public long winningFen;
    @Column(name = "awarded_on")
    public LocalDate awardedOn;
    @Column(name = "recorded_by")
    public String recordedBy;
}
