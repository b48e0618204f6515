package cn.kehou.server.enrollment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LotteryDrawTest {

    static List<LotteryDraw.Unit> families() {
        List<LotteryDraw.Unit> units = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            units.add(new LotteryDraw.Unit("family-" + i, List.of("app-" + i), false));
        }
        units.add(new LotteryDraw.Unit("twins", List.of("twin-a", "twin-b"), false));
        units.add(new LotteryDraw.Unit("left-behind", List.of("lb"), true));
        return units;
    }

    static List<String> order(List<LotteryDraw.Placement> placements) {
        return placements.stream().map(p -> p.unit().key()).toList();
    }

    @Test
    void the_same_seed_gives_the_same_result_and_another_seed_another_order() {
        assertThat(LotteryDraw.draw(families(), 5, 42)).isEqualTo(LotteryDraw.draw(families(), 5, 42));
        assertThat(order(LotteryDraw.draw(families(), 5, 42))).isNotEqualTo(order(LotteryDraw.draw(families(), 5, 43)));
    }

    @Test
    void a_guaranteed_priority_child_is_placed_even_with_the_worst_draw() {
        for (long seed = 0; seed < 500; seed++) {
            LotteryDraw.Placement lb = LotteryDraw.draw(families(), 1, seed).stream()
                    .filter(p -> p.unit().key().equals("left-behind")).findFirst().orElseThrow();
            assertThat(lb.placed()).as("seed " + seed).isTrue();
            assertThat(lb.group()).isEqualTo("priority");
        }
    }

    @Test
    void siblings_are_placed_together_or_waitlisted_together() {
        for (long seed = 0; seed < 200; seed++) {
            List<LotteryDraw.Placement> result = LotteryDraw.draw(families(), 6, seed);
            LotteryDraw.Placement twins = result.stream().filter(p -> p.unit().key().equals("twins")).findFirst().orElseThrow();
            int placedChildren = result.stream().filter(LotteryDraw.Placement::placed).mapToInt(p -> p.unit().applications().size()).sum();
            assertThat(placedChildren).isLessThanOrEqualTo(6);
            assertThat(twins.unit().applications()).hasSize(2);
        }
        // With exactly one seat left when the twins are drawn, they are passed over as a unit, and the next single family gets it.
        List<LotteryDraw.Unit> tight = List.of(new LotteryDraw.Unit("twins", List.of("a", "b"), true),
                new LotteryDraw.Unit("single", List.of("c"), false));
        List<LotteryDraw.Placement> r = LotteryDraw.draw(tight, 1, 7);
        assertThat(r.get(0).placed()).isFalse();
        assertThat(r.get(1).placed()).isTrue();
    }
}
