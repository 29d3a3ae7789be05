package com.echamado.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments, categories and subcategories, ticket types and statuses. Exactly one status is initial (new tickets
 * start there) and one is resolving (resolution lands there); final statuses close a ticket. Entries in use are
 * disabled, never deleted.
 *
 * <p>Past ~250 lines on purpose: the five kinds share one table and one set of rules (names unique per kind, the
 * status flags, the in-use checks through {@code CatalogUsage}, the cache), and a facade per kind would repeat them.
 */
@Service
@Transactional
public class Catalog {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final CatalogEntryRepository entries;
    private final CatalogCache cache;
    private final DepartmentAgents agents;
    private final List<CatalogUsage> usages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Catalog(
            CatalogEntryRepository entries,
            CatalogCache cache,
            DepartmentAgents agents,
            List<CatalogUsage> usages,
            Clock clock,
            ApplicationEventPublisher events) {
        this.entries = entries;
        this.cache = cache;
        this.agents = agents;
        this.usages = usages;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<CatalogEntryView> list(CatalogKind kind, boolean includeDisabled) {
        return cache.entries(kind).stream()
                .filter(entry -> includeDisabled || entry.enabled())
                .toList();
    }

    @Transactional(readOnly = true)
    public CatalogEntryView get(CatalogKind kind, UUID id) {
        return find(kind, id).toView();
    }

    /** Any entry by id, whatever its kind (to show names on old tickets); empty when unknown. */
    @Transactional(readOnly = true)
    public Optional<CatalogEntryView> find(UUID id) {
        return java.util.Arrays.stream(CatalogKind.values())
                .flatMap(kind -> cache.entries(kind).stream())
                .filter(entry -> entry.id().equals(id))
                .findFirst();
    }

    /** An enabled entry of the kind, for a new or changed ticket; {@code field} names the input in the error. */
    @Transactional(readOnly = true)
    public CatalogEntryView requireActive(CatalogKind kind, UUID id, String field) {
        return cache.entries(kind).stream()
                .filter(entry -> entry.id().equals(id) && entry.enabled())
                .findFirst()
                .orElseThrow(() -> CatalogException.invalid(field, "Unknown or disabled " + kind.path() + " entry"));
    }

    @Transactional(readOnly = true)
    public CatalogEntryView initialStatus() {
        return status(CatalogEntryView::initial)
                .orElseThrow(() -> CatalogException.conflict("no-initial-status", null, "No initial status"));
    }

    @Transactional(readOnly = true)
    public CatalogEntryView resolvingStatus() {
        return status(CatalogEntryView::resolving)
                .orElseThrow(() -> CatalogException.conflict("no-resolving-status", null, "No resolving status"));
    }

    /** The first enabled final status in display order. */
    @Transactional(readOnly = true)
    public CatalogEntryView closingStatus() {
        return status(entry -> entry.isFinal() && entry.enabled())
                .orElseThrow(() -> CatalogException.conflict("no-final-status", null, "No enabled final status"));
    }

    private Optional<CatalogEntryView> status(java.util.function.Predicate<CatalogEntryView> which) {
        return cache.entries(CatalogKind.STATUS).stream().filter(which).findFirst();
    }

    public CatalogEntryView create(CatalogKind kind, CatalogEntryRequest request) {
        cache.evictEntriesAfterCommit();
        validate(kind, request);
        CatalogEntry entry = new CatalogEntry(kind, request.parentId(), clock.instant());
        entry.apply(request);
        checkName(entry, UUID.randomUUID());
        refuseTakenFlag("initial", request.initial(), CatalogEntryView::initial);
        refuseTakenFlag("resolving", request.resolving(), CatalogEntryView::resolving);
        CatalogEntryView view = entries.saveAndFlush(entry).toView();
        events.publishEvent(new CatalogEntryCreated(
                UUID.randomUUID(), clock.instant(), view.id(), view.kind(), view.parentId(), view.name()));
        return view;
    }

    public CatalogEntryView update(CatalogKind kind, UUID id, CatalogEntryRequest request) {
        cache.evictEntriesAfterCommit();
        CatalogEntry entry = find(kind, id);
        validate(kind, request);
        if (request.awaitsCustomer() && id.equals(request.replyStatusId())) {
            throw CatalogException.invalid("replyStatusId", "A reply moves the ticket to another status");
        }
        if (kind == CatalogKind.SUBCATEGORY && !request.parentId().equals(entry.parentId())) {
            throw CatalogException.invalid("parentId", "A subcategory cannot move to another category");
        }
        boolean wasInitial = entry.initial();
        boolean wasResolving = entry.resolving();
        claimFlags(entry.id(), request);
        entry.apply(request);
        if (wasInitial && !entry.initial()) {
            throw CatalogException.conflict(
                    "initial-required", "initial", "Make another status initial instead of unsetting this one");
        }
        if (wasResolving && !entry.resolving()) {
            throw CatalogException.conflict(
                    "resolving-required", "resolving", "Make another status resolving instead of unsetting this one");
        }
        checkName(entry, entry.id());
        return changed(entries.saveAndFlush(entry).toView());
    }

    public CatalogEntryView disable(CatalogKind kind, UUID id) {
        cache.evictEntriesAfterCommit();
        CatalogEntry entry = find(kind, id);
        if (entry.initial() || entry.resolving()) {
            throw CatalogException.conflict(
                    "status-required", null, "The initial and the resolving status cannot be disabled");
        }
        entry.disable();
        if (entry.isFinal()
                && entries.findByKindAndIsFinalTrueAndEnabledTrueOrderByDisplayOrder(kind)
                        .isEmpty()) {
            throw CatalogException.conflict("final-required", null, "At least one final status must stay enabled");
        }
        CatalogEntryView view = entries.saveAndFlush(entry).toView();
        events.publishEvent(
                new CatalogEntryDisabled(UUID.randomUUID(), clock.instant(), view.id(), view.kind(), view.name()));
        return view;
    }

    public CatalogEntryView enable(CatalogKind kind, UUID id) {
        cache.evictEntriesAfterCommit();
        CatalogEntry entry = find(kind, id);
        entry.enable();
        checkName(entry, entry.id());
        return changed(entries.saveAndFlush(entry).toView());
    }

    private CatalogEntryView changed(CatalogEntryView view) {
        events.publishEvent(new CatalogEntryChanged(
                UUID.randomUUID(),
                clock.instant(),
                view.id(),
                view.kind(),
                view.parentId(),
                view.name(),
                view.enabled()));
        return view;
    }

    /** Deletes an unused entry; an entry that tickets use answers a conflict with their number. */
    public void delete(CatalogKind kind, UUID id) {
        cache.evictEntriesAfterCommit();
        CatalogEntry entry = find(kind, id);
        long used = usages.stream().mapToLong(usage -> usage.countUsing(id)).sum();
        if (used > 0) {
            throw CatalogException.inUse(used);
        }
        if (entries.countByParentId(id) > 0) {
            throw CatalogException.conflict("has-subcategories", null, "Delete or move its subcategories first");
        }
        if (entry.initial() || entry.resolving()) {
            throw CatalogException.conflict(
                    "status-required", null, "The initial and the resolving status cannot be deleted");
        }
        if (kind == CatalogKind.DEPARTMENT && agents.countFor(id) > 0) {
            throw CatalogException.conflict("has-agents", null, "Remove the department's agents first");
        }
        entries.delete(entry);
        entries.flush();
        if (entry.isFinal()
                && entries.findByKindAndIsFinalTrueAndEnabledTrueOrderByDisplayOrder(kind)
                        .isEmpty()) {
            throw CatalogException.conflict("final-required", null, "At least one final status must stay enabled");
        }
        events.publishEvent(new CatalogEntryDeleted(UUID.randomUUID(), clock.instant(), id, kind));
    }

    @Transactional(readOnly = true)
    public List<UUID> departmentsOf(UUID agentId) {
        return cache.departmentsOf(agentId);
    }

    @Transactional(readOnly = true)
    public List<UUID> agentsOf(UUID departmentId) {
        find(CatalogKind.DEPARTMENT, departmentId);
        return agents.agentsOf(departmentId);
    }

    /** The agents of any of these departments, each once, in one statement (unknown departments have none). */
    @Transactional(readOnly = true)
    public List<UUID> agentsOfAny(Collection<UUID> departmentIds) {
        return agents.agentsOfAny(Set.copyOf(departmentIds));
    }

    @Transactional(readOnly = true)
    public boolean worksIn(UUID agentId, UUID departmentId) {
        return agents.isMember(agentId, departmentId);
    }

    public void addAgent(UUID departmentId, UUID agentId) {
        cache.evictDepartmentsAfterCommit();
        find(CatalogKind.DEPARTMENT, departmentId);
        agents.add(departmentId, agentId);
    }

    public void removeAgent(UUID departmentId, UUID agentId) {
        cache.evictDepartmentsAfterCommit();
        find(CatalogKind.DEPARTMENT, departmentId);
        agents.remove(departmentId, agentId);
    }

    private void validate(CatalogKind kind, CatalogEntryRequest request) {
        if (kind == CatalogKind.SUBCATEGORY) {
            if (request.parentId() == null) {
                throw CatalogException.invalid("parentId", "A subcategory needs its category");
            }
            entries.findById(request.parentId())
                    .filter(parent -> parent.kind() == CatalogKind.CATEGORY)
                    .orElseThrow(() -> CatalogException.invalid("parentId", "Unknown category"));
        } else if (request.parentId() != null) {
            throw CatalogException.invalid("parentId", "Only subcategories have a parent");
        }
        if (kind == CatalogKind.STATUS) {
            if (request.color() != null && !COLOR.matcher(request.color()).matches()) {
                throw CatalogException.invalid("color", "Use a colour like #1d4ed8");
            }
            if (request.isFinal() && (request.initial() || request.resolving())) {
                throw CatalogException.invalid("isFinal", "A final status cannot also be initial or resolving");
            }
            if (request.onHold() && (request.isFinal() || request.resolving() || request.awaitsCustomer())) {
                throw CatalogException.invalid(
                        "onHold", "A resolving, final or waiting status cannot also hold the ticket");
            }
            validateReplyTarget(request);
        } else if (request.initial()
                || request.resolving()
                || request.isFinal()
                || request.awaitsCustomer()
                || request.onHold()) {
            throw CatalogException.invalid("initial", "Only statuses have flags");
        }
    }

    /** A status that waits for the customer names an open status that a reply moves the ticket to. */
    private void validateReplyTarget(CatalogEntryRequest request) {
        if (!request.awaitsCustomer()) {
            return;
        }
        if (request.isFinal() || request.resolving()) {
            throw CatalogException.invalid(
                    "awaitsCustomer", "A resolving or final status does not wait for the customer");
        }
        if (request.replyStatusId() == null) {
            throw CatalogException.invalid("replyStatusId", "Choose the status a reply of the requester moves to");
        }
        entries.findById(request.replyStatusId())
                .filter(target -> target.kind() == CatalogKind.STATUS
                        && target.enabled()
                        && !target.isFinal()
                        && !target.resolving()
                        && !target.toView().awaitsCustomer())
                .orElseThrow(() -> CatalogException.invalid(
                        "replyStatusId",
                        "The reply status must be an enabled status that is neither resolving, final nor waiting"));
    }

    private void checkName(CatalogEntry entry, UUID exclude) {
        if (entry.enabled()
                && entries.activeNameExists(entry.kind(), entry.parentId(), entry.nameNormalized(), exclude)) {
            throw CatalogException.nameTaken();
        }
    }

    /**
     * A new status does not take a flag that only one status may hold: the admin moves it deliberately, by editing
     * the status that should hold it (the answer names the current holder).
     */
    private void refuseTakenFlag(String flag, boolean requested, java.util.function.Predicate<CatalogEntryView> holds) {
        if (requested) {
            status(holds).ifPresent(holder -> {
                throw CatalogException.conflict(
                        flag + "-taken",
                        flag,
                        "'%s' is already the %s status; create this one without the flag and edit it to move the flag"
                                .formatted(holder.name(), flag),
                        holder.name());
            });
        }
    }

    /** Editing a status to hold a flag that only one status may hold takes it from the status that had it. */
    private void claimFlags(UUID id, CatalogEntryRequest request) {
        if (request.initial()) {
            entries.releaseInitial(id);
        }
        if (request.resolving()) {
            entries.releaseResolving(id);
        }
    }

    private CatalogEntry find(CatalogKind kind, UUID id) {
        return entries.findById(id)
                .filter(entry -> entry.kind() == kind)
                .orElseThrow(() -> CatalogException.notFound(id));
    }
}
