package com.echamado.catalog.web;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogException;
import com.echamado.catalog.CatalogKind;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Catalog administration: departments, categories with their subcategories, ticket types and statuses. Entries
 * are created, edited, disabled and enabled; an entry no ticket uses can be deleted.
 */
@Controller
class CatalogAdminPages {

    static final List<CatalogKind> TABS =
            List.of(CatalogKind.CATEGORY, CatalogKind.DEPARTMENT, CatalogKind.TICKET_TYPE, CatalogKind.STATUS);

    private final Catalog catalog;

    CatalogAdminPages(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/admin/catalog")
    String index() {
        return "redirect:/admin/catalog/categories";
    }

    @GetMapping("/admin/catalog/{kind}")
    String list(@PathVariable String kind, Model model) {
        CatalogKind catalogKind = kind(kind);
        if (catalogKind == CatalogKind.SUBCATEGORY) {
            return "redirect:/admin/catalog/categories";
        }
        model.addAttribute("kind", catalogKind);
        model.addAttribute("tabs", TABS);
        model.addAttribute("entries", catalog.list(catalogKind, true));
        if (catalogKind == CatalogKind.CATEGORY) {
            Map<UUID, List<CatalogEntryView>> children = catalog.list(CatalogKind.SUBCATEGORY, true).stream()
                    .collect(Collectors.groupingBy(CatalogEntryView::parentId));
            model.addAttribute("children", children);
        }
        return "catalog/admin/catalog";
    }

    @GetMapping("/admin/catalog/{kind}/new")
    String newForm(@PathVariable String kind, @RequestParam(required = false) UUID parent, Model model) {
        model.addAttribute("form", CatalogForm.empty(parent));
        return form(kind(kind), null, parent, model);
    }

    @PostMapping("/admin/catalog/{kind}/new")
    String create(
            @PathVariable String kind,
            @Valid @ModelAttribute("form") CatalogForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CatalogKind catalogKind = kind(kind);
        if (!errors.hasErrors()) {
            try {
                catalog.create(catalogKind, form.toRequest(catalogKind == CatalogKind.STATUS));
                redirect.addFlashAttribute("notice", "admin.catalog.saved");
                return "redirect:" + back(catalogKind);
            } catch (CatalogException e) {
                reject(errors, e);
            }
        }
        return form(catalogKind, null, form.parentId(), model);
    }

    @GetMapping("/admin/catalog/{kind}/{id}/edit")
    String editForm(@PathVariable String kind, @PathVariable UUID id, Model model) {
        CatalogKind catalogKind = kind(kind);
        CatalogEntryView entry = catalog.get(catalogKind, id);
        model.addAttribute("form", CatalogForm.of(entry));
        return form(catalogKind, entry, entry.parentId(), model);
    }

    @PostMapping("/admin/catalog/{kind}/{id}/edit")
    String update(
            @PathVariable String kind,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CatalogForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CatalogKind catalogKind = kind(kind);
        CatalogEntryView entry = catalog.get(catalogKind, id);
        if (!errors.hasErrors()) {
            try {
                catalog.update(catalogKind, id, form.toRequest(catalogKind == CatalogKind.STATUS));
                redirect.addFlashAttribute("notice", "admin.catalog.saved");
                return "redirect:" + back(catalogKind);
            } catch (CatalogException e) {
                reject(errors, e);
            }
        }
        return form(catalogKind, entry, entry.parentId(), model);
    }

    @PostMapping("/admin/catalog/{kind}/{id}/{action}")
    String change(
            @PathVariable String kind,
            @PathVariable UUID id,
            @PathVariable String action,
            RedirectAttributes redirect) {
        CatalogKind catalogKind = kind(kind);
        try {
            switch (action) {
                case "disable" -> catalog.disable(catalogKind, id);
                case "enable" -> catalog.enable(catalogKind, id);
                case "delete" -> catalog.delete(catalogKind, id);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("notice", "admin.catalog." + action + "d");
        } catch (CatalogException e) {
            if (e.kind() == CatalogException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", "admin.catalog.error." + e.code());
            redirect.addFlashAttribute("detail", e.getMessage());
        }
        return "redirect:" + back(catalogKind);
    }

    private String form(CatalogKind kind, CatalogEntryView entry, UUID parent, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("entry", entry);
        if (kind == CatalogKind.STATUS) {
            model.addAttribute("statuses", catalog.list(CatalogKind.STATUS, false));
        }
        if (parent != null) {
            model.addAttribute("parent", catalog.get(CatalogKind.CATEGORY, parent));
        } else if (kind == CatalogKind.SUBCATEGORY) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "catalog/admin/catalog-form";
    }

    private static void reject(BindingResult errors, CatalogException e) {
        String field = e.field();
        if (field != null && errors.getFieldType(field) != null) {
            errors.rejectValue(field, "admin.catalog.error." + e.code(), e.messageArguments(), e.getMessage());
        } else {
            errors.reject("admin.catalog.error." + e.code(), e.messageArguments(), e.getMessage());
        }
    }

    private static String back(CatalogKind kind) {
        CatalogKind list = kind == CatalogKind.SUBCATEGORY ? CatalogKind.CATEGORY : kind;
        return "/admin/catalog/" + list.path();
    }

    private static CatalogKind kind(String path) {
        return CatalogKind.fromPath(path).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
