package dev.salvo.reports;

/**
 * @param dialect the dialect's name, e.g. {@code postgresql}
 * @param product the database product name the driver reported
 * @param version the database product version the driver reported
 * @param url the JDBC URL with credentials masked, or {@code embedded}
 * @param embedded true when Salvo started its embedded PostgreSQL
 * @param poolSize the connection pool size
 */
public record DatabaseInfo(
        String dialect, String product, String version, String url, boolean embedded, int poolSize) {}
