package io.smelt.compiler.parse;

import io.smelt.compiler.context.ContextHost;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.ParseCapture;
import io.smelt.compiler.graph.ModelVersions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a node lands: database, schema and alias from its config through
 * {@code generate_database_name}, {@code generate_schema_name} and {@code generate_alias_name}. When
 * the root project does not override a macro, dbt's default is computed here instead of rendered:
 * same result, no template work per node.
 */
final class RelationNaming {
    /** dbt's default {@code schema} config of data tests: where stored failures land, after generate_schema_name. */
    static final String TEST_SCHEMA = "dbt_test__audit";

    private final ContextHost host;
    private final boolean customSchema;
    private final boolean customAlias;
    private final boolean customDatabase;

    RelationNaming(ContextHost host) {
        this.host = host;
        this.customSchema = host.engine().hasMacro(host.rootPackage(), "generate_schema_name");
        this.customAlias = host.engine().hasMacro(host.rootPackage(), "generate_alias_name");
        this.customDatabase = host.engine().hasMacro(host.rootPackage(), "generate_database_name");
    }

    Node apply(Node node) {
        if (node.resourceType().dbtName().equals("source")) {
            return node;
        }
        NodeConfig config = node.config();
        String targetSchema = String.valueOf(host.target().get("schema"));
        String targetDatabase = (String) host.target().get("database");
        String schema = config.string("schema", null);
        if (node.resourceType() == ResourceType.TEST && !config.values().containsKey("schema")) {
            // an explicit schema: null keeps the target schema, as in dbt
            schema = TEST_SCHEMA;
        }
        String alias = config.string("alias", null);
        String database = config.string("database", null);
        String resolvedSchema = customSchema ? call("generate_schema_name", schema, node)
                : schema == null ? targetSchema : targetSchema + "_" + schema.strip();
        String resolvedAlias = customAlias ? call("generate_alias_name", alias, node)
                : alias != null ? alias.strip() : defaultAlias(node);
        String resolvedDatabase = customDatabase ? call("generate_database_name", database, node)
                : database == null ? targetDatabase : database.strip();
        if (node.resourceType() == ResourceType.SNAPSHOT) {
            // dbt's legacy snapshot configs name the schema and database as they are, past generate_schema_name
            String legacySchema = config.string("target_schema", null);
            String legacyDatabase = config.string("target_database", null);
            resolvedSchema = legacySchema == null ? resolvedSchema : legacySchema.strip();
            resolvedDatabase = legacyDatabase == null ? resolvedDatabase : legacyDatabase.strip();
        }
        return node.withRelation(resolvedDatabase, resolvedSchema, resolvedAlias);
    }

    /** dbt's default__generate_alias_name without a custom alias: the name, with {@code _v<version>} for a model version. */
    private static String defaultAlias(Node node) {
        Object version = node.config().get("version");
        return version == null ? node.name() : node.name() + "_v" + ModelVersions.text(version).replace(".", "_");
    }

    private String call(String macro, String custom, Node node) {
        DbtContext context = DbtContext.forParse(host, node, new ParseCapture());
        Object result = host.engine().callMacro(host.rootPackage(), macro, Arrays.asList(custom, nodeDict(node)), Map.of(),
                context.globals(Map.of()));
        return result == null ? null : result.toString().strip();
    }

    private static Map<String, Object> nodeDict(Node node) {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("name", node.name());
        dict.put("unique_id", node.uniqueId());
        dict.put("resource_type", node.resourceType().dbtName());
        dict.put("package_name", node.packageName());
        dict.put("fqn", new ArrayList<>(node.fqn()));
        dict.put("original_file_path", node.originalFilePath() == null ? null : node.originalFilePath().toString());
        dict.put("path", node.originalFilePath() == null ? null : node.originalFilePath().toString());
        dict.put("config", new LinkedHashMap<>(node.config().values()));
        dict.put("tags", new ArrayList<>(node.config().tags()));
        dict.put("version", node.config().get("version"));
        return dict;
    }
}
