package io.smlfusion.fusion;

import jakarta.enterprise.context.RequestScoped;

import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.BodyEncryption;

/**
 * The body encryption scheme the current request announced with {@code sym-encryption} (DESIGN §5),
 * for every encrypted entity answered to it — including the ones of requests without an encrypted
 * body, like {@code fusionCellInfo} in {@code info}. Filled by {@link RequestedEncryptionFilter}.
 */
@RequestScoped
public class RequestedEncryption {

    private String header;

    void set(String header) {
        this.header = header;
    }

    /** @throws RequestRefused 400 when the header names no known scheme */
    public BodyEncryption scheme() {
        try {
            return BodyEncryption.fromHeader(header);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }
}
