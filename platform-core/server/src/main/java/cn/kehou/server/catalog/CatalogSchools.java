package cn.kehou.server.catalog;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Finds the school a catalog request names. Row-level security already hides other tenants'
 * schools; a write must moreover name the school's own tenant in its path, since the catalog row
 * is saved there (a bureau above reads it, but changes it only by acting in that tenant).
 */
@RequestScoped
class CatalogSchools {

    @Inject
    TenantContext tenantContext;

    /** A school the caller may read: its own tenant's or, for a bureau, a descendant's. */
    School visible(String code) {
        return School.<School>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("school", code));
    }

    /** A school of the request's own tenant, for writes. */
    School own(String code) {
        School school = visible(code);
        if (!school.tenantId.equals(tenantContext.requireTenantId())) {
            throw ProblemException.notFound("school", code);
        }
        return school;
    }

    /**
     * The school as the plugin should see it during {@code term}: the term's own normal dismissal
     * (a school may end later in one term). A detached copy, never persisted.
     */
    static School asInTerm(School school, SchoolTerm term) {
        if (term == null || term.normalDismissal == null || term.normalDismissal.equals(school.normalDismissal)) {
            return school;
        }
        School copy = new School();
        copy.id = school.id;
        copy.tenantId = school.tenantId;
        copy.code = school.code;
        copy.nameZh = school.nameZh;
        copy.nameEn = school.nameEn;
        copy.level = school.level;
        copy.urban = school.urban;
        copy.ruralTown = school.ruralTown;
        copy.boarding = school.boarding;
        copy.villageSchool = school.villageSchool;
        copy.teachingPoint = school.teachingPoint;
        copy.centralSchoolId = school.centralSchoolId;
        copy.publicSchool = school.publicSchool;
        copy.normalDismissal = term.normalDismissal;
        copy.periodMinutes = term.periodMinutes;
        return copy;
    }

    /** The first and last grade a school teaches (grades 1–9 across compulsory education; 初中 = 7–9). */
    static int firstGrade(School school) {
        return school.level == School.SchoolLevel.JUNIOR ? 7 : 1;
    }

    static int lastGrade(School school) {
        return school.level == School.SchoolLevel.PRIMARY ? 6 : 9;
    }

    static Tenant tenantOf(School school) {
        return Tenant.<Tenant>findByIdOptional(school.tenantId).orElseThrow();
    }
}
