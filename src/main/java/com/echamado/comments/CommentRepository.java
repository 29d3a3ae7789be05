package com.echamado.comments;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, UUID> {

    @Query("select c from Comment c where c.ticketId = :ticketId and c.deletedAt is null order by c.createdAt, c.id")
    List<Comment> findVisible(UUID ticketId);
}
