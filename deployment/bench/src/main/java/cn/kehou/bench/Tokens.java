package cn.kehou.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each parent's own access token from the real Keycloak, fetched again before it could expire mid-phase. */
final class Tokens {

    private final KeycloakRealm realm;
    private final List<String> usernames;
    private final String password;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Duration fresh;
    private long fetchedAt;

    /** @param fresh a phase starts only with tokens younger than this (well inside the realm's token lifespan) */
    Tokens(KeycloakRealm realm, List<String> usernames, String password, Duration fresh) {
        this.realm = realm;
        this.usernames = usernames;
        this.password = password;
        this.fresh = fresh;
    }

    String of(String username) {
        return tokens.get(username);
    }

    /** Fetches every token if none are there or they are getting old; returns the seconds it took. */
    double ensureFresh() throws Exception {
        if (!tokens.isEmpty() && System.nanoTime() - fetchedAt < fresh.toNanos()) {
            return 0;
        }
        long start = System.nanoTime();
        EnrollmentBench.inParallel(4, usernames, u -> tokens.put(u, fetch(u)));
        fetchedAt = start;
        return (System.nanoTime() - start) / 1e9;
    }

    private String fetch(String username) throws IOException {
        return realm.userToken(username, password);
    }
}
