package io.smlfusion.security;

import java.time.Instant;

/**
 * The outcome of a successful verification: who signed, with which key (needed again to decrypt
 * the body and encrypt the answer, spec §3), and the request's {@code sym-date}.
 *
 * @param cid          the verified customer id
 * @param secretBase64 that customer's secret key; kept out of {@link #toString()}
 * @param requestTime  the instant of the request's {@code sym-date}
 */
public record AuthenticatedCustomer(String cid, String secretBase64, Instant requestTime) {

    @Override
    public String toString() {
        return "AuthenticatedCustomer[cid=" + cid + ", requestTime=" + requestTime + "]";
    }
}
