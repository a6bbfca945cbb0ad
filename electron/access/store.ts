import type Database from 'better-sqlite3-multiple-ciphers';
import type { AccessReview, Employee, Grant, ReviewItem } from '../../shared/api/access';
import { type DocumentStore, documentEntity } from '../cache/document-store';

/** The operator's staff accounts (read-only: HR and IT keep them), by name. */
export const employeeCache = (db: Database.Database) =>
  documentEntity<Employee>(db, {
    table: 'employees',
    columns: (doc) => ({ name: doc.name, department: doc.department }),
    listIndex: 'employees_by_name',
    readOnly: true,
  });
export type EmployeeCache = DocumentStore<Employee>;

/** Every grant, by holder; its state says how far a revocation got on the platform. */
export const grantCache = (db: Database.Database) =>
  documentEntity<Grant>(db, {
    table: 'grants',
    columns: (doc) => ({ employee_id: doc.employeeId, scope: doc.scope, state: doc.state }),
    listIndex: 'grants_by_employee',
  });
export type GrantCache = DocumentStore<Grant>;

export const accessReviewCache = (db: Database.Database) =>
  documentEntity<AccessReview>(db, {
    table: 'access_reviews',
    columns: (doc) => ({ created_at: doc.createdAt }),
    listIndex: 'access_reviews_by_created',
  });
export type AccessReviewCache = DocumentStore<AccessReview>;

/** The items of every review: filtered and paged by review, reviewer, scope and whether decided. */
export const reviewItemCache = (db: Database.Database) =>
  documentEntity<ReviewItem>(db, {
    table: 'review_items',
    columns: (doc) => ({
      review_id: doc.reviewId,
      reviewer_id: doc.reviewerId,
      employee_id: doc.employeeId,
      holder_name: doc.holderName,
      scope: doc.scope,
      decision: doc.decision?.kind ?? null,
    }),
    listIndex: 'review_items_by_review',
  });
export type ReviewItemCache = DocumentStore<ReviewItem>;
