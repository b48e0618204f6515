package cn.kehou.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.List;

/**
 * The packaged server's entry point. In production it refuses to boot without its settings, naming
 * every missing variable at once — rather than a vague failure from whichever extension reads its
 * configuration first.
 */
@QuarkusMain
public class KehouMain {

    /** What production reads from the environment (README, "Configuration for production"). */
    static final List<String> REQUIRED = List.of("KEHOU_DB_URL", "KEHOU_DB_APP_USER", "KEHOU_DB_APP_PASSWORD",
            "KEHOU_DB_OWNER_USER", "KEHOU_DB_OWNER_PASSWORD", "KEHOU_OIDC_URL", "KEHOU_OIDC_SECRET", "KEHOU_KEYCLOAK_URL",
            // kehou.payments.notify-base-url: where gateways post their notifications. Without it they
            // would be told to call localhost, and no payment would ever be confirmed.
            "KEHOU_PAYMENTS_NOTIFY_BASE_URL");

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if ("prod".equals(profile)) {
            List<String> missing = missing(System.getenv());
            if (!missing.isEmpty()) {
                System.err.println("Kehou cannot start: these environment variables are not set: " + String.join(", ", missing)
                        + "\nSee README.md, \"Configuration for production\".");
                System.exit(2);
            }
        }
        Quarkus.run(args);
    }

    /** The required variables that {@code env} lacks or leaves blank, in {@link #REQUIRED}'s order. */
    static List<String> missing(java.util.Map<String, String> env) {
        return REQUIRED.stream().filter(v -> env.get(v) == null || env.get(v).isBlank()).toList();
    }
}
