package com.echamado.catalog;

import com.echamado.platform.AfterCommit;
import java.util.List;
import java.util.UUID;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * Cached reads of the catalog, which every ticket request consults: all entries of a kind, and an agent's
 * departments. Writes evict after their transaction commits (never before, or a concurrent read could cache the old
 * state again); in {@code prod} the cache lives in Redis, so the eviction reaches every replica.
 */
@Component
class CatalogCache {

    static final String ENTRIES = "catalog-entries";
    static final String AGENT_DEPARTMENTS = "agent-departments";

    private final CatalogEntryRepository entries;
    private final DepartmentAgents agents;
    private final CacheManager caches;

    CatalogCache(CatalogEntryRepository entries, DepartmentAgents agents, CacheManager caches) {
        this.entries = entries;
        this.agents = agents;
        this.caches = caches;
    }

    @Cacheable(ENTRIES)
    public List<CatalogEntryView> entries(CatalogKind kind) {
        return entries.findByKind(kind).stream().map(CatalogEntry::toView).toList();
    }

    @Cacheable(AGENT_DEPARTMENTS)
    public List<UUID> departmentsOf(UUID agentId) {
        return List.copyOf(agents.departmentsOf(agentId));
    }

    void evictEntriesAfterCommit() {
        AfterCommit.run(() -> clear(ENTRIES));
    }

    void evictDepartmentsAfterCommit() {
        AfterCommit.run(() -> clear(AGENT_DEPARTMENTS));
    }

    private void clear(String name) {
        Cache cache = caches.getCache(name);
        if (cache != null) {
            try {
                cache.invalidate(); // clear() may be deferred: a read right after the write could still see the old
                // entry
            } catch (RuntimeException unreachable) {
                // entries expire by themselves (time-to-live); the database stays the truth
            }
        }
    }
}
