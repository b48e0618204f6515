package cn.kehou.server.portal;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;

/** The language of this portal request: the visitor's remembered choice, else Chinese. */
@RequestScoped
public class PortalLanguage {

    private Language language = Language.ZH_CN;

    void set(Language language) {
        this.language = language;
    }

    public Language get() {
        return language;
    }

    /** The portal's texts in this request's language, for the few composed in Java. */
    public Msg msg() {
        return language == Language.ZH_CN ? MessageBundles.get(Msg.class)
                : MessageBundles.get(Msg.class, Localized.Literal.of(language.tag()));
    }
}
