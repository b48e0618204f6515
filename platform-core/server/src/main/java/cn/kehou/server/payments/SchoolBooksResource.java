package cn.kehou.server.payments;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A school's books for its finance office (and those who may read its payments): {@link SchoolBooks}. */
@Path("/api/t/{tenant}/schools/{school}/books")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolBooksResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    SchoolBooks books;

    @GET
    @Transactional
    public SchoolBooks.Books books(@PathParam("school") String schoolCode) {
        School school = School.<School>find("code = ?1 and tenantId = ?2", schoolCode, tenant.requireTenantId())
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("school", schoolCode));
        caller.requireAtSchool("payments.read", school.id);
        return books.of(school);
    }
}
