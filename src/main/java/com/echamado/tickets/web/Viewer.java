package com.echamado.tickets.web;

import com.echamado.tickets.Actor;
import java.util.UUID;

/**
 * The signed-in person as the pages that show tickets see them: name for the header, roles for the navigation, and
 * the {@link Actor} whose rights the tickets facade checks. The web shell puts it in every page's model.
 */
public record Viewer(UUID id, String name, boolean admin, boolean agent, Actor actor)
        implements com.echamado.platform.web.Viewer {}
