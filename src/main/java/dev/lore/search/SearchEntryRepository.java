package dev.lore.search;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SearchEntryRepository implements PanacheRepositoryBase<SearchEntry, Long> {

    Optional<SearchEntry> findItem(String store, String itemId) {
        return find("store = ?1 and itemId = ?2", store, itemId).firstResultOptional();
    }
}
