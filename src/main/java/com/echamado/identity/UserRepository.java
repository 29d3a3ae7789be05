package com.echamado.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmailNormalized(String emailNormalized);

    boolean existsByEmailNormalized(String emailNormalized);

    @Query("""
            select u from User u
            where :q = '' or u.emailNormalized like concat('%', :q, '%') or lower(u.fullName) like concat('%', :q, '%')
            """)
    Page<User> search(@Param("q") String lowerCaseQuery, Pageable pageable);

    /** The users with these ids and their roles, in one statement. */
    @Query("select distinct u from User u left join fetch u.roles where u.id in :ids")
    List<User> findAllWithRoles(@Param("ids") Collection<UUID> ids);

    @Query("select count(u) from User u join u.roles r where r = com.echamado.identity.Role.ADMIN and u.enabled = true")
    long countEnabledAdministrators();
}
