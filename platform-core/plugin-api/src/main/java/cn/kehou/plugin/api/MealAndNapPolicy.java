package cn.kehou.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/** Meals at school and who pays; who naps in which room. */
public interface MealAndNapPolicy extends ExtensionPoint {

    /** The meals a school may serve; the school may be null. */
    List<MealOffer> meals(PolicyContext ctx);

    /**
     * One assignment per child, deterministic: the same rooms and children give the same result
     * whatever their order in the lists. Never more children in a room than its capacity.
     */
    List<NapAssignment> assignNaps(PolicyContext ctx, List<NapRoom> rooms, List<NapChild> children);
}
