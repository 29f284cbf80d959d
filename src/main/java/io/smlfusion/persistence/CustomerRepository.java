package io.smlfusion.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Customers in the database (Derby by default, PostgreSQL by configuration). */
@ApplicationScoped
public class CustomerRepository {

    @PersistenceContext(unitName = "smlfusion")
    EntityManager em;

    /**
     * Transactional so that each lookup reads through a fresh persistence context: outside a
     * transaction Liberty keeps one context for the whole request, which would hide a key rotated
     * earlier in the same request.
     */
    @Transactional
    public Optional<CustomerEntity> find(String cid) {
        return Optional.ofNullable(em.find(CustomerEntity.class, cid));
    }

    public List<CustomerEntity> all() {
        return em.createQuery("SELECT c FROM CustomerEntity c ORDER BY c.cid", CustomerEntity.class).getResultList();
    }

    @Transactional
    public CustomerEntity insert(CustomerEntity customer) {
        em.persist(customer);
        return customer;
    }

    /** @return false when there is no such customer */
    @Transactional
    public boolean rotateKey(String cid, String newSecretKey, Instant now) {
        CustomerEntity customer = em.find(CustomerEntity.class, cid);
        if (customer == null) {
            return false;
        }
        customer.rotateKey(newSecretKey, now);
        return true;
    }

    /**
     * Makes {@code cid} an administrator, creating it with {@code secretKey} when it does not exist
     * and setting its key to {@code configuredKey} when one is given.
     *
     * @return true when the customer was created now
     */
    @Transactional
    public boolean ensureAdmin(String cid, String secretKey, boolean keyIsConfigured, Instant now) {
        CustomerEntity customer = em.find(CustomerEntity.class, cid);
        if (customer == null) {
            em.persist(new CustomerEntity(cid, secretKey, true, now));
            return true;
        }
        customer.grantAdmin();
        if (keyIsConfigured && !secretKey.equals(customer.getSecretKey())) {
            customer.rotateKey(secretKey, now);
        }
        return false;
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM CustomerEntity c", Long.class).getSingleResult();
    }
}
