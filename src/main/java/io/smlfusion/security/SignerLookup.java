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

    /** The signer's secret, for {@link SignatureVerifier}; empty for an id that is neither. */
    Optional<String> secretOf(String id) {
        Optional<String> customer = customers.secretOf(id);
        if (customer.isPresent()) {
            return customer;
        }
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
