package io.smlfusion.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The projects loaded in memory, per customer. Changes of a customer's set of project ids (add,
 * rename, remove) are serialised per customer so that two of them never race on the same id.
 */
@ApplicationScoped
public class ProjectRegistry {

    private final Map<String, Map<String, Project>> byCustomer = new ConcurrentHashMap<>();

    public Optional<Project> get(String cid, String pid) {
        return Optional.ofNullable(projects(cid).get(pid));
    }

    public List<String> pids(String cid) {
        List<String> pids = new ArrayList<>(projects(cid).keySet());
        pids.sort(null);
        return pids;
    }

    /** The customer's projects in memory. */
    public List<Project> all(String cid) {
        return List.copyOf(projects(cid).values());
    }

    /** @return false when the customer already has a project with that id */
    public boolean add(Project project) {
        return projects(project.header().cid()).putIfAbsent(project.header().pid(), project) == null;
    }

    public Optional<Project> remove(String cid, String pid) {
        return Optional.ofNullable(projects(cid).remove(pid));
    }

    /** @return false when {@code newPid} is taken */
    public boolean rename(Project project, String newPid, Instant now) {
        Map<String, Project> projects = projects(project.header().cid());
        synchronized (projects) {
            if (projects.putIfAbsent(newPid, project) != null) {
                return false;
            }
            projects.remove(project.header().pid());
            project.header().rename(newPid, now);
            return true;
        }
    }

    private Map<String, Project> projects(String cid) {
        return byCustomer.computeIfAbsent(cid, c -> new ConcurrentHashMap<>());
    }
}
