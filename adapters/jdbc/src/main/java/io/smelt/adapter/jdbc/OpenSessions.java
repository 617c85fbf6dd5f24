package io.smelt.adapter.jdbc;

import io.smelt.adapter.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sessions an adapter has open, so that closing the adapter cancels and closes them all, and so
 * that no session opens once it is closed. Thread-safe: workers open sessions while another thread
 * may close the adapter (Ctrl-C, a failed run).
 */
public final class OpenSessions<S extends Session> {
    private final Set<S> sessions = new HashSet<>();
    private boolean closed;

    /** Throws when the adapter is closed; call before the work of opening a session. */
    public synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("adapter is closed");
        }
    }

    /** Keeps a newly opened session; closes it and throws when the adapter closed meanwhile. */
    public S register(S session) {
        synchronized (this) {
            if (!closed) {
                sessions.add(session);
                return session;
            }
        }
        session.close();
        throw new IllegalStateException("adapter is closed");
    }

    /** Forgets a session that closed itself; suits {@link JdbcSession}'s close callback. */
    public synchronized void remove(Session session) {
        sessions.remove(session);
    }

    /** Marks the adapter closed and cancels and closes every open session; false when it was already closed. */
    public boolean closeAll() {
        List<S> open;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            open = new ArrayList<>(sessions);
        }
        for (S session : open) {
            session.cancel();
            session.close();
        }
        return true;
    }
}
