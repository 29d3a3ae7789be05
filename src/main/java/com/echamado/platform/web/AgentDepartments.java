package com.echamado.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The departments agents work in, as the user and client administration pages (identity) need them, answered by
 * the catalog, which owns departments and their agents. A port so that neither module's pages depend on the other.
 * Unknown departments and refused changes end as an error page (404, 409).
 */
public interface AgentDepartments {

    /** The enabled departments, named in the given language. */
    List<Department> enabled(Locale locale);

    /** Every department, disabled ones too, under its recorded name. */
    List<Department> all();

    /** The departments the agent works in. */
    List<UUID> of(UUID agentId);

    void add(UUID departmentId, UUID agentId);

    void remove(UUID departmentId, UUID agentId);

    record Department(UUID id, String name) {}
}
