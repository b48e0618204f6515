package cn.kehou.plugin.api;

import java.util.List;

/** A meal the school may serve, its sources in order of preference, and who pays for it. */
public record MealOffer(Meal meal, List<Source> sources, Payer payer, String citation) {

    public enum Meal {
        BREAKFAST, LUNCH, DINNER
    }

    public enum Source {
        /** 学校自办食堂. */
        SCHOOL_CANTEEN,
        /** 集中配送餐. */
        CENTRAL_DELIVERY
    }

    public MealOffer {
        Require.present(meal, "meal");
        sources = List.copyOf(Require.noNulls(sources, "sources"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a meal needs at least one source");
        }
        Require.present(payer, "payer");
        Require.text(citation, "citation");
    }
}
