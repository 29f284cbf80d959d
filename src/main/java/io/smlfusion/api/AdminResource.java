package io.smlfusion.api;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.security.CustomerService;
import io.smlfusion.security.ExportKeyService;

/**
 * Customer administration, signed like every other call. Creating and listing customers needs an
 * administrator (the bootstrap customer is one); a customer may rotate its own key and manage its
 * own export keys here as well as under {@code /{cid}/exportKeys}.
 */
@Tag(name = "Customers", description = "Customers and their keys: admins create customers, anyone rotates their own key")
@Path("/{cid}/admin/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    CustomerService customers;

    @Inject
    ExportKeyService exportKeys;

    @GET
    public Response list(@PathParam("cid") String caller) {
        return Responses.ok(Map.of("stringList", Map.of("values", customers.customerIds(caller))));
    }

    @POST
    public Response create(@PathParam("cid") String caller, @QueryParam("newCid") String newCid,
                           @QueryParam("admin") boolean admin) {
        String secret = customers.create(caller, newCid, admin);
        return Responses.created("Customer created with id:" + newCid, credentials(newCid, secret));
    }

    @POST
    @Path("/{target}/rotateKey")
    public Response rotateKey(@PathParam("cid") String caller, @PathParam("target") String target) {
        String secret = customers.rotate(caller, target);
        return Responses.ok("Key rotated for customer [" + target + "]", credentials(target, secret));
    }

    /** A customer's export-only keys, as {@link ExportKeyResource} offers them to the customer itself. */
    @POST
    @Path("/{target}/exportKeys")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response createExportKey(@PathParam("cid") String caller, @PathParam("target") String target, String body) {
        return ExportKeyResource.created(exportKeys.create(caller, target, ExportKeyResource.projects(body)));
    }

    @GET
    @Path("/{target}/exportKeys")
    public Response listExportKeys(@PathParam("cid") String caller, @PathParam("target") String target) {
        return ExportKeyResource.listed(exportKeys.list(caller, target));
    }

    @DELETE
    @Path("/{target}/exportKeys/{keyId}")
    public Response revokeExportKey(@PathParam("cid") String caller, @PathParam("target") String target,
                                    @PathParam("keyId") String keyId) {
        exportKeys.revoke(caller, target, keyId);
        return ExportKeyResource.revoked(keyId);
    }

    private static Map<String, Object> credentials(String cid, String secret) {
        return Map.of("smlCredentials", credentialsOf(cid, secret));
    }

    /** Same shape as the product's {@code /smlaccess} answer (spec §2.1). */
    static Map<String, Object> credentialsOf(String cid, String secret) {
        return Map.of("smlusername", cid, "smlusersecretkey", secret);
    }
}
