'use strict';
/**
 * A private Dovecot for the benchmark: free port, passwd-file user, maildir in a temp directory
 * (the same setup as test/support/dovecot.ts, in plain JS so the benchmark needs no build step).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ImapFlow } = require('imapflow');
const { freePort } = require('../intake/server-process');

const DOVECOT = process.env.DOVECOT_PATH || '/usr/sbin/dovecot';
const USER = 'borgerservice';
const PASSWORD = 'Bench-Imap-Adgang-1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function startDovecot() {
  if (!fs.existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing; install Debian's dovecot-imapd`);
  const root = os.userInfo().uid === 0;
  const uid = root ? 8 : os.userInfo().uid;
  const gid = root ? 8 : os.userInfo().gid;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-bench-dovecot-'));
  fs.chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub));
  fs.chownSync(path.join(dir, 'mail'), uid, gid);
  fs.writeFileSync(path.join(dir, 'passwd'), `${USER}:{PLAIN}${PASSWORD}::::::\n`);
  const port = await freePort();
  const runAs = root ? '' : `default_internal_user = ${os.userInfo().username}\ndefault_login_user = ${os.userInfo().username}\n`;
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), `instance_name = kontakt-bench-${port}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
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
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
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
`);
  const child = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await listening(port)); i++) await sleep(100);
  const client = async () => {
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
    await imap.connect();
    return imap;
  };
  return {
    imapUrl: `imap://${USER}:${PASSWORD}@127.0.0.1:${port}/INBOX`,
    client,
    async destroy() {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startDovecot };
