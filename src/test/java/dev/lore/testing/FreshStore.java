package dev.lore.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points every {@code @QuarkusTest} of a run at one fresh store of the build's flavor. */
public class FreshStore implements QuarkusTestResourceLifecycleManager {

    private TestStores.Store store;

    @Override
    public Map<String, String> start() {
        store = TestStores.fresh();
        return store.config();
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
    }
}
