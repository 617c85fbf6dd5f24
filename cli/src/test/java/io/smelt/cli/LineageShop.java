package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small DuckDB project for OpenLineage's events: seeds {@code customers} and {@code orders};
 * {@code stg_customers} (a view); {@code customer_orders}, a table joining the two with tests on
 * {@code customer_id} (pass) and a {@code unique} test on {@code name} (fails: two customers are
 * called ann); {@code broken}, which fails at run time (a cast the engine refuses), and
 * {@code after_broken}, skipped for it.
 */
final class LineageShop {
    private LineageShop() {
    }

    static Path write(Path dir) throws IOException {
        Path project = TestingFiles.shop(dir, "1.0", """
                seeds:
                  shop:
                    customers:
                      +column_types: {id: integer, name: varchar}
                    orders:
                      +column_types: {id: integer, customer_id: integer, amount: integer}
                """);
        TestingFiles.write(project.resolve("seeds/customers.csv"), "id,name\n1,ann\n2,bob\n3,ann\n");
        TestingFiles.write(project.resolve("seeds/orders.csv"), "id,customer_id,amount\n1,1,10\n2,1,20\n3,2,5\n4,3,7\n");
        TestingFiles.write(project.resolve("models/stg_customers.sql"), "select id, name from {{ ref('customers') }}\n");
        TestingFiles.write(project.resolve("models/customer_orders.sql"), """
                {{ config(materialized='table') }}
                select c.id as customer_id, c.name, sum(o.amount) as total
                from {{ ref('stg_customers') }} c
                join {{ ref('orders') }} o on o.customer_id = c.id
                group by c.id, c.name
                """);
        TestingFiles.write(project.resolve("models/broken.sql"), "{{ config(materialized='table') }}\nselect cast('not a number' as integer) as n\n");
        TestingFiles.write(project.resolve("models/after_broken.sql"), "select n from {{ ref('broken') }}\n");
        TestingFiles.write(project.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: customer_orders
                    description: Each customer's order total.
                    columns:
                      - name: customer_id
                        description: The customer.
                        data_tests: [not_null]
                      - name: name
                        data_tests: [unique]
                """);
        return project;
    }

    /** The events of one job, in the order they were posted. */
    static List<JsonNode> ofJob(List<JsonNode> events, String job) {
        List<JsonNode> found = new ArrayList<>();
        events.forEach(event -> {
            if (event.path("job").path("name").asText().equals(job)) {
                found.add(event);
            }
        });
        return found;
    }

    /** An environment with only what OpenLineage reads, and a home folder without {@code .openlineage}. */
    static Map<String, String> environment(Path home, String... keysAndValues) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("HOME", home.toString());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }
}
