package io.drydock.allocator.resources;

/** A resource string that does not parse; the message names the offending token. */
public class ResourceParseException extends IllegalArgumentException {

    public ResourceParseException(String message) {
        super(message);
    }
}
