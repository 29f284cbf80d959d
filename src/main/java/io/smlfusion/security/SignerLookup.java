package io.smlfusion.security;

import java.util.Optional;

/**
 * Who may have signed one request: the customer of that id, or else the export key of that id
 * (the two never share an id). Remembers the export key it found, for the authorisation that
 * follows the verified signature. One per request, never shared.
 */
final class SignerLookup {

    private final CustomerService customers;
    private final ExportKeyService exportKeys;
    private ExportKey exportKey;

    SignerLookup(CustomerService customers, ExportKeyService exportKeys) {
        this.customers = customers;
        this.exportKeys = exportKeys;
    }

    /**
     * The signer's secret, for {@link SignatureVerifier}; empty for an id that is neither. An id is
     * never both (each is refused when the other exists), so asking for an export key first when the
     * id looks like one only saves the customer lookup that would miss.
     */
    Optional<String> secretOf(String id) {
        if (id.startsWith(ExportKeyService.ID_PREFIX)) {
            Optional<String> key = exportKeySecret(id);
            return key.isPresent() ? key : customers.secretOf(id);
        }
        Optional<String> customer = customers.secretOf(id);
        return customer.isPresent() ? customer : exportKeySecret(id);
    }

    private Optional<String> exportKeySecret(String id) {
        return exportKeys.find(id).map(found -> {
            exportKey = found.key();
            return found.secret();
        });
    }

    /** The export key that signed, once {@link #secretOf} found one. */
    Optional<ExportKey> exportKey() {
        return Optional.ofNullable(exportKey);
    }
}
