package com.echamado.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java -jar …} and {@code ECHAMADO_JAR=…} in the README and docs/ names a jar that exists: the one
 * {@code ./mvnw package} builds ({@code target/<artifactId>-<version>.jar}) or the image's {@code app.jar}.
 */
class DocumentedJarNameTests {

    private static final Pattern JAR = Pattern.compile("(?:java -jar|ECHAMADO_JAR=)\\s*\"?([^\\s`\"]+\\.jar)");

    @Test
    void theDocsNameTheJarTheBuildMakes() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String project = pom.substring(pom.indexOf("</parent>"));
        String built = "target/" + tag(project, "artifactId") + "-" + tag(project, "version") + ".jar";
        List<String> named = new ArrayList<>();
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        for (Path document : documents) {
            Matcher jar = JAR.matcher(Files.readString(document));
            while (jar.find()) {
                named.add(document + ": " + jar.group(1));
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(named)
                .allSatisfy(entry -> assertThat(entry).matches(".*: (" + Pattern.quote(built) + "|/\\S*/app\\.jar)"));
    }

    private static String tag(String xml, String name) {
        int start = xml.indexOf("<" + name + ">") + name.length() + 2;
        return xml.substring(start, xml.indexOf("</" + name + ">", start));
    }
}
