package cn.kehou.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 7807 problem detail. {@code code} is stable (clients switch on it), {@code detail} is in
 * the caller's language, {@code citation} names the policy text when a regional rule refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String citation, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One failing input field and what is wrong with it, in the caller's language. */
    public record FieldProblem(String field, String message) {
    }
}
