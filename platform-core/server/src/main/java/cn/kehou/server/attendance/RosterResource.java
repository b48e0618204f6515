package cn.kehou.server.attendance;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A school's daily rosters and what the adults on duty record in them. A service teacher sees and
 * changes only the sessions they are on duty for; school admins and class teachers see all of their
 * school's. Every change is audited (AttendanceAudit).
 */
@Path("/api/t/{tenant}/schools/{school}")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    @Inject
    Caller caller;
    @Inject
    Rosters rosters;
    @Inject
    Attendance attendance;
    @Inject
    Incidents incidents;
    @Inject
    Clock clock;

    public record CheckIn(List<UUID> children, boolean all) {
    }

    public record Absence(@NotNull UUID child, @NotBlank @Size(max = 200) String reason) {
    }

    public record HandOver(@NotNull @Size(min = 1, max = 200) List<UUID> children, @NotBlank @Size(max = 100) String to) {
    }

    public record Departure(@NotNull UUID child, UUID pickupPerson, @Size(max = 50) String name, @Size(max = 20) String phone) {
    }

    public record Record(@NotBlank @Size(max = 1000) String content, @NotBlank @Size(max = 200) String form,
                         @NotNull LocalTime startedAt, @NotNull LocalTime endedAt) {
    }

    public record Duty(@NotNull @Size(max = 20) List<@NotBlank String> teachers) {
    }

    public record NewIncident(@NotNull Incidents.Kind kind, UUID service, UUID child, @NotNull OffsetDateTime occurredAt,
                              @NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 2000) String actions) {
    }

    public record NewNote(@NotBlank @Size(max = 2000) String note) {
    }

    /** The sessions held at the school on {@code date} (today by default) that the caller may see. */
    @GET
    @Path("/rosters")
    @Transactional
    public List<Rosters.SessionView> sessions(@PathParam("school") String schoolCode, @QueryParam("date") LocalDate date) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("attendance.roster", school.id);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        boolean all = rosters.seesEverySession("attendance.roster", school);
        return rosters.sessionsOn(school, day).stream()
                .filter(s -> all || rosters.teachers(s.id).contains(caller.username()))
                .map(s -> rosters.view(s, day)).toList();
    }

    @GET
    @Path("/services/{service}/rosters/{date}")
    @Transactional
    public Rosters.RosterView roster(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                     @PathParam("date") LocalDate date) {
        School school = School.require(schoolCode);
        OfferedService s = access("attendance.roster", school, serviceId);
        return rosters.roster(s, date);
    }

    @POST
    @Path("/services/{service}/rosters/{date}/check-ins")
    public Rosters.RosterView checkIn(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                      @PathParam("date") LocalDate date, @Valid @NotNull CheckIn body) {
        School school = School.require(schoolCode);
        OfferedService s = access("attendance.mark", school, serviceId);
        return attendance.checkIn(s, date, body.children() == null ? List.of() : body.children(), body.all(), caller.username());
    }

    @POST
    @Path("/services/{service}/rosters/{date}/absences")
    public Rosters.RosterView absent(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                     @PathParam("date") LocalDate date, @Valid @NotNull Absence body) {
        School school = School.require(schoolCode);
        OfferedService s = access("attendance.mark", school, serviceId);
        return attendance.absent(s, date, body.child(), body.reason().strip(), caller.username());
    }

    @POST
    @Path("/services/{service}/rosters/{date}/handovers")
    public Rosters.RosterView handOver(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                       @PathParam("date") LocalDate date, @Valid @NotNull HandOver body) {
        School school = School.require(schoolCode);
        OfferedService s = access("attendance.mark", school, serviceId);
        return attendance.handOver(school, s, date, body.children(), body.to().strip(), caller.username());
    }

    @POST
    @Path("/services/{service}/rosters/{date}/departures")
    public Rosters.RosterView depart(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                     @PathParam("date") LocalDate date, @Valid @NotNull Departure body) {
        School school = School.require(schoolCode);
        OfferedService s = access("attendance.mark", school, serviceId);
        return attendance.depart(s, date, body.child(), body.pickupPerson(), body.name(), body.phone(), caller.username());
    }

    /** 004 §四: the session's record (head-count from the roster, content, time, form). */
    @PUT
    @Path("/services/{service}/rosters/{date}/record")
    public Map<String, Object> record(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                      @PathParam("date") LocalDate date, @Valid @NotNull Record body) {
        School school = School.require(schoolCode);
        OfferedService s = access("attendance.mark", school, serviceId);
        return attendance.record(s, date, body.content().strip(), body.form().strip(), body.startedAt(), body.endedAt(),
                caller.username());
    }

    @PUT
    @Path("/services/{service}/roster-duty")
    public Map<String, Object> duty(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                    @Valid @NotNull Duty body) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("attendance.duty", school.id);
        OfferedService s = rosters.service(school, serviceId);
        return Map.of("service", s.id, "teachers", attendance.assignDuty(school, s, body.teachers(), caller.username()));
    }

    /** The end-of-day list: children still marked present, and children expected but never checked in. */
    @GET
    @Path("/attendance-exceptions")
    @Transactional
    public List<Attendance.Unresolved> exceptions(@PathParam("school") String schoolCode, @QueryParam("date") LocalDate date) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("attendance.exceptions", school.id);
        return attendance.exceptions(school, date == null ? LocalDate.now(clock) : date);
    }

    @GET
    @Path("/incidents")
    @Transactional
    public List<Incidents.IncidentView> incidents(@PathParam("school") String schoolCode) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("incident.report", school.id);
        return incidents.ofSchool(school);
    }

    @POST
    @Path("/incidents")
    public jakarta.ws.rs.core.Response report(@PathParam("school") String schoolCode, @Valid @NotNull NewIncident body) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("incident.report", school.id);
        Incidents.IncidentView v = incidents.report(school, body.kind(), body.service(), body.child(), body.occurredAt(),
                body.description().strip(), body.actions().strip(), caller.username());
        return jakarta.ws.rs.core.Response.status(201).entity(v).build();
    }

    @POST
    @Path("/incidents/{id}/notes")
    public Incidents.IncidentView annotate(@PathParam("school") String schoolCode, @PathParam("id") UUID id,
                                           @Valid @NotNull NewNote body) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("incident.report", school.id);
        return incidents.annotate(school, id, body.note().strip(), caller.username());
    }

    private OfferedService access(String permission, School school, UUID serviceId) {
        caller.requireAtSchool(permission, school.id);
        OfferedService s = rosters.service(school, serviceId);
        rosters.requireAccess(permission, school, s);
        return s;
    }
}
