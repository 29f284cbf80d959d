package io.smlfusion.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An export-only key: a cid/secret pair that a fusion lists for a cell like any customer's, but that
 * may only read the snapshot ({@code GET projects/{pid}/export}) and the info
 * ({@code GET projects/{pid}/info}) of the projects it names, in its owner's namespace. Pure: the
 * signature filter asks {@link #authorise} after the signature is verified.
 *
 * @param id        the key's id, signed and sent in the path as a customer id is
 * @param owner     the customer whose projects it reads
 * @param projects  the project ids it may read, in the order they were named
 * @param createdAt when it was created
 * @param createdBy who created it: the owner, or an administrator
 */
public record ExportKey(String id, String owner, List<String> projects, Instant createdAt, String createdBy) {

    /** The two calls of a project an export key may make, both {@code GET}. */
    static final Set<String> ALLOWED_CALLS = Set.of("export", "info");

    static final int FORBIDDEN = 403;

    public ExportKey {
        projects = List.copyOf(projects);
    }

    /**
     * Decides whether this key may make a call. A project the key does not name is refused like a
     * forbidden call, whether it exists or not, so that the key reveals nothing of its owner's
     * other projects.
     *
     * @param verb the HTTP method
     * @param path the path segments after the key id, decoded ({@code projects}, pid, call)
     * @return the project the call reads
     * @throws AuthenticationException 403 for every other call
     */
    public String authorise(String verb, List<String> path) throws AuthenticationException {
        boolean projectCall = "GET".equals(verb) && path.size() == 3 && "projects".equals(path.get(0))
                && ALLOWED_CALLS.contains(path.get(2));
        if (!projectCall) {
            throw new AuthenticationException(FORBIDDEN, "Export key [" + id + "] may only call GET projects/{pid}/export and"
                    + " GET projects/{pid}/info; " + verb + " " + String.join("/", path) + " is refused");
        }
        String pid = path.get(1);
        if (!projects.contains(pid)) {
            throw new AuthenticationException(FORBIDDEN, "Export key [" + id + "] is not valid for project [" + pid + "]");
        }
        return pid;
    }
}
