package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.TemplateError;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

/** Turns whatever went wrong during a render into one {@link SmeltException} at the innermost frame. */
final class Failures {
    private Failures() {
    }

    static Signals.Abort abort(String message, Throwable cause) {
        return new Signals.Abort(
                new SmeltException(ErrorKind.JINJA, Frames.position(), message, Frames.hint(), cause));
    }

    /** A {@link JinjaFunction} failed: positioned SmeltExceptions pass unchanged, the rest get our position. */
    static Signals.Abort fromFunction(RuntimeException e) {
        if (e instanceof SmeltException se && se.first().at() != null) {
            return new Signals.Abort(se);
        }
        if (e instanceof SmeltException se) {
            // the function's own hint (a suggestion) comes first; the macro stack after it
            String stack = Frames.hint();
            String hint = se.first().hint() == null ? stack : stack == null ? se.first().hint() : se.first().hint() + "; " + stack;
            return new Signals.Abort(new SmeltException(ErrorKind.JINJA, Frames.position(), se.first().message(), hint, se));
        }
        return abort(message(e), e);
    }

    static Signals.Abort fromThrowable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Signals.Abort a) {
                return a;
            }
            if (t instanceof PyException pe) {
                return abort(pe.getMessage(), null);
            }
            if (t instanceof SmeltException se) {
                return fromFunction(se);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return abort(rootMessage(e), e);
    }

    static Signals.Abort fromTemplateError(TemplateError error) {
        if (error.getException() != null) {
            for (Throwable t = error.getException(); t != null; t = t.getCause()) {
                if (t instanceof PyException || t instanceof SmeltException || t instanceof Signals.Abort) {
                    return fromThrowable(t);
                }
            }
        }
        return abort(cleanMessage(error.getMessage()), error.getException());
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return message(root);
    }

    private static String cleanMessage(String message) {
        return message == null ? "template error" : message;
    }
}
