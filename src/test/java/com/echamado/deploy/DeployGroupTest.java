package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The deployment validators (this package) form their own test group, so that {@code ./mvnw verify
 * -DexcludedGroups=deploy} runs the application's tests alone and {@code -Dgroups=deploy} the validators alone
 * (README); {@code ./mvnw verify} runs both. A validator without the tag would run with the application's tests.
 */
@Tag("deploy")
class DeployGroupTest {

    @Test
    void everyValidatorIsInTheDeployGroup() {
        Path here = Tools.ROOT.resolve("src/test/java/com/echamado/deploy");
        assertThat(Tools.list(here, "*.java"))
                .filteredOn(file -> Tools.read(file).contains("@Test"))
                .hasSizeGreaterThan(10)
                .allSatisfy(file -> assertThat(Tools.read(file))
                        .as(file.getFileName().toString())
                        .contains("\n@Tag(\"deploy\")\n"));
    }
}
