package io.smlfusion.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the audit trail knows about the request being answered: which call it is, and which merges
 * it has already recorded, so that an answer reading the same merge twice (an exploration with
 * {@code smlInfo}) is recorded once.
 */
@RequestScoped
public class AnsweredRequest {

    static final int MAX_CALL_LENGTH = 64;

    private final Set<String> recorded = new HashSet<>();
    private String call = "read";

    /** @param path the request's path, told by the API layer before the request is answered */
    public void answering(String path) {
        call = callOf(path);
    }

    /** @return true the first time this request reads {@code mergeSha256} */
    boolean firstRead(String mergeSha256) {
        return recorded.add(mergeSha256);
    }

    /** The call: what follows {@code {cid}/projects/{pid}/} in the path ({@code explore}, {@code build}, {@code info}, …). */
    String call() {
        return call;
    }

    /** @param path relative to the API root: {@code {cid}/projects/{pid}/{call…}} */
    static String callOf(String path) {
        List<String> segments = List.of(path.replaceFirst("^/+", "").split("/"));
        String call = segments.size() > 3 && segments.get(1).equals("projects")
                ? String.join("/", segments.subList(3, segments.size()))
                : "read";
        return call.length() > MAX_CALL_LENGTH ? call.substring(0, MAX_CALL_LENGTH) : call;
    }
}
