package com.echamado.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.echamado.support.ModuleTest;
import com.echamado.support.Services;
import com.echamado.support.TestClock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog module with the modules it uses directly (platform, and identity for its agent pages), on a PostgreSQL
 * database of its own: the facade's rules across entries and the events it publishes, without tickets, notifications
 * or the pages. The tests of this class share that database, so they add uniquely named entries and change no status
 * flag.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@ExtendWith(Services.class)
@Import(TestClock.Configuration.class)
@DirtiesContext
class CatalogModuleTests {

    @Autowired
    Catalog catalog;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ModuleTest.properties(registry, "catalog");
    }

    @Test
    void creatingAnEntryPublishesCatalogEntryCreated(Scenario scenario) {
        String name = unique("Departamento");

        scenario.stimulate(() -> catalog.create(CatalogKind.DEPARTMENT, named(name)))
                .andWaitForEventOfType(CatalogEntryCreated.class)
                .matching(event -> event.name().equals(name))
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.entryId()).isEqualTo(view.id());
                    assertThat(event.kind()).isEqualTo(CatalogKind.DEPARTMENT);
                    assertThat(catalog.list(CatalogKind.DEPARTMENT, false))
                            .extracting(CatalogEntryView::name)
                            .contains(name);
                });
    }

    @Test
    void anActiveNameIsTakenOncePerKindWhateverItsCaseAndSpaces() {
        String name = unique("Rede");
        catalog.create(CatalogKind.CATEGORY, named(name));

        assertThatThrownBy(() -> catalog.create(CatalogKind.CATEGORY, named("  " + name.toUpperCase() + " ")))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("name-taken"));
        assertThat(catalog.create(CatalogKind.DEPARTMENT, named(name)).name())
                .as("another kind")
                .isEqualTo(name);
    }

    @Test
    void renamingToATakenNameIsRefusedAndADisabledEntryFreesItsName() {
        String taken = unique("Hardware");
        CatalogEntryView first = catalog.create(CatalogKind.TICKET_TYPE, named(taken));
        CatalogEntryView second = catalog.create(CatalogKind.TICKET_TYPE, named(unique("Software")));

        assertThatThrownBy(() -> catalog.update(CatalogKind.TICKET_TYPE, second.id(), named(taken)))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("name-taken"));

        catalog.disable(CatalogKind.TICKET_TYPE, first.id());
        assertThat(catalog.update(CatalogKind.TICKET_TYPE, second.id(), named(taken))
                        .name())
                .isEqualTo(taken);
        assertThatThrownBy(() -> catalog.enable(CatalogKind.TICKET_TYPE, first.id()))
                .as("enabling it again would make the name taken twice")
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("name-taken"));
    }

    @Test
    void disablingAndEnablingPublishTheirEvents(Scenario scenario) {
        CatalogEntryView entry = catalog.create(CatalogKind.DEPARTMENT, named(unique("Compras")));

        scenario.stimulate(() -> catalog.disable(CatalogKind.DEPARTMENT, entry.id()))
                .andWaitForEventOfType(CatalogEntryDisabled.class)
                .matching(event -> event.entryId().equals(entry.id()))
                .toArrive();
        assertThat(catalog.list(CatalogKind.DEPARTMENT, false))
                .extracting(CatalogEntryView::id)
                .doesNotContain(entry.id());

        scenario.stimulate(() -> catalog.enable(CatalogKind.DEPARTMENT, entry.id()))
                .andWaitForEventOfType(CatalogEntryChanged.class)
                .matching(event -> event.entryId().equals(entry.id()) && event.enabled())
                .toArrive();
        assertThat(catalog.get(CatalogKind.DEPARTMENT, entry.id()).enabled()).isTrue();
    }

    @Test
    void aSubcategoryBelongsToACategoryForGood() {
        CatalogEntryView category = catalog.create(CatalogKind.CATEGORY, named(unique("Impressoras")));
        CatalogEntryView department = catalog.create(CatalogKind.DEPARTMENT, named(unique("Financeiro")));

        assertInvalid(() -> catalog.create(CatalogKind.SUBCATEGORY, named(unique("Toner"))), "parentId");
        assertInvalid(
                () -> catalog.create(CatalogKind.SUBCATEGORY, child(unique("Toner"), department.id())), "parentId");
        assertInvalid(() -> catalog.create(CatalogKind.DEPARTMENT, child(unique("Toner"), category.id())), "parentId");

        CatalogEntryView toner = catalog.create(CatalogKind.SUBCATEGORY, child(unique("Toner"), category.id()));
        CatalogEntryView other = catalog.create(CatalogKind.CATEGORY, named(unique("Monitores")));
        assertInvalid(
                () -> catalog.update(CatalogKind.SUBCATEGORY, toner.id(), child(toner.name(), other.id())), "parentId");
        assertThatThrownBy(() -> catalog.delete(CatalogKind.CATEGORY, category.id()))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("has-subcategories"));
    }

    @Test
    void onlyStatusesHaveFlagsAndAFinalStatusIsNeitherInitialNorResolving() {
        assertInvalid(
                () -> catalog.create(CatalogKind.CATEGORY, status(unique("Aberto"), true, false, false)), "initial");
        assertInvalid(
                () -> catalog.create(CatalogKind.STATUS, status(unique("Fechado"), true, false, true)), "isFinal");
        assertInvalid(
                () -> catalog.create(
                        CatalogKind.STATUS,
                        new CatalogEntryRequest(
                                unique("Azul"),
                                null,
                                null,
                                null,
                                "blue",
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                false)),
                "color");
    }

    @Test
    void aNewStatusCannotTakeTheInitialFlagAndTheInitialStatusCannotBeDisabled() {
        CatalogEntryView initial = catalog.initialStatus();

        assertThatThrownBy(() -> catalog.create(CatalogKind.STATUS, status(unique("Novo"), true, false, false)))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("initial-taken"));
        assertThatThrownBy(() -> catalog.disable(CatalogKind.STATUS, initial.id()))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("status-required"));
        assertThat(catalog.initialStatus().id()).isEqualTo(initial.id());
    }

    @Test
    void aDepartmentWithAgentsIsNotDeleted() {
        CatalogEntryView department = catalog.create(CatalogKind.DEPARTMENT, named(unique("Jurídico")));
        UUID agent = UUID.randomUUID();
        catalog.addAgent(department.id(), agent);

        assertThat(catalog.worksIn(agent, department.id())).isTrue();
        assertThatThrownBy(() -> catalog.delete(CatalogKind.DEPARTMENT, department.id()))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.code()).isEqualTo("has-agents"));

        catalog.removeAgent(department.id(), agent);
        catalog.delete(CatalogKind.DEPARTMENT, department.id());
        assertThat(catalog.find(department.id())).isEmpty();
    }

    private static void assertInvalid(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid");
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CatalogEntryRequest named(String name) {
        return child(name, null);
    }

    private static CatalogEntryRequest child(String name, UUID parentId) {
        return new CatalogEntryRequest(name, null, null, parentId, null, null, false, false, false, false, null, false);
    }

    private static CatalogEntryRequest status(String name, boolean initial, boolean resolving, boolean isFinal) {
        return new CatalogEntryRequest(
                name, null, null, null, null, null, initial, resolving, isFinal, false, null, false);
    }
}
