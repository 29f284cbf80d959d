package io.smlfusion.fusion;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;

/**
 * Signs each call to a cell as the cell's own customer (spec §2), over the path and raw query
 * exactly as they go on the wire. Calls to cells carry no body. When the call connects to the
 * checked address instead of the name ({@link CellTarget}), the {@code Host} header keeps the name.
 */
final class CellSigningFilter implements ClientRequestFilter {

    private final RequestSigner signer;
    private final String hostHeader;

    /** @param hostHeader the {@code Host} header to send, or null for the one of the URL */
    CellSigningFilter(RequestSigner signer, String hostHeader) {
        this.signer = signer;
        this.hostHeader = hostHeader;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.hasEntity()) {
            throw new IllegalStateException("calls to cells carry no body; " + request.getMethod() + " " + request.getUri() + " has one");
        }
        SignedRequest signed = signer.sign(request.getMethod(), request.getUri().getRawPath(), request.getUri().getRawQuery(), null);
        signed.headers().forEach((name, value) -> request.getHeaders().putSingle(name, value));
        if (hostHeader != null) {
            request.getHeaders().putSingle("Host", hostHeader);
        }
    }
}
