package cn.kehou.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark in small: its own stack, 60 parents, a hot course of 30 seats and 20 courses. The
 * numbers are only printed; what must hold at any size is asserted — no course overbooked, no
 * accepted application lost, and a report written.
 */
class EnrollmentBenchTest {

    @Test
    void a_small_rush_overbooks_nothing_loses_nothing_and_reports() throws Exception {
        Path root = Path.of(System.getProperty("kehou.root", "../..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("bench.output", "target"));
        // 60 parents, 20 courses, hot course 30 seats, 30 per course, 16 in flight, 2 s baselines, 3× for 2 s, own stack.
        Settings small = new Settings(root, output, 60, 20, 30, 30, 16, 2, 3, 2, false, null, null, 0);

        Report report = EnrollmentBench.run(small);
        System.out.println(report.text());

        assertThat(report.overbooked()).as("overbooked courses").isZero();
        assertThat(report.lost()).as("lost applications").isZero();
        assertThat(report.checks().accepted()).as("accepted applications").isGreaterThanOrEqualTo(3 * 60);
        assertThat(report.checks().hotSeatsTaken()).as("hot course filled exactly").isEqualTo(30);
        assertThat(report.checks().hotWaitlisted()).as("the rest wait").isEqualTo(30);
        assertThat(report.checks().counterDisagrees()).as("seat counters agree with the applications").isZero();
        assertThat(Files.readString(report.file())).contains("Baseline").contains("(a) hot course").contains("(b) spread")
                .contains("Overload").contains("overbooked courses        0");
    }
}
