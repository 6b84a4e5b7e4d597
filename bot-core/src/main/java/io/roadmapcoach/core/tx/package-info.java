/**
 * Transactions on the core's database, and telling an unreachable database apart from a failed
 * statement.
 */
package io.roadmapcoach.core.tx;
