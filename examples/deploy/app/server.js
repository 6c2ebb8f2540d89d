// A service that stops on SIGTERM after SHUTDOWN_MS (default 0: at once): what a graceful shutdown looks like.
const http = require('http');
const shutdownMs = Number(process.env.SHUTDOWN_MS || 0);
const server = http.createServer((req, res) => res.end('ok\n')).listen(Number(process.env.PORT || 8080));
process.on('SIGTERM', () => {
  console.log(`SIGTERM: stopping in ${shutdownMs} ms`);
  server.close();
  setTimeout(() => process.exit(0), shutdownMs);
});
console.log('up');
