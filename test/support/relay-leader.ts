import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import type { Client } from 'pg';

// libs/event-store/src/relay/relay-leader-lock.ts: pg_try_advisory_lock(0x5a4e, hashtext(relay name)).
const RELAY_LOCK_NAMESPACE = 0x5a4e;

/** The inode of the socket from this local port to that remote port (Linux /proc/net). */
function socketInodeOfLocalPort(localPort: number, remotePort: number): string | undefined {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const port = (address: string) => parseInt(address.split(':').pop()!, 16);
      if (port(fields[1]) === localPort && port(fields[2]) === remotePort) return fields[9];
    }
  }
  return undefined;
}

const holdsSocket = (pid: number, inode: string): boolean => {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
};

/**
 * Which of the candidate processes holds the relay's leader lock: PostgreSQL names the session holding
 * the advisory lock (and its client port, application_name `samad-relay:...`); the kernel names the process
 * owning that socket.
 */
export async function relayLeaderPid(
  sql: Client,
  candidates: readonly number[],
  relayName = 'request-events',
): Promise<number | undefined> {
  const { rows } = await sql.query<{ client_port: number }>(
    `SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND a.application_name LIKE $2`,
    [RELAY_LOCK_NAMESPACE, `samad-relay:${relayName}:%`],
  );
  for (const { client_port } of rows) {
    const inode = socketInodeOfLocalPort(client_port, sql.port);
    if (inode) return candidates.find((pid) => holdsSocket(pid, inode));
  }
  return undefined;
}
