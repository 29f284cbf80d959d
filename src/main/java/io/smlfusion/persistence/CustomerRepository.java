package io.smlfusion.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

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
    public boolean rotateKey(String cid, String newSealedKey, Instant now) {
        CustomerEntity customer = em.find(CustomerEntity.class, cid);
        if (customer == null) {
            return false;
        }
        customer.rotateKey(newSealedKey, now);
        return true;
    }

    /**
     * Makes {@code cid} an administrator, creating it with {@code sealedKey} when it does not exist,
     * and giving an existing one that key when its stored key is not to be kept.
     *
     * @return true when the customer was created now
     */
    @Transactional
    public boolean ensureAdmin(String cid, String sealedKey, Predicate<String> keepStoredKey, Instant now) {
        CustomerEntity customer = em.find(CustomerEntity.class, cid);
        if (customer == null) {
            em.persist(new CustomerEntity(cid, sealedKey, true, now));
            return true;
        }
        customer.grantAdmin();
        if (!keepStoredKey.test(customer.getSealedKey())) {
            customer.rotateKey(sealedKey, now);
        }
        return false;
    }

    /**
     * Seals, in one transaction, every stored key that is still in clear.
     *
     * @param isClear which stored texts are clear keys
     * @param seal    (cid, clear key) → the sealed key
     * @return how many keys were sealed
     */
    @Transactional
    public int sealClearKeys(Predicate<String> isClear, BiFunction<String, String, String> seal) {
        int count = 0;
        for (CustomerEntity customer : all()) {
            if (isClear.test(customer.getSealedKey())) {
                customer.sealKey(seal.apply(customer.getCid(), customer.getSealedKey()));
                count++;
            }
        }
        return count;
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM CustomerEntity c", Long.class).getSingleResult();
    }
}
