package com.echamado.catalog.web;

import com.echamado.catalog.Catalog;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Which agents work in a department: agents and admins read, ADMIN manages. Only SUPPORT users can be added. */
@RestController
@RequestMapping("/api/v1/departments/{departmentId}/agents")
class DepartmentAgentsApi {

    private final Catalog catalog;
    private final UserManagement users;

    DepartmentAgentsApi(Catalog catalog, UserManagement users) {
        this.catalog = catalog;
        this.users = users;
    }

    @GetMapping
    List<UserView> list(@PathVariable UUID departmentId) {
        return catalog.agentsOf(departmentId).stream().map(users::get).toList();
    }

    @PutMapping("/{userId}")
    ResponseEntity<Void> add(@PathVariable UUID departmentId, @PathVariable UUID userId) {
        UserView user = users.get(userId);
        if (!user.hasRole(Role.SUPPORT)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Only agents (SUPPORT) work in departments");
        }
        catalog.addAgent(departmentId, userId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(@PathVariable UUID departmentId, @PathVariable UUID userId) {
        catalog.removeAgent(departmentId, userId);
        return ResponseEntity.noContent().build();
    }
}
