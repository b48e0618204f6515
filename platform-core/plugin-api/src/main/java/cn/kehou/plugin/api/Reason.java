package cn.kehou.plugin.api;

import java.util.regex.Pattern;

/**
 * Why a rule answered as it did. {@code code} is stable UPPER_SNAKE that clients switch on
 * (e.g. {@code WINDOW_ENDS_TOO_EARLY}); the messages are shown to users; {@code citation} names
 * the seed section the rule comes from (e.g. {@code "004 §三(三)"}) and must match the citation
 * of one of your {@link RegionDescriptor#rules()}.
 */
public record Reason(String code, String messageZh, String messageEn, String citation) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Reason {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("reason code must be UPPER_SNAKE: " + code);
        }
        Require.text(messageZh, "messageZh");
        Require.text(messageEn, "messageEn");
        Require.text(citation, "citation");
    }
}
