package io.smlfusion.fusion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TLS side of the fusion's calls to {@code https://} cells: which certificate authorities it
 * trusts ({@value #TRUSTSTORE}, default: the JVM's) and, for cells that demand mutual TLS, the
 * client certificate it presents ({@value #KEYSTORE}, default: none). The context is built on the
 * first {@code https://} call and kept; a store that cannot be read fails that call with a message
 * naming the key, and the next call tries again. Plain {@code http://} cells never need the stores.
 */
@ApplicationScoped
public class CellTransportSecurity {

    static final String TRUSTSTORE = "smlfusion.fusion.cell.tls.truststore";
    static final String KEYSTORE = "smlfusion.fusion.cell.tls.keystore";

    @Inject
    @ConfigProperty(name = TRUSTSTORE)
    Optional<String> truststore;

    @Inject
    @ConfigProperty(name = TRUSTSTORE + ".password")
    Optional<String> truststorePassword;

    @Inject
    @ConfigProperty(name = TRUSTSTORE + ".type", defaultValue = "PKCS12")
    String truststoreType;

    @Inject
    @ConfigProperty(name = KEYSTORE)
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = KEYSTORE + ".password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = KEYSTORE + ".type", defaultValue = "PKCS12")
    String keystoreType;

    private volatile SSLContext context;

    /** The TLS context for a call to {@code host}: the configured one for {@code https://}, the JVM's otherwise. */
    public SSLContext sslContextFor(String host) {
        if (host == null || !host.regionMatches(true, 0, "https:", 0, 6)) {
            return jvmDefault();
        }
        if (context == null) {
            synchronized (this) {
                if (context == null) {
                    context = configured();
                }
            }
        }
        return context;
    }

    private SSLContext configured() {
        if (truststore.filter(s -> !s.isBlank()).isEmpty() && keystore.filter(s -> !s.isBlank()).isEmpty()) {
            return jvmDefault();
        }
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers(), trustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for cell calls: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException {
        Optional<String> file = keystore.filter(s -> !s.isBlank());
        if (file.isEmpty()) {
            return null;
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keystorePassword.orElse("");
        factory.init(load(KEYSTORE, file.get(), keystoreType, password), password.toCharArray());
        return factory.getKeyManagers();
    }

    private TrustManager[] trustManagers() throws GeneralSecurityException {
        Optional<String> file = truststore.filter(s -> !s.isBlank());
        if (file.isEmpty()) {
            return null;
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(TRUSTSTORE, file.get(), truststoreType, truststorePassword.orElse("")));
        return factory.getTrustManagers();
    }

    private static KeyStore load(String key, String file, String type, String password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + key + " [" + file + "] (type " + type + "): " + e.getMessage(), e);
        }
    }

    private static SSLContext jvmDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }
}
