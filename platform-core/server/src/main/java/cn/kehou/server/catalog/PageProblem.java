package cn.kehou.server.catalog;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;

/**
 * A refusal shown inline on a catalog page, in the page's language: the problem's title, its
 * detail (a regional plugin's own message when the plugin refused) and the rule's citation.
 */
public record PageProblem(String code, String title, String detail, String citation) {

    static PageProblem of(ProblemException p, boolean english) {
        String detail = p.detail(english) != null ? p.detail(english) : ProblemMessages.detail(p.code(), english, p.args());
        return new PageProblem(p.code(), ProblemMessages.title(p.code(), english), detail, p.citation());
    }

    /** A plugin's refusal carries its own text and a citation; its code has no title of ours. */
    public boolean byRule() {
        return citation != null;
    }
}
