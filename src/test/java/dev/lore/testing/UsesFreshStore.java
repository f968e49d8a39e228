package dev.lore.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link FreshStore} for all {@code @QuarkusTest}s (a test resource applies to every test class). */
@QuarkusTestResource(FreshStore.class)
public final class UsesFreshStore {

    private UsesFreshStore() {
    }
}
