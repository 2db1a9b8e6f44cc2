import type { PGlite } from '@electric-sql/pglite';

/**
 * The order in which pglite-socket feeds its connections' protocol messages to the one PGlite session.
 *
 * pglite-socket (0.2.17) queues single messages and keeps one connection's turn only inside a transaction.
 * node-postgres sends every parameterised query as Parse, Bind, Describe, Execute, Sync — so two
 * connections querying at once get their messages interleaved: one's Bind meets the other's unnamed
 * statement ("unnamed prepared statement does not exist", "portal does not exist"), or, worse, runs it
 * with its own parameters. Here a connection keeps its turn from its first message until its Sync (or a
 * simple Query) leaves the session idle, and for as long as it holds a transaction open.
 */

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: Error) => void;
}

/** Messages after which the session is back at a statement boundary (outside a transaction). */
const BOUNDARY = new Set(['S', 'Q', 'X']);
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

export class SessionQueue {
  private queue: Queued[] = [];
  private processing = false;
  /** The connection whose turn it is, or null when any may go. */
  private owner: number | null = null;
  private readonly db: PGlite;

  constructor(db: PGlite) {
    this.db = db;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection went away in the middle of its turn: end what it left open, then let the others go. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    await this.db.runExclusive(async () => {
      // A Sync ends an unfinished extended-protocol sequence (and an error state awaiting one).
      await this.db.execProtocolRawStream(SYNC, {
        onRawData: () => {
          // Its answer goes to nobody: the connection is gone.
        },
      });
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    });
    this.owner = null;
    await this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const i = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        // The owner's next message has not arrived yet; its arrival starts this loop again.
        if (i === -1) break;
        const q = this.queue.splice(i, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(q.message, {
              onRawData: (data) => {
                bytes += data.length;
                q.onData(data);
              },
            }),
          );
        } catch (err) {
          this.owner = null;
          q.reject(err as Error);
          continue;
        }
        const type = String.fromCharCode(q.message[0] ?? 0);
        // A startup message has no type byte (it begins with its length): a boundary of its own.
        const boundary = q.message[0] === 0 || BOUNDARY.has(type);
        this.owner = this.db.isInTransaction() || !boundary ? q.handlerId : null;
        q.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}

/** Puts the queue above in place of pglite-socket's own; fails loudly if a new version moved it. */
export function installSessionQueue(server: object, db: PGlite): void {
  const s = server as { queryQueue?: unknown };
  if (!s.queryQueue || typeof (s.queryQueue as { enqueue?: unknown }).enqueue !== 'function') {
    throw new Error(
      'pglite-socket changed: its query queue is not where Chorus expects it (see pglite-session-queue.ts)',
    );
  }
  s.queryQueue = new SessionQueue(db);
}
