package cn.kehou.server.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the pages' scripts are served: htmx from its webjar (the version is the pom's, read once). */
final class Assets {

    static final String HTMX = "/webjars/htmx.org/" + webjarVersion("org.webjars.npm", "htmx.org") + "/dist/htmx.min.js";

    private Assets() {
    }

    private static String webjarVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: is the " + artifact + " webjar a dependency?");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
