package cn.kehou.server.enrollment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A reproducible lottery over family units (siblings apply together and are placed together).
 * Units with a guaranteed-priority child are placed before any draw; the rest are drawn in the
 * order a seeded shuffle gives. Same input and seed, same result — a bureau can re-run it.
 */
public final class LotteryDraw {

    private LotteryDraw() {
    }

    /** A family's applications for one service; {@code key} orders units before the shuffle. */
    public record Unit(String key, List<String> applications, boolean guaranteed) {
    }

    /** Where a unit ended up: placed or waitlisted, its draw position and why. */
    public record Placement(Unit unit, boolean placed, int position, String group) {
    }

    public static List<Placement> draw(List<Unit> units, int seats, long seed) {
        List<Unit> priority = new ArrayList<>(units.stream().filter(Unit::guaranteed).toList());
        List<Unit> general = new ArrayList<>(units.stream().filter(u -> !u.guaranteed()).toList());
        Comparator<Unit> stable = Comparator.comparing(Unit::key);
        priority.sort(stable);
        general.sort(stable);
        Random random = new Random(seed);
        Collections.shuffle(priority, random);
        Collections.shuffle(general, random);
        List<Placement> result = new ArrayList<>();
        int free = seats;
        int position = 0;
        for (Unit u : priority) {
            boolean placed = u.applications().size() <= free;
            free -= placed ? u.applications().size() : 0;
            result.add(new Placement(u, placed, ++position, "priority"));
        }
        for (Unit u : general) {
            boolean placed = u.applications().size() <= free;
            free -= placed ? u.applications().size() : 0;
            result.add(new Placement(u, placed, ++position, "general"));
        }
        return result;
    }
}
