package cn.kehou.server.reports;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * TODO(issue 13 §3–4): the complaints and surveys feature provides its own {@link PublicFeedback}
 * bean (counts of complaints by school, survey answers and mean score); this default then steps aside.
 */
@DefaultBean
@ApplicationScoped
public class NoPublicFeedbackYet implements PublicFeedback {

    @Override
    public Map<UUID, Figures> forSchools(Collection<UUID> schoolIds, LocalDate from, LocalDate to) {
        return Map.of();
    }
}
