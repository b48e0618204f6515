package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanRule.NAP_ROOMS_SAFE;

import cn.kehou.plugin.api.MealAndNapPolicy;
import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.NapChild;
import cn.kehou.plugin.api.NapRoom;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pf4j.Extension;

/**
 * 002 §三(三): lunch where the county supplies it, from school canteens run under Henan's canteen
 * food-safety measures (§四(四)); naps only with noon service, only in fire-safe rooms (§四(四)).
 */
@Extension
public class HenanMealsAndNaps implements MealAndNapPolicy {

    // 002 §三(三): 鼓励具备条件的县（市、区）开展中小学生午餐供应; §四(四): 提供午餐服务的中小学校要
    // 认真贯彻《河南省学校食堂餐饮食品安全监督管理办法》 — so the school canteen is the only source.
    // API 1.0 cannot say "a canteen meeting 豫政食安办〔2025〕6号"; the duty CANTEEN_FOOD_SAFETY carries it.
    // 002 does not say who pays for the meal; schools collect such costs from parents (代收费, §四(三)).
    private static final List<MealOffer> LUNCH = List.of(new MealOffer(MealOffer.Meal.LUNCH,
            List.of(MealOffer.Source.SCHOOL_CANTEEN), Payer.PARENTS, HenanRule.LUNCH_SUPPLY.citation));

    // 002 sets no order among children; grade then id keeps each grade together and is deterministic
    private static final Comparator<NapChild> BY_GRADE = Comparator.comparingInt(NapChild::grade)
            .thenComparing(NapChild::studentId);

    // the school's own ranking of its rooms (1 = best), then the id, so the input order never matters
    private static final Comparator<NapRoom> BEST_FIRST = Comparator.comparingInt(NapRoom::rank).thenComparing(NapRoom::id);

    @Override
    public List<MealOffer> meals(PolicyContext ctx) {
        return ctx.config().bool(HenanConfig.LUNCH_OFFERED) ? LUNCH : List.of();
    }

    @Override
    public List<NapAssignment> assignNaps(PolicyContext ctx, List<NapRoom> rooms, List<NapChild> children) {
        List<NapChild> ordered = children.stream().sorted(BY_GRADE).toList();
        // 002 §三(二): children nap at school only where the county extends the service to noon
        if (!HenanServiceWindow.offered(ctx, ServiceKind.NOON_CARE)) {
            Reason noNoonService = HenanServiceWindow.notOffered(ServiceKind.NOON_CARE);
            return ordered.stream().map(child -> new NapAssignment(child.studentId(), null, noNoonService)).toList();
        }
        // 002 §四(四): 切实消除在场地、消防…等方面的安全隐患 — a room that is not fire-safe is never used
        List<NapRoom> usable = rooms.stream().filter(NapRoom::fireSafe).sorted(BEST_FIRST).toList();
        var assignments = new ArrayList<NapAssignment>();
        int room = 0;
        int taken = 0;
        for (NapChild child : ordered) {
            while (room < usable.size() && taken >= usable.get(room).capacity()) {
                room++;
                taken = 0;
            }
            if (room < usable.size()) {
                assignments.add(new NapAssignment(child.studentId(), usable.get(room).id(), null));
                taken++;
            } else {
                assignments.add(new NapAssignment(child.studentId(), null, NAP_ROOMS_SAFE.reason("NO_NAP_PLACE_LEFT",
                        "具备消防安全条件的午休场所已满", "every fire-safe nap room is full")));
            }
        }
        return assignments;
    }
}
