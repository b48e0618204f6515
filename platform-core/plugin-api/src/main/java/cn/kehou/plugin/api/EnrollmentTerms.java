package cn.kehou.plugin.api;

import java.util.List;

/**
 * How enrollment works in a region: the flow, how long it binds, what families sign, and which
 * groups come first ({@code priorityGuaranteed}: a place is guaranteed, not just preferred).
 * The national priority groups live in the core; list here what the region's own text names.
 */
public record EnrollmentTerms(
        List<EnrollmentStep> steps,
        EnrollmentPeriod period,
        List<AgreementDocument> documents,
        List<PriorityGroup> priorityGroups,
        boolean priorityGuaranteed,
        List<String> citations) {

    public EnrollmentTerms {
        steps = List.copyOf(Require.noNulls(steps, "steps"));
        if (steps.isEmpty() || steps.get(0) != EnrollmentStep.APPLY) {
            throw new IllegalArgumentException("enrollment starts with the family's own application");
        }
        Require.present(period, "period");
        documents = List.copyOf(Require.noNulls(documents, "documents"));
        priorityGroups = List.copyOf(Require.noNulls(priorityGroups, "priorityGroups"));
        citations = List.copyOf(Require.noNulls(citations, "citations"));
    }
}
