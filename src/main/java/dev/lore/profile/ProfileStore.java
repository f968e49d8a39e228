package dev.lore.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;
import dev.lore.store.RecallSlot;
import dev.lore.store.StoreRecords;

/** User Profile as a learning store: who the caller's user is, first in every recall. */
@ApplicationScoped
public class ProfileStore implements LearningStore<ProfileFact> {

    private final ProfileService profiles;
    private final ProfileRecords records;

    ProfileStore(ProfileService profiles, ProfileRecords records) {
        this.profiles = profiles;
        this.records = records;
    }

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(100, 0.4);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        return new RecallPart("## The user", profiles.get(request.caller().userId()).toText().lines().toList());
    }

    @Override
    public Class<ProfileFact> knowledgeType() {
        return ProfileFact.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            Stable facts about the user: field is one of name, preferred_name, role, company, location, \
            timezone, languages, or preferences.<name> for how they like things done (preferences.verbosity: \
            concise), or another short snake_case name; value is the fact as the user gave it.""");
    }

    /**
     * Applies the facts as one update (a later fact about a field wins over an earlier one; a preference is named
     * {@code preferences.<name>}); every field they name is {@code UPDATED} when it changed, {@code UNCHANGED} when
     * the profile already said that.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<Learned> learn(Caller caller, List<ProfileFact> knowledge) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ProfileFact fact : knowledge) {
            int dot = fact.field().indexOf('.');
            if (dot < 0) {
                fields.put(fact.field(), fact.value());
            } else {
                String group = fact.field().substring(0, dot);
                Map<String, Object> named = fields.get(group) instanceof Map<?, ?> known
                        ? (Map<String, Object>) known : new LinkedHashMap<>();
                named.put(fact.field().substring(dot + 1), fact.value());
                fields.put(group, named);
            }
        }
        Set<String> changed = profiles.update(caller, fields).stream().map(change -> change.field)
                .collect(Collectors.toSet());
        return ProfileFields.read(fields).keySet().stream()
                .map(field -> new Learned(name(), field,
                        changed.contains(field) ? Learned.Outcome.UPDATED : Learned.Outcome.UNCHANGED))
                .toList();
    }

    @Override
    public StoreRecords<ProfileLine> records() {
        return records;
    }
}
