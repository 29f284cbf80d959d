package io.smlfusion.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.persistence.AuditEntryEntity;
import io.smlfusion.persistence.AuditMergeEntity;
import io.smlfusion.persistence.AuditRepository;
import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.CustomerService;

/**
 * Reads the audit trail a page at a time: administrators every customer's entries, a customer the
 * entries of its own projects (its exports, whoever called them, and its fusions' answers).
 */
@ApplicationScoped
public class AuditLog {

    static final String MAX_PAGE_KEY = "smlfusion.audit.page.max.size";

    @Inject
    AuditRepository repository;

    @Inject
    CustomerService customers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = MAX_PAGE_KEY, defaultValue = "500")
    int maxPageSize;

    /** Every customer's entries, or {@code owner}'s when given; administrators only. */
    public Map<String, Object> everyone(String caller, String owner, String from, String to, String page, String size) {
        customers.requireAdmin(caller, "read the audit trail of every customer");
        if (owner != null && !owner.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw RequestRefused.invalid("Audit: cid must be a customer id (letters, digits, _ . -, at most 64), not ["
                    + owner.substring(0, Math.min(owner.length(), 40)) + "]");
        }
        return page(owner, AuditQuery.parse(from, to, page, size, maxPageSize, clock.instant()));
    }

    /** The entries of {@code cid}'s own projects. */
    public Map<String, Object> own(String cid, String from, String to, String page, String size) {
        return page(cid, AuditQuery.parse(from, to, page, size, maxPageSize, clock.instant()));
    }

    private Map<String, Object> page(String owner, AuditQuery query) {
        // one more than asked tells whether another page follows, without counting
        List<AuditEntryEntity> found = repository.page(query.from(), query.to(), owner, query.offset(), query.size() + 1);
        List<AuditEntryEntity> entries = found.subList(0, Math.min(found.size(), query.size()));
        Map<String, List<MergedCell>> merges = repository.merges(entries.stream()
                        .filter(e -> AuditKind.FUSED_ANSWER.name().equals(e.getKind())).map(AuditEntryEntity::getSha256)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(AuditMergeEntity::getSha256, m -> AuditJson.cells(m.getCells()), (a, b) -> a));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("from", query.from().toString());
        page.put("to", query.to().toString());
        page.put("page", query.page());
        page.put("size", query.size());
        page.put("hasMore", found.size() > query.size());
        page.put("entries", entries.stream().map(entry -> AuditJson.entry(entry, merges)).toList());
        return page;
    }
}
