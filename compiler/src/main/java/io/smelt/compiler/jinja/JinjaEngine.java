package io.smelt.compiler.jinja;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.MacroInfo;

/**
 * dbt's Jinja: every macro of every package parsed once, templates parsed once and rendered many times
 * from many threads. Unqualified names called from package P resolve in P's macros, then the root
 * package's, then each internal package's; then the render's globals; then the engine's built-ins
 * ({@code return}, {@code range}, {@code exceptions}, {@code modules}, ...). {@code pkg.macro} reaches any
 * package. Instances are immutable and thread-safe.
 */
public final class JinjaEngine {
    /**
     * @param rootPackage the root project's name
     * @param internalPackages packages searched last for unqualified names, most specific first
     *     (an engine's package, then {@code dbt})
     * @param dispatchPrefixes {@code adapter.dispatch} prefixes before {@code default}, most specific first
     * @param dispatchSearchOrder {@code dispatch:} from dbt_project.yml: macro namespace to package search order
     */
    public record Options(
            String rootPackage,
            List<String> internalPackages,
            List<String> dispatchPrefixes,
            Map<String, List<String>> dispatchSearchOrder) {
        public Options {
            internalPackages = List.copyOf(internalPackages);
            dispatchPrefixes = List.copyOf(dispatchPrefixes);
            dispatchSearchOrder = Map.copyOf(dispatchSearchOrder);
        }
    }

    private static final int STRING_CACHE_LIMIT = 10_000;

    private final Options options;
    private final MacroRegistry registry;
    private final List<MacroInfo> macroInfos = new ArrayList<>();
    private final Map<String, Template> stringCache = new ConcurrentHashMap<>();

    private JinjaEngine(Options options) {
        this.options = options;
        this.registry = new MacroRegistry(options.rootPackage(), options.internalPackages());
    }

    private record Loaded(MacroSource source, String text, Parser.Parsed parsed, Diagnostic error) {
    }

    /**
     * Parses every macro file (in parallel) and registers its {@code macro}, {@code test} (as
     * {@code test_<name>}) and {@code materialization} (as {@code materialization_<name>_<adapter>})
     * blocks by package.
     *
     * @throws SmeltException (JINJA) listing every file that does not parse, and duplicate macro names
     */
    public static JinjaEngine create(Options options, List<MacroSource> macroFiles) {
        JinjaEngine engine = new JinjaEngine(options);
        List<Loaded> loaded = macroFiles.parallelStream().map(JinjaEngine::load).toList();
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, MacroInfo> seen = new LinkedHashMap<>();
        for (Loaded l : loaded) {
            if (l.error() != null) {
                errors.add(l.error());
                continue;
            }
            MacroSource src = l.source();
            for (Parser.TopMacro top : l.parsed().macros()) {
                MacroValue value = new MacroValue(top.def(), null, src.packageName(), src.path(), engine);
                String id = "macro." + src.packageName() + "." + top.def().name;
                MacroInfo info = new MacroInfo(id, src.packageName(), top.def().name, src.path(), top.def().line,
                        l.text().substring(top.startOffset(), top.endOffset()));
                MacroInfo previous = seen.put(id, info);
                if (previous != null) {
                    errors.add(new Diagnostic(ErrorKind.JINJA, SourcePosition.of(src.path(), top.def().line),
                            "dbt found two macros named '" + top.def().name + "' in the project '" + src.packageName()
                                    + "'", "the other one is at " + SourcePosition.of(previous.path(), previous.line())));
                }
                engine.registry.add(value);
                engine.macroInfos.add(info);
            }
        }
        if (!errors.isEmpty()) {
            throw new SmeltException(errors);
        }
        engine.registry.seal();
        return engine;
    }

    private static Loaded load(MacroSource src) {
        String text = Lexer.normalize(src.text());
        try {
            return new Loaded(src, text, Parser.parse(text), null);
        } catch (TemplateSyntaxError e) {
            return new Loaded(src, text, null, syntaxDiagnostic(src.path(), text, e));
        }
    }

    private static Diagnostic syntaxDiagnostic(Path path, String text, TemplateSyntaxError e) {
        String[] lines = text.split("\n", -1);
        String hint = e.line >= 1 && e.line <= lines.length ? lines[e.line - 1].strip() : null;
        return new Diagnostic(ErrorKind.JINJA, new SourcePosition(path, e.line, Math.max(0, e.col)), e.getMessage(),
                hint == null || hint.isEmpty() ? null : hint);
    }

    MacroRegistry registry() {
        return registry;
    }

    /** Every registered macro, in load order. */
    public List<MacroInfo> macros() {
        return List.copyOf(macroInfos);
    }

    public boolean hasMacro(String packageName, String macroName) {
        return registry.find(packageName, macroName) != null;
    }

    /**
     * Parses a template of the given package (which decides unqualified macro lookup).
     *
     * @throws SmeltException (JINJA) at the line and column of a syntax error
     */
    public Template parse(String packageName, Path path, String text) {
        String normalized = Lexer.normalize(text);
        try {
            return new Template(packageName, path, Parser.parse(normalized).body());
        } catch (TemplateSyntaxError e) {
            throw new SmeltException(syntaxDiagnostic(path, normalized, e));
        }
    }

