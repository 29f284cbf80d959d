package io.smlfusion.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.persistence.ExportKeyEntity;
import io.smlfusion.persistence.ExportKeyRepository;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;

/**
 * Export-only keys ({@link ExportKey}): created, listed and revoked by their owner or an
 * administrator, looked up by the signature filter. The secret is stored {@linkplain Sealer sealed},
 * bound to the key id, and leaves this class in clear only once, in the answer that creates it.
 * A found key is kept unsealed ({@link UnsealedKeys}) until it is revoked, so a revocation still
 * takes effect at the next request.
 */
@ApplicationScoped
public class ExportKeyService {

    /** Key ids are customer ids (a fusion's cell list validates them so) that say what they are. */
    public static final String ID_PREFIX = "ek-";
    /** Projects one key may name: bounds the stored row and the check on every request. */
    public static final int MAX_PROJECTS = 64;
    public static final int DEFAULT_MAX_PER_CUSTOMER = 100;
    public static final String MAX_PER_CUSTOMER_KEY = "smlfusion.security.export.keys.max.per.customer";

    private static final Logger LOG = Logger.getLogger(ExportKeyService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_RANDOM_BYTES = 15;

    @Inject
    ExportKeyRepository keys;

    @Inject
    CustomerService customers;

    @Inject
    Sealer sealer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = MAX_PER_CUSTOMER_KEY, defaultValue = "" + DEFAULT_MAX_PER_CUSTOMER)
    int maxPerCustomer;

    private final UnsealedKeys<IssuedKey> unsealedKeys = new UnsealedKeys<>(CustomerService.MAX_KEPT_KEYS);

    /** A key with its secret in clear: once when it is created, and for the signature filter. */
    public record IssuedKey(ExportKey key, String secret) {

        @Override
        public String toString() {
            return "IssuedKey[" + key + "]";
        }
    }

    /**
     * Creates a key for {@code owner}'s projects; the caller is the owner itself or an administrator.
     * The projects need not exist yet: a key names what it may read, and reveals nothing either way.
     */
    public IssuedKey create(String caller, String owner, List<String> projects) {
        requireOwnerOrAdmin(caller, owner, "create export keys");
        List<String> scope = scope(projects);
        if (keys.countOfOwner(owner) >= maxPerCustomer) {
            throw RequestRefused.conflict("Customer [" + owner + "] already has " + maxPerCustomer + " export keys, the limit ("
                    + MAX_PER_CUSTOMER_KEY + "); revoke one first");
        }
        String id = freshId();
        String secret = SecretKeys.generate();
        ExportKey key = new ExportKey(id, owner, scope, clock.instant(), caller);
        keys.insert(new ExportKeyEntity(id, owner, sealer.seal(sealOwner(id), SecretKeys.decode(secret)),
                String.join(ExportKeyEntity.PROJECT_SEPARATOR, scope), key.createdAt(), caller));
        LOG.info(() -> "Export key [" + id + "] of customer [" + owner + "] created by [" + caller + "] for projects " + scope);
        return new IssuedKey(key, secret);
    }

    /** The owner's keys, without their secrets. */
    public List<ExportKey> list(String caller, String owner) {
        requireOwnerOrAdmin(caller, owner, "list export keys");
        return keys.ofOwner(owner).stream().map(ExportKeyService::key).toList();
    }

    /** Deletes a key: the next request signed with it is refused as an unknown customer is. */
    public void revoke(String caller, String owner, String keyId) {
        requireOwnerOrAdmin(caller, owner, "revoke export keys");
        boolean deleted = keys.delete(owner, keyId);
        unsealedKeys.forget(keyId);
        if (!deleted) {
            throw new RequestRefused(RequestRefused.Reason.NOT_FOUND, "Customer [" + owner + "] has no export key [" + keyId + "]");
        }
        LOG.info(() -> "Export key [" + keyId + "] of customer [" + owner + "] revoked by [" + caller + "]");
    }

    /** The key of that id, with its secret, for the signature filter; empty for any other id. */
    Optional<IssuedKey> find(String keyId) {
        return unsealedKeys.get(keyId, () -> keys.find(keyId).map(stored -> new IssuedKey(key(stored),
                Base64.getEncoder().encodeToString(sealer.unseal(sealOwner(keyId), stored.getSealedKey())))));
    }

    /** Whether an id is taken by a key, so that no customer is created with it. */
    public boolean exists(String keyId) {
        return keys.find(keyId).isPresent();
    }

    private void requireOwnerOrAdmin(String caller, String owner, String action) {
        customers.requireSelfOrAdmin(caller, owner, action);
        if (!customers.exists(owner)) {
            throw new RequestRefused(RequestRefused.Reason.NOT_FOUND, "No customer with id [" + owner + "]");
        }
    }

    private static List<String> scope(List<String> projects) {
        if (projects == null || projects.isEmpty()) {
            throw RequestRefused.invalid("An export key needs the projects it may read: {\"projects\":[\"pid\",…]}");
        }
        if (projects.size() > MAX_PROJECTS) {
            throw RequestRefused.invalid("An export key names at most " + MAX_PROJECTS + " projects, not " + projects.size());
        }
        for (String pid : projects) {
            String problem = ProjectService.pidProblem(pid);
            if (problem != null) {
                throw RequestRefused.invalid(problem);
            }
        }
        return List.copyOf(new LinkedHashSet<>(projects));
    }

    /** Random, and never a customer's id: a customer id is looked up first and would shadow the key. */
    private String freshId() {
        while (true) {
            byte[] random = new byte[ID_RANDOM_BYTES];
            RANDOM.nextBytes(random);
            String id = ID_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (!customers.exists(id) && !exists(id)) {
                return id;
            }
        }
    }

    private static ExportKey key(ExportKeyEntity stored) {
        return new ExportKey(stored.getKeyId(), stored.getOwner(),
                Arrays.asList(stored.getProjects().split(ExportKeyEntity.PROJECT_SEPARATOR)), stored.getCreatedAt(), stored.getCreatedBy());
    }

    /** The associated text that binds a sealed secret to its key, apart from customer keys and cell lists. */
    private static String sealOwner(String keyId) {
        return "export key " + keyId;
    }
}
