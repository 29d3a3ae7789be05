package com.echamado;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.echamado.support.ApplicationClasses;
import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    static final JavaClasses CLASSES = ApplicationClasses.CLASSES;

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
                        "com.echamado.comments..",
                        "com.echamado.dashboard..",
                        "com.echamado.sla..",
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
