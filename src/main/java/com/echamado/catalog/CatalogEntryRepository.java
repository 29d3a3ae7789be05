package com.echamado.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface CatalogEntryRepository extends JpaRepository<CatalogEntry, UUID> {

    @Query("select e from CatalogEntry e where e.kind = :kind order by e.displayOrder, e.nameNormalized")
    List<CatalogEntry> findByKind(CatalogKind kind);

    /**
     * Reads what is committed, without flushing the entry being changed first: flushed, its new name would meet the
     * unique index before this check could answer that the name is taken.
     */
    @QueryHints(@jakarta.persistence.QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("""
            select count(e) > 0 from CatalogEntry e
            where e.kind = :kind and e.enabled = true and e.nameNormalized = :name and e.id <> :exclude
              and ((:parentId is null and e.parentId is null) or e.parentId = :parentId)
            """)
    boolean activeNameExists(CatalogKind kind, UUID parentId, String name, UUID exclude);

    Optional<CatalogEntry> findFirstByKindAndInitialTrue(CatalogKind kind);

    Optional<CatalogEntry> findFirstByKindAndResolvingTrue(CatalogKind kind);

    List<CatalogEntry> findByKindAndIsFinalTrueAndEnabledTrueOrderByDisplayOrder(CatalogKind kind);

    long countByParentId(UUID parentId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update CatalogEntry e set e.initial = false, e.version = e.version + 1"
            + " where e.kind = com.echamado.catalog.CatalogKind.STATUS and e.initial = true and e.id <> :keep")
    int releaseInitial(UUID keep);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update CatalogEntry e set e.resolving = false, e.version = e.version + 1"
            + " where e.kind = com.echamado.catalog.CatalogKind.STATUS and e.resolving = true and e.id <> :keep")
    int releaseResolving(UUID keep);
}
