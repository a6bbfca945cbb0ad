import { foldGerman } from '../../../shared/domain/search';
import type { Migration } from '../migrate';
import { withRegistryDefaults } from '../registry-defaults';
import { dsarOpenSchema, dsarTallySchema } from './dsar-tally';

/** The disposable cache: mirrors of platform entities, rebuilt from the changes feed whenever needed. */
export const cacheMigrations: Migration[] = [
  {
    version: 1,
    name: 'dsar queue, staff, sync state',
    up(db) {
      db.exec(`
        CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE staff (id TEXT PRIMARY KEY, version INTEGER NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE dsars (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          type TEXT NOT NULL,
          status TEXT NOT NULL,
          subject_name TEXT NOT NULL,
          subject_email TEXT NOT NULL,
          received_at TEXT NOT NULL,
          due_date TEXT NOT NULL,
          assignee_id TEXT,
          priority TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          is_open INTEGER NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        );
        -- One index per queue filter x sort, so every queue page is an index range walk (see dsar/queue.ts).
        CREATE INDEX dsars_due ON dsars (due_date, id);
        CREATE INDEX dsars_received ON dsars (received_at, id);
        CREATE INDEX dsars_open_due ON dsars (is_open, due_date, id);
        CREATE INDEX dsars_open_received ON dsars (is_open, received_at, id);
        CREATE INDEX dsars_status_due ON dsars (status, due_date, id);
        CREATE INDEX dsars_status_received ON dsars (status, received_at, id);
        CREATE INDEX dsars_type_due ON dsars (type, due_date, id);
        CREATE INDEX dsars_type_received ON dsars (type, received_at, id);
        CREATE INDEX dsars_assignee_due ON dsars (assignee_id, due_date, id);
        CREATE INDEX dsars_assignee_received ON dsars (assignee_id, received_at, id);
        -- "My open requests" is the view officers live in: it gets its own indexes.
        CREATE INDEX dsars_assignee_open_due ON dsars (assignee_id, is_open, due_date, id);
        CREATE INDEX dsars_assignee_open_received ON dsars (assignee_id, is_open, received_at, id);
        CREATE INDEX dsars_pending ON dsars (pending) WHERE pending = 1;
        CREATE VIRTUAL TABLE dsars_fts USING fts5(
          subject_name, subject_email, content = 'dsars', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER dsars_fts_insert AFTER INSERT ON dsars BEGIN
          INSERT INTO dsars_fts (rowid, subject_name, subject_email) VALUES (new.rowid, new.subject_name, new.subject_email);
        END;
        CREATE TRIGGER dsars_fts_delete AFTER DELETE ON dsars BEGIN
          INSERT INTO dsars_fts (dsars_fts, rowid, subject_name, subject_email) VALUES ('delete', old.rowid, old.subject_name, old.subject_email);
        END;
        CREATE TRIGGER dsars_fts_update AFTER UPDATE OF subject_name, subject_email ON dsars BEGIN
          INSERT INTO dsars_fts (dsars_fts, rowid, subject_name, subject_email) VALUES ('delete', old.rowid, old.subject_name, old.subject_email);
          INSERT INTO dsars_fts (rowid, subject_name, subject_email) VALUES (new.rowid, new.subject_name, new.subject_email);
        END;
      `);
    },
  },
  {
    version: 2,
    name: 'processor registry',
    up(db) {
      db.exec(`
        CREATE TABLE processors (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          legal_name TEXT NOT NULL COLLATE NOCASE,
          status TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX processors_by_name ON processors (legal_name, id);
      `);
    },
  },
  {
    version: 3,
    name: 'records of processing activities',
    up(db) {
      db.exec(`
        CREATE TABLE activities (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          name TEXT NOT NULL COLLATE NOCASE,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX activities_by_name ON activities (name, id);
      `);
    },
  },
  {
    version: 4,
    name: 'dsar workflow: clock ledger, duplicates, fulfilment jobs',
    up(db) {
      db.exec(`
        -- The mirrored documents gained the timeline: the mirror is rebuilt from the platform (the outbox is elsewhere).
        DELETE FROM dsars;
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
        -- The clock ledger (compact JSON of the instants that decide the deadline): due dates are recomputed from
        -- it when the settings change, without reading the documents.
        ALTER TABLE dsars ADD COLUMN ledger TEXT NOT NULL DEFAULT '';
        ALTER TABLE dsars ADD COLUMN clock_paused INTEGER NOT NULL DEFAULT 0;
        -- Duplicate detection: the same subject (account, else e-mail) with the same type.
        ALTER TABLE dsars ADD COLUMN subject_key TEXT NOT NULL DEFAULT '';
        CREATE INDEX dsars_subject ON dsars (subject_key, type, is_open);
        -- The documents (with their timelines) live apart from the queue columns: index builds and queue walks
        -- read narrow rows, and a document is read only when a request is opened.
        ALTER TABLE dsars DROP COLUMN doc;
        CREATE TABLE dsar_docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE jobs (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          dsar_id TEXT NOT NULL,
          state TEXT NOT NULL,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX jobs_by_dsar ON jobs (dsar_id);
      `);
    },
  },
  {
    version: 5,
    name: 'the platform state under pending writes',
    up(db) {
      db.exec(`
        -- The platform's state of an entity with pending local writes, as it was before the first of them was
        -- shown: the writes are shown again from here (never on top of each other) after a restart or a pull.
        -- 'null' for an entity the platform does not have yet (a pending create).
        CREATE TABLE overlay_base (entity TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (entity, id)) WITHOUT ROWID;
        -- Rows an older console showed pending writes on hold no trace of the platform's state beneath them: the
        -- mirror is pulled again from the start (its rows stay visible meanwhile), and the writes are shown on it.
        UPDATE sync_state SET value = '0' WHERE key = 'cursor' AND (
          EXISTS (SELECT 1 FROM dsars WHERE pending = 1) OR EXISTS (SELECT 1 FROM processors WHERE pending = 1) OR
          EXISTS (SELECT 1 FROM activities WHERE pending = 1));
      `);
    },
  },
  {
    version: 6,
    name: 'search: German spellings both ways',
    up(db) {
      // Krüger is found as Krueger and the other way round: the index also keeps the transliterated name.
      db.function('pc_fold', (text: unknown) => foldGerman(String(text)));
      db.exec(`
        ALTER TABLE dsars ADD COLUMN subject_fold TEXT NOT NULL DEFAULT '';
        UPDATE dsars SET subject_fold = pc_fold(subject_name);
        DROP TRIGGER IF EXISTS dsars_fts_insert;
        DROP TRIGGER IF EXISTS dsars_fts_delete;
        DROP TRIGGER IF EXISTS dsars_fts_update;
        DROP TABLE dsars_fts;
        CREATE VIRTUAL TABLE dsars_fts USING fts5(
          subject_name, subject_email, subject_fold, content = 'dsars', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER dsars_fts_insert AFTER INSERT ON dsars BEGIN
          INSERT INTO dsars_fts (rowid, subject_name, subject_email, subject_fold) VALUES (new.rowid, new.subject_name, new.subject_email, new.subject_fold);
        END;
        CREATE TRIGGER dsars_fts_delete AFTER DELETE ON dsars BEGIN
          INSERT INTO dsars_fts (dsars_fts, rowid, subject_name, subject_email, subject_fold)
            VALUES ('delete', old.rowid, old.subject_name, old.subject_email, old.subject_fold);
        END;
        CREATE TRIGGER dsars_fts_update AFTER UPDATE OF subject_name, subject_email, subject_fold ON dsars BEGIN
          INSERT INTO dsars_fts (dsars_fts, rowid, subject_name, subject_email, subject_fold)
            VALUES ('delete', old.rowid, old.subject_name, old.subject_email, old.subject_fold);
          INSERT INTO dsars_fts (rowid, subject_name, subject_email, subject_fold) VALUES (new.rowid, new.subject_name, new.subject_email, new.subject_fold);
        END;
        INSERT INTO dsars_fts (dsars_fts) VALUES ('rebuild');
      `);
    },
  },
  {
    version: 7,
    name: 'registry entries with review, history and DPF answer',
    up(db) {
      // Mirrored documents are stored as the platform sent them: the fields added since read as their defaults.
      db.function('pc_registry_defaults', (entity: unknown, doc: unknown) => withRegistryDefaults(String(entity), String(doc)));
      db.exec(`
        UPDATE processors SET doc = pc_registry_defaults('processor', doc);
        UPDATE activities SET doc = pc_registry_defaults('activity', doc);
        UPDATE overlay_base SET doc = pc_registry_defaults(entity, doc) WHERE doc != 'null';
      `);
    },
  },
  {
    version: 8,
    name: 'letter templates',
    up(db) {
      // Templates a platform held before this version reach the cache by one fetch when they are first needed
      // (electron/dsar/templates.ts), not by pulling the whole feed again.
      db.exec(`
        CREATE TABLE letter_templates (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          locale TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX letter_templates_by_locale ON letter_templates (locale, id);
      `);
    },
  },
  {
    version: 9,
    name: 'breach register',
    up(db) {
      // Incidents the platform held before this version reach a cache made earlier by pulling the feed again
      // from the start, once (the rows stay visible meanwhile; the outbox is elsewhere).
      db.exec(`
        CREATE TABLE incidents (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          aware_at TEXT NOT NULL,
          status TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX incidents_by_awareness ON incidents (aware_at, id);
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 10,
    name: 'breach playbooks, notices and the notification policy',
    up(db) {
      // Playbooks and notices the platform held before this version reach the cache by pulling the feed again
      // from the start, once (as migration 9 did for incidents).
      db.exec(`
        CREATE TABLE playbooks (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          family TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX playbooks_by_family ON playbooks (family, id);
        CREATE TABLE notices (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          incident_id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX notices_by_incident ON notices (incident_id, created_at, id);
        CREATE TABLE breach_policies (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 11,
    name: 'policy versions',
    up(db) {
      // Versions the platform held before this version reach the cache by pulling the feed again, once.
      db.exec(`
        CREATE TABLE policy_versions (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          document TEXT NOT NULL,
          language TEXT NOT NULL,
          number INTEGER NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX policy_versions_by_document ON policy_versions (document, language, number, id);
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 12,
    name: 'policy campaigns',
    up(db) {
      // Campaigns the platform held before this version reach the cache by pulling the feed again, once.
      db.exec(`
        CREATE TABLE policy_campaigns (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          version_id TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0,
          doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX policy_campaigns_by_version ON policy_campaigns (version_id, id);
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 13,
    name: 'access reviews',
    up(db) {
      // What the platform held before this version reaches the cache by pulling the feed again, once.
      db.exec(`
        CREATE TABLE employees (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, name TEXT NOT NULL, department TEXT NOT NULL, doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX employees_by_name ON employees (name, id);
        CREATE TABLE grants (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, employee_id TEXT NOT NULL, scope TEXT NOT NULL, state TEXT NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX grants_by_employee ON grants (employee_id, id);
        CREATE TABLE access_reviews (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, pending INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX access_reviews_by_created ON access_reviews (created_at, id);
        CREATE TABLE review_items (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, review_id TEXT NOT NULL, reviewer_id TEXT NOT NULL,
          employee_id TEXT NOT NULL, holder_name TEXT NOT NULL, scope TEXT NOT NULL, decision TEXT,
          pending INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL
        ) WITHOUT ROWID;
        -- A review's list is paged in the holders' order, under the filters a reviewer uses.
        CREATE INDEX review_items_by_review ON review_items (review_id, decision, holder_name, id);
        CREATE INDEX review_items_by_reviewer ON review_items (review_id, reviewer_id, decision, holder_name, id);
        CREATE INDEX review_items_by_scope ON review_items (review_id, scope, decision, holder_name, id);
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 14,
    name: 'review item counts',
    up(db) {
      // A review's counts per reviewer, scope and decided-or-not, kept by triggers in the items' own transactions:
      // a page's totals and each reviewer's progress are sums over a few rows instead of counts over 100,000.
      // Items are searched by holder: the names found among the staff, each one's items in the list's order.
      db.exec(`
        CREATE TABLE review_item_counts (
          review_id TEXT NOT NULL, reviewer_id TEXT NOT NULL, scope TEXT NOT NULL, decided INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (review_id, reviewer_id, scope, decided)
        ) WITHOUT ROWID;
        INSERT INTO review_item_counts
          SELECT review_id, reviewer_id, scope, decision IS NOT NULL, count(*) FROM review_items GROUP BY 1, 2, 3, 4;
        CREATE TRIGGER review_items_counted_in AFTER INSERT ON review_items BEGIN
          INSERT INTO review_item_counts VALUES (new.review_id, new.reviewer_id, new.scope, new.decision IS NOT NULL, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER review_items_counted_out AFTER DELETE ON review_items BEGIN
          UPDATE review_item_counts SET n = n - 1 WHERE review_id = old.review_id AND reviewer_id = old.reviewer_id
            AND scope = old.scope AND decided = (old.decision IS NOT NULL);
        END;
        CREATE TRIGGER review_items_counted_moved AFTER UPDATE OF review_id, reviewer_id, scope, decision ON review_items
          WHEN old.review_id IS NOT new.review_id OR old.reviewer_id IS NOT new.reviewer_id OR old.scope IS NOT new.scope
            OR (old.decision IS NULL) IS NOT (new.decision IS NULL)
        BEGIN
          UPDATE review_item_counts SET n = n - 1 WHERE review_id = old.review_id AND reviewer_id = old.reviewer_id
            AND scope = old.scope AND decided = (old.decision IS NOT NULL);
          INSERT INTO review_item_counts VALUES (new.review_id, new.reviewer_id, new.scope, new.decision IS NOT NULL, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE INDEX review_items_by_holder ON review_items (review_id, holder_name, id, decision);
        -- Reviews, grants and staff gained fields (reminders, retries, data owners) the cached documents lack:
        -- the feed is pulled again once, so every document has them.
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 15,
    name: 'the overview: days of receipt and of the answer, daily tallies',
    up(db) {
      // The overview's history (inflow per week, on-time answers per month) is read from tallies per local day
      // that triggers keep in each row's own transaction, so it costs a few hundred rows at any size. The days
      // are the controller's (its time zone); the mirror is pulled again once to fill them.
      db.exec(`
        ALTER TABLE dsars ADD COLUMN received_on TEXT NOT NULL DEFAULT '';
        -- The day the request was answered (completed or denied), null while it is not.
        ALTER TABLE dsars ADD COLUMN answered_on TEXT;
        CREATE INDEX dsars_answered ON dsars (answered_on, id) WHERE answered_on IS NOT NULL;
        -- Open requests whose clock stands still (few): counted without reading the rows.
        CREATE INDEX dsars_paused ON dsars (is_open) WHERE clock_paused = 1;
        ${dsarTallySchema}
        UPDATE sync_state SET value = '0' WHERE key = 'cursor';
      `);
    },
  },
  {
    version: 16,
    name: 'the overview: open requests per due date and assignee',
    up(db) {
      // Counted from the rows as they are; no pull needed.
      db.exec(dsarOpenSchema);
    },
  },
];
