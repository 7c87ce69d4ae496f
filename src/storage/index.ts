/** Storage: PGlite and PostgreSQL connections, migrations, the budget repository. */
export * from './connection.js';
export * from './lock.js';
export * from './migrate.js';
export * from './repository.js';
