package com.echamado.ui.web;

import com.echamado.tickets.Actor;
import java.util.UUID;

/** The signed-in person as the pages see them: name for the header, roles for the navigation, rights for tickets. */
record Viewer(UUID id, String name, boolean admin, boolean agent, Actor actor) {

    public boolean staff() {
        return admin || agent;
    }
}
