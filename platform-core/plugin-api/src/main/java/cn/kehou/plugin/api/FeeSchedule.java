package cn.kehou.plugin.api;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/** What a family may be charged per term, what must be published first, and who bears reductions. */
public interface FeeSchedule extends ExtensionPoint {

    /** Prices one student's term of one service at {@code ctx.school()} (never null here). */
    FeeDecision price(PolicyContext ctx, FeeRequest request);

    /** What must be public before the first charge; the school may be null. */
    List<PublicationRequirement> publicationRequirements(PolicyContext ctx);

    /** How long a costed fee stays valid before it must be costed again (004: a year); empty if unlimited. */
    Optional<Period> recostingInterval(PolicyContext ctx);
}
