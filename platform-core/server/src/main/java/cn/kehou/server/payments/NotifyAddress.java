package cn.kehou.server.payments;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Production (%prod) does not start without the address gateways post their notifications to
 * ({@code kehou.payments.notify-base-url}): a default of localhost would leave every payment
 * unconfirmed. KehouMain names the variable first; this guards any other way of starting the
 * packaged server.
 */
@ApplicationScoped
class NotifyAddress {

    @ConfigProperty(name = "kehou.payments.notify-base-url")
    Optional<String> notifyBaseUrl;

    void require(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        String base = notifyBaseUrl.map(String::strip).orElse("");
        if (!base.matches("https?://[^\\s/]+.*")) {
            throw new IllegalStateException("kehou.payments.notify-base-url (KEHOU_PAYMENTS_NOTIFY_BASE_URL) must be set to this"
                    + " server's public http(s) address in production; it is '" + base + "'");
        }
    }
}
