// Import rules from ARCHITECTURE.md ("Import rules"), checked by dependency-cruiser over src/.
// `npm run lint:boundaries` runs them against the known violations kept in
// .dependency-cruiser-known-violations.json: a new violation fails, a fixed one must be pruned.
// Every rule below is broken once on purpose by the fixtures in test/boundaries/, and
// scripts/boundaries.test.ts fails if any rule stops firing there.
// Paths are relative to the folder cruised from; npm packages may resolve outside it (the
// fixtures resolve to the repository's node_modules), hence `(^|/)node_modules/`.

const test = '\\.test\\.tsx?$';
const npm = (names) => `(^|/)node_modules/(${names.join('|')})/`;
// "Touching the database": the connection, table types, dialect helpers, prepared reads,
// migrations (all of src/db) and the query builder and drivers.
const database = ['^src/db/', npm(['kysely', 'pg', 'better-sqlite3'])];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-pure',
      comment: 'Rule 1: domain is pure logic; it imports no server, db, web or cli code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(server|db|web|cli)/' },
    },
    {
      name: 'domain-no-io',
      comment: 'Rule 1: domain does no I/O, so it imports no Node built-in module.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-only-zod',
      comment:
        'Rule 1: contracts import only zod, each other and the reference data of iso-3166 (countries.ts).',
      severity: 'error',
      from: { path: '^src/contracts/', pathNot: test },
      to: { pathNot: ['^src/contracts/', npm(['zod', 'iso-3166'])] },
    },
    {
      name: 'db-only-in-data-layer',
      comment:
        'Rule 2: only repositories (*.repository.ts, *.store.ts), the wiring (container.ts, app.ts, ' +
        'family-changes.ts, store.ts, modules/module.ts and each module index.ts, which hand a database handle ' +
        'to repositories), jobs and test helpers touch the database (src/db, kysely, pg, ' +
        'better-sqlite3); so services, routes and presenters never import db/connect or migrations.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          '^src/db/',
          '\\.(repository|store)\\.ts$',
          '^src/server/(container|app|family-changes|store)\\.ts$',
          '^src/server/modules/module\\.ts$',
          '^src/server/modules/[^/]+/index\\.ts$',
          '^src/server/jobs/',
          '^src/server/test/',
          test,
        ],
      },
      to: { path: database },
    },
    {
      name: 'module-through-index',
      comment: "Rule 3: a module reaches another module only through that module's index.ts.",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'web-not-server',
      comment: 'Rule 4: web knows the server only through contracts and HTTP: no server, db or cli.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|db|cli)/' },
    },
    {
      name: 'cli-through-container',
      comment: "Rule 5: the CLI uses the container's services and domain: no modules, table types or Kysely.",
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/server/modules/', '^src/db/schema\\.ts$', npm(['kysely'])] },
    },
    {
      name: 'test-helpers-only-in-tests',
      comment: 'Rule 6: test helpers (src/server/test/, src/domain/*/test/) are imported only by tests.',
      severity: 'error',
      from: { path: '^src/', pathNot: [test, '^src/.*/test/'] },
      to: { path: '^src/.*/test/' },
    },
    {
      name: 'no-cycles',
      comment:
        'No import cycles at run time. A cycle made only of type imports (the Module registry naming ' +
        "each module's services) is erased by the compiler and allowed.",
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'resolvable',
      comment:
        'Every import resolves; a rule cannot see an import it cannot resolve, so this guards the others. ' +
        'The one exception is the module the build makes (virtual:endpoint-table, scripts/vite-endpoint-table.ts), ' +
        'which holds only data.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:endpoint-table$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (`import type { Row }` is still table types).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
