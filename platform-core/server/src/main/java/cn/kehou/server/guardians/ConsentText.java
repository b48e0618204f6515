package cn.kehou.server.guardians;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The PIPL consent text in force: its version, exact wording and hash (what a signature binds). */
@ApplicationScoped
public class ConsentText {

    public static final String VERSION = "pipl-consent-v1";

    public record Text(String version, String text, String sha256) {
    }

    private final Text current;

    public ConsentText() {
        try (InputStream in = ConsentText.class.getResourceAsStream("/guardians/" + VERSION + ".txt")) {
            byte[] bytes = in.readAllBytes();
            current = new Text(VERSION, new String(bytes, StandardCharsets.UTF_8),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Text current() {
        return current;
    }
}
