package cn.kehou.server.catalog;

import cn.kehou.plugin.api.MealAndNapPolicy;
import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.NapChild;
import cn.kehou.plugin.api.NapRoom;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Noon care (午托) as operations: the meals a school serves (000 §四(一): breakfast and lunch from the
 * canteen or central delivery, with the canteen's food-safety licence; who pays is the plugin's
 * answer), the rooms children nap in, and who naps where — assigned by the region's plugin
 * (000 §四(二): better places to lower grades first), reproducibly, and checked before it is kept.
 */
@Path("/api/t/{tenant}/schools/{school}")
@Produces(MediaType.APPLICATION_JSON)
public class NoonCareResource {

    /** Lists of naps read by grade, then child. */
    private static final Comparator<NapView> NAP_ORDER = Comparator
            .comparingInt(NapView::grade).thenComparing(v -> v.child().toString());

    @Inject
    Caller caller;
    @Inject
    CatalogSchools schools;
    @Inject
    RegionRules rules;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record NewMealPlan(@NotNull UUID term, @NotNull MealOffer.Meal meal, @NotNull MealOffer.Source source,
                              @NotBlank @Size(max = 200) String canteenName, @NotBlank @Size(max = 100) String foodLicenceNo,
                              @NotNull LocalDate foodLicenceValidTo, @PositiveOrZero long priceFen) {
    }

    public record MealPlanView(UUID id, UUID term, MealOffer.Meal meal, MealOffer.Source source, String canteenName,
                               String foodLicenceNo, LocalDate foodLicenceValidTo, long priceFen,
                               Payer payer, String citation) {
        static MealPlanView of(MealPlan m) {
            return new MealPlanView(m.id, m.termId, m.meal, m.source, m.canteenName, m.foodLicenceNo,
                    m.foodLicenceValidTo, m.priceFen, m.payer, m.citation);
        }
    }

    public record NewNapRoom(@NotBlank @Size(max = 100) String name, @NotNull NapRoom.Kind kind,
                             @PositiveOrZero int capacity, @Min(1) int rank, @NotNull Boolean fireSafe) {
    }

    public record NapRoomView(UUID id, String name, NapRoom.Kind kind, int capacity, int rank, boolean fireSafe) {
        static NapRoomView of(NapPlace r) {
            return new NapRoomView(r.id, r.name, r.kind, r.capacity, r.rank, r.fireSafe);
        }
    }

    /** The children taking part in the noon-care service (its enrolled children, once enrollment exists). */
    public record NapRequest(@NotNull Set<@NotNull UUID> children) {
    }

    /** A child (by id and grade only: no names here) and the room, or why none. */
    public record NapView(UUID child, int grade, UUID room, String roomName, String reasonCode, String reason,
                          String citation) {
    }

