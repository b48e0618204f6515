package cn.kehou.server.portal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The portal's two languages. Chinese is the default; English is one click away and remembered. */
public enum Language {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE, "中文"),
    EN("en", Locale.ENGLISH, "English");

    /** The cookie that remembers a visitor's choice (no account needed: the front page has it too). */
    public static final String COOKIE = "kehou_lang";

    private final String tag;
    private final Locale locale;
    /** The language's own name: a switch is labelled in the language it switches to. */
    private final String nativeName;

    Language(String tag, Locale locale, String nativeName) {
        this.tag = tag;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean english() {
        return this == EN;
    }

    /** The language a switch on the page offers. */
    public Language other() {
        return this == EN ? ZH_CN : EN;
    }

    public static Optional<Language> of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag == null ? "" : tag.strip())).findFirst();
    }
}
