import * as net from 'node:net';

/**
 * Stands in for `ssh … docker system dial-stdio` in the fault harness: after `delayMs`
 * (the ssh handshake of a slow link) it joins stdin/stdout to the fake Engine's unix
 * socket, as dial-stdio does with the remote docker.sock. Real ssh cannot be given a
 * slow dial or a password prompt on demand. `mode` "password" answers as ssh does when
 * only password authentication is left and there is no terminal to ask on.
 *
 * Usage: node fakeDialStdio.js SOCKET DELAY_MS [ok|password]
 */
const [socketPath, delay, mode] = process.argv.slice(2);

setTimeout(() => {
  if (mode === 'password') {
    process.stderr.write('dn-test@engine.example: Permission denied (publickey,password).\r\n');
    process.exit(255);
  }
  const socket = net.connect(socketPath);
  socket.on('error', (err) => {
    process.stderr.write(`ssh: connect to the Engine: ${err.message}\n`);
    process.exit(255);
  });
  socket.on('connect', () => {
    process.stdin.pipe(socket);
    socket.pipe(process.stdout);
  });
  socket.on('close', () => process.exit(0));
  process.stdin.on('end', () => socket.end());
}, Number(delay) || 0);
