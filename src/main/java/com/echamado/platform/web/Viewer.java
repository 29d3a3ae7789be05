package com.echamado.platform.web;

import java.util.UUID;

/**
 * The signed-in person as every module's pages and the layout see them: name for the header, roles for the
 * navigation. Pages take it as the {@code viewer} model attribute, which the web shell puts in every page's model;
 * a module that needs more of the viewer (the tickets module: what they may do to tickets) supplies a richer one.
 */
public interface Viewer {

    UUID id();

    String name();

    boolean admin();

    boolean agent();

    default boolean staff() {
        return admin() || agent();
    }
}
