package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's libraries (what the image's dependency layer holds) carry no test library and none that the
 * application does not use: ArchUnit came in through spring-modulith-starter-core, bucket4j was declared and never
 * called, the AspectJ weaver and Hibernate's JAXB runtime serve weaving and XML mappings that nothing here uses.
 * Runs after {@code package} (Failsafe).
 */
@Tag("deploy")
class RuntimeJarContentsIT {

    static final List<String> NOT_AT_RUN_TIME = List.of(
            "archunit",
            "junit",
            "mockito",
            "assertj",
            "spring-test",
            "spring-modulith-core",
            "spring-modulith-moments",
            "bucket4j",
            "aspectjweaver",
            "spring-aspects",
            "jaxb-runtime");

    @Test
    void theJarCarriesNoTestOrUnusedLibrary() throws IOException {
        Path jar = Path.of(System.getProperty("echamado.jar", ""));
        assertThat(jar)
                .as("the packaged jar (echamado.jar system property, set by the pom)")
                .isRegularFile();
        List<String> libraries;
        try (JarFile file = new JarFile(jar.toFile())) {
            libraries = file.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
        assertThat(libraries).as("libraries of the jar").anyMatch(name -> name.startsWith("spring-modulith-events-"));
        for (String library : NOT_AT_RUN_TIME) {
            assertThat(libraries).as("BOOT-INF/lib/" + library + "*").noneMatch(name -> name.startsWith(library));
        }
    }
}
