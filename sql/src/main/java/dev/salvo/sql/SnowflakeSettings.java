package dev.salvo.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Snowflake connection settings beyond the URL, user and password of {@link DatabaseSettings}: the warehouse, database,
 * schema and role of the session, key-pair authentication, the result-cache switch and the login timeout. Read from
 * system properties first, then environment variables:
 *
 * <table>
 *   <caption>Snowflake settings</caption>
 *   <tr><th>property</th><th>env</th><th>meaning</th></tr>
 *   <tr><td>{@code salvo.warehouse}</td><td>{@code SALVO_WAREHOUSE}</td><td>virtual warehouse of the session</td></tr>
 *   <tr><td>{@code salvo.database}</td><td>{@code SALVO_DATABASE}</td><td>database of the session</td></tr>
 *   <tr><td>{@code salvo.schema}</td><td>{@code SALVO_SCHEMA}</td><td>schema of the session</td></tr>
 *   <tr><td>{@code salvo.role}</td><td>{@code SALVO_ROLE}</td><td>role of the session</td></tr>
 *   <tr><td>{@code salvo.privateKeyFile}</td><td>{@code SALVO_PRIVATE_KEY_FILE}</td><td>PKCS#8 private key (PEM) for
 *       key-pair authentication</td></tr>
 *   <tr><td>(none)</td><td>{@code SALVO_PRIVATE_KEY_PASSPHRASE}</td><td>the key's passphrase, environment only, never
 *       printed</td></tr>
 *   <tr><td>{@code salvo.resultCache}</td><td>{@code SALVO_RESULT_CACHE}</td><td>{@code on} (Snowflake's default) or
 *       {@code off} ({@code USE_CACHED_RESULT = FALSE}); recorded with the results</td></tr>
 *   <tr><td>{@code salvo.loginTimeoutSeconds}</td><td>{@code SALVO_LOGIN_TIMEOUT_SECONDS}</td><td>how long the driver
 *       may try to log in (default 60; the driver's own default is 300)</td></tr>
 * </table>
 *
 * @param warehouse warehouse name, null for the user's default
 * @param database database name, null for the user's default
 * @param schema schema name, null for the user's default
 * @param role role name, null for the user's default
 * @param privateKeyFile private key for key-pair authentication, null for password authentication
 * @param privateKeyPassphrase passphrase of an encrypted private key, null when unencrypted; never printed
 * @param resultCache whether Snowflake may answer a query from its result cache
 * @param loginTimeoutSeconds the driver's {@code loginTimeout}
 */
public record SnowflakeSettings(
        String warehouse,
        String database,
        String schema,
        String role,
        Path privateKeyFile,
        String privateKeyPassphrase,
        boolean resultCache,
        int loginTimeoutSeconds) {

    /** Defaults: the user's defaults, password authentication, result cache on, 60 s login timeout. */
    public static final SnowflakeSettings DEFAULTS =
            new SnowflakeSettings(null, null, null, null, null, null, true, 60);

    /** Checks the values. */
    public SnowflakeSettings {
        if (privateKeyFile != null && !Files.isReadable(privateKeyFile)) {
            throw new SalvoException(
                    "salvo.privateKeyFile: the private key must be a readable file, but was '" + privateKeyFile + "'");
        }
        if (privateKeyPassphrase != null && privateKeyFile == null) {
            throw new SalvoException(
                    "SALVO_PRIVATE_KEY_PASSPHRASE: a passphrase must come with salvo.privateKeyFile, but no "
                            + "private key file is set");
        }
        if (loginTimeoutSeconds < 1 || loginTimeoutSeconds > 3600) {
            throw new SalvoException(
                    "salvo.loginTimeoutSeconds: must be between 1 and 3600, but was " + loginTimeoutSeconds);
        }
    }

    /**
     * Settings from the given properties (first) and environment (second).
     *
     * @param properties system properties
     * @param env environment variables
     * @return the settings
     */
    public static SnowflakeSettings fromEnvironment(Properties properties, Map<String, String> env) {
        String key = lookup(properties, env, "salvo.privateKeyFile", "SALVO_PRIVATE_KEY_FILE");
        String passphrase = env.get("SALVO_PRIVATE_KEY_PASSPHRASE");
        String cache = lookup(properties, env, "salvo.resultCache", "SALVO_RESULT_CACHE");
        if (cache != null && !cache.equalsIgnoreCase("on") && !cache.equalsIgnoreCase("off")) {
            throw new SalvoException("salvo.resultCache: must be on or off, but was '" + cache + "'");
        }
        String timeout = lookup(properties, env, "salvo.loginTimeoutSeconds", "SALVO_LOGIN_TIMEOUT_SECONDS");
        int loginTimeout;
        try {
            loginTimeout = timeout == null ? DEFAULTS.loginTimeoutSeconds : Integer.parseInt(timeout);
        } catch (NumberFormatException e) {
            throw new SalvoException(
                    "salvo.loginTimeoutSeconds: must be a whole number of seconds, but was '" + timeout + "'");
        }
        return new SnowflakeSettings(
                lookup(properties, env, "salvo.warehouse", "SALVO_WAREHOUSE"),
                lookup(properties, env, "salvo.database", "SALVO_DATABASE"),
                lookup(properties, env, "salvo.schema", "SALVO_SCHEMA"),
                lookup(properties, env, "salvo.role", "SALVO_ROLE"),
                key == null ? null : Path.of(key),
                passphrase == null || passphrase.isEmpty() ? null : passphrase,
                cache == null || cache.equalsIgnoreCase("on"),
                loginTimeout);
    }

    /** @return settings from {@link System#getProperties()} and {@link System#getenv()} */
    public static SnowflakeSettings fromEnvironment() {
        return fromEnvironment(System.getProperties(), System.getenv());
    }

    /**
     * The snowflake-jdbc connection properties (names as the driver documents them): {@code warehouse}, {@code db},
     * {@code schema}, {@code role}, {@code loginTimeout}, and for key-pair authentication {@code authenticator =
     * SNOWFLAKE_JWT}, {@code private_key_file} and {@code private_key_pwd}. The password, when key-pair authentication is
     * used, is left out.
     *
     * @param user the user, may be null
     * @param password the password, may be null
     * @return new properties holding secrets: never print them
     */
    public Properties driverProperties(String user, String password) {
        Properties p = new Properties();
        put(p, "user", user);
        if (privateKeyFile != null) {
            p.setProperty("authenticator", "SNOWFLAKE_JWT");
            p.setProperty("private_key_file", privateKeyFile.toAbsolutePath().toString());
            put(p, "private_key_pwd", privateKeyPassphrase);
        } else {
            put(p, "password", password);
        }
        put(p, "warehouse", warehouse);
        put(p, "db", database);
        put(p, "schema", schema);
        put(p, "role", role);
        p.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        p.setProperty("application", "Salvo");
        // no outbound calls beyond the account: the driver otherwise probes cloud metadata endpoints (AWS IMDS,
        // metadata.google.internal) at every login to detect its platform
        p.setProperty("disablePlatformDetection", "true");
        return p;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static String lookup(Properties properties, Map<String, String> env, String property, String variable) {
        String value = properties.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the settings with the passphrase masked */
    @Override
    public String toString() {
        return "SnowflakeSettings{warehouse=" + warehouse + ", database=" + database + ", schema=" + schema + ", role="
                + role + ", privateKeyFile=" + privateKeyFile + ", privateKeyPassphrase="
                + (privateKeyPassphrase == null ? "unset" : "***") + ", resultCache=" + (resultCache ? "on" : "off")
                + ", loginTimeoutSeconds=" + loginTimeoutSeconds + "}";
    }
}
