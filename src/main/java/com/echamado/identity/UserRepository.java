package com.echamado.identity;

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

    @Query("select count(u) from User u join u.roles r where r = com.echamado.identity.Role.ADMIN and u.enabled = true")
    long countEnabledAdministrators();
}
