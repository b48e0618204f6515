package cn.kehou.server.portal;

import cn.kehou.server.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/**
 * What every portal request shares: its language, and problems shown as pages.
 *
 * <p>The language is the visitor's remembered choice ({@link Language#COOKIE}), else Chinese. It
 * becomes the request's {@code Accept-Language} before anything else runs, so the problem texts
 * ({@code problems*.properties}) and validation messages come in the same language as the page.
 *
 * <p>A refusal anywhere under {@code /t/} — admission, permission, validation, an unknown page —
 * arrives here as the API's {@link Problem}; the browser gets it as a readable page in the
 * tenant's frame, with the same status and stable code.
 */
public class PortalFilters {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    @Inject
    PortalLanguage language;
    @Inject
    PortalSession session;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(Shell shell, Problem problem, boolean signInAgain);
    }

    @ServerRequestFilter(preMatching = true)
    public void language(ContainerRequestContext request) {
        if (PortalPath.parse(request.getUriInfo().getPath()).isEmpty()) {
            return;
        }
        Cookie cookie = request.getCookies().get(Language.COOKIE);
        Language chosen = Optional.ofNullable(cookie).flatMap(c -> Language.of(c.getValue())).orElse(Language.ZH_CN);
        language.set(chosen);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, chosen.tag());
    }

    @ServerResponseFilter
    public void pages(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<PortalPath> path = PortalPath.parse(request.getUriInfo().getPath());
        if (path.isEmpty()) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.get().tag());
        if (!path.get().isPublic()) {
            // Pages behind login show personal data: never kept by a shared cache or the back button.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (response.getEntity() instanceof Problem problem) {
            Shell shell = session.current().orElseGet(() -> Shell.plain(language.get(), null, language.msg().appName()));
            String html = Templates.problem(shell, problem, problem.status() == 401)
                    .setLocale(language.get().locale()).render();
            response.setEntity(html, null, HTML);
        }
    }
}
