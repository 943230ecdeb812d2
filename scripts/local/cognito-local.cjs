// Starts cognito-local as its own command does, but with a logger that prints
// only what the local runtime reads: each code Cognito would email, as one
// JSON line on stdout, and errors on stderr. cognito-local logs every request
// in full; under a busy test run that output fell minutes behind, and the
// codes printed in it with it.
const { dirname } = require('node:path');
const cognitoLocal = require.resolve('cognito-local');
const pino = require(require.resolve('pino', { paths: [dirname(cognitoLocal)] }));
const { createDefaultServer } = require(cognitoLocal);

const ERROR_LEVEL = 50;
const deliveries = {
  write(line) {
    const entry = JSON.parse(line);
    if (typeof entry.msg === 'string' && entry.msg.includes('Confirmation Code Delivery')) process.stdout.write(`${JSON.stringify({ delivery: entry.msg })}\n`);
    else if (entry.level >= ERROR_LEVEL) process.stderr.write(`${entry.msg ?? line}\n`);
  },
};

const logger = pino({ level: 'info' }, deliveries);
createDefaultServer(logger)
  .then((server) => server.start())
  .catch((error) => {
    process.stderr.write(`cognito-local did not start: ${error.stack ?? error}\n`);
    process.exit(1);
  });
