package io.smlfusion.security;

import jakarta.enterprise.context.RequestScoped;

/** The customer that signed the current request, as {@link SignatureFilter} verified it. */
@RequestScoped
public class Caller {

    private AuthenticatedCustomer customer;

    void set(AuthenticatedCustomer customer) {
        this.customer = customer;
    }

    public String cid() {
        return customer().cid();
    }

    /** The caller's key, for the bodies the API encrypts with it (spec §3). */
    public String secret() {
        return customer().secretBase64();
    }

    private AuthenticatedCustomer customer() {
        if (customer == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return customer;
    }
}
