package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md is for the on-call engineer: it opens with an incident index whose links (and every other
 * link to a section, from the guide, the README, the alert rules and the scripts) land on a heading, it says how to
 * get a shell into the distroless pod, and the CI internals live in docs/ci.md.
 */
@Tag("deploy")
class OperationsGuideTest {

    static final Path GUIDE = Tools.ROOT.resolve("docs/operations.md");

    @Test
    void theGuideOpensWithAnIncidentIndex() {
        String guide = Tools.read(GUIDE);
        String firstSection =
                guide.lines().filter(l -> l.startsWith("## ")).findFirst().orElseThrow();
        assertThat(firstSection).isEqualTo("## Incident index");
        String index = guide.substring(
                guide.indexOf("## Incident index"), guide.indexOf("\n## ", guide.indexOf("## Incident index") + 3));
        assertThat(index.toLowerCase(Locale.ROOT))
                .contains("service down", "database down", "bad deploy", "restore", "disaster recovery");
        assertThat(guide).contains("kubectl -n echamado debug").contains("--target=echamado");
        assertThat(guide).doesNotContain("## Workflow checks", "## Read-only runtime check");
        assertThat(Tools.read(Tools.ROOT.resolve("docs/ci.md")))
                .contains("## Workflow checks", "## Read-only runtime check");
    }

    @Test
    void everyLinkToASectionOfTheGuideLandsOnAHeading() {
        Set<String> anchors = new TreeSet<>();
        for (String line : Tools.read(GUIDE).lines().toList()) {
            if (line.startsWith("#")) {
                anchors.add(anchor(line.replaceFirst("^#+ ", "")));
            }
        }
        Set<String> broken = new TreeSet<>();
        collect(broken, anchors, Tools.read(GUIDE), Pattern.compile("\\]\\(#([a-z0-9-]+)\\)"));
        Pattern external = Pattern.compile("operations\\.md#([a-z0-9-]+)");
        for (Path file : java.util.List.of(
                Tools.ROOT.resolve("README.md"),
                Tools.ROOT.resolve("deploy/monitoring/rules/echamado-alerts.yml"),
                Tools.ROOT.resolve("scripts/disaster-recovery.sh"),
                Tools.ROOT.resolve("deploy/helm/echamado/values.yaml"))) {
            collect(broken, anchors, Tools.read(file), external);
        }
        assertThat(broken).as("links to missing sections of docs/operations.md").isEmpty();
        assertThat(anchors).contains("when-rabbitmq-is-down", "connection-budget", "a-shell-in-a-distroless-pod");
    }

    private static void collect(Set<String> broken, Set<String> anchors, String text, Pattern link) {
        Matcher m = link.matcher(text);
        while (m.find()) {
            if (!anchors.contains(m.group(1))) {
                broken.add(m.group(1));
            }
        }
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 \\-]", "").replace(' ', '-');
    }
}
