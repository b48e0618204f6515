package cn.kehou.plugin.api;

import java.util.Collection;

/** Argument checks shared by the API's records: an invalid value is a programming error. */
final class Require {

    private Require() {
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    static int grade(int grade, String name) {
        if (grade < 1 || grade > 9) {
            throw new IllegalArgumentException(name + " must be a grade 1–9: " + grade);
        }
        return grade;
    }

    static <C extends Collection<?>> C noNulls(C values, String name) {
        present(values, name);
        for (Object value : values) {
            present(value, name + " element");
        }
        return values;
    }
}
