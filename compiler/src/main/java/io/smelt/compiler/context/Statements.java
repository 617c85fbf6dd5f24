package io.smelt.compiler.context;

import io.smelt.adapter.QueryResult;
import io.smelt.compiler.jinja.JinjaFunction;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.smelt.compiler.context.DbtContext.arg;

/**
 * dbt's statement results of one render: {@code run_query}, the {@code statement} block's execution,
 * {@code load_result} and {@code store_result}. What runs, and whether anything does, is the provider's.
 */
final class Statements {
    private final Provider provider;
    private final Consumer<String> printer;
    private final Map<String, Map<String, Object>> results = new HashMap<>();

    /** @param printer where a result table's {@code print_table()} goes */
    Statements(Provider provider, Consumer<String> printer) {
        this.provider = provider;
        this.printer = printer;
    }

    void addTo(Map<String, Object> members) {
        members.put("run_query", (JinjaFunction) (args, kwargs) -> provider.run(String.valueOf(arg(args, kwargs, 0, "sql")), true)
                .map(result -> new ResultTable(result, printer)).orElse(null));
        members.put("_smelt_execute_statement", (JinjaFunction) this::execute);
        members.put("load_result", (JinjaFunction) (args, kwargs) -> results.get(String.valueOf(arg(args, kwargs, 0, "name"))));
        members.put("store_result", (JinjaFunction) this::store);
        members.put("store_raw_result", (JinjaFunction) this::store);
    }

    private Object execute(List<Object> args, Map<String, Object> kwargs) {
        String name = args.get(0) == null ? null : args.get(0).toString();
        String sql = String.valueOf(args.get(1));
        boolean fetch = Boolean.TRUE.equals(args.get(2));
        provider.run(sql, fetch).ifPresent(result -> {
            if (name != null) {
                results.put(name, resultDict(result, printer));
            }
        });
        return "";
    }

    private Object store(List<Object> args, Map<String, Object> kwargs) {
        String name = String.valueOf(arg(args, kwargs, 0, "name"));
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("response", kwargs.getOrDefault("response", kwargs.get("message")));
        Object table = kwargs.getOrDefault("agate_table", args.size() > 2 ? args.get(2) : null);
        stored.put("table", table);
        stored.put("data", table instanceof ResultTable t ? t.attribute("rows") : List.of());
        results.put(name, stored);
        return "";
    }

    /** A statement's result as {@code load_result} gives it: response, agate table and rows. */
    static Map<String, Object> resultDict(QueryResult result, Consumer<String> printer) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", result.message());
        response.put("code", result.message());
        response.put("rows_affected", result.rowsAffected());
        response.put("query_id", result.queryId());
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("response", response);
        ResultTable table = new ResultTable(result, printer);
        stored.put("table", table);
        stored.put("data", table.attribute("rows"));
        return stored;
    }
}
