/**
 * The relational schema (drizzle-orm), mirroring migrations/0001_init.sql, which is the truth: the
 * migration runner creates the tables; these declarations only type the queries.
 * Money columns are bigint in mode 'number': fen amounts are JS safe integers.
 */
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';

const fen = (name: string) => bigint(name, { mode: 'number' });

export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    profile: text('profile').notNull(),
    title: text('title'),
    latestVersion: integer('latest_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [unique().on(t.unitId, t.year, t.kind)],
);

export const versions = pgTable(
  'versions',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    n: integer('n').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    author: text('author'),
    note: text('note'),
    baseVersion: integer('base_version'),
    doc: jsonb('doc').notNull(),
    sha256: text('sha256').notNull(),
    nError: integer('n_error').notNull(),
    nWarning: integer('n_warning').notNull(),
    nInfo: integer('n_info').notNull(),
  },
  (t) => [unique().on(t.documentId, t.n)],
);

export const tableRows = pgTable(
  'table_rows',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    tableIdx: integer('table_idx').notNull(),
    tableNo: integer('table_no'),
    role: text('role').notNull(),
    ord: integer('ord').notNull(),
    rowId: text('row_id').notNull(),
    side: text('side'),
    kind: text('kind').notNull(),
    code: text('code'),
    codeSystem: text('code_system'),
    level: integer('level').notNull(),
    parent: text('parent'),
    label: text('label').notNull(),
    unit: text('unit'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.tableIdx, t.ord] })],
);

export const amounts = pgTable(
  'amounts',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    tableIdx: integer('table_idx').notNull(),
    tableNo: integer('table_no'),
    ord: integer('ord').notNull(),
    rowId: text('row_id').notNull(),
    columnKey: text('column_key').notNull(),
    fen: fen('fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.tableIdx, t.ord, t.columnKey] })],
);

export const projects = pgTable(
  'projects',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    formIdx: integer('form_idx').notNull(),
    formId: text('form_id').notNull(),
    name: text('name').notNull(),
    parentProject: text('parent_project'),
    total: fen('total'),
    currentYear: fen('current_year'),
    fiscal: fen('fiscal'),
    other: fen('other'),
    transfer: fen('transfer'),
    purchasedServices: fen('purchased_services'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.formIdx] })],
);

export const costLines = pgTable(
  'cost_lines',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    formIdx: integer('form_idx').notNull(),
    lineIdx: integer('line_idx').notNull(),
    no: integer('no'),
    label: text('label').notNull(),
    text: text('text').notNull(),
    amount: fen('amount'),
    quantity: text('quantity'),
    quantityUnit: text('quantity_unit'),
    unitPrice: fen('unit_price'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.formIdx, t.lineIdx] })],
);

export const quarterPlans = pgTable(
  'quarter_plans',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    formIdx: integer('form_idx').notNull(),
    idx: integer('idx').notNull(),
    quarter: integer('quarter').notNull(),
    amount: fen('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.formIdx, t.idx] })],
);

export const indicators = pgTable(
  'indicators',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    /** 'form' (with form_idx) or 'department' (table 14, form_idx -1). */
    owner: text('owner').notNull(),
    formIdx: integer('form_idx').notNull(),
    idx: integer('idx').notNull(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    comparator: text('comparator'),
    value: text('value'),
    unit: text('unit'),
    qualitative: boolean('qualitative').notNull(),
    notApplicable: boolean('not_applicable').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.owner, t.formIdx, t.idx] })],
);

export const findings = pgTable(
  'findings',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    idx: integer('idx').notNull(),
    rule: text('rule').notNull(),
    severity: text('severity').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    message: text('message').notNull(),
    location: jsonb('location').notNull(),
    expected: text('expected'),
    actual: text('actual'),
    difference: text('difference'),
    unit: text('unit'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.idx] })],
);
