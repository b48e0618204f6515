package cn.kehou.server;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Production names every missing setting before it boots (the packaged jar's refusal: LauncherTest). */
class KehouMainTest {

    @Test
    void production_refuses_to_start_without_the_address_gateways_notify() {
        Map<String, String> env = new HashMap<>();
        KehouMain.REQUIRED.forEach(v -> env.put(v, "set"));
        assertThat(KehouMain.missing(env)).isEmpty();

        env.remove("KEHOU_PAYMENTS_NOTIFY_BASE_URL");
        assertThat(KehouMain.missing(env)).containsExactly("KEHOU_PAYMENTS_NOTIFY_BASE_URL");
        env.put("KEHOU_PAYMENTS_NOTIFY_BASE_URL", "  ");
        assertThat(KehouMain.missing(env)).containsExactly("KEHOU_PAYMENTS_NOTIFY_BASE_URL");
        assertThat(KehouMain.missing(Map.of())).containsExactlyElementsOf(KehouMain.REQUIRED);
    }
}
