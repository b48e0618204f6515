package cn.kehou.server.problem;

import cn.kehou.server.observability.OperationsMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place the API turns failures into {@code application/problem+json}: refusals, bad
 * input (malformed JSON, unknown enum values, failed validation, wrong media type) and, without a
 * stack trace, anything unexpected.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    OperationsMetrics metrics;

    @ServerExceptionMapper
    public Response refusal(ProblemException e, HttpHeaders headers, UriInfo uri) {
        boolean en = ProblemMessages.prefersEnglish(headers);
        String detail = e.detail(en) != null ? e.detail(en) : ProblemMessages.detail(e.code(), en, e.args());
        return respond(new Problem(type(e.code()), ProblemMessages.title(e.code(), en), e.status(), detail,
                uri.getPath(), e.code(), e.citation(), e.errors().isEmpty() ? null : e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        boolean en = ProblemMessages.prefersEnglish(headers);
        List<Problem.FieldProblem> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldProblem(fieldName(v), v.getMessage()))
                .toList();
        return respond(problem(400, "VALIDATION_FAILED", en, uri, errors));
    }

    /** Quarkus ships its own mappers for these two; ours (more specific) keep the problem format. */
    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        boolean en = ProblemMessages.prefersEnglish(headers);
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return respond(problem(400, "UNKNOWN_VALUE", en, uri,
                    List.of(new Problem.FieldProblem(path(f), ProblemMessages.detail("UNKNOWN_VALUE", en, allowed)))));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(problem(400, "UNKNOWN_FIELD", en, uri,
                    List.of(new Problem.FieldProblem(path(u), ProblemMessages.title("UNKNOWN_FIELD", en)))));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return respond(problem(400, "INVALID_FIELD", en, uri,
                    List.of(new Problem.FieldProblem(path(m), ProblemMessages.title("INVALID_FIELD", en)))));
        }
        return respond(problem(400, "MALFORMED_JSON", en, uri, null));
    }

    @ServerExceptionMapper({io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return respond(problem(401, "UNAUTHENTICATED", ProblemMessages.prefersEnglish(headers), uri, null));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(problem(403, "FORBIDDEN", ProblemMessages.prefersEnglish(headers), uri, null));
    }

    /** Shed load answers at once with 503 and a hint when to retry, instead of queueing into timeouts. */
    @ServerExceptionMapper
    public Response overloaded(org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException e, HttpHeaders headers,
                               UriInfo uri) {
        metrics.shed();
        return Response.fromResponse(respond(problem(503, "OVERLOADED", ProblemMessages.prefersEnglish(headers), uri, null)))
                .header("Retry-After", "2").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        boolean en = ProblemMessages.prefersEnglish(headers);
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> e.getCause() instanceof JsonProcessingException ? "MALFORMED_JSON" : "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND_PATH";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, headers, uri);
        }
        return respond(problem(status, code, en, uri, null));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (e instanceof WebApplicationException w) {
            return web(w, headers, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", incident, uri.getPath());
        boolean en = ProblemMessages.prefersEnglish(headers);
        return respond(new Problem(type("INTERNAL_ERROR"), ProblemMessages.title("INTERNAL_ERROR", en), 500,
                ProblemMessages.detail("INTERNAL_ERROR", en, incident), uri.getPath(), "INTERNAL_ERROR", null, null));
    }

    static Problem problem(int status, String code, boolean en, UriInfo uri, List<Problem.FieldProblem> errors) {
        return new Problem(type(code), ProblemMessages.title(code, en), status, ProblemMessages.detail(code, en),
                uri == null ? null : uri.getPath(), code, null, errors);
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String type(String code) {
        return "https://kehou.cn/problems/" + code.toLowerCase().replace('_', '-');
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // "create.arg0.nameZh" → "nameZh": the caller knows its JSON, not our method names.
        String p = v.getPropertyPath().toString();
        String[] parts = p.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
