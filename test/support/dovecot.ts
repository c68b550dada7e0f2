import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

/** Debian's dovecot-imapd; .ci/run installs it. */
export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
export const hasDovecot = existsSync(DOVECOT);

export const MAILBOX_USER = 'borgerservice';
export const MAILBOX_PASSWORD = 'Imap-Test-Adgang-1';

/** Debian's `mail` user owns the maildir when the tests run as root; otherwise the current user does. */
const MAIL_UID = userInfo().uid === 0 ? 8 : userInfo().uid;
const MAIL_GID = userInfo().uid === 0 ? 8 : userInfo().gid;

export interface Dovecot {
  port: number;
  /** IMAP_URL for Kontakt, with the test user's credentials. */
  imapUrl(folder?: string): string;
  /** Delivers a raw RFC 5322 message into the folder by IMAP APPEND, as an MTA would. */
  append(raw: string | Buffer, folder?: string): Promise<void>;
  /** A logged-in client for assertions (flags, folders); the caller logs out. */
  client(): Promise<ImapFlow>;
  stop(): Promise<void>;
  /** Starts it again on the same port and maildir. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
  log(): string;
}

function config(dir: string, port: number): string {
  const runAs = userInfo().uid === 0 ? '' : `default_internal_user = ${userInfo().username}\ndefault_login_user = ${userInfo().username}\n`;
  return `
instance_name = kontakt-test-${port}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
mailbox_idle_check_interval = 1 secs
${runAs}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A private Dovecot on a free port with one passwd-file user and a maildir in a temp directory. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-dovecot-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  for (const sub of ['run', 'state', 'mail']) await mkdir(join(dir, sub), { recursive: true });
  await chown(join(dir, 'mail'), MAIL_UID, MAIL_GID);
  await writeFile(join(dir, 'passwd'), `${MAILBOX_USER}:{PLAIN}${MAILBOX_PASSWORD}::::::\n`, { mode: 0o644 });
  await writeFile(join(dir, 'dovecot.conf'), config(dir, port));

  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const killOnExit = () => child?.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    for (let i = 0; i < 100; i++) {
      if (await listening(port)) return;
      if (child.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`Dovecot did not listen on ${port}: ${output}`);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
    if (running.exitCode === null) running.kill('SIGKILL');
    while (await listening(port)) await sleep(50);
  };
  const client = async () => {
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: MAILBOX_USER, pass: MAILBOX_PASSWORD }, logger: false });
    await imap.connect();
    return imap;
  };
  await start();
  return {
    port,
    imapUrl: (folder = 'INBOX') => `imap://${MAILBOX_USER}:${encodeURIComponent(MAILBOX_PASSWORD)}@127.0.0.1:${port}/${folder}`,
    append: async (raw, folder = 'INBOX') => {
      const imap = await client();
      try {
        await imap.append(folder, raw);
      } finally {
        await imap.logout();
      }
    },
    client,
    stop,
    start,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    log: () => output,
  };
}
