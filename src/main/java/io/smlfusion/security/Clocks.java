package io.smlfusion.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The server's clock (UTC), injected wherever time matters so that tests can reason about it. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
