package cn.kehou.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each parent's own access token from the real Keycloak, fetched again before it could expire mid-phase. */
final class Tokens {

    /** The realm's tokens live 300 s; a phase starts only with tokens younger than this. */
    private static final Duration FRESH = Duration.ofSeconds(120);

    private final KeycloakRealm realm;
    private final List<String> usernames;
    private final String password;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private long fetchedAt;

    Tokens(KeycloakRealm realm, List<String> usernames, String password) {
        this.realm = realm;
        this.usernames = usernames;
        this.password = password;
    }

    String of(String username) {
        return tokens.get(username);
    }

    /** Fetches every token if none are there or they are getting old; returns the seconds it took. */
    double ensureFresh() throws Exception {
        if (!tokens.isEmpty() && System.nanoTime() - fetchedAt < FRESH.toNanos()) {
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
