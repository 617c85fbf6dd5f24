package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.Relation;
import io.smelt.compiler.contract.ConstraintDdl;
import io.smelt.compiler.contract.ContractComparison;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.smelt.compiler.context.DbtContext.arg;

/** The {@code adapter} object templates call: dispatch, quoting, relation and column lookups. */
final class AdapterObject implements JinjaObject {
    private final ContextHost host;
    private final AdapterDatabase database;

    AdapterObject(ContextHost host, AdapterDatabase database) {
        this.host = host;
        this.database = database;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "dispatch" -> (JinjaFunction) (args, kwargs) -> host.engine().resolveDispatch(
                    String.valueOf(arg(args, kwargs, 0, "macro_name")), str(arg(args, kwargs, 1, "macro_namespace")));
            case "quote" -> (JinjaFunction) (args, kwargs) -> host.adapter().quote(String.valueOf(arg(args, kwargs, 0, "identifier")));
            case "quote_as_configured" -> (JinjaFunction) (args, kwargs) -> host.adapter().quote(String.valueOf(arg(args, kwargs, 0, "identifier")));
            case "type" -> (JinjaFunction) (args, kwargs) -> host.adapter().type();
            case "get_relation" -> (JinjaFunction) (args, kwargs) -> getRelation(
                    str(arg(args, kwargs, 0, "database")), str(arg(args, kwargs, 1, "schema")), str(arg(args, kwargs, 2, "identifier")));
            case "load_relation" -> (JinjaFunction) (args, kwargs) -> {
                Relation relation = relation(arg(args, kwargs, 0, "relation"));
                return relation == null ? null : getRelation(relation.database(), relation.schema(), relation.identifier());
            };
            case "get_columns_in_relation" -> (JinjaFunction) (args, kwargs) -> columns(arg(args, kwargs, 0, "relation"));
            case "get_missing_columns" -> (JinjaFunction) (args, kwargs) -> missingColumns(arg(args, kwargs, 0, "from_relation"),
                    arg(args, kwargs, 1, "to_relation"));
            case "execute" -> (JinjaFunction) (args, kwargs) -> database.execute(String.valueOf(arg(args, kwargs, 0, "sql")),
                    Boolean.TRUE.equals(kwargs.get("fetch")));
            case "check_schema_exists" -> (JinjaFunction) (args, kwargs) ->
                    !database.listRelations(str(arg(args, kwargs, 0, "database")), str(arg(args, kwargs, 1, "schema"))).isEmpty();
            case "already_exists" -> (JinjaFunction) (args, kwargs) -> getRelation(host.adapter().defaultDatabase(),
                    str(arg(args, kwargs, 0, "schema")), str(arg(args, kwargs, 1, "name"))) != null;
            case "list_relations_without_caching" -> (JinjaFunction) (args, kwargs) -> listRelations(arg(args, kwargs, 0, "schema_relation"));
            case "create_schema" -> (JinjaFunction) (args, kwargs) -> createSchema(arg(args, kwargs, 0, "relation"));
            case "drop_relation" -> (JinjaFunction) (args, kwargs) -> dropRelation(arg(args, kwargs, 0, "relation"));
            case "rename_relation" -> (JinjaFunction) (args, kwargs) -> renameRelation(arg(args, kwargs, 0, "from_relation"),
                    arg(args, kwargs, 1, "to_relation"));
            case "expand_target_column_types", "commit", "cache_added", "cache_dropped", "cache_renamed" ->
                    (JinjaFunction) (args, kwargs) -> "";
            case "render_raw_columns_constraints" -> (JinjaFunction) (args, kwargs) -> {
                Object raw = arg(args, kwargs, 0, "raw_columns");
                return new ArrayList<>(ConstraintDdl.columns(host.adapter(), raw instanceof Map<?, ?> map ? map.values() : List.of()));
            };
            case "render_raw_model_constraints" -> (JinjaFunction) (args, kwargs) ->
                    new ArrayList<>(ConstraintDdl.model(host.adapter(), arg(args, kwargs, 0, "raw_constraints")));
            case "assert_contract_columns" -> (JinjaFunction) (args, kwargs) -> assertContractColumns(
                    arg(args, kwargs, 0, "declared"), arg(args, kwargs, 1, "returned"), arg(args, kwargs, 2, "model_name"));
            case "config" -> Map.of();
            default -> null;
        };
    }

    /** Smelt's check behind dbt's {@code assert_columns_equivalent}: {@code model['columns']} against a query's columns. */
    private Object assertContractColumns(Object declared, Object returned, Object modelName) {
        List<Column> contract = new ArrayList<>();
        if (declared instanceof Map<?, ?> columns) {
            for (Object value : columns.values()) {
                Map<?, ?> column = (Map<?, ?>) value;
                contract.add(new Column(String.valueOf(column.get("name")), String.valueOf(column.get("data_type"))));
            }
        }
        List<Column> actual = new ArrayList<>();
        if (returned instanceof List<?> list) {
            list.forEach(item -> actual.add(((ColumnObject) item).column()));
        }
        List<ContractComparison.Breach> breaches = ContractComparison.compare(contract, actual, host.adapter()::contractTypeMatches);
        if (!breaches.isEmpty()) {
            throw DbtContext.error(ContractComparison.message(String.valueOf(modelName), breaches),
                    "make the model return the declared columns (cast them to the declared types), or change its contract");
        }
        return "";
    }

    private Object getRelation(String database, String schema, String identifier) {
        if (identifier == null) {
            return null;
        }
        Relation found = this.database.lookup(new Relation(database == null ? host.adapter().defaultDatabase() : database,
                schema, identifier, null));
        return found == null ? null : new RelationObject(found, host.adapter());
    }

    private List<Object> columns(Object relationArg) {
        Relation relation = relation(relationArg);
        List<Object> columns = new ArrayList<>();
        if (relation != null) {
            for (Column column : database.columns(relation)) {
                columns.add(new ColumnObject(column, host.adapter()));
            }
        }
        return columns;
    }

    private List<Object> missingColumns(Object from, Object to) {
        Relation fromRelation = relation(from);
        Relation toRelation = relation(to);
        List<Object> missing = new ArrayList<>();
        if (fromRelation == null || toRelation == null) {
            return missing;
        }
        Set<String> existing = database.columns(toRelation).stream()
                .map(c -> host.adapter().normalizeIdentifier(c.name())).collect(Collectors.toSet());
        for (Column column : database.columns(fromRelation)) {
            if (!existing.contains(host.adapter().normalizeIdentifier(column.name()))) {
                missing.add(new ColumnObject(column, host.adapter()));
            }
        }
        return missing;
    }

    private List<Object> listRelations(Object schemaRelation) {
        Relation relation = relation(schemaRelation);
        List<Object> out = new ArrayList<>();
        if (relation != null) {
            for (Relation found : database.listRelations(relation.database(), relation.schema())) {
                out.add(new RelationObject(found, host.adapter()));
            }
        }
        return out;
    }

    private Object createSchema(Object relationArg) {
        Relation relation = relation(relationArg);
        if (relation != null) {
            database.createSchema(relation);
        }
        return "";
    }

    private Object dropRelation(Object relationArg) {
        Relation relation = relation(relationArg);
        if (relation != null) {
            database.dropIfExists(relation);
        }
        return "";
    }

    private Object renameRelation(Object fromArg, Object toArg) {
        Relation from = relation(fromArg);
        Relation to = relation(toArg);
        if (from != null && to != null) {
            database.rename(from, to);
        }
        return "";
    }

    private static Relation relation(Object value) {
        return value instanceof RelationObject r ? r.relation() : null;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "<adapter " + host.adapter().type() + ">";
    }
}
