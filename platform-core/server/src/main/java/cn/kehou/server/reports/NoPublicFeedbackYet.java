package cn.kehou.server.reports;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The fallback when no feature supplies {@link PublicFeedback}: nothing to show. Disclosure's
 * {@code DisclosureFeedback} (complaints and surveys) is that feature, so in the platform this
 * default steps aside; it keeps the reports package buildable and testable on its own.
 */
@DefaultBean
@ApplicationScoped
public class NoPublicFeedbackYet implements PublicFeedback {

    @Override
    public Map<UUID, Figures> forSchools(Collection<UUID> schoolIds, LocalDate from, LocalDate to) {
        return Map.of();
    }
}
