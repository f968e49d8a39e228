package dev.lore.memory;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class MemoryAuditRepository implements PanacheRepositoryBase<MemoryAudit, Long> {
}
