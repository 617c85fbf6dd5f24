package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Our Python-faithful filters and tests registered in jinjava under their Jinja2 names. */
final class LibraryAdapters {
    private LibraryAdapters() {
    }

    record FilterAdapter(String name, Filters.Filter filter) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, args, Map.of());
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            List<Object> a = args == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(args));
            return filter.apply(interpreter, var, a, kwargs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(kwargs));
        }
    }

    record TestAdapter(String name, Tests.Test test) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return test.test(interpreter, var, args == null ? List.of() : Arrays.asList(args));
        }
    }
}
