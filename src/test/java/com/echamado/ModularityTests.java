package com.echamado;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(EChamadoApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        MODULES.verify();
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

    private static java.util.List<String> dependenciesOf(String module) {
        return MODULES.getModuleByName(module)
                .orElseThrow()
                .getDirectDependencies(MODULES)
                .uniqueModules()
                .map(ApplicationModule::getName)
                .toList();
    }
}
