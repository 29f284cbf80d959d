package io.smlfusion.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The SymetryML REST surface: the WAR's context root is {@code /symetry}, so every path is
 * {@code /symetry/rest/...}. The OpenAPI description (served by mpOpenAPI at {@code /openapi}, with
 * a browser UI at {@code /openapi/ui}) is assembled from the annotations here and on the resources.
 */
@ApplicationPath("/rest")
@OpenAPIDefinition(
        info = @Info(title = "sml-fusion: SymetryML REST API with Fusion Projects", version = "6.3",
                description = "Every call under /symetry/rest/{cid}/ is signed by the customer {cid}: see the "
                        + "security scheme. Answers are the JSON envelope {statusCode, statusString, values}.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = SymetryRestApplication.SIGNATURE_SCHEME))
@SecurityScheme(securitySchemeName = SymetryRestApplication.SIGNATURE_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "Authorization",
        description = "HMAC-SHA256 request signature, Base64, keyed with the decoded secret of the customer. "
                + "The string to sign is, one item per line each ending in a newline: the HTTP method; the "
                + "Content-MD5 header (Base64 MD5 of the body, empty without a body); the secret key as Base64 "
                + "text; the sym-date header (UTC 'yyyy-MM-dd HH:mm:ss', optionally ';' and a fraction); the "
                + "customer id; the body, when there is one; the request path (/symetry/rest/...); the query "
                + "string, when there is one. Send it with the headers sym-date, Content-MD5, Customer-ID and "
                + "sym-version: 6.3. The date must be within 5 minutes before and 1 minute after the server's "
                + "clock, and a signature is accepted once.")
public class SymetryRestApplication extends Application {

    /** The name of the request-signature security scheme in the OpenAPI document. */
    static final String SIGNATURE_SCHEME = "symetrySignature";
}
