package cn.kehou.server.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roles a person can hold in a tenant (and, for some, at one school or provider). */
public enum Role {
    PLATFORM_ADMIN("platform-admin", Scope.TENANT, true),
    BUREAU_ADMIN("bureau-admin", Scope.TENANT, true),
    /** Read-only bureau staff (督导). */
    BUREAU_INSPECTOR("bureau-inspector", Scope.TENANT, true),
    SCHOOL_ADMIN("school-admin", Scope.SCHOOL, false),
    /** 班主任: first review of applications in the class. */
    CLASS_TEACHER("class-teacher", Scope.SCHOOL, false),
    /** Runs a service session: attendance, hand-over. */
    SERVICE_TEACHER("service-teacher", Scope.SCHOOL, false),
    SCHOOL_FINANCE("school-finance", Scope.SCHOOL, false),
    PROVIDER_ADMIN("provider-admin", Scope.PROVIDER, false),
    PROVIDER_STAFF("provider-staff", Scope.PROVIDER, false),
    /** A guardian (家长) of specific children. */
    PARENT("parent", Scope.TENANT, false);

    public enum Scope { TENANT, SCHOOL, PROVIDER }

    private final String wireName;
    private final Scope scope;
    private final boolean reachesDescendants;

    Role(String wireName, Scope scope, boolean reachesDescendants) {
        this.wireName = wireName;
        this.scope = scope;
        this.reachesDescendants = reachesDescendants;
    }

    public String wireName() {
        return wireName;
    }

    public Scope scope() {
        return scope;
    }

    /** A bureau role held at a province also acts in its cities and districts. */
    public boolean reachesDescendants() {
        return reachesDescendants;
    }

    public static Optional<Role> of(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
    }
}
