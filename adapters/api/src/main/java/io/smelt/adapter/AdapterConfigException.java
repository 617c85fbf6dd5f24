package io.smelt.adapter;

/** A target's fields are wrong; the message names the field and what was expected, never a secret. */
public class AdapterConfigException extends RuntimeException {
    private final String hint;

    public AdapterConfigException(String message) {
        this(message, null);
    }

    public AdapterConfigException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
