package dev.lore.mcp;

import jakarta.inject.Singleton;

import dev.lore.store.LearningStore;
import dev.lore.store.LearningStores;
import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager;

/**
 * Lists a store's tools only while agents may save or propose through them ({@code lore.stores.<store>.mode}). A
 * store's tools are the MCP methods declared in its package (package by store); tools of no store (capture's, review's)
 * are always listed.
 */
@Singleton
public class StoreTools implements ToolFilter {

    private final LearningStores stores;

    StoreTools(LearningStores stores) {
        this.stores = stores;
    }

    @Override
    public boolean test(ToolManager.ToolInfo tool, FilterContext context) {
        return tool.method().map(method -> method.getDeclaringClass().getPackageName())
                .flatMap(tools -> stores.inRecallOrder().stream().filter(store -> packageOf(store).equals(tools))
                        .findFirst())
                .map(stores::hasTools).orElse(true);
    }

    /** The package the store's bean was written in (its CDI proxy, when there is one, is generated beside it). */
    private static String packageOf(LearningStore<?> store) {
        return store.getClass().getPackageName();
    }
}
