package io.smelt.compiler.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import org.slf4j.Logger;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.LoggerFactory;

/**
 * jinjava's interpreter printing values as Python does and failing at the first fatal error instead
 * of recording it and rendering on. One per template render and one per macro call.
 */
final class DbtInterpreter extends JinjavaInterpreter {
    private static final Logger LOG = LoggerFactory.getLogger(DbtInterpreter.class);
    // jinjava has no setter for the scope; a macro call swaps it instead of building a new interpreter
    private static final VarHandle CONTEXT;

    static {
        try {
            CONTEXT = MethodHandles.privateLookupIn(JinjavaInterpreter.class, MethodHandles.lookup())
                    .findVarHandle(JinjavaInterpreter.class, "context", Context.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The render this interpreter belongs to; null while parsing. */
    final RenderState state;

    DbtInterpreter(Jinjava application, Context context, JinjavaConfig config, RenderState state) {
        super(application, context, config);
        this.state = state;
    }

    /** Makes {@code context} this interpreter's scope and returns the previous one (macro calls). */
    Context swapContext(Context context) {
        Context previous = getContext();
        CONTEXT.set(this, context);
        return previous;
    }

    @Override
    public String getAsString(Object value) {
        return value instanceof String s ? s : PyStr.str(value);
    }

    @Override
    public void addError(TemplateError error) {
        if (error == null) {
            return;
        }
        if (state == null) {
            super.addError(error);
            return;
        }
        if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
            throw Failures.fromTemplateError(error);
        }
        LOG.debug("jinjava warning at line {}: {}", error.getLineno(), error.getMessage());
    }
}
