package com.echamado.tools.pages;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the request threads of a flight recording spent their CPU: of the execution samples taken on Tomcat's worker
 * threads ({@code http-nio-*}), the share in which each method was on the stack (inclusive), for the project's own
 * code and the libraries a page goes through. Used by {@code bench/pages.sh --profile}.
 *
 * <p>Usage: {@code HotMethods <recording.jfr> [top]}.
 */
final class HotMethods {

    private static final List<String> SHOWN =
            List.of("com.echamado.", "org.thymeleaf.", "org.postgresql.", "org.hibernate.", "org.springframework.");

    private HotMethods() {}

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())
                    || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName())
                            .startsWith("http-nio")
                    || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (SHOWN.stream().anyMatch(name::startsWith) && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples on request threads%n%nOn the stack (inclusive):%n", samples);
        print(inclusive, samples, top);
        System.out.printf("%nRunning (self):%n");
        print(self, samples, top / 2);
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
