package dev.lore.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the call being served should know about how its search or save went when it did not go the usual way (the
 * embedding model failed, so it searched by keywords only): a tool's answer carries them to the caller.
 */
@RequestScoped
public class SearchWarnings {

    private final List<String> warnings = new ArrayList<>();

    void add(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** The warnings of this call, in the order they came. */
    public List<String> all() {
        return List.copyOf(warnings);
    }
}
