package dev.lore.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Reads whole tables (an export reads every row of a store; stats count them). Rows are read a page at a time, each
 * page starting after the last row of the one before in the order of the entity's keys, so rows saved or removed
 * meanwhile neither repeat nor hide others, and the rows of a page leave the persistence context once they are handed
 * out. No transaction is held: on the embedded store a transaction takes the write lock, which would stop every
 * writer for as long as the read lasts.
 */
@ApplicationScoped
public class Rows {

    public static final int PAGE = 500;

    /** The order of records that are saved at a time and have an id: oldest first. */
    public static final List<String> BY_TIME = List.of("createdAt", "id");

    private final EntityManager entityManager;

    Rows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Hands every row of the entity that the condition takes to {@code out}, in the order of {@code keys} (fields that
     * tell any two rows apart), a page at a time.
     *
     * @param condition an HQL condition on the entity's fields, whose parameters are {@code parameters}
     * @param keyOf the values of {@code keys} in a row
     */
    public <T> void each(Class<T> type, String condition, Map<String, Object> parameters, List<String> keys,
            Function<T, List<?>> keyOf, Consumer<T> out) {
        String order = " order by " + String.join(", ", keys);
        String from = "from " + type.getSimpleName() + " where (" + condition + ")";
        List<T> page = page(type, from + order, parameters);
        while (!page.isEmpty()) {
            page.forEach(out);
            List<?> last = keyOf.apply(page.get(page.size() - 1));
            entityManager.clear();
            if (page.size() < PAGE) {
                return;
            }
            Map<String, Object> after = new LinkedHashMap<>(parameters);
            for (int i = 0; i < keys.size(); i++) {
                after.put("after" + i, last.get(i));
            }
            page = page(type, from + " and (" + afterCondition(keys) + ")" + order, after);
        }
    }

    /** How many rows of the entity the condition takes, by the value of one of its text fields, in its order. */
    public Map<String, Long> countBy(Class<?> type, String field, String condition, Map<String, Object> parameters) {
        TypedQuery<Object[]> counting = entityManager.createQuery("select " + field + ", count(*) from "
                + type.getSimpleName() + " where (" + condition + ") group by " + field + " order by " + field,
                Object[].class);
        parameters.forEach(counting::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : counting.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private <T> List<T> page(Class<T> type, String query, Map<String, Object> parameters) {
        TypedQuery<T> page = entityManager.createQuery(query, type).setMaxResults(PAGE);
        parameters.forEach(page::setParameter);
        return page.getResultList();
    }

    /** Rows after the one whose keys are {@code :after0, :after1...}: {@code k0 > :after0 or (k0 = :after0 and ..)}. */
    private static String afterCondition(List<String> keys) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder alternative = new StringBuilder();
            for (int j = 0; j < i; j++) {
                alternative.append(keys.get(j)).append(" = :after").append(j).append(" and ");
            }
            alternatives.add("(" + alternative + keys.get(i) + " > :after" + i + ")");
        }
        return String.join(" or ", alternatives);
    }
}
