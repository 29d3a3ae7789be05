package com.echamado.attachments;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The type of an upload, sniffed from its first bytes and never taken from the client: a few well-known formats by
 * their signature, plain UTF-8 text, and everything else {@code application/octet-stream}. Only raster images on an
 * allow-list are ever shown inline; HTML, SVG and scripts are bytes to download. Also cleans the name a file is kept
 * under: no path, no control characters, at most 255 characters.
 */
final class FileTypes {

    static final String BINARY = "application/octet-stream";
    static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    static final int MAX_NAME = 255;

    private FileTypes() {}

    static String sniff(byte[] head) {
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(head, 'R', 'I', 'F', 'F')
                && head.length >= 12
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return "image/webp";
        }
        if (starts(head, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(head, 'P', 'K', 0x03, 0x04)) {
            return "application/zip";
        }
        return text(head) ? "text/plain" : BINARY;
    }

    /** Whether the type may be shown in the browser (never SVG, HTML or text: those are downloaded). */
    static boolean inline(String contentType) {
        return INLINE.contains(contentType);
    }

    /** The name without a path or control characters, cut to {@link #MAX_NAME}; {@code file} when nothing is left. */
    static String cleanName(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isEmpty()) {
            return "file";
        }
        return result.length() <= MAX_NAME ? result : result.substring(0, MAX_NAME);
    }

    private static boolean text(byte[] head) {
        if (head.length == 0) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        // the head may end in the middle of a character: ignore up to 3 trailing bytes
        for (int cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, head.length - cut));
                return true;
            } catch (CharacterCodingException notUtf8) {
                // try a shorter head
            }
        }
        return false;
    }

    private static boolean starts(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
