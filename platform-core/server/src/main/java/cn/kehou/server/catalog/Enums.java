package cn.kehou.server.catalog;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Enum sets stored as sorted text arrays (PostgreSQL {@code text[]}), and back. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> Set<E> set(String[] names, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (names != null) {
            for (String name : names) {
                set.add(Enum.valueOf(type, name));
            }
        }
        return set;
    }

    static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().sorted().toArray(String[]::new);
    }
}