    /**
     * Renders a parsed template against the given globals, on the calling thread.
     *
     * @throws SmeltException (JINJA) at the innermost template or macro line, with the macro call stack as hint
     */
    public String render(Template template, Map<String, Object> globals) {
        Renderer r = new Renderer(this, globals);
        r.activate();
        try {
            Frame frame = new Frame(r, template.packageName(), template.path(), null, null, 1);
            r.top = frame;
            StringBuilder out = new StringBuilder();
            try {
                @SuppressWarnings("unchecked")
                List<Stmt> body = (List<Stmt>) template.tree();
                Stmt.execAll(body, new Scope(frame, null), out);
            } catch (Signals.MacroReturn ret) {
                return out.toString();
            } catch (RuntimeException e) {
                throw r.fail(e);
            } catch (StackOverflowError e) {
                throw r.fail(new PyException("RecursionError: maximum recursion depth exceeded"));
            }
            return out.toString();
        } finally {
            r.deactivate();
        }
    }

    /** Parses (cached) and renders text in the root package, e.g. a YAML value like {@code {{ env_var('X') }}}. */
    public String renderString(String text, Map<String, Object> globals) {
        Template t = stringCache.get(text);
        if (t == null) {
            t = parse(options.rootPackage(), null, text);
            if (stringCache.size() >= STRING_CACHE_LIMIT) {
                stringCache.clear();
            }
            stringCache.put(text, t);
        }
        return render(t, globals);
    }

    /**
     * Calls a macro ({@code name} or {@code pkg.name}) from Java as if from {@code callingPackage}.
     *
     * @return the macro's {@code return()} value if it called return, else its rendered output as a String
     */
    public Object callMacro(String callingPackage, String macroName, List<Object> args, Map<String, Object> kwargs,
            Map<String, Object> globals) {
        MacroValue macro = registry.lookupMacro(callingPackage, macroName);
        if (macro == null) {
            throw new SmeltException(ErrorKind.JINJA, null, "no macro named '" + macroName + "' visible from package '"
                    + callingPackage + "'", null);
        }
        return callMacroValue(macro, args, kwargs, globals);
    }

    Object callMacroValue(MacroValue macro, List<Object> args, Map<String, Object> kwargs, Map<String, Object> globals) {
        Renderer r = new Renderer(this, globals);
        r.activate();
        try {
            Object v = macro.call(r, new ArrayList<>(args == null ? List.of() : args),
                    new LinkedHashMap<>(kwargs == null ? Map.of() : kwargs));
            return v instanceof Undefined ? null : v;
        } catch (PyException e) {
            throw new SmeltException(ErrorKind.JINJA, SourcePosition.of(macro.file, macro.def.line), e.getMessage(),
                    "in macro " + macro.qualifiedName());
        } catch (RuntimeException e) {
            throw r.fail(e);
        } finally {
            r.deactivate();
        }
    }

    /**
     * {@code adapter.dispatch(macroName, macroNamespace)}: the first of {@code <prefix>__<macroName>} (each
     * dispatch prefix, then {@code default}) found in the packages searched, as a callable macro value.
     *
     * @throws SmeltException naming the macros tried and the packages searched
     */
    public Object resolveDispatch(String macroName, String macroNamespace) {
        List<String> packages;
        if (macroNamespace == null) {
            packages = registry.globalOrder();
        } else if (options.dispatchSearchOrder().containsKey(macroNamespace)) {
            packages = options.dispatchSearchOrder().get(macroNamespace);
        } else if (macroNamespace.equals("dbt")) {
            packages = options.internalPackages();
        } else {
            packages = List.of(macroNamespace);
        }
        List<String> prefixes = new ArrayList<>(options.dispatchPrefixes());
        prefixes.add("default");
        List<String> attempts = new ArrayList<>();
        for (String pkg : packages) {
            for (String prefix : prefixes) {
                String name = prefix + "__" + macroName;
                MacroValue m = registry.find(pkg, name);
                if (m != null) {
                    return m;
                }
                attempts.add("'" + pkg + "." + name + "'");
            }
        }
        String message = "In dispatch: No macro named '" + macroName + "' found within namespace: '" + macroNamespace
                + "'\n    Searched for: " + String.join(", ", attempts);
        Renderer r = Renderer.current();
        throw new SmeltException(ErrorKind.JINJA, r == null ? null : r.position(), message,
                r == null ? "packages searched: " + packages : r.stackHint());
    }

    /** {@code name} or {@code pkg.name} as seen from a package: a callable macro value, or null. */
    public Object lookupMacro(String callingPackage, String macroName) {
        return registry.lookupMacro(callingPackage, macroName);
    }

    /** The 1-based line being rendered on this thread (0 outside a render); for Java functions. */
    public static int currentLine() {
        return Renderer.currentLine();
    }

    /** The template or macro file being rendered on this thread, or null outside a render. */
    public static Path currentFile() {
        return Renderer.currentFile();
    }

    static Comparator<MacroInfo> byId() {
        return Comparator.comparing(MacroInfo::uniqueId);
    }
}
