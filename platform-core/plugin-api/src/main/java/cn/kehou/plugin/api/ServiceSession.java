package cn.kehou.plugin.api;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One service kind's whole window on the day in {@link PolicyContext#date()}, e.g. basic care
 * 16:30–18:00. The window lies within one day and ends after it starts.
 */
public record ServiceSession(ServiceKind kind, LocalTime start, LocalTime end) {

    public ServiceSession {
        Require.present(kind, "kind");
        Require.present(start, "start");
        Require.present(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a session must end after it starts: " + start + "–" + end);
        }
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }
}
