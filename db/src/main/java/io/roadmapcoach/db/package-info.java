/**
 * The database: Flyway migrations, the DataSource (external PostgreSQL or the embedded one), and
 * the jOOQ classes generated from the schema. Knows nothing above it.
 */
package io.roadmapcoach.db;
