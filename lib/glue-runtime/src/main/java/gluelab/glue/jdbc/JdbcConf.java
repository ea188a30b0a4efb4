package gluelab.glue.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JDBC database is and as whom to connect: a connection's resolved properties, or a source's or sink's
 * {@code url}, {@code user} and {@code password} options. {@link #toMap()} has the keys of Glue's
 * {@code extract_jdbc_conf}.
 *
 * @param fullUrl the JDBC URL with its database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/sales}
 * @param vendor  the URL's subprotocol, e.g. {@code postgresql}
 */
public record JdbcConf(String fullUrl, String user, String password, String vendor, boolean enforceSsl) {

    /** {@code jdbc:<vendor>://<host:port>} then an optional {@code /<database>} and {@code ?<parameters>}. */
    private static final Pattern URL = Pattern.compile("(jdbc:([a-z0-9]+)://[^/?;]*)(/[^?;]*)?(.*)", Pattern.CASE_INSENSITIVE);

    public static JdbcConf of(String fullUrl, String user, String password, boolean enforceSsl) {
        Matcher url = matcher(fullUrl);
        return new JdbcConf(fullUrl, user, password, url.group(2).toLowerCase(java.util.Locale.ROOT), enforceSsl);
    }

    private static Matcher matcher(String fullUrl) {
        Matcher url = fullUrl == null ? null : URL.matcher(fullUrl.trim());
        if (url == null || !url.matches()) {
            throw new JdbcConnectionException("'" + fullUrl + "' is not a JDBC URL of the form"
                    + " jdbc:postgresql://host:port/database");
        }
        return url;
    }

    /** The URL without its database, as Glue's {@code extract_jdbc_conf} gives {@code url}. */
    public String url() {
        return matcher(fullUrl).group(1);
    }

    /** The URL's database, if it names one. */
    public String database() {
        String path = matcher(fullUrl).group(3);
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }

    /** The same server and user, another database (Glue's {@code database} option of a JDBC sink). */
    public JdbcConf withDatabase(String database) {
        Matcher url = matcher(fullUrl);
        return new JdbcConf(url.group(1) + "/" + database + url.group(4), user, password, vendor, enforceSsl);
    }

    /** The properties Spark's JDBC data source and the driver take: user, password, and the driver class. */
    public Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (vendor.equals("postgresql")) {
            properties.setProperty("driver", "org.postgresql.Driver");
        }
        if (enforceSsl) {
            properties.setProperty("ssl", "true");
        }
        return properties;
    }

    /** Glue's {@code extract_jdbc_conf} keys: {@code url}, {@code fullUrl}, {@code user}, {@code password}, {@code vendor}, {@code enforceSSL}. */
    public Map<String, String> toMap() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("url", url());
        conf.put("fullUrl", fullUrl);
        conf.put("user", user);
        conf.put("password", password);
        conf.put("vendor", vendor);
        conf.put("enforceSSL", String.valueOf(enforceSsl));
        return conf;
    }

    /** Never the password: a record's default toString would print it. */
    @Override
    public String toString() {
        return "JdbcConf[" + fullUrl + " as " + user + "]";
    }
}
