package io.smelt.compiler.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.MacroInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's Jinja on top of jinjava: every macro of every package parsed once, templates parsed once and
 * rendered many times from many threads. See {@code create} for the lookup rules.
 */
public final class JinjaEngine {
    private static final int STRING_CACHE_LIMIT = 20_000;
    private static final int SHARED_TREE_MAX_LENGTH = 200;
    // dbt's as_native / as_bool / as_number mark the printed value for literal_eval in native rendering
    private static final Pattern NATIVE_MARKER = Pattern.compile("\\|\\s*(as_native|as_bool|as_number)\\s*(\\(\\s*\\))?\\s*$");

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

    private final Options options;
    private final DbtJinjava jinjava;
    private final MacroRegistry registry;
    private final List<MacroInfo> macroInfos;
    private final Map<String, Template> strings = new ConcurrentHashMap<>();
    private final Map<String, Object> trees = new ConcurrentHashMap<>();

    private JinjaEngine(Options options, DbtJinjava jinjava, MacroRegistry registry, List<MacroInfo> macroInfos) {
        this.options = options;
        this.jinjava = jinjava;
        this.registry = registry;
        this.macroInfos = macroInfos;
    }

    /**
     * Parses every macro file (in parallel) and registers its {@code macro}s by package;
     * {@code test x} registers as {@code test_x}, {@code materialization x, adapter='a'} as
     * {@code materialization_x_a}. Unqualified names called from package P resolve in P, then the
     * root package, then each internal package in order; {@code pkg.name} reaches any package.
     *
     * @throws SmeltException listing every file with a syntax error, unknown filter or unknown test
     */
    public static JinjaEngine create(Options options, List<MacroSource> macroFiles) {
        DbtJinjava jinjava = new DbtJinjava();
        List<MacroFile.Loaded> loaded = macroFiles.parallelStream().map(f -> MacroFile.load(jinjava, f)).toList();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Map<String, DbtMacro>> byPackage = new LinkedHashMap<>();
        List<MacroInfo> infos = new ArrayList<>();
        for (MacroFile.Loaded file : loaded) {
            problems.addAll(file.problems());
            for (MacroFile.Entry e : file.macros()) {
                Map<String, DbtMacro> macros = byPackage.computeIfAbsent(e.macro().packageName(), p -> new LinkedHashMap<>());
                DbtMacro previous = macros.putIfAbsent(e.macro().def().name(), e.macro());
                if (previous != null) {
                    problems.add(Diagnostic.of(ErrorKind.JINJA, SourcePosition.of(e.macro().file(), e.info().line()),
                            "macro '" + e.macro().def().name() + "' is defined twice in package '"
                                    + e.macro().packageName() + "' (also at "
                                    + SourcePosition.of(previous.file(), previous.def().line()) + ")"));
                } else {
                    infos.add(e.info());
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((Diagnostic d) -> String.valueOf(d.at().file()))
                    .thenComparingInt(d -> d.at().line()));
            throw new SmeltException(problems);
        }
        return new JinjaEngine(options, jinjava, new MacroRegistry(options, byPackage), List.copyOf(infos));
    }

    public List<MacroInfo> macros() {
        return macroInfos;
    }

    public boolean hasMacro(String packageName, String macroName) {
        return registry.macro(packageName, macroName) != null;
    }

    /** Parses a template of a package; the result is thread-safe and reusable. */
    public Template parse(String packageName, Path path, String text) {
        // a parsed tree is safe to share across threads: short texts that recur (every generic test's
        // "{{ test_not_null(**_dbt_generic_test_kwargs) }}") are parsed once
        boolean shared = text.length() <= SHARED_TREE_MAX_LENGTH;
        Object tree = shared ? trees.get(text) : null;
        if (tree == null) {
            TemplateLoader.Parsed parsed = TemplateLoader.parse(jinjava, path, text);
            if (!parsed.problems().isEmpty()) {
                throw new SmeltException(parsed.problems());
            }
            tree = parsed.root();
            if (shared && trees.size() < STRING_CACHE_LIMIT) {
                trees.put(text, tree);
            }
        }
        return new Template(packageName, path, tree);
    }

    /**
     * A template of text that parsed without problems before (its node came from the partial-parse
     * cache): parsed when first rendered, so a parse that renders nothing parses nothing.
     */
    public Template parseLater(String packageName, Path path, String text) {
        return new Template(packageName, path, () -> parse(packageName, path, text).tree());
    }

    /** Renders with a fresh interpreter; safe to call from many threads at once. */
    public String render(Template template, Map<String, Object> globals) {
        RenderState state = new RenderState(jinjava, registry, globals, template.packageName());
        DbtInterpreter interpreter = state.newInterpreter(new Scope(state.packageScope(template.packageName())));
        return run(template.path(), template.packageName(), interpreter, () -> {
            try {
                return interpreter.render((Node) template.tree());
            } catch (Signals.Return r) {
                return "";
            }
        });
    }

    /**
     * dbt's {@code render(string)}: the text rendered as a template inside the render that calls it, with
     * its globals and what {@code context.update} added to them (dbt-unit-testing renders a tested
     * model's SQL so, with its own {@code ref} in the test's context).
     */
    public String renderInCurrent(String text) {
        if (!(JinjavaInterpreter.getCurrent() instanceof DbtInterpreter current) || current.state == null) {
            throw new SmeltException(ErrorKind.JINJA, Frames.position(), "render() works only while a template renders", null);
        }
        String packageName = current.state.renderPackage();
        Template template = cached(packageName, text);
        DbtInterpreter interpreter = current.state.newInterpreter(new Scope(current.state.packageScope(packageName)));
        Frames.Frame caller = Frames.current();
        return run(caller == null ? template.path() : caller.file(), packageName, interpreter, () -> {
            try {
                return interpreter.render((Node) template.tree());
            } catch (Signals.Return r) {
                return "";
            }
        });
    }

    /** Parses (cached) and renders text in the root package, e.g. a YAML value with {@code {{ env_var('X') }}}. */
    public String renderString(String text, Map<String, Object> globals) {
        return renderString(options.rootPackage(), text, globals);
    }

    /**
     * Parses (cached) and renders text as a template of a package, whose macros its unqualified names
     * reach first: a hook of a package's node or of a package's {@code on-run-start}, as dbt renders them.
     */
    public String renderString(String packageName, String text, Map<String, Object> globals) {
        return render(cached(packageName, text), globals);
    }

    /**
     * Renders text as dbt's native renderer does (for YAML values: configs, test arguments): a
     * template that is one {@code {{ expression }}} and nothing else gives the expression's value (a
     * boolean, a list, a relation...); any other template gives its text.
     */
    public Object renderNative(String text, Map<String, Object> globals) {
        return renderNative(options.rootPackage(), text, globals);
    }

    /**
     * {@link #renderNative(String, Map)} as a template of a package, whose macros its unqualified
     * names reach first: a generic test's arguments in the package that defines the test.
     */
    public Object renderNative(String packageName, String text, Map<String, Object> globals) {
        Template template = cached(packageName, text);
        List<Node> children = ((Node) template.tree()).getChildren();
        if (children.size() != 1 || !(children.get(0) instanceof ExpressionNode expression)) {
            return render(template, globals);
        }
        RenderState state = new RenderState(jinjava, registry, globals, template.packageName());
        DbtInterpreter interpreter = state.newInterpreter(new Scope(state.packageScope(template.packageName())));
        String expr = ((ExpressionToken) expression.getMaster()).getExpr();
        Object value = run(template.path(), template.packageName(), interpreter,
                () -> interpreter.resolveELExpression(expr, expression.getLineNumber()));
        if (value instanceof Undefined) {
            return null;
        }
        Matcher marker = NATIVE_MARKER.matcher(expr);
        return marker.find() ? NativeLiteral.convert(this, marker.group(1), value) : value;
    }

    private Template cached(String packageName, String text) {
        String key = packageName.equals(options.rootPackage()) ? text : packageName + '\0' + text;
        Template template = strings.get(key);
        if (template == null) {
            template = parse(packageName, null, text);
            if (strings.size() > STRING_CACHE_LIMIT) {
                strings.clear();
            }
            strings.put(key, template);
        }
        return template;
    }

    /**
     * Calls a macro from Java ({@code macroName} may be {@code pkg.name}): its {@code return()} value
     * if it returned one, else its output as a String.
     */
    public Object callMacro(String callingPackage, String macroName, List<Object> args, Map<String, Object> kwargs,
            Map<String, Object> globals) {
        DbtMacro macro = registry.lookup(callingPackage, macroName);
        if (macro == null) {
            throw new SmeltException(ErrorKind.JINJA, Frames.position(),
                    "macro '" + macroName + "' not found (looked up from package '" + callingPackage + "')",
                    Frames.hint());
        }
        RenderState state = new RenderState(jinjava, registry, globals, callingPackage);
        DbtInterpreter interpreter = state.newInterpreter(new Scope(state.packageScope(callingPackage)));
        Frames.Frame caller = Frames.current();
        Path file = caller == null ? macro.file() : caller.file();
        Object result = run(file, callingPackage, interpreter,
                () -> macro.call(mutable(args), mutable(kwargs)));
        return result instanceof Undefined ? null : result;
    }

    /** Arguments from Java as Python sees them: lists and dicts it may change (a test's YAML list, ...). */
    private static List<Object> mutable(List<Object> args) {
        List<Object> out = new ArrayList<>(args.size());
        args.forEach(a -> out.add(Mutable.of(a)));
        return out;
    }

    private static Map<String, Object> mutable(Map<String, Object> kwargs) {
        Map<String, Object> out = new LinkedHashMap<>();
        kwargs.forEach((k, v) -> out.put(k, Mutable.of(v)));
        return out;
    }

    /** What {@code adapter.dispatch(name, namespace)} returns: a macro callable in the current render. */
    public Object resolveDispatch(String macroName, String macroNamespace) {
        return registry.dispatch(macroName, macroNamespace);
    }

    /** The macro {@code name} (or {@code pkg.name}) as seen from a package, or null. */
    public Object lookupMacro(String callingPackage, String macroName) {
        return registry.lookup(callingPackage, macroName);
    }

    /**
     * The {@code {% materialization name %}} dbt would run on this engine, or null: the most specific
     * adapter first (the engine's dispatch prefixes, then {@code default}); for one adapter, the root
     * project's, then another package's (alphabetically), then a built-in one.
     */
    public MaterializationMacro materialization(String name) {
        List<String> adapters = new ArrayList<>(options.dispatchPrefixes());
        adapters.add("default");
        List<String> packages = new ArrayList<>();
        packages.add(options.rootPackage());
        registry.all().keySet().stream().sorted()
                .filter(p -> !p.equals(options.rootPackage()) && !options.internalPackages().contains(p))
                .forEach(packages::add);
        packages.addAll(options.internalPackages());
        for (String adapter : adapters) {
            String macroName = "materialization_" + name + "_" + adapter;
            for (String pkg : packages) {
                if (registry.macro(pkg, macroName) != null) {
                    return new MaterializationMacro(pkg, macroName, adapter, pkg.equals(options.rootPackage()));
                }
            }
        }
        return null;
    }

    /**
     * A materialization block: call it with {@link #callMacro} as {@code packageName + "." + macroName}.
     *
     * @param adapter the adapter it names, {@code default} when none
     * @param inRootProject whether the root project defines it
     */
    public record MaterializationMacro(String packageName, String macroName, String adapter, boolean inRootProject) {
    }

    /** The signature of macro {@code name} (or {@code pkg.name}) as seen from a package, or null when there is none. */
    public MacroSignature signature(String callingPackage, String macroName) {
        DbtMacro macro = registry.lookup(callingPackage, macroName);
        return macro == null ? null : MacroSignature.of(macro.def());
    }

    /** dbt's unique id of macro {@code name} (or {@code pkg.name}) as seen from a package ({@code macro.dbt.test_unique}), or null. */
    public String macroUniqueId(String callingPackage, String macroName) {
        DbtMacro macro = registry.lookup(callingPackage, macroName);
        return macro == null || macro.packageName() == null ? null : "macro." + macro.packageName() + "." + macro.def().name();
    }

    /** The 1-based line being rendered on this thread (for a JinjaFunction: its call site), or 0. */
    public static int currentLine() {
        Frames.Frame frame = Frames.current();
        return frame == null ? 0 : frame.line();
    }

    /** The template or macro file being rendered on this thread, or null. */
    public static Path currentFile() {
        Frames.Frame frame = Frames.current();
        return frame == null ? null : frame.file();
    }

    private static <T> T run(Path file, String packageName, DbtInterpreter interpreter, Supplier<T> body) {
        Frames.push(new Frames.Frame(file, null, packageName, interpreter, 0));
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return body.get();
        } catch (Signals.Abort a) {
            throw a.exception;
        } catch (Signals.Loop l) {
            throw Failures.abort("'break' or 'continue' outside a loop", null).exception;
        } catch (RuntimeException e) {
            throw Failures.fromThrowable(e).exception;
        } finally {
            JinjavaInterpreter.popCurrent();
            Frames.pop();
        }
    }

    static boolean isMacroTag(Node node) {
        return node instanceof TagNode t && (t.getTag() instanceof MacroTags);
    }
}
