package dev.lore.runbooks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.Valid;

import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.search.IndexEntry;
import dev.lore.search.MergingRecord;
import dev.lore.search.Saved;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchScope;
import dev.lore.store.Tags;

/**
 * Runbooks: procedures saved by anyone in a namespace, with how they went, found by anyone in it by what they are for.
 * The same procedure saved again counts one more run on the stored runbook.
 */
@ApplicationScoped
@ActivateRequestContext
public class RunbookService {

    static final String STORE = "runbooks";

    private final RunbookRepository runbooks;
    private final SearchEngine search;

    RunbookService(RunbookRepository runbooks, SearchEngine search) {
        this.runbooks = runbooks;
        this.search = search;
    }

    public Saved<Runbook> save(Caller caller, @Valid NewRunbook input) {
        List<String> tags = Tags.normalize(input.tags());
        return search.remember(scope(caller.namespace()), Runbook.meaning(input.task().strip(), input.steps().strip()),
                new MergingRecord<>(runbooks::findByIdOptional, write -> {
                    Runbook runbook = Runbook.saved(caller, input, tags, write.now());
                    runbooks.persist(runbook);
                    return runbook;
                }, (runbook, write) -> runbook.reinforce(input, tags, write.now()), RunbookService::entryOf));
    }

    public List<Found<Runbook>> search(Caller caller, String query, int limit) {
        return Found.of(search.search(scope(caller.namespace()), query, limit), runbooks::withIds, r -> r.id);
    }

    static IndexEntry entryOf(Runbook runbook) {
        return new IndexEntry(STORE, runbook.id, runbook.namespace, null, runbook.sessionId, runbook.meaning(),
                runbook.tags, runbook);
    }

    static SearchScope scope(String namespace) {
        return SearchScope.shared(STORE, namespace, List.of());
    }
}
