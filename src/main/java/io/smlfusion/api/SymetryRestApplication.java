package io.smlfusion.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The SymetryML REST surface: the WAR's context root is {@code /symetry}, so every path is {@code /symetry/rest/...}. */
@ApplicationPath("/rest")
public class SymetryRestApplication extends Application {
}
