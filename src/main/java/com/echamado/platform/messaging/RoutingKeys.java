package com.echamado.platform.messaging;

/** AMQP topic matching: words separated by dots, {@code *} is one word, {@code #} zero or more. */
public final class RoutingKeys {

    private RoutingKeys() {}

    public static boolean matches(String pattern, String key) {
        return matches(pattern.split("\\."), 0, key.split("\\."), 0);
    }

    private static boolean matches(String[] pattern, int p, String[] key, int k) {
        if (p == pattern.length) {
            return k == key.length;
        }
        if (pattern[p].equals("#")) {
            for (int skip = k; skip <= key.length; skip++) {
                if (matches(pattern, p + 1, key, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (k == key.length) {
            return false;
        }
        return (pattern[p].equals("*") || pattern[p].equals(key[k])) && matches(pattern, p + 1, key, k + 1);
    }
}
