package io.smlfusion.project;

/**
 * Where the models of persisted projects are kept, as the project layer needs it: loading a
 * project restores its models, saving writes them. The project layer owns a project's models
 * ({@link ProjectModels}) but not how they are encoded and stored; the modelling layer implements
 * this, so the dependency runs from modelling to project only.
 */
public interface ModelStorage {

    /** Puts the project's stored models into {@code models}, oldest first; unreadable ones are skipped and logged. */
    void restoreInto(String cid, String pid, ProjectModels models);

    /** Makes the stored models of the project exactly {@code models}, in one transaction. */
    void saveAll(String cid, String pid, ProjectModels models);
}
