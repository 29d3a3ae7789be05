package com.echamado.comments.web;

import com.echamado.comments.CommentView;
import com.echamado.comments.Comments;
import com.echamado.comments.Conversation;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketView;
import com.echamado.tickets.web.TicketPageSection;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.WebRequest;

/**
 * The conversation on the ticket page: the messages the viewer may read (internal notes only for the ticket's
 * agents), which of them they may still edit or delete, and the one being edited ({@code ?editComment=}).
 */
@Component
class ConversationSection implements TicketPageSection {

    private final Comments comments;

    ConversationSection(Comments comments) {
        this.comments = comments;
    }

    @Override
    public Collection<UUID> contribute(Actor viewer, TicketView ticket, WebRequest request, Model model) {
        Conversation conversation = comments.conversation(viewer, ticket.id());
        UUID editing = editing(request.getParameter("editComment"));
        model.addAttribute("comments", conversation.comments());
        model.addAttribute("editableComments", conversation.editable());
        model.addAttribute("deletableComments", conversation.deletable());
        model.addAttribute("editing", editing != null && conversation.editable().contains(editing) ? editing : null);
        return conversation.comments().stream().map(CommentView::authorId).toList();
    }

    private static UUID editing(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
