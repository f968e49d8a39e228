package dev.lore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.lore.entities.KnownEntity;
import dev.lore.testing.Namespaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Reading a whole table page by page: every row once, in the keys' order, ties on the time broken by the id. */
@QuarkusTest
class RowsTest {

    @Inject
    Rows rows;

    @Inject
    EntityManager entityManager;

    @Test
    void everyRowComesOnceInOrderAcrossPagesAndTiesOnTheTime() {
        String namespace = Namespaces.fresh();
        Instant tie = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int count = Rows.PAGE * 2 + 37;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                KnownEntity entity = new KnownEntity();
                entity.id = UUID.randomUUID().toString();
                entity.namespace = namespace;
                entity.name = "entity " + i;
                // most rows share one moment, so pages end and begin inside a run of equal times
                entity.createdAt = i % 5 == 0 ? tie.minusSeconds(i) : tie;
                entity.updatedAt = entity.createdAt;
                entityManager.persist(entity);
            }
        });

        List<KnownEntity> read = new ArrayList<>();
        rows.each(KnownEntity.class, "namespace = :namespace", Map.of("namespace", namespace), Rows.BY_TIME,
                entity -> List.of(entity.createdAt, entity.id), entity -> {
                    if (read.size() == count) {
                        throw new AssertionError("more rows than there are: some were read twice");
                    }
                    read.add(entity);
                });

        assertThat(read).hasSize(count);
        assertThat(read).extracting(entity -> entity.id).doesNotHaveDuplicates();
        assertThat(read).isSortedAccordingTo(Comparator.<KnownEntity, Instant>comparing(entity -> entity.createdAt)
                .thenComparing(entity -> entity.id));
        assertThat(rows.countBy(KnownEntity.class, "namespace", "namespace = :namespace",
                Map.of("namespace", namespace))).containsExactly(Map.entry(namespace, (long) count));
    }
}
