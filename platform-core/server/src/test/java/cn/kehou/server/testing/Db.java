package cn.kehou.server.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct connections for tests that must look underneath the server. */
public final class Db {

    private Db() {
    }

    /** A superuser connection to the Kehou database, to set up what the server's role may not. */
    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("kehou.test.superuser-url", String.class), "postgres", "postgres");
    }

    /** The first column of every row of a superuser query, as strings. */
    public static java.util.List<String> strings(String sql) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = superuser(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
