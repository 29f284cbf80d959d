package io.smlfusion.engine.model;

import java.io.IOException;

/**
 * Bytes cannot be read as a model: not an sml-fusion model, a format version this server does not
 * read, truncated, or inconsistent. The message says which and where.
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }
}
