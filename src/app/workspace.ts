/**
 * The workspace use cases: import a disclosure into storage (validated, versioned), read budgets
 * back, edit project forms as new versions, compare versions and aggregate across units and years.
 * This is the one place that wires importers, rules and storage for the API, the web app and the CLI.
 */
import type { BudgetDocument, CostLine, DocumentKind, Indicator, Profile, ProjectForm, QuarterPlan, Table } from '../domain/model.js';
import type { Finding, Severity } from '../rules/types.js';
import { FiscusError } from '../domain/errors.js';

/** Where the workspace keeps its data: a PostgreSQL server (`databaseUrl`) or a PGlite folder. */
export interface WorkspaceOptions {
  /** PGlite data folder; absent (and no `databaseUrl`) means an in-memory PGlite database. */
  dataDir?: string;
  /** `postgres://…` — when given, PostgreSQL through `pg` is used and `dataDir` is ignored. */
  databaseUrl?: string;
}

/** Finding counts by severity. */
export type SeverityCounts = Record<Severity, number>;

/** One budget (a document: unit × year × kind) as listed. */
export interface BudgetSummary {
  /** Stable id of the document (decimal string). */
  id: string;
  unitName: string;
  year: number;
  kind: DocumentKind;
  profile: Profile;
  /** Title as printed, when the document has one. */
  title: string | null;
  latestVersion: number;
  /** Findings of the latest version. */
  findings: SeverityCounts;
  /** ISO timestamp of the latest version. */
  updatedAt: string;
}

/** One stored version of a budget. */
export interface VersionInfo {
  n: number;
  createdAt: string;
  author: string | null;
  note: string | null;
  /** The version this one was edited from (null for imports). */
  baseVersion: number | null;
  /** sha256 of the canonical JSON of this version. */
  sha256: string;
  findings: SeverityCounts;
}

/** A budget with its versions. */
export interface BudgetDetail extends BudgetSummary {
  versions: VersionInfo[];
}

export interface ImportToWorkspaceOptions {
  author?: string;
  profile?: Profile;
  note?: string;
}

/** What an import or an edit produced. */
export interface StoredVersion {
  budgetId: string;
  version: number;
  /** True when the import created the budget, false when it added a version to an existing one. */
  created: boolean;
  findings: SeverityCounts;
}

/**
 * A change to one project form. Lists replace the form's lists wholesale; `amounts` replaces only the
 * given fields (`null` empties a field).
 */
export interface ProjectFormPatch {
  costLines?: CostLine[];
  disbursement?: QuarterPlan[];
  indicators?: Indicator[];
  amounts?: Partial<ProjectForm['amounts']>;
}

/** One changed amount between two versions. */
export interface AmountChange {
  /** JSON-pointer-like path into the document, e.g. `tables[6].rows[r12].amounts.total` or `projectForms[f3].costLines[2].amount`. */
  path: string;
  /** Table number (for table cells), else null. */
  table: number | null;
  /** Project form id (for form amounts), else null. */
  form: string | null;
  /** Row id (tables) or line index / field (forms). */
  row: string | null;
  /** Column key or form field. */
  field: string;
  /** Human label: the row label, cost line label or form name. */
  label: string;
  beforeFen: number | null;
  afterFen: number | null;
  /** after − before, empty counting as zero. */
  differenceFen: number;
}

/** A row, cost line, quarter plan or indicator present in only one version. */
export interface ItemChange {
  what: 'row' | 'costLine' | 'disbursement' | 'indicator' | 'projectForm';
  path: string;
  table: number | null;
  form: string | null;
  label: string;
}

export interface VersionDiff {
  budgetId: string;
  from: number;
  to: number;
  amounts: AmountChange[];
  added: ItemChange[];
  removed: ItemChange[];
}

export interface AggregateQuery {
  /** function: table 7 `total` by function code; econ: table 4 `total` by economic code; project: table 5 `total` by project name. */
  by: 'function' | 'econ' | 'project';
  year?: number;
  unitName?: string;
}

/** One aggregate line; amounts of the latest version of every matching budget, summed in SQL. */
export interface AggregateRow {
  /** Classification code (null for projects). */
  code: string | null;
  name: string;
  /** Classification level (1 = 类, 2 = 款, 3 = 项) where known. */
  level: number | null;
  fen: number;
}

/** The workspace: every method is one use case; writes are transactions. */
export interface Workspace {
  /**
   * Imports a file's bytes, validates it and stores it as a new version in one transaction.
   * Re-importing the same unit × year × kind adds a version to the same budget.
   * Throws FiscusError INPUT_UNREADABLE / INPUT_INVALID on bad input (nothing is written).
   */
  importDocument(bytes: Uint8Array, fileName: string, opts?: ImportToWorkspaceOptions): Promise<StoredVersion>;
  /** Every budget with its latest version and finding counts, by year (newest first) then unit. */
  listBudgets(): Promise<BudgetSummary[]>;
  /** One budget with its versions; NOT_FOUND when absent. */
  getBudget(id: string): Promise<BudgetDetail>;
  /** Versions of a budget, oldest first; NOT_FOUND when absent. */
  listVersions(id: string): Promise<VersionInfo[]>;
  /** The canonical document of a version (latest by default); NOT_FOUND when absent. */
  getDocument(id: string, version?: number): Promise<BudgetDocument>;
  /** The stored findings of a version (latest by default). */
  getFindings(id: string, version?: number): Promise<Finding[]>;
  /** The tables of a version (latest by default). */
  getTables(id: string, version?: number): Promise<Table[]>;
  /**
   * Applies a patch to one project form as a new version based on `baseVersion`, re-running the rules.
   * CONFLICT (nothing written) when `baseVersion` is not the latest; NOT_FOUND for an unknown form.
   */
  editProjectForm(id: string, baseVersion: number, formId: string, patch: ProjectFormPatch, author?: string): Promise<StoredVersion>;
  /** Changed amounts and added/removed items from version `a` to version `b`. */
  diffVersions(id: string, a: number, b: number): Promise<VersionDiff>;
  /** Sums over the latest versions, computed in SQL. */
  aggregate(q: AggregateQuery): Promise<AggregateRow[]>;
  /** Closes the database and releases the data folder lock. */
  close(): Promise<void>;
}

/**
 * Opens a workspace on PostgreSQL (`databaseUrl`) or PGlite (`dataDir`, locked exclusively; a second
 * process gets FiscusError LOCKED), applying pending migrations.
 */
export async function openWorkspace(opts: WorkspaceOptions = {}): Promise<Workspace> {
  void opts;
  throw new FiscusError('INTERNAL', 'workspace not ready');
}
