package cn.kehou.server.enrollment;

import io.quarkus.qute.TemplateExtension;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments of an application (an offer's deadline, a signature, a trail event) in China time: {@code {at.chinaTime}}. */
public final class EnrollmentFormat {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EnrollmentFormat() {
    }

    /** 2026-11-23 17:30 (Beijing time, the same in both languages). */
    @TemplateExtension
    public static String chinaTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(CHINA).format(MINUTE);
    }

    /** An application's status as the enum its texts are keyed by: {@code {enr:status(app.state)}}. */
    @TemplateExtension
    public static Application.Status state(EnrollmentResource.ApplicationView app) {
        return Application.Status.valueOf(app.status());
    }

    /** The step an application waits at: {@code {enr:step(app.stepNow)}}. */
    @TemplateExtension
    public static cn.kehou.plugin.api.EnrollmentStep stepNow(EnrollmentResource.ApplicationView app) {
        return cn.kehou.plugin.api.EnrollmentStep.valueOf(app.step());
    }

    /** The status an event of the trail moved the application to. */
    @TemplateExtension
    public static Application.Status toState(EnrollmentResource.Event event) {
        return Application.Status.valueOf(event.to());
    }
}
