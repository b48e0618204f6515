package cn.kehou.server.catalog;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider registry and the demo catalog load at start and, loaded again, write nothing. */
@QuarkusTest
class CatalogLoadingTest {

    @Inject
    ProviderRegistryLoader registry;
    @Inject
    DemoCatalogLoader demo;

    @Test
    void loading_the_provider_registry_and_the_demo_catalog_a_second_time_writes_nothing() {
        assertThat(registry.loadBundled()).isZero();
        assertThat(demo.loadDemo()).isZero();
    }
}
