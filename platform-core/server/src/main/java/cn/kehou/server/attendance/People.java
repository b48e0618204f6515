package cn.kehou.server.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** Who is told or asked: a child's confirmed guardians, a school's holders of a role. */
@ApplicationScoped
public class People {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<String> guardians(UUID child) {
        return em.createNativeQuery("SELECT username FROM guardianship WHERE child_id = ?1 AND status = 'CONFIRMED' ORDER BY username")
                .setParameter(1, child).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<String> atSchool(UUID school, String role) {
        return em.createNativeQuery("SELECT DISTINCT username FROM role_assignment WHERE school_id = ?1 AND role = ?2 ORDER BY username")
                .setParameter(1, school).setParameter(2, role).getResultList();
    }

    /** Whether {@code username} holds any role at {@code school}: an adult the school knows. */
    public boolean worksAt(UUID school, String username) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM role_assignment WHERE school_id = ?1 AND username = ?2")
                .setParameter(1, school).setParameter(2, username).getSingleResult()).intValue() > 0;
    }

    /** Whether {@code username} is a confirmed guardian of {@code child}. */
    public boolean guards(UUID child, String username) {
        return guardians(child).contains(username);
    }
}
