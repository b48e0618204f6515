package cn.kehou.server.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Problem texts in zh-CN (the default) and English, chosen by the request's Accept-Language. */
public final class ProblemMessages {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private ProblemMessages() {
    }

    public static boolean prefersEnglish(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en");
    }

    public static String title(String code, boolean english) {
        return text(code + ".title", english, code);
    }

    public static String detail(String code, boolean english, Object... args) {
        String pattern = text(code + ".detail", english, null);
        if (pattern == null) {
            return title(code, english);
        }
        return new MessageFormat(pattern, english ? Locale.ENGLISH : ZH).format(args);
    }

    private static String text(String key, boolean english, String fallback) {
        try {
            // No fallback to the JVM's default locale: Chinese is the base bundle, not English.
            return ResourceBundle.getBundle("problems", english ? Locale.ENGLISH : ZH,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
