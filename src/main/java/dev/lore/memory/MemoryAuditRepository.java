package dev.lore.memory;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class MemoryAuditRepository implements PanacheRepositoryBase<MemoryAudit, Long> {

    /** Whether the memory with this id was forgotten: it never comes back. */
    boolean forgotten(String memoryId) {
        return count("memoryId = ?1 and action = ?2", memoryId, MemoryService.FORGOTTEN) > 0;
    }

    boolean has(MemoryAudit line) {
        return count("memoryId = ?1 and userId = ?2 and action = ?3 and happenedAt = ?4", line.memoryId, line.userId,
                line.action, line.happenedAt) > 0;
    }
}
