package dev.salvo.sql;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where to connect. Read from system properties first, then environment variables:
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>property</th><th>env</th><th>meaning</th></tr>
 *   <tr><td>{@code salvo.url}</td><td>{@code SALVO_URL}</td><td>JDBC URL; unset means the embedded PostgreSQL</td></tr>
 *   <tr><td>{@code salvo.user}</td><td>{@code SALVO_USER}</td><td>database user</td></tr>
 *   <tr><td>{@code salvo.password}</td><td>{@code SALVO_PASSWORD}</td><td>password (never logged)</td></tr>
 * </table>
 *
 * <p>{@link #toString()} and {@link #maskedUrl()} never show the password.
 */
public final class DatabaseSettings {
    /** System property holding the JDBC URL. */
    public static final String URL_PROPERTY = "salvo.url";
    /** System property holding the user. */
    public static final String USER_PROPERTY = "salvo.user";
    /** System property holding the password. */
    public static final String PASSWORD_PROPERTY = "salvo.password";

    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)(password|pwd|private_key_file_pwd|private_key_base64|passcode|token)=([^&;]*)");
    private static final Pattern URL_USERINFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

    private final String url;
    private final String user;
    private final String password;
    private final SnowflakeSettings snowflake;

    private DatabaseSettings(String url, String user, String password, SnowflakeSettings snowflake) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.snowflake = snowflake;
    }

    /**
     * Explicit settings. For a {@code jdbc:snowflake:} URL the {@link SnowflakeSettings} (warehouse, role, key pair, ...)
     * are read from system properties and the environment; {@link #of(String, String, String, SnowflakeSettings)} gives
     * them explicitly.
     *
     * @param url JDBC URL, or null for the embedded default
     * @param user user name, may be null
     * @param password password, may be null
     * @return the settings
     */
    public static DatabaseSettings of(String url, String user, String password) {
        boolean snowflake = url != null && url.startsWith("jdbc:snowflake:");
        return of(url, user, password, snowflake ? SnowflakeSettings.fromEnvironment() : null);
    }

    /**
     * Explicit settings.
     *
     * @param url JDBC URL, or null for the embedded default
     * @param user user name, may be null
     * @param password password, may be null
     * @param snowflake the Snowflake session settings; ignored unless the URL is a {@code jdbc:snowflake:} URL
     * @return the settings
     */
    public static DatabaseSettings of(String url, String user, String password, SnowflakeSettings snowflake) {
        if (url != null && !url.startsWith("jdbc:")) {
            throw new SalvoException(
                    URL_PROPERTY + ": a JDBC URL must start with 'jdbc:', but was '" + mask(url) + "'");
        }
        if (url != null && !url.isBlank()) {
            Dialect.forUrl(url); // an unsupported database is refused when the simulation is built, not when it starts
        }
        boolean isSnowflake = url != null && url.startsWith("jdbc:snowflake:");
        return new DatabaseSettings(
                blankToNull(url),
                blankToNull(user),
                password,
                isSnowflake ? (snowflake == null ? SnowflakeSettings.DEFAULTS : snowflake) : null);
    }

    /**
     * Settings from {@link System#getProperties()} and {@link System#getenv()}.
     *
     * @return the settings; {@link #embedded()} is true when no URL is configured
     */
    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(System.getProperties(), System.getenv());
    }

    /**
     * Settings from the given properties (first) and environment (second).
     *
     * @param properties system properties
     * @param env environment variables
     * @return the settings
     */
    public static DatabaseSettings fromEnvironment(Properties properties, Map<String, String> env) {
        String url = lookup(properties, env, URL_PROPERTY, "SALVO_URL");
        boolean snowflake = url != null && url.startsWith("jdbc:snowflake:");
        return of(
                url,
                lookup(properties, env, USER_PROPERTY, "SALVO_USER"),
                lookup(properties, env, PASSWORD_PROPERTY, "SALVO_PASSWORD"),
                snowflake ? SnowflakeSettings.fromEnvironment(properties, env) : null);
    }

    private static String lookup(Properties properties, Map<String, String> env, String property, String variable) {
        String value = blankToNull(properties.getProperty(property));
        return value != null ? value : blankToNull(env.get(variable));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** @return true when no URL is configured and Salvo starts its embedded PostgreSQL */
    public boolean embedded() {
        return url == null;
    }

    /** @return the JDBC URL, empty when embedded */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** @return the user, empty when unset */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return the password, empty when unset; never log it */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** @return the Snowflake session settings, present exactly when the URL is a {@code jdbc:snowflake:} URL */
    public Optional<SnowflakeSettings> snowflake() {
        return Optional.ofNullable(snowflake);
    }

    /**
     * The properties to hand the JDBC driver ({@code DriverManager.getConnection(url, properties)} or a pool's data
     * source properties): user and password, and for Snowflake the session and key-pair settings.
     *
     * @return new properties holding secrets: never print them
     */
    public Properties connectionProperties() {
        if (snowflake != null) {
            return snowflake.driverProperties(user, password);
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** @return the URL with any credentials in it replaced by {@code ***}, or {@code embedded} */
    public String maskedUrl() {
        return url == null ? "embedded" : mask(url);
    }

    /**
     * Masks credentials written into a JDBC URL ({@code user:pass@host}, {@code password=...}).
     *
     * @param url a JDBC URL
     * @return the URL safe to print
     */
    public static String mask(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1=***");
        return URL_USERINFO.matcher(masked).replaceAll("//$1:***@");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseSettings other
                && Objects.equals(url, other.url)
                && Objects.equals(user, other.user)
                && Objects.equals(password, other.password)
                && Objects.equals(snowflake, other.snowflake);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, password, snowflake);
    }

    @Override
    public String toString() {
        return "DatabaseSettings{url=" + maskedUrl() + ", user=" + user + ", password="
                + (password == null ? "unset" : "***") + (snowflake == null ? "" : ", " + snowflake) + "}";
    }
}
