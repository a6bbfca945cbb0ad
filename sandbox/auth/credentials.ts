import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { generate, generateSecret, verify } from 'otplib';
import type { Employee } from '../../shared/api/access';
import type { Role, Staff } from '../../shared/api/common';
import type { PlatformStore } from '../store/store';

/** Roles that may only sign in with a second factor (they see or change personal data of many people). */
export const PRIVILEGED_ROLES: readonly Role[] = ['privacy_officer', 'security_lead', 'admin'];

export interface StaffCredentials {
  staffId: string;
  /** The demo platform shows it on its sign-in page; a real platform would keep only the hash. */
  password: string;
  /** Base32 TOTP secret (RFC 6238, 30 s, 6 digits); null: no second factor set up. */
  totpSecret: string | null;
}

interface Row {
  staff_id: string;
  password_hash: string;
  demo_password: string;
  totp_secret: string | null;
  totp_last_step: number | null;
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
const hash = (password: string, salt: Buffer) => `${salt.toString('base64')}:${scryptSync(password, salt, 32).toString('base64')}`;

const readablePassword = () => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join('')).join('-');
};

/**
 * The staff's sign-in secrets on the platform: a password (scrypt) for everyone and a TOTP second factor set up
 * for everyone the demo seeds (required of privileged roles). Whether someone has one is what the access
 * reviews see as MFA.
 */
export class Credentials {
  constructor(private readonly store: PlatformStore) {
    store.db.exec(`CREATE TABLE IF NOT EXISTS staff_credentials (
      staff_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, demo_password TEXT NOT NULL,
      totp_secret TEXT, totp_last_step INTEGER) WITHOUT ROWID`);
  }

  /** Gives each of these staff a password and a second factor unless they have them already. */
  ensure(staff: readonly Staff[]): void {
    const insert = this.store.db.prepare(
      'INSERT OR IGNORE INTO staff_credentials (staff_id, password_hash, demo_password, totp_secret) VALUES (?, ?, ?, ?)',
    );
    this.store.db.transaction(() => {
      for (const member of staff) {
        const password = readablePassword();
        insert.run(member.id, hash(password, randomBytes(16)), password, generateSecret());
      }
    })();
  }

  /**
   * What the access reviews see as MFA for the staff who sign in here is whether they have a second factor: an
   * employee record that says otherwise is brought in line (a new version in the feed).
   */
  reflectInEmployees(at = new Date()): void {
    this.store.db.transaction(() => {
      for (const employee of this.store.all<Employee>('employee')) {
        if (!employee.staffId) continue;
        const mfa = this.hasSecondFactor(employee.staffId);
        if (employee.mfa === mfa) continue;
        this.store.put('employee', { ...employee, mfa, version: employee.version + 1, updatedAt: at.toISOString() });
      }
    })();
  }

  /** Sets up or removes someone's second factor (IT does it on the platform). */
  setSecondFactor(staffId: string, on: boolean): void {
    this.store.db
      .prepare('UPDATE staff_credentials SET totp_secret = ?, totp_last_step = NULL WHERE staff_id = ?')
      .run(on ? generateSecret() : null, staffId);
    this.reflectInEmployees();
  }

  of(staffId: string): StaffCredentials | null {
    const row = this.row(staffId);
    return row ? { staffId: row.staff_id, password: row.demo_password, totpSecret: row.totp_secret } : null;
  }

  hasSecondFactor(staffId: string): boolean {
    return this.row(staffId)?.totp_secret != null;
  }

  /** Off the event loop (scrypt in the thread pool): the demo platform shares its process with the console. */
  async checkPassword(staffId: string, password: string): Promise<boolean> {
    const row = this.row(staffId);
    // The same work whether or not the account exists, so the answer's timing tells nothing.
    const [salt, expected] = (row?.password_hash ?? `${randomBytes(16).toString('base64')}:${Buffer.alloc(32).toString('base64')}`).split(
      ':',
    );
    const given = await scryptAsync(password, Buffer.from(salt, 'base64'), 32);
    return timingSafeEqual(given, Buffer.from(expected, 'base64')) && row !== undefined;
  }

  /** A code is good once: the same or an earlier time step is refused afterwards (RFC 6238 §5.2). */
  async checkCode(staffId: string, code: string): Promise<boolean> {
    const row = this.row(staffId);
    if (!row?.totp_secret || !/^\d{6}$/.test(code)) return false;
    const result = await verify({
      secret: row.totp_secret,
      token: code,
      epochTolerance: 30,
      ...(row.totp_last_step === null ? {} : { afterTimeStep: row.totp_last_step }),
    });
    if (!result.valid) return false;
    // The step the code matched (TOTP results carry it); one use per step, even for two submissions at once.
    const step = (result as { timeStep?: number }).timeStep ?? Math.floor(Date.now() / 30_000) + result.delta;
    const taken = this.store.db
      .prepare('UPDATE staff_credentials SET totp_last_step = ? WHERE staff_id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)')
      .run(step, staffId, step);
    return taken.changes === 1;
  }

  /**
   * A code that is good now: the authenticator's current one, or the next one when the current one was used
   * (the demo's sign-in page shows it; tests type it).
   */
  usableCode(staffId: string, at = Date.now()): Promise<string | null> {
    const row = this.row(staffId);
    if (!row?.totp_secret) return Promise.resolve(null);
    const step = Math.max(Math.floor(at / 30_000), (row.totp_last_step ?? 0) + 1);
    return generate({ secret: row.totp_secret, epoch: step * 30 });
  }

  private row(staffId: string): Row | undefined {
    return this.store.db.prepare<[string], Row>('SELECT * FROM staff_credentials WHERE staff_id = ?').get(staffId);
  }
}
