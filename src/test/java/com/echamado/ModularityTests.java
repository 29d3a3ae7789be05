package com.echamado;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.comments.Comments;
import com.echamado.identity.UserManagement;
import com.echamado.platform.messaging.DomainEvent;
import com.echamado.support.ApplicationClasses;
import com.echamado.tickets.TicketManagement;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationClasses.MODULES;

    /**
     * The graph of STYLE.md, one line per module: what each module may depend on besides the platform (which every
     * module may use: {@code "platform", "platform :: *"}). A new module adds its line here and its
     * {@code allowedDependencies} in its {@code package-info}.
     */
    static final Map<String, Set<String>> DESIGNED_GRAPH = Map.of(
            "platform", Set.of(),
            "identity", Set.of(),
            "catalog", Set.of("identity"),
            "tickets", Set.of("catalog", "identity"),
            "comments", Set.of("tickets", "tickets :: web", "identity"),
            "attachments", Set.of("tickets", "tickets :: web", "comments"),
            "dashboard", Set.of("tickets", "tickets :: web", "catalog", "sla"),
            "sla", Set.of("tickets", "tickets :: events", "comments :: events", "catalog"),
            "notifications", Set.of("tickets :: events", "comments :: events", "sla :: events", "identity", "catalog"),
            "ui", Set.of("tickets", "tickets :: web", "catalog", "identity"));

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresExactlyTheDesignedDependencies() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (ApplicationModule module : MODULES) {
            declared.put(module.getIdentifier().toString(), declaredBeyondThePlatform(module));
        }
        assertThat(declared).isEqualTo(new TreeMap<>(DESIGNED_GRAPH));
    }

    @Test
    void theModulesUseThePlatformWithoutItBeingOpen() {
        ApplicationModule platform = MODULES.getModuleByName("platform").orElseThrow();
        assertThat(platform.isOpen()).isFalse();
        assertThat(platform.getAllowedDependencies(MODULES).isEmpty()).isTrue();
        for (ApplicationModule module : MODULES) {
            if (module != platform) {
                assertThat(allowed(module))
                        .as(module.getIdentifier().toString())
                        .contains("platform", "platform :: *");
            }
        }
    }

    /**
     * A module's {@code events} named interface holds every one of its event records (and the module's types they
     * carry, such as {@code CatalogKind}), never its facade: a consumer allowed {@code <module> :: events}
     * (notifications, of tickets) sees every event and nothing else.
     */
    @Test
    void eachModulesEventsInterfaceHoldsItsEventsButNotItsFacade() {
        Map<String, Class<?>> facades = Map.of(
                "tickets",
                TicketManagement.class,
                "comments",
                Comments.class,
                "catalog",
                Catalog.class,
                "identity",
                UserManagement.class);
        facades.forEach((name, facade) -> {
            ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();
            NamedInterface events =
                    module.getNamedInterfaces().getByName("events").orElseThrow();
            Set<String> published = module.getBasePackage().toSingle().stream()
                    .filter(type -> type.isAssignableTo(DomainEvent.class) && !type.isInterface())
                    .map(JavaClass::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(published).as(name).isNotEmpty();
            assertThat(events.asJavaClasses().map(JavaClass::getName)).as(name).containsAll(published);
            assertThat(events.contains(facade)).as(name).isFalse();
        });
    }

    @Test
    void commentsDependOnTicketsAndIdentityAndTicketsKnowNothingOfComments() {
        assertThat(dependenciesOf("comments")).contains("tickets").isSubsetOf("tickets", "identity", "platform");
        assertThat(dependenciesOf("tickets")).doesNotContain("comments");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static Set<String> declaredBeyondThePlatform(ApplicationModule module) {
        return allowed(module).stream()
                .filter(dependency -> !dependency.startsWith("platform"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> allowed(ApplicationModule module) {
        return module.getAllowedDependencies(MODULES).stream()
                .map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static java.util.List<String> dependenciesOf(String module) {
        return MODULES.getModuleByName(module)
                .orElseThrow()
                .getDirectDependencies(MODULES)
                .uniqueModules()
                .map(ApplicationModule::getName)
                .toList();
    }
}
