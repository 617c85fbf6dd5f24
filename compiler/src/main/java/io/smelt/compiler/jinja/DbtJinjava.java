package io.smelt.compiler.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The jinjava instance behind one engine: our expression parser, tags, filters and tests, the
 * LegacyOverrides that bring jinjava closer to Jinja2, and the scope of builtins every render shares.
 */
final class DbtJinjava extends Jinjava {
    private final ExpressionFactory expressionFactory;
    private final Scope shared;

    DbtJinjava() {
        super(config());
        Properties properties = new Properties();
        properties.setProperty(TreeBuilder.class.getName(), PySyntaxBuilder.class.getName());
        properties.setProperty(ExpressionFactoryImpl.PROP_CACHE_SIZE, "100000");
        expressionFactory = new ExpressionFactoryImpl(properties, new PyTypeConverter());

        registerTag(new ForLoopTag());
        registerTag(new SetVarTag());
        registerTag(new BlockTags.If());
        registerTag(new BlockTags.LoopControl("break"));
        registerTag(new BlockTags.LoopControl("continue"));
        registerTag(new BlockTags.Filter());
        registerTag(new BlockTags.With());
        registerTag(new BlockTags.DbtBlock("docs", false));
        registerTag(new BlockTags.DbtBlock("snapshot", true));
        registerTag(new MacroTags("macro"));
        registerTag(new MacroTags("test"));
        registerTag(new MacroTags("materialization"));
        registerTag(new CallBlockTag());
        Filters.all().forEach((name, f) -> registerFilter(new LibraryAdapters.FilterAdapter(name, f)));
        Tests.all().forEach((name, t) -> registerExpTest(new LibraryAdapters.TestAdapter(name, t)));

        Map<String, Object> builtins = new HashMap<>(Builtins.GLOBALS);
        builtins.put(CallBlockTag.ARGS_FUNCTION, (PyCallable) (args, kwargs) -> new CallBlockTag.Args(args, kwargs));
        shared = new Scope(getGlobalContext(), builtins);
    }

    private static JinjavaConfig config() {
        LegacyOverrides overrides = LegacyOverrides.newBuilder()
                .withParseWhitespaceControlStrictly(true)
                .withUseTrimmingForNotesAndExpressions(true)
                .withIterateOverMapKeys(true)
                .withEvaluateMapKeys(true)
                .withUseNaturalOperatorPrecedence(true)
                .withKeepNullableLoopValues(true)
                .withHandleBackslashInQuotesOnly(true)
                .build();
        return JinjavaConfig.newBuilder()
                .withLegacyOverrides(overrides)
                .withEnableRecursiveMacroCalls(true)
                .withNestedInterpretationEnabled(false)
                .withRangeLimit(Integer.MAX_VALUE)
                .withFailOnUnknownTokens(false)
                .withElResolver(PyResolver.chain())
                .build();
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressionFactory;
    }

    /** Builtins (return, range, namespace, modules...): the parent of every render's globals. */
    Scope sharedScope() {
        return shared;
    }
}
