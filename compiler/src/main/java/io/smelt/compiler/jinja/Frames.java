package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.smelt.compiler.diag.SourcePosition;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The templates and macros being rendered on this thread, innermost first: where an error happened,
 * the macro call stack for hints, and {@link JinjaEngine#currentLine()}.
 */
final class Frames {
    /**
     * @param file the template or macro file
     * @param macro {@code package.name} of the macro, or null for a template
     * @param packageName the package whose macros unqualified names reach first
     * @param interpreter renders this frame; its line number is the frame's current line
     * @param callerLine the line of the frame below when it called this one
     */
    record Frame(Path file, String macro, String packageName, JinjavaInterpreter interpreter, int callerLine) {
        int line() {
            return Math.max(interpreter.getLineNumber(), 0);
        }
    }

    private static final ThreadLocal<ArrayDeque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);

    private Frames() {
    }

    static void push(Frame frame) {
        FRAMES.get().push(frame);
    }

    static void pop() {
        FRAMES.get().pop();
    }

    /** How many templates and macros are being rendered on this thread. */
    static int depth() {
        return FRAMES.get().size();
    }

    static Frame current() {
        return FRAMES.get().peek();
    }

    /** The frame of the template this thread's render started from (a node's, a hook's), or null. */
    static Frame outermost() {
        return FRAMES.get().peekLast();
    }

    static SourcePosition position() {
        Frame top = current();
        return top == null ? null : SourcePosition.of(top.file(), top.line());
    }

    /** {@code in macro pkg.m (macros/m.sql:12), called from models/x.sql:3}, or null outside macros. */
    static String hint() {
        ArrayDeque<Frame> frames = FRAMES.get();
        if (frames.isEmpty() || frames.peek().macro() == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        Iterator<Frame> it = frames.iterator();
        Frame top = it.next();
        text.append("in macro ").append(top.macro()).append(" (").append(SourcePosition.of(top.file(), top.line()))
                .append(')');
        int shown = 0;
        Frame above = top;
        while (it.hasNext() && shown < 8) {
            Frame f = it.next();
            SourcePosition at = SourcePosition.of(f.file(), above.callerLine());
            text.append(", called from ");
            if (f.macro() != null) {
                text.append("macro ").append(f.macro()).append(" (").append(at).append(')');
            } else {
                text.append(at);
            }
            above = f;
            shown++;
        }
        return text.toString();
    }
}