    @GET
    @Path("/meal-plans")
    @Transactional
    public List<MealPlanView> meals(@PathParam("school") String schoolCode) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        return MealPlan.<MealPlan>list("schoolId = ?1 order by termId, meal", school.id).stream().map(MealPlanView::of).toList();
    }

    @POST
    @Path("/meal-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response addMeal(@PathParam("school") String schoolCode, @Valid @NotNull NewMealPlan body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        school = schools.own(schoolCode);
        SchoolTerm term = TermResource.term(school, body.term());
        School inTerm = CatalogSchools.asInTerm(school, term);
        if (!rules.implementsPoint(inTerm, term.startsOn, MealAndNapPolicy.class)) {
            throw new ProblemException(422, "MEALS_NOT_IN_REGION");
        }
        List<MealOffer> offers = rules.ask(inTerm, term.startsOn, MealAndNapPolicy.class, p -> ctx -> p.meals(ctx));
        MealOffer offer = offers.stream().filter(o -> o != null && o.meal() == body.meal()).findFirst()
                .orElseThrow(() -> new ProblemException(422, "MEAL_NOT_OFFERED", body.meal()));
        if (!offer.sources().contains(body.source())) {
            throw ProblemException.withText(422, "MEAL_SOURCE_NOT_ALLOWED",
                    "本地区" + body.meal() + "只可由以下方式提供：" + offer.sources(),
                    "in this region " + body.meal() + " comes only from " + offer.sources(), offer.citation());
        }
        // Food safety (002 cites the Henan canteen rules; every region vets canteens): the licence covers the term.
        if (body.foodLicenceValidTo().isBefore(term.endsOn)) {
            throw new ProblemException(422, "FOOD_LICENCE_EXPIRES", body.foodLicenceValidTo(), term.endsOn);
        }
        if (MealPlan.count("termId = ?1 and meal = ?2", term.id, body.meal()) > 0) {
            throw new ProblemException(409, "MEAL_PLAN_EXISTS", body.meal(), term.name);
        }
        MealPlan m = new MealPlan();
        m.id = UUID.randomUUID();
        m.tenantId = school.tenantId;
        m.schoolId = school.id;
        m.termId = term.id;
        m.meal = body.meal();
        m.source = body.source();
        m.canteenName = body.canteenName();
        m.foodLicenceNo = body.foodLicenceNo();
        m.foodLicenceValidTo = body.foodLicenceValidTo();
        m.priceFen = body.priceFen();
        m.payer = offer.payer();
        m.citation = offer.citation();
        m.createdBy = caller.username();
        m.persist();
        audit.record(m.tenantId, caller.username(), "meal-plan.create", "school:" + school.code, MealPlanView.of(m));
        return Response.status(201).entity(MealPlanView.of(m)).build();
    }

    @GET
    @Path("/nap-rooms")
    @Transactional
    public List<NapRoomView> napRooms(@PathParam("school") String schoolCode) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        return NapPlace.<NapPlace>list("schoolId = ?1 order by rank, name", school.id).stream().map(NapRoomView::of).toList();
    }

    @POST
    @Path("/nap-rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response addNapRoom(@PathParam("school") String schoolCode, @Valid @NotNull NewNapRoom body) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.manage", school.id);
        school = schools.own(schoolCode);
        if (NapPlace.count("schoolId = ?1 and name = ?2", school.id, body.name()) > 0) {
            throw new ProblemException(409, "NAP_ROOM_NAME_TAKEN", body.name());
        }
        NapPlace r = new NapPlace();
        r.id = UUID.randomUUID();
        r.tenantId = school.tenantId;
        r.schoolId = school.id;
        r.name = body.name();
        r.kind = body.kind();
        r.capacity = body.capacity();
        r.rank = body.rank();
        r.fireSafe = body.fireSafe();
        r.createdBy = caller.username();
        r.persist();
        audit.record(r.tenantId, caller.username(), "nap-room.create", "school:" + school.code, NapRoomView.of(r));
        return Response.status(201).entity(NapRoomView.of(r)).build();
    }

    @GET
    @Path("/services/{service}/nap-assignments")
    @Transactional
    public List<NapView> naps(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        OfferedService s = ServiceResource.service(school, serviceId);
        Map<UUID, NapPlace> rooms = rooms(school);
        return NapPlacement.<NapPlacement>list("serviceId", s.id).stream()
                .map(p -> view(p, Child.<Child>findById(p.childId), rooms))
                .sorted(NAP_ORDER).toList();
    }

    /** Assigns every given child a nap room by the region's rule; the same input gives the same rooms. */
    @POST
    @Path("/services/{service}/nap-assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public List<NapView> assignNaps(@PathParam("school") String schoolCode, @PathParam("service") UUID serviceId,
                                    @Valid @NotNull NapRequest body) {
        caller.requireAtSchool("catalog.manage", schools.visible(schoolCode).id);
        School school = schools.own(schoolCode);
        OfferedService s = ServiceResource.service(school, serviceId);
        if (s.kind != ServiceKind.NOON_CARE) {
            throw new ProblemException(422, "NOT_NOON_CARE", s.kind);
        }
        Map<UUID, Child> children = new HashMap<>();
        for (UUID id : body.children()) {
            Child c = Child.<Child>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("child", id.toString()));
            boolean here = c.schoolId.equals(school.id) || (s.admitsVillagePupils
                    && School.<School>findByIdOptional(c.schoolId).map(v -> school.id.equals(v.centralSchoolId)).orElse(false));
            if (!here) {
                throw ProblemException.notFound("child", id.toString());
            }
            if (c.grade < s.gradeFrom || c.grade > s.gradeTo) {
                throw new ProblemException(422, "CHILD_GRADE_NOT_SERVED", c.grade, s.gradeFrom, s.gradeTo);
            }
            children.put(c.id, c);
        }
        Map<UUID, NapPlace> rooms = rooms(school);
        // Sorted, so that the same rooms and children reach the plugin the same way every time.
        List<NapRoom> pluginRooms = rooms.values().stream().map(NapPlace::asPluginRoom)
                .sorted(Comparator.comparing(NapRoom::id)).toList();
        List<NapChild> pluginChildren = children.values().stream().map(c -> new NapChild(c.id.toString(), c.grade))
                .sorted(Comparator.comparing(NapChild::studentId)).toList();
        LocalDate day = ServiceCompliance.later(LocalDate.now(clock), s.validFrom);
        School inTerm = CatalogSchools.asInTerm(school, SchoolTerm.findById(s.termId));
        if (!rules.implementsPoint(inTerm, day, MealAndNapPolicy.class)) {
            throw new ProblemException(422, "NAPS_NOT_IN_REGION");
        }
        List<NapAssignment> answer = rules.ask(inTerm, day, MealAndNapPolicy.class,
                p -> ctx -> p.assignNaps(ctx, pluginRooms, pluginChildren));
        checked(answer, rooms, children.keySet());
        NapPlacement.delete("serviceId", s.id);
        List<NapView> views = new ArrayList<>();
        for (NapAssignment a : answer) {
            NapPlacement p = new NapPlacement();
            p.id = UUID.randomUUID();
            p.tenantId = s.tenantId;
            p.serviceId = s.id;
            p.childId = UUID.fromString(a.studentId());
            p.roomId = a.roomId() == null ? null : UUID.fromString(a.roomId());
            Reason reason = a.reason();
            p.reasonCode = reason == null ? null : reason.code();
            p.reasonZh = reason == null ? null : reason.messageZh();
            p.citation = reason == null ? null : reason.citation();
            p.assignedBy = caller.username();
            p.persist();
            views.add(view(p, children.get(p.childId), rooms));
        }
        views.sort(NAP_ORDER);
        audit.record(s.tenantId, caller.username(), "naps.assign", "service:" + s.id,
                Map.of("children", views.size(), "placed", views.stream().filter(v -> v.room() != null).count()));
        return views;
    }

    /**
     * The host distrusts the plugin: exactly one answer per child asked about, only the school's
     * rooms, never more children in a room than it holds, and a reason for every child left out.
     */
    private static void checked(List<NapAssignment> answer, Map<UUID, NapPlace> rooms, Set<UUID> children) {
        Set<UUID> seen = new HashSet<>();
        Map<UUID, Integer> taken = new HashMap<>();
        for (NapAssignment a : answer) {
            UUID child = parse(a == null ? null : a.studentId());
            if (child == null || !children.contains(child) || !seen.add(child)) {
                throw bad("an assignment for a child it was not asked about, or twice for one child");
            }
            if (a.roomId() != null) {
                UUID room = parse(a.roomId());
                NapPlace place = room == null ? null : rooms.get(room);
                if (place == null) {
                    throw bad("a room the school does not have");
                }
                if (taken.merge(room, 1, Integer::sum) > place.capacity) {
                    throw bad("more children in " + place.name + " than its capacity " + place.capacity);
                }
            } else if (a.reason() == null || a.reason().citation() == null || a.reason().citation().isBlank()) {
                throw bad("a child without a room and without a cited reason");
            }
        }
        if (!seen.equals(children)) {
            throw bad("no assignment for some children");
        }
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException bad(String what) {
        return new ProblemException(500, "PLUGIN_FAILED", "?", "assignNaps returned " + what);
    }

    private static Map<UUID, NapPlace> rooms(School school) {
        Map<UUID, NapPlace> rooms = new HashMap<>();
        NapPlace.<NapPlace>list("schoolId", school.id).forEach(r -> rooms.put(r.id, r));
        return rooms;
    }

    private static NapView view(NapPlacement p, Child child, Map<UUID, NapPlace> rooms) {
        NapPlace room = p.roomId == null ? null : rooms.get(p.roomId);
        return new NapView(p.childId, child == null ? 0 : child.grade, p.roomId, room == null ? null : room.name,
                p.reasonCode, p.reasonZh, p.citation);
    }
}
