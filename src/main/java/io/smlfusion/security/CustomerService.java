package io.smlfusion.security;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.persistence.CustomerEntity;
import io.smlfusion.persistence.CustomerRepository;
import io.smlfusion.persistence.ExportKeyRepository;
import io.smlfusion.refusal.RequestRefused;

/**
 * Customers and their keys: the secret lookup the request verifier needs, and the administration
 * of customers (create, rotate). Keys reach the database only {@linkplain Sealer sealed}, bound to
 * their customer; a secret leaves this class only towards its owner, on creation or rotation.
 */
@ApplicationScoped
public class CustomerService {

    /** Customer ids appear in URL paths and in statusStrings: keep them plain. */
    private static final Pattern CID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Far above any real customer count; only existing customers are kept. */
    static final int MAX_KEPT_KEYS = 100_000;

    @Inject
    CustomerRepository customers;

    @Inject
    ExportKeyRepository exportKeys;

    @Inject
    Clock clock;

    @Inject
    Sealer sealer;

    private final UnsealedKeys<String> unsealedKeys = new UnsealedKeys<>(MAX_KEPT_KEYS);

    /** @return why {@code cid} is not a valid customer id (here, or of a fusion's cell elsewhere), or null when it is */
    public static String cidProblem(String cid) {
        return cid == null || !CID.matcher(cid).matches()
                ? "Invalid customer id [" + cid + "]: use 1 to 64 letters, digits, '.', '_' or '-'" : null;
    }

    /** The customer's key, read and unsealed once and then kept until it is rotated ({@link UnsealedKeys}). */
    public Optional<String> secretOf(String cid) {
        return unsealedKeys.get(cid, () -> customers.find(cid).map(customer -> unsealed(cid, customer.getSealedKey())));
    }

    public boolean exists(String cid) {
        return customers.find(cid).isPresent();
    }

    public List<String> customerIds(String caller) {
        requireAdmin(caller, "list customers");
        return customers.all().stream().map(CustomerEntity::getCid).toList();
    }

    /** Creates a customer with a fresh random key and answers the key (shown this once). */
    public String create(String caller, String newCid, boolean admin) {
        requireAdmin(caller, "create customers");
        String problem = cidProblem(newCid);
        if (problem != null) {
            throw RequestRefused.invalid(problem);
        }
        if (customers.find(newCid).isPresent()) {
            throw RequestRefused.conflict("Customer [" + newCid + "] already exists");
        }
        if (exportKeys.find(newCid).isPresent()) {
            throw RequestRefused.conflict("[" + newCid + "] is the id of an export key; choose another customer id");
        }
        String secret = SecretKeys.generate();
        customers.insert(new CustomerEntity(newCid, sealed(newCid, secret), admin, clock.instant()));
        return secret;
    }

    /** Replaces a customer's key by a fresh random one; allowed to the customer itself and to admins. */
    public String rotate(String caller, String cid) {
        requireSelfOrAdmin(caller, cid, "rotate the key");
        String secret = SecretKeys.generate();
        boolean rotated = customers.rotateKey(cid, sealed(cid, secret), clock.instant());
        unsealedKeys.forget(cid);
        if (!rotated) {
            throw RequestRefused.invalid("No customer with id [" + cid + "]");
        }
        return secret;
    }

    /**
     * Makes sure the bootstrap customer exists as an administrator. With a configured secret the
     * stored key follows the configuration; without one a key is generated on first start only.
     *
     * @return the generated secret when one was created now, empty otherwise
     */
    public Optional<String> ensureBootstrap(String cid, Optional<String> configuredSecret) {
        configuredSecret.ifPresent(SecretKeys::requireValid);
        String secret = configuredSecret.orElseGet(SecretKeys::generate);
        boolean created = customers.ensureAdmin(cid, sealed(cid, secret),
                stored -> configuredSecret.isEmpty() || opensTo(cid, stored, secret), clock.instant());
        unsealedKeys.forget(cid);
        return created && configuredSecret.isEmpty() ? Optional.of(secret) : Optional.empty();
    }

    /**
     * Seals the keys that an earlier release stored in clear; run at start-up, before the first
     * request. Idempotent.
     *
     * @return how many keys were sealed now
     */
    public int sealClearKeys() {
        int sealedNow = customers.sealClearKeys(stored -> !Sealer.isSealed(stored), this::sealed);
        unsealedKeys.forgetAll();
        return sealedNow;
    }

    /** The associated text that binds a sealed key to its customer, apart from any other sealed value. */
    private static String owner(String cid) {
        return "customer key " + cid;
    }

    private String sealed(String cid, String secretBase64) {
        return sealer.seal(owner(cid), SecretKeys.decode(secretBase64));
    }

    /** False too when the stored key cannot be opened (sealed with a lost key): the configured key replaces it. */
    private boolean opensTo(String cid, String sealedKey, String secret) {
        try {
            return secret.equals(unsealed(cid, sealedKey));
        } catch (IllegalStateException sealedWithAnotherKey) {
            return false;
        }
    }

    private String unsealed(String cid, String sealedKey) {
        return Base64.getEncoder().encodeToString(sealer.unseal(owner(cid), sealedKey));
    }

    /** What a customer may do for itself and an administrator for anyone: 403 naming the action otherwise. */
    public void requireSelfOrAdmin(String caller, String cid, String action) {
        if (!caller.equals(cid)) {
            requireAdmin(caller, action + " of another customer");
        }
    }

    /** @throws RequestRefused FORBIDDEN naming {@code action} unless {@code caller} is an administrator */
    public void requireAdmin(String caller, String action) {
        boolean admin = customers.find(caller).map(CustomerEntity::isAdmin).orElse(false);
        if (!admin) {
            throw new RequestRefused(RequestRefused.Reason.FORBIDDEN, "Customer [" + caller + "] is not an administrator and cannot " + action);
        }
    }
}
