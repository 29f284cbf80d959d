package io.smlfusion.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the audit trail knows about the request being answered: which call it is, and which merges
 * it has already recorded, so that an answer reading the same merge twice (an exploration with
 * {@code smlInfo}) is recorded once.
 */
@RequestScoped
public class AnsweredRequest {

    static final int MAX_CALL_LENGTH = 64;

    @Inject
    HttpServletRequest request;

    private final Set<String> recorded = new HashSet<>();

    /** @return true the first time this request reads {@code mergeSha256} */
    boolean firstRead(String mergeSha256) {
        return recorded.add(mergeSha256);
    }

    /** The call: what follows {@code projects/{pid}/} in the path ({@code explore}, {@code build}, {@code info}, …). */
    String call() {
        return callOf(request.getRequestURI());
    }

    static String callOf(String path) {
        List<String> segments = List.of(path.split("/"));
        int projects = segments.indexOf("projects");
        String call = projects >= 0 && segments.size() > projects + 2
                ? String.join("/", segments.subList(projects + 2, segments.size()))
                : "";
        call = call.isEmpty() ? "read" : call;
        return call.length() > MAX_CALL_LENGTH ? call.substring(0, MAX_CALL_LENGTH) : call;
    }
}
