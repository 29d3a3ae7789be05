package com.echamado.catalog.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogException;
import com.echamado.catalog.CatalogKind;
import com.echamado.platform.web.AgentDepartments;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Departments and their agents for the identity module's administration pages, read and changed through the facade. */
@Component
class CatalogAgentDepartments implements AgentDepartments {

    private final Catalog catalog;

    CatalogAgentDepartments(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Department> enabled(Locale locale) {
        return catalog.list(CatalogKind.DEPARTMENT, false).stream()
                .map(d -> department(d.in(locale)))
                .toList();
    }

    @Override
    public List<Department> all() {
        return catalog.list(CatalogKind.DEPARTMENT, true).stream()
                .map(CatalogAgentDepartments::department)
                .toList();
    }

    @Override
    public List<UUID> of(UUID agentId) {
        return catalog.departmentsOf(agentId);
    }

    @Override
    public void add(UUID departmentId, UUID agentId) {
        change(() -> catalog.addAgent(departmentId, agentId));
    }

    @Override
    public void remove(UUID departmentId, UUID agentId) {
        change(() -> catalog.removeAgent(departmentId, agentId));
    }

    private static Department department(CatalogEntryView entry) {
        return new Department(entry.id(), entry.name());
    }

    /** A refused change as the error page: 404 for an unknown department, 409 otherwise. */
    private static void change(Runnable change) {
        try {
            change.run();
        } catch (CatalogException e) {
            throw new ResponseStatusException(
                    e.kind() == CatalogException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, null, e);
        }
    }
}
