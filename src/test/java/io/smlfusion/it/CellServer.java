package io.smlfusion.it;

/**
 * The pom's second integration-test server ({@code cellServer}): the same application in another
 * Liberty process with its own port, output directory, database and bootstrap customer. Tests that
 * stop or restart a server use this one, so the main server (and Arquillian's connection to it)
 * stays up for the whole suite.
 */
final class CellServer {

    static final String NAME = System.getProperty("it.cell.server.name", "cellServer");
    /** Not the port property itself: Maven hands -D properties of its command line to the tests as they are. */
    static final String BASE = System.getProperty("it.cell.base.url", "http://localhost:9182");
    static final String CID = System.getProperty("it.cell.cid", "cells");
    static final String SECRET = System.getProperty("it.cell.secret", "8Kc3oPq2Jm0cW1hVt4yX5A==");

    private CellServer() {
    }

    static LibertyServer server() {
        return new LibertyServer(NAME, BASE);
    }

    static SignedClient client() {
        return new SignedClient(BASE, CID, SECRET);
    }
}
