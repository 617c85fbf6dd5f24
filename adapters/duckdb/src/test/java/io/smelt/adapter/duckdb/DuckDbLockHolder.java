package io.smelt.adapter.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;

/** Holds a DuckDB file open in a process of its own until its standard input closes. */
public final class DuckDbLockHolder {
    private DuckDbLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS held AS SELECT 1 AS id");
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
