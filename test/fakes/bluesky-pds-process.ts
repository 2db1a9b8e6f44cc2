import { TestNetworkNoAppView } from '@atproto/dev-env';

/**
 * Runs the test PDS in a process of its own (started by bluesky-pds.ts). better-sqlite3 12, which the PDS
 * uses, can abort a Node 24 process at exit: finalizers of its objects run after Node's environment is
 * gone (`Assertion failed: (env) != nullptr`, fixed upstream in better-sqlite3 13). In a test worker that
 * fails the run; here the process closes the network and then ends itself with SIGKILL, past that point.
 *
 * Protocol: one stdout line `CHORUS_PDS_READY {"url": …}` when the PDS is up; closing stdin shuts it down.
 */

const options = JSON.parse(process.argv[2] ?? '{}') as { rateLimits?: boolean };
const network = await TestNetworkNoAppView.create({
  pds: { rateLimitsEnabled: options.rateLimits ?? false },
});
process.stdout.write(`CHORUS_PDS_READY ${JSON.stringify({ url: network.pds.url })}\n`);

let closing = false;
async function shutDown(): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    await network.close();
  } finally {
    process.kill(process.pid, 'SIGKILL');
  }
}
process.stdin.on('end', () => void shutDown());
process.stdin.on('close', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
process.stdin.resume();
