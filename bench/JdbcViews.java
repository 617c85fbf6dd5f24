import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The plain-JDBC side of bench/speed.sh: runs the statements of SQL files one after the other on one
 * connection, in one loop, as a hand-written program would. A statement beginning with
 * {@code select} prints its first row, so a script can compare the results of both sides.
 *
 * <p>Usage: {@code java -cp 'cli/target/lib/*' bench/JdbcViews.java JDBC_URL FILE.sql...}; statements
 * end with a {@code ;} at the end of a line.
 */
public final class JdbcViews {
    private JdbcViews() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: JdbcViews JDBC_URL FILE.sql...");
            System.exit(2);
        }
        int statements = 0;
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                for (String sql : Files.readString(Path.of(args[i])).split(";\\s*(\\n|$)")) {
                    if (!sql.isBlank()) {
                        run(statement, sql.strip());
                        statements++;
                    }
                }
            }
        }
        System.err.println(statements + " statements");
    }

    private static void run(Statement statement, String sql) throws SQLException {
        if (!sql.regionMatches(true, 0, "select", 0, 6)) {
            statement.execute(sql);
            return;
        }
        try (ResultSet rows = statement.executeQuery(sql)) {
            StringBuilder line = new StringBuilder();
            if (rows.next()) {
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    line.append(c == 1 ? "" : " ").append(rows.getString(c));
                }
            }
            System.out.println(line);
        }
    }
}
