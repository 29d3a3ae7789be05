package com.echamado;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.echamado");

    @Test
    void controllersLiveInAWebPackageAndAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .resideInAPackage("com.echamado.*.web..")
                .andShould()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void entitiesAreNotPublic() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        noClasses()
                .that()
                .resideInAPackage("com.echamado.*.web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .check(CLASSES);
    }

    @Test
    void platformImportsNoFeatureModule() {
        noClasses()
                .that()
                .resideInAPackage("com.echamado.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.echamado.identity..",
                        "com.echamado.ui..",
                        "com.echamado.catalog..",
                        "com.echamado.tickets..",
                        "com.echamado.notifications..")
                .check(CLASSES);
    }

    @Test
    void noLayerPackages() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..service..", "..impl..", "..dto..", "..repository..", "..controller..", "..util..")
                .check(CLASSES);
    }
}
