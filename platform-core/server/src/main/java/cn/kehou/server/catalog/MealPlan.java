package cn.kehou.server.catalog;

import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.Payer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A meal served at school in a term: source, the canteen's food-safety licence, price and who pays. */
@Entity
@Table(name = "meal_plan")
public class MealPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "school_id")
    public UUID schoolId;
    @Column(name = "term_id")
    public UUID termId;
    @Enumerated(EnumType.STRING)
    public MealOffer.Meal meal;
    @Enumerated(EnumType.STRING)
    public MealOffer.Source source;
    @Column(name = "canteen_name")
    public String canteenName;
    /** 食品经营许可证 */
    @Column(name = "food_licence_no")
    public String foodLicenceNo;
    @Column(name = "food_licence_valid_to")
    public LocalDate foodLicenceValidTo;
    @Column(name = "price_fen")
    public long priceFen;
    @Enumerated(EnumType.STRING)
    public Payer payer;
    public String citation;
    @Column(name = "created_by")
    public String createdBy;
}
