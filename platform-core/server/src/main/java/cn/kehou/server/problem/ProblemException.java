package cn.kehou.server.problem;

import java.util.List;

/**
 * A refusal the caller can read: the HTTP status, a stable code whose text lives in the
 * {@code problems} message bundles (zh-CN and en), and optional arguments and citation.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final Object[] args;
    private final String citation;
    private final List<Problem.FieldProblem> errors;
    /** Text already in both languages (e.g. a plugin's reason), used instead of the bundle. */
    private final String detailZh;
    private final String detailEn;

    public ProblemException(int status, String code, Object... args) {
        this(status, code, null, List.of(), null, null, args);
    }

    private ProblemException(int status, String code, String citation, List<Problem.FieldProblem> errors,
                             String detailZh, String detailEn, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.citation = citation;
        this.errors = errors;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
    }

    /** A refusal whose text comes with it in both languages, e.g. a regional plugin's reason. */
    public static ProblemException withText(int status, String code, String detailZh, String detailEn,
                                            String citation) {
        return new ProblemException(status, code, citation, List.of(), detailZh, detailEn);
    }

    public static ProblemException invalidFields(String code, List<Problem.FieldProblem> errors) {
        return new ProblemException(400, code, null, errors, null, null);
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "NOT_FOUND", what, key);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public String citation() {
        return citation;
    }

    public List<Problem.FieldProblem> errors() {
        return errors;
    }

    public String detail(boolean english) {
        return english ? detailEn : detailZh;
    }
}
