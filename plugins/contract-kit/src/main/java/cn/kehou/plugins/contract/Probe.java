package cn.kehou.plugins.contract;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** One call into a plugin with a fixed input, and the checks its answer must pass. */
record Probe(String point, String label, Callable<Object> call, Function<Object, List<String>> check) {

    Object run() {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(label + " threw " + e, e);
        }
    }

    /** What is wrong with an answer of this probe (empty when it is valid). */
    List<String> problems(Object answer) {
        if (answer == null) {
            return List.of(label + " returned null");
        }
        return check.apply(answer).stream().map(problem -> label + ": " + problem).toList();
    }
}
