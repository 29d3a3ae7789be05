package com.echamado.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog entry's rules, without Spring or a database; the rules across entries are in the facade. */
class CatalogEntryTests {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aNewEntryIsEnabledAndKeepsItsKindAndParent() {
        UUID category = UUID.randomUUID();

        CatalogEntry entry = new CatalogEntry(CatalogKind.SUBCATEGORY, category, NOW);

        assertThat(entry.enabled()).isTrue();
        assertThat(entry.kind()).isEqualTo(CatalogKind.SUBCATEGORY);
        assertThat(entry.parentId()).isEqualTo(category);
        assertThat(entry.toView().id()).isEqualTo(entry.id());
    }

    @Test
    void namesAreStoredTrimmedAndComparedInLowerCase() {
        CatalogEntry entry = new CatalogEntry(CatalogKind.DEPARTMENT, null, NOW);

        entry.apply(request("  Infraestrutura de Rede  ", "  Network  ", "  Cables and Wi-Fi  "));

        CatalogEntryView view = entry.toView();
        assertThat(view.name()).isEqualTo("Infraestrutura de Rede");
        assertThat(view.nameEn()).isEqualTo("Network");
        assertThat(view.description()).isEqualTo("Cables and Wi-Fi");
        assertThat(entry.nameNormalized()).isEqualTo("infraestrutura de rede");
        assertThat(CatalogEntry.normalize("  ÁREA Técnica ")).isEqualTo("área técnica");
    }

    @Test
    void renamingReplacesTheNameAndABlankEnglishNameOrDescriptionIsNone() {
        CatalogEntry entry = new CatalogEntry(CatalogKind.CATEGORY, null, NOW);
        entry.apply(request("Hardware", "Hardware", "Machines"));

        entry.apply(request("Equipamentos", "  ", ""));

        CatalogEntryView view = entry.toView();
        assertThat(view.name()).isEqualTo("Equipamentos");
        assertThat(entry.nameNormalized()).isEqualTo("equipamentos");
        assertThat(view.nameEn()).isNull();
        assertThat(view.description()).isNull();
    }

    @Test
    void theDisplayOrderStaysWhenARequestNamesNone() {
        CatalogEntry entry = new CatalogEntry(CatalogKind.TICKET_TYPE, null, NOW);
        entry.apply(withOrder(request("Incidente", null, null), 3));

        entry.apply(request("Incidente grave", null, null));

        assertThat(entry.toView().displayOrder()).isEqualTo(3);
    }

    @Test
    void onlyStatusesTakeAColourAndFlags() {
        CatalogEntry category = new CatalogEntry(CatalogKind.CATEGORY, null, NOW);

        category.apply(status("Software", "#1d4ed8", true, true, true, true, UUID.randomUUID()));

        CatalogEntryView view = category.toView();
        assertThat(view.color()).isNull();
        assertThat(view.initial()).isFalse();
        assertThat(view.resolving()).isFalse();
        assertThat(view.isFinal()).isFalse();
        assertThat(view.awaitsCustomer()).isFalse();
        assertThat(view.replyStatusId()).isNull();
    }

    @Test
    void aStatusKeepsItsColourUntilAnotherIsGivenAndStartsWithTheDefault() {
        CatalogEntry entry = new CatalogEntry(CatalogKind.STATUS, null, NOW);

        entry.apply(status("Aberto", null, true, false, false, false, null));
        assertThat(entry.toView().color()).isEqualTo(CatalogEntry.DEFAULT_COLOR);
        assertThat(entry.initial()).isTrue();

        entry.apply(status("Aberto", "#1d4ed8", true, false, false, false, null));
        entry.apply(status("Aberto", null, true, false, false, false, null));
        assertThat(entry.toView().color()).isEqualTo("#1d4ed8");
    }

    @Test
    void aStatusMovesRepliesOnlyWhileItAwaitsTheCustomer() {
        UUID inProgress = UUID.randomUUID();
        CatalogEntry entry = new CatalogEntry(CatalogKind.STATUS, null, NOW);

        entry.apply(status("Aguardando", null, false, false, false, true, inProgress));
        assertThat(entry.toView().awaitsCustomer()).isTrue();
        assertThat(entry.toView().replyStatusId()).isEqualTo(inProgress);

        entry.apply(status("Aguardando", null, false, false, false, false, inProgress));
        assertThat(entry.toView().replyStatusId()).isNull();
    }

    @Test
    void aStatusTakesItsResolvingAndFinalFlags() {
        CatalogEntry resolved = new CatalogEntry(CatalogKind.STATUS, null, NOW);
        CatalogEntry closed = new CatalogEntry(CatalogKind.STATUS, null, NOW);

        resolved.apply(status("Resolvido", null, false, true, false, false, null));
        closed.apply(status("Fechado", null, false, false, true, false, null));

        assertThat(resolved.resolving()).isTrue();
        assertThat(resolved.isFinal()).isFalse();
        assertThat(closed.isFinal()).isTrue();
        assertThat(closed.resolving()).isFalse();
    }

    @Test
    void disablingAndEnablingAnEntry() {
        CatalogEntry entry = new CatalogEntry(CatalogKind.DEPARTMENT, null, NOW);
        entry.apply(request("Suporte", null, null));

        entry.disable();
        assertThat(entry.enabled()).isFalse();
        assertThat(entry.toView().enabled()).isFalse();

        entry.enable();
        assertThat(entry.toView().enabled()).isTrue();
        assertThat(entry.toView().name()).as("the name survives").isEqualTo("Suporte");
    }

    private static CatalogEntryRequest request(String name, String nameEn, String description) {
        return new CatalogEntryRequest(
                name, nameEn, description, null, null, null, false, false, false, false, null, false);
    }

    private static CatalogEntryRequest withOrder(CatalogEntryRequest r, int order) {
        return new CatalogEntryRequest(
                r.name(), r.nameEn(), r.description(), null, null, order, false, false, false, false, null, false);
    }

    private static CatalogEntryRequest status(
            String name,
            String color,
            boolean initial,
            boolean resolving,
            boolean isFinal,
            boolean awaitsCustomer,
            UUID replyStatus) {
        return new CatalogEntryRequest(
                name, null, null, null, color, null, initial, resolving, isFinal, awaitsCustomer, replyStatus, false);
    }
}
