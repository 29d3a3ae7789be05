package com.echamado.tickets;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, UUID> {

    @Query(value = "select nextval('ticket_number_seq')", nativeQuery = true)
    long nextNumber();

    Ticket findByNumber(long number);

    /** The ticket with its row locked until the transaction ends ({@code select ... for update}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.id = :id")
    Optional<Ticket> findForUpdate(UUID id);
}
