package io.smelt.compiler.context;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A relation as templates see it ({@code this}, {@code ref('x')}, {@code api.Relation.create(...)}):
 * prints as its quoted name, has dbt's attributes and methods, and is equal to any other relation
 * object that prints the same.
 */
public final class RelationObject implements JinjaObject {
    /** Which of database, schema and identifier an include or quote policy covers. */
    public record Policy(boolean database, boolean schema, boolean identifier) {
        static final Policy ALL = new Policy(true, true, true);

        /** This policy with the keys of {@code kwargs} (a Python dict or keyword arguments) that are set. */
        Policy with(Map<?, ?> kwargs) {
            return new Policy(flag(kwargs, "database", database), flag(kwargs, "schema", schema),
                    flag(kwargs, "identifier", identifier));
        }

        Map<String, Object> asMap() {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("database", database);
            policy.put("schema", schema);
            policy.put("identifier", identifier);
            return policy;
        }
    }

    private final Relation relation;
    private final Adapter adapter;
    private final Policy include;
    private final Policy quote;
    private final String rendered;
    private final String printed;

    public RelationObject(Relation relation, Adapter adapter) {
        this(relation, adapter, Policy.ALL, Policy.ALL, null);
    }

    /** {@code api.Relation.create(...)}: any of the parts may be missing; they are left out where it prints. */
    public static RelationObject create(Relation relation, Adapter adapter, Map<?, ?> includePolicy,
            Map<?, ?> quotePolicy) {
        return new RelationObject(relation, adapter, includePolicy == null ? Policy.ALL : Policy.ALL.with(includePolicy),
                quotePolicy == null ? Policy.ALL : Policy.ALL.with(quotePolicy), null);
    }

    private RelationObject(Relation relation, Adapter adapter, Policy include, Policy quote, String printed) {
        this.relation = requireNonNull(relation, "relation is null");
        this.adapter = requireNonNull(adapter, "adapter is null");
        this.include = include;
        this.quote = quote;
        this.rendered = renderName();
        this.printed = printed == null ? rendered : printed;
    }

    /**
     * dbt's {@code InformationSchema} of a database: prints as {@code "database".INFORMATION_SCHEMA}
     * (with {@code .view} when {@code view} is set), its {@code database} the database's name.
     */
    public static RelationObject informationSchema(String database, Adapter adapter, String view) {
        Relation relation = new Relation(database, "INFORMATION_SCHEMA", view == null ? "" : view, null);
        return new RelationObject(relation, adapter, new Policy(true, true, view != null), new Policy(true, false, false), null);
    }

    /** The same relation printing as {@code sql} (a filtered subquery) where templates print it; {@code render()} keeps the name. */
    public RelationObject printedAs(String sql) {
        return new RelationObject(relation, adapter, include, quote, sql);
    }

    public Relation relation() {
        return relation;
    }

    /** As dbt's {@code BaseRelation.render}: the included parts that are set, each quoted per the quote policy. */
    private String renderName() {
        if (relation.type() == RelationType.CTE) {
            return relation.identifier();
        }
        StringBuilder sql = new StringBuilder();
        part(sql, include.database(), quote.database(), relation.database());
        part(sql, include.schema(), quote.schema(), relation.schema());
        part(sql, include.identifier(), quote.identifier(), relation.identifier());
        return sql.toString();
    }

    private void part(StringBuilder sql, boolean included, boolean quoted, String value) {
        if (!included || value == null || value.isEmpty()) {
            return;
        }
        if (sql.length() > 0) {
            sql.append('.');
        }
        sql.append(quoted ? adapter.quote(value) : value);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "database" -> relation.database();
            case "schema" -> relation.schema();
            case "identifier", "name", "table" -> relation.identifier();
            case "type" -> relation.type() == null ? null : relation.type().dbtName();
            case "is_table" -> relation.type() == RelationType.TABLE;
            case "is_view" -> relation.type() == RelationType.VIEW;
            case "is_cte" -> relation.type() == RelationType.CTE;
            case "is_materialized_view" -> relation.type() == RelationType.MATERIALIZED_VIEW;
            case "metadata" -> Map.of("type", "SmeltRelation");
            // a relation is a mapping in dbt: packages test it with `is mapping` and read it with .get()
            case "get" -> (JinjaFunction) (args, kwargs) -> {
                Object value = args.isEmpty() ? null : attribute(String.valueOf(args.get(0)));
                return value != null ? value : args.size() > 1 ? args.get(1) : kwargs.get("default");
            };
            case "path" -> path();
            case "include_policy" -> include.asMap();
            case "quote_policy" -> quote.asMap();
            case "render" -> (JinjaFunction) (args, kwargs) -> rendered;
            case "include" -> (JinjaFunction) (args, kwargs) ->
                    new RelationObject(relation, adapter, include.with(kwargs), quote, null);
            case "without_identifier" -> (JinjaFunction) (args, kwargs) ->
                    new RelationObject(relation, adapter, new Policy(include.database(), include.schema(), false),
                            quote, null);
            case "quote" -> (JinjaFunction) (args, kwargs) ->
                    new RelationObject(relation, adapter, include, quote.with(kwargs), null);
            case "incorporate", "replace_path" -> (JinjaFunction) (args, kwargs) -> incorporate(kwargs);
            case "get_relation_type" -> relation.type() == null ? null : relation.type().dbtName();
            case "information_schema" -> (JinjaFunction) (args, kwargs) -> informationSchema(relation.database(), adapter,
                    (String) DbtContext.arg(args, kwargs, 0, "view_name"));
            default -> null;
        };
    }

    private RelationObject incorporate(Map<String, Object> kwargs) {
        Relation next = relation;
        Object path = kwargs.get("path");
        Map<?, ?> parts = path instanceof Map<?, ?> map ? map : kwargs;
        if (parts.containsKey("database")) {
            next = new Relation(string(parts.get("database")), next.schema(), next.identifier(), next.type());
        }
        if (parts.containsKey("schema")) {
            next = new Relation(next.database(), string(parts.get("schema")), next.identifier(), next.type());
        }
        if (parts.containsKey("identifier") && parts.get("identifier") != null) {
            next = next.withIdentifier(parts.get("identifier").toString());
        }
        if (kwargs.get("type") != null) {
            next = next.withType(typeOf(kwargs.get("type").toString()));
        }
        return new RelationObject(next, adapter, include, quote, null);
    }

    /** The relation type for a dbt type name ({@code table}, {@code view}, ...), or null. */
    public static RelationType typeOf(String dbtName) {
        if (dbtName == null) {
            return null;
        }
        try {
            return RelationType.valueOf(dbtName.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, Object> path() {
        Map<String, Object> path = new LinkedHashMap<>();
        path.put("database", relation.database());
        path.put("schema", relation.schema());
        path.put("identifier", relation.identifier());
        return path;
    }

    private static boolean flag(Map<?, ?> kwargs, String key, boolean current) {
        Object value = kwargs.get(key);
        return value == null ? current : Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(value.toString());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public boolean isMapping() {
        return true;
    }

    @Override
    public String toString() {
        return printed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelationObject that && printed.equals(that.printed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(printed);
    }
}
