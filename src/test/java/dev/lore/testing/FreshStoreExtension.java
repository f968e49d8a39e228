package dev.lore.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh store for one test class: {@code @RegisterExtension static FreshStoreExtension store = ...}. */
public final class FreshStoreExtension implements BeforeAllCallback, AfterAllCallback {

    private TestStores.Store store;

    public TestStores.Store get() {
        return store;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        store = TestStores.fresh();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        store.close();
    }
}
