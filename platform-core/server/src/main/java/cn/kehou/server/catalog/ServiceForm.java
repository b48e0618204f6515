package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.ServiceKind;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The service form as the school admin filled it in (every value as typed, so a refused form comes
 * back as it was), with what is wrong: per field, and the whole save refused by a rule above it.
 */
public record ServiceForm(String term, String kind, String titleZh, Set<String> tags, String gradeFrom, String gradeTo,
                          Set<String> days, String start, String end, String validFrom, String validTo, String capacity,
                          String fee, String feeCostedOn, String venue, Map<Integer, String> content, String signupFrom,
                          String signupTo, boolean village, String provider, String providerCourse, List<Integer> grades,
                          Map<String, String> errors, PageProblem problem) {

    /** The fields in the order the form shows them (the error summary follows it). */
    static final List<String> FIELDS = List.of("term", "kind", "titleZh", "tags", "gradeFrom", "gradeTo", "days", "start",
            "end", "validFrom", "validTo", "capacity", "fee", "feeCostedOn", "venue", "signupFrom", "signupTo");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static ServiceForm blank(String term, List<Integer> grades) {
        return new ServiceForm(term == null ? "" : term, ServiceKind.BASIC_CARE.name(), "", new LinkedHashSet<>(),
                String.valueOf(grades.get(0)), String.valueOf(grades.get(grades.size() - 1)),
                new LinkedHashSet<>(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")), "", "", "", "", "",
                "0", "", "", new TreeMap<>(), "", "", false, "", "", grades, Map.of(), null);
    }

    static ServiceForm of(ServiceResource.ServiceView s, List<Integer> grades) {
        Set<String> tags = new LinkedHashSet<>();
        s.tags().forEach(t -> tags.add(t.name()));
        Set<String> days = new LinkedHashSet<>();
        s.days().forEach(d -> days.add(d.name()));
        return new ServiceForm(s.term().toString(), s.kind().name(), s.titleZh(), tags, String.valueOf(s.gradeFrom()),
                String.valueOf(s.gradeTo()), days, s.start().format(HH_MM), s.end().format(HH_MM), text(s.validFrom()),
                text(s.validTo()), String.valueOf(s.capacity()), Money.yuan(s.feeFen()), text(s.feeCostedOn()), s.venue(),
                new TreeMap<>(s.contentByGrade()), text(s.signupFrom()), text(s.signupTo()), s.admitsVillagePupils(),
                s.provider() == null ? "" : s.provider(), s.providerCourse() == null ? "" : s.providerCourse().toString(),
                grades, Map.of(), null);
    }

    static ServiceForm from(MultivaluedMap<String, String> form, List<Integer> grades) {
        Map<Integer, String> content = new TreeMap<>();
        for (int g : grades) {
            String text = one(form, "content" + g);
            if (!text.isEmpty()) {
                content.put(g, text);
            }
        }
        return new ServiceForm(one(form, "term"), one(form, "kind"), one(form, "titleZh"), many(form, "tags"),
                one(form, "gradeFrom"), one(form, "gradeTo"), many(form, "days"), one(form, "start"), one(form, "end"),
                one(form, "validFrom"), one(form, "validTo"), one(form, "capacity"), one(form, "fee"),
                one(form, "feeCostedOn"), one(form, "venue"), content, one(form, "signupFrom"), one(form, "signupTo"),
                "true".equals(one(form, "village")), one(form, "provider"), one(form, "providerCourse"), grades, Map.of(), null);
    }

    /**
     * The API's request body, or null with {@code errors} filled for what cannot be read (blank where
     * required, or not a date, time or amount); the API's own validation and rules come after.
     */
    ServiceResource.NewService toBody(Map<String, String> errors, String missing, String malformed) {
        Parser p = new Parser(errors, missing, malformed);
        UUID termId = p.required("term", term, UUID::fromString);
        ServiceKind kindValue = p.required("kind", kind, ServiceKind::valueOf);
        if (titleZh.isBlank()) {
            errors.put("titleZh", missing);
        }
        Set<ContentTag> tagSet = p.enums("tags", tags, ContentTag.class);
        Integer from = p.required("gradeFrom", gradeFrom, Integer::valueOf);
        Integer to = p.required("gradeTo", gradeTo, Integer::valueOf);
        Set<DayOfWeek> daySet = p.enums("days", days, DayOfWeek.class);
        LocalTime startTime = p.required("start", start, LocalTime::parse);
        LocalTime endTime = p.required("end", end, LocalTime::parse);
        LocalDate fromDate = p.optional("validFrom", validFrom, LocalDate::parse);
        LocalDate toDate = p.optional("validTo", validTo, LocalDate::parse);
        Integer places = p.required("capacity", capacity, Integer::valueOf);
        Long feeFen = p.required("fee", fee, Money::fenOf);
        LocalDate costed = p.optional("feeCostedOn", feeCostedOn, LocalDate::parse);
        if (venue.isBlank()) {
            errors.put("venue", missing);
        }
        LocalDate signupOpens = p.optional("signupFrom", signupFrom, LocalDate::parse);
        LocalDate signupCloses = p.optional("signupTo", signupTo, LocalDate::parse);
        // A provider course keeps its provider: the form carries them unchanged (set up through the API).
        UUID course = p.optional("providerCourse", providerCourse, UUID::fromString);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ServiceResource.NewService(termId, kindValue, titleZh, tagSet, from, to, content.isEmpty() ? null : content,
                daySet, startTime, endTime, fromDate, toDate, places, feeFen, costed, venue,
                provider.isEmpty() ? null : provider, course, signupOpens, signupCloses, village);
    }

    ServiceForm withErrors(Map<String, String> found) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(found::containsKey).forEach(f -> ordered.put(f, found.get(f)));
        found.forEach(ordered::putIfAbsent);
        return new ServiceForm(term, kind, titleZh, tags, gradeFrom, gradeTo, days, start, end, validFrom, validTo, capacity,
                fee, feeCostedOn, venue, content, signupFrom, signupTo, village, provider, providerCourse, grades, ordered, problem);
    }

    ServiceForm withProblem(PageProblem refused) {
        return new ServiceForm(term, kind, titleZh, tags, gradeFrom, gradeTo, days, start, end, validFrom, validTo, capacity,
                fee, feeCostedOn, venue, content, signupFrom, signupTo, village, provider, providerCourse, grades, errors, refused);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || problem != null;
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public List<String> errorFields() {
        return List.copyOf(errors.keySet());
    }

    public List<ServiceKind> kinds() {
        return Arrays.asList(ServiceKind.values());
    }

    public List<ContentTag> allTags() {
        return Arrays.asList(ContentTag.values());
    }

    public List<DayOfWeek> allDays() {
        return Arrays.asList(DayOfWeek.values());
    }

    public boolean kindIs(ServiceKind k) {
        return k.name().equals(kind);
    }

    public boolean tagIs(ContentTag t) {
        return tags.contains(t.name());
    }

    public boolean dayIs(DayOfWeek d) {
        return days.contains(d.name());
    }

    public boolean termIs(UUID id) {
        return id.toString().equals(term);
    }

    public boolean gradeFromIs(Integer g) {
        return String.valueOf(g).equals(gradeFrom);
    }

    public boolean gradeToIs(Integer g) {
        return String.valueOf(g).equals(gradeTo);
    }

    public String contentOf(Integer grade) {
        return content.getOrDefault(grade, "");
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }

    private static Set<String> many(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? new LinkedHashSet<>() : new LinkedHashSet<>(values);
    }

    /** Reads typed values, noting a blank required one as missing and an unreadable one as malformed. */
    private record Parser(Map<String, String> errors, String missing, String malformed) {

        <T> T required(String field, String text, Function<String, T> parse) {
            if (text.isBlank()) {
                errors.put(field, missing);
                return null;
            }
            return optional(field, text, parse);
        }

        <T> T optional(String field, String text, Function<String, T> parse) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return parse.apply(text);
            } catch (RuntimeException unreadable) {
                errors.put(field, malformed);
                return null;
            }
        }

        <E extends Enum<E>> Set<E> enums(String field, Set<String> names, Class<E> type) {
            Set<E> set = EnumSet.noneOf(type);
            for (String n : names) {
                E e = optional(field, n, v -> Enum.valueOf(type, v));
                if (e != null) {
                    set.add(e);
                }
            }
            if (names.isEmpty()) {
                errors.put(field, missing);
            }
            return set;
        }
    }
}
