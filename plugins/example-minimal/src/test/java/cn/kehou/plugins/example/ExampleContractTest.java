package cn.kehou.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugins.contract.RegionPluginContract;
import cn.kehou.plugins.contract.Samples;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pf4j.ExtensionPoint;

class ExampleContractTest extends RegionPluginContract {

    @Override
    protected List<ExtensionPoint> extensions() {
        return List.of(new ExampleRegion(), new ExampleServiceWindow());
    }

    @Test
    void service_ending_1700_is_refused_and_1730_accepted() {
        var ctx = new PolicyContext("demo", Samples.urbanPrimary(), LocalDate.of(2026, 3, 2), config());
        var window = new ExampleServiceWindow();

        assertThat(window.check(ctx, new ServiceSession(ServiceKind.BASIC_CARE, LocalTime.of(15, 40), LocalTime.of(17, 0)))
                .refused()).isTrue();
        assertThat(window.check(ctx, new ServiceSession(ServiceKind.BASIC_CARE, LocalTime.of(15, 40), LocalTime.of(17, 30)))
                .allowed()).isTrue();
    }
}
