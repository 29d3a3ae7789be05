package com.echamado.tickets.web;

import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The desk's settings for administrators: whether requesters may choose the priority of their tickets. */
@Controller
class DeskSettingsPage {

    private final TicketManagement tickets;

    DeskSettingsPage(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/admin/settings")
    String form(Model model) {
        model.addAttribute("settings", tickets.settings());
        return "tickets/admin/settings";
    }

    @PostMapping("/admin/settings")
    String save(
            @RequestParam(defaultValue = "false") boolean requestersChoosePriority,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        tickets.changeSettings(viewer.actor(), new TicketSettings(requestersChoosePriority));
        redirect.addFlashAttribute("notice", "admin.settings.saved");
        return "redirect:/admin/settings";
    }
}
