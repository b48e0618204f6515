package cn.kehou.server.reports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Complaints (监督举报) and satisfaction (满意度) per school over a period, for the bureau dashboard.
 * The complaints and surveys feature supplies the bean ({@code disclosure.DisclosureFeedback});
 * without it {@link NoPublicFeedbackYet} answers with nothing.
 */
public interface PublicFeedback {

    /** One school's figures: complaints received, surveys answered, and the mean score (0–100; null with no answers). */
    record Figures(long complaints, long surveyAnswers, Double satisfactionPercent) {
        public static final Figures NONE = new Figures(0, 0, null);
    }

    /** Figures for those of {@code schoolIds} that have any; a school missing from the map has none. */
    Map<UUID, Figures> forSchools(Collection<UUID> schoolIds, LocalDate from, LocalDate to);
}
