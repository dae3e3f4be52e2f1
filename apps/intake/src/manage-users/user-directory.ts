import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { nameOf } from '@samad/reference-data';
import { pageOfRows, type Page, type PageWindow, type TokenRole } from '@samad/service-kit';
import { LoginThrottle } from '../login/login-throttle';
import type { UserResponse } from './manage-users.dto';
import { ManageUsersError } from './user.errors';
import type { UserState } from './user-rules';

interface UserRow {
  username: string;
  role: TokenRole;
  agency_code: string | null;
  extension: string | null;
  disabled: boolean;
  created_at: Date;
  created_by: string | null;
  changed_by: string | null;
  changed_at: Date | null;
}

export interface UserFilter {
  role?: string;
  agency?: string;
  q?: string;
}

const COLUMNS = `username, role, agency_code, extension, disabled, created_at, created_by, changed_by, changed_at`;
const FILTER = `($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR agency_code = $2)
                AND ($3::text IS NULL OR strpos(username, $3) > 0)`;

// The unique index on extensions (ADR 45) answers for two operators on one telephone.
const isTakenExtension = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'users_extension_idx';

export const stateOf = (
  row: Pick<UserRow, 'role' | 'agency_code' | 'extension' | 'disabled'>,
): UserState => ({
  role: row.role,
  agencyCode: row.agency_code,
  extension: row.extension,
  disabled: row.disabled,
});

/** intake.users for the administrator: never reads or answers a password hash except to write one. */
@Injectable()
export class UserDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
  ) {}

  async list(filter: UserFilter, window: PageWindow): Promise<Page<UserResponse>> {
    const params = [filter.role ?? null, filter.agency ?? null, filter.q || null];
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, (count(*) OVER ())::int AS total FROM intake.users
        WHERE ${FILTER} ORDER BY username LIMIT $4 OFFSET $5`,
      [...params, window.limit, window.offset],
    )) as (UserRow & { total: number })[];
    const standing = await this.throttle.standingOf(rows.map((r) => r.username));
    return pageOfRows(
      rows,
      window,
      (row) => this.view(row, standing.get(row.username)),
      async () => {
        const [{ total }] = (await this.dataSource.query(
          `SELECT count(*)::int AS total FROM intake.users WHERE ${FILTER}`,
          params,
        )) as { total: number }[];
        return total;
      },
    );
  }

  async one(username: string): Promise<UserResponse> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM intake.users WHERE username = $1`, [
      username,
    ])) as UserRow[];
    if (!row) throw new ManageUsersError('USER_NOT_FOUND', `no user ${username}`);
    return this.view(row, (await this.throttle.standingOf([username])).get(username));
  }

  /** Adds the user; USERNAME_TAKEN when the name exists, EXTENSION_TAKEN when another operator has the line. */
  async create(
    user: { username: string; passwordHash: string } & Omit<UserState, 'disabled'>,
    actor: string,
  ): Promise<void> {
    try {
      const inserted = (await this.dataSource.query(
        `INSERT INTO intake.users (username, password_hash, role, agency_code, extension, disabled, created_by)
         VALUES ($1, $2, $3, $4, $5, false, $6)
         ON CONFLICT (username) DO NOTHING RETURNING username`,
        [user.username, user.passwordHash, user.role, user.agencyCode, user.extension, actor],
      )) as unknown[];
      if (inserted.length === 0) {
        throw new ManageUsersError('USERNAME_TAKEN', `the username ${user.username} is taken`);
      }
    } catch (error) {
      throw isTakenExtension(error) ? this.extensionTaken(user.extension) : error;
    }
  }

  /** The user's row locked for a change in this transaction. */
  async lockForChange(manager: EntityManager, username: string): Promise<UserState> {
    const [row] = (await manager.query(
      `SELECT role, agency_code, extension, disabled FROM intake.users WHERE username = $1 FOR UPDATE`,
      [username],
    )) as UserRow[];
    if (!row) throw new ManageUsersError('USER_NOT_FOUND', `no user ${username}`);
    return stateOf(row);
  }

  async update(manager: EntityManager, username: string, next: UserState, actor: string): Promise<void> {
    try {
      await manager.query(
        `UPDATE intake.users
            SET role = $2, agency_code = $3, extension = $4, disabled = $5, changed_by = $6, changed_at = now()
          WHERE username = $1`,
        [username, next.role, next.agencyCode, next.extension, next.disabled, actor],
      );
    } catch (error) {
      throw isTakenExtension(error) ? this.extensionTaken(next.extension) : error;
    }
  }

  async setPasswordHash(
    manager: EntityManager,
    username: string,
    hash: string,
    actor: string,
  ): Promise<void> {
    const [, updated] = (await manager.query(
      `UPDATE intake.users SET password_hash = $2, changed_by = $3, changed_at = now() WHERE username = $1`,
      [username, hash, actor],
    )) as [unknown, number];
    if (updated === 0) throw new ManageUsersError('USER_NOT_FOUND', `no user ${username}`);
  }

  private extensionTaken(extension: string | null): ManageUsersError {
    return new ManageUsersError('EXTENSION_TAKEN', `another operator has extension ${extension}`);
  }

  private view(row: UserRow, standing?: { locked: boolean; failures: number }): UserResponse {
    return {
      username: row.username,
      role: row.role,
      agency: row.agency_code === null ? null : nameOf('agency', row.agency_code),
      extension: row.extension,
      disabled: row.disabled,
      locked: standing?.locked ?? false,
      recentFailures: standing?.failures ?? 0,
      createdAt: row.created_at.toISOString(),
      ...(row.created_by !== null && { createdBy: row.created_by }),
      ...(row.changed_by !== null && { changedBy: row.changed_by }),
      ...(row.changed_at !== null && { changedAt: row.changed_at.toISOString() }),
    };
  }
}
