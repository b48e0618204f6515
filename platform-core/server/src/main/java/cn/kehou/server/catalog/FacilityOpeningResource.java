package cn.kehou.server.catalog;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Weekend and holiday opening of school facilities — library, reading rooms, playground (002) —
 * published as a schedule. An opening is not care (nobody is in the school's custody), so no
 * regional window applies; it may only fall outside school days, which are the school's own.
 */
@Path("/api/t/{tenant}/schools/{school}/facility-openings")
@Produces(MediaType.APPLICATION_JSON)
public class FacilityOpeningResource {

    @Inject
    Caller caller;
    @Inject
    CatalogSchools schools;
    @Inject
    AuditLog audit;

    public record NewOpening(@NotNull FacilityOpening.Facility facility, @NotBlank @Size(max = 100) String nameZh,
                             @NotEmpty Set<@NotNull DayOfWeek> days, @NotNull LocalTime start, @NotNull LocalTime end,
                             @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    public record OpeningView(UUID id, FacilityOpening.Facility facility, String nameZh, Set<DayOfWeek> days,
                              LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validTo) {
        static OpeningView of(FacilityOpening o) {
            return new OpeningView(o.id, o.facility, o.nameZh, Enums.set(o.days, DayOfWeek.class), o.start, o.end,
                    o.validFrom, o.validTo);
        }
    }

    @GET
    @Transactional
    public List<OpeningView> list(@PathParam("school") String schoolCode) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        return FacilityOpening.<FacilityOpening>list("schoolId = ?1 order by validFrom, facility, nameZh", school.id)
                .stream().map(OpeningView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@PathParam("school") String schoolCode, @Valid @NotNull NewOpening body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        if (!body.end().isAfter(body.start())) {
            throw new ProblemException(400, "WINDOW_ENDS_BEFORE_START");
        }
        if (body.validTo().isBefore(body.validFrom())
                || body.validFrom().plusDays(TermResource.MAX_TERM_DAYS).isBefore(body.validTo())) {
            throw new ProblemException(400, "DATE_RANGE_INVALID", TermResource.MAX_TERM_DAYS);
        }
        school = schools.own(schoolCode);
        List<SchoolTerm> terms = SchoolTerm.list("schoolId", school.id);
        for (LocalDate d = body.validFrom(); !d.isAfter(body.validTo()); d = d.plusDays(1)) {
            if (body.days().contains(d.getDayOfWeek()) && schoolDay(terms, d)) {
                throw new ProblemException(422, "FACILITY_OPENING_ON_SCHOOL_DAY", d);
            }
        }
        FacilityOpening o = new FacilityOpening();
        o.id = UUID.randomUUID();
        o.tenantId = school.tenantId;
        o.schoolId = school.id;
        o.facility = body.facility();
        o.nameZh = body.nameZh();
        o.days = Enums.names(body.days());
        o.start = body.start();
        o.end = body.end();
        o.validFrom = body.validFrom();
        o.validTo = body.validTo();
        o.createdBy = caller.username();
        o.persist();
        audit.record(o.tenantId, caller.username(), "facility-opening.create", "school:" + school.code, OpeningView.of(o));
        return Response.status(201).entity(OpeningView.of(o)).build();
    }

    /** A weekday inside one of the school's terms and outside that term's holidays. */
    static boolean schoolDay(List<SchoolTerm> terms, LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        for (SchoolTerm t : terms) {
            if (t.covers(d, d)) {
                boolean holiday = t.holidays != null && t.holidays.stream().anyMatch((Map<String, String> h) ->
                        !d.isBefore(LocalDate.parse(h.get("from"))) && !d.isAfter(LocalDate.parse(h.get("to"))));
                if (!holiday) {
                    return true;
                }
            }
        }
        return false;
    }
}
