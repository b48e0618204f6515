package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangRule.NAP_ROOMS_FIRE_SAFE;

import cn.kehou.plugin.api.MealAndNapPolicy;
import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.NapChild;
import cn.kehou.plugin.api.NapRoom;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pf4j.Extension;

/** 000 §四(一) meals paid by parents; §四(二) fire-safe nap rooms, the better ones to lower grades first. */
@Extension
public class YangjiangMealsAndNaps implements MealAndNapPolicy {

    // 000 §四(一): 学校自办食堂…若无法提供的…集中配送餐机制。餐费由学生家长承担
    private static final List<MealOffer> MEALS = List.of(
            new MealOffer(MealOffer.Meal.BREAKFAST, List.of(MealOffer.Source.SCHOOL_CANTEEN, MealOffer.Source.CENTRAL_DELIVERY),
                    Payer.PARENTS, YangjiangRule.MEALS.citation),
            new MealOffer(MealOffer.Meal.LUNCH, List.of(MealOffer.Source.SCHOOL_CANTEEN, MealOffer.Source.CENTRAL_DELIVERY),
                    Payer.PARENTS, YangjiangRule.MEALS.citation));

    // 000 §四(二): 有宿舍的安排在宿舍午休 — dormitories first, then the school's own ranking (1 = best)
    private static final Comparator<NapRoom> BEST_FIRST = Comparator
            .comparing((NapRoom room) -> room.kind() != NapRoom.Kind.DORMITORY)
            .thenComparingInt(NapRoom::rank)
            .thenComparing(NapRoom::id);

    // 000 §四(二): 条件较为优越场所应优先提供给低年级学生使用
    private static final Comparator<NapChild> LOWER_GRADES_FIRST = Comparator
            .comparingInt(NapChild::grade)
            .thenComparing(NapChild::studentId);

    @Override
    public List<MealOffer> meals(PolicyContext ctx) {
        return MEALS;
    }

    @Override
    public List<NapAssignment> assignNaps(PolicyContext ctx, List<NapRoom> rooms, List<NapChild> children) {
        // 000 §四(二): 均应具备消防安全使用条件 — a room that is not fire-safe is never used
        List<NapRoom> usable = rooms.stream().filter(NapRoom::fireSafe).sorted(BEST_FIRST).toList();
        var assignments = new ArrayList<NapAssignment>();
        int room = 0;
        int taken = 0;
        for (NapChild child : children.stream().sorted(LOWER_GRADES_FIRST).toList()) {
            while (room < usable.size() && taken >= usable.get(room).capacity()) {
                room++;
                taken = 0;
            }
            if (room < usable.size()) {
                assignments.add(new NapAssignment(child.studentId(), usable.get(room).id(), null));
                taken++;
            } else {
                assignments.add(new NapAssignment(child.studentId(), null, noPlaceLeft()));
            }
        }
        return assignments;
    }

    private static Reason noPlaceLeft() {
        return NAP_ROOMS_FIRE_SAFE.reason("NO_NAP_PLACE_LEFT",
                "具备消防安全使用条件的午休场所已满", "every fire-safe nap room is full");
    }
}
