package io.smlfusion.cli;

import java.io.IOException;
import java.net.http.HttpResponse;

/** Signed calls to the server with the command line's credentials; what the data commands send through. */
interface ServerCalls {

    /**
     * @param path relative to {@code /symetry/rest/{cid}/}
     * @param body the body, or null for none
     */
    HttpResponse<String> send(String method, String path, byte[] body) throws IOException, InterruptedException, CliUsageException;
}
