'use strict';
// A job: this process and a worker it starts (as npm run start starts next start). On SIGTERM the worker
// finishes what it does first and exits once its parent is gone: so it always outlives its parent, and is
// re-parented to PID 1 before it dies (what next-server does on a group stop).
const { spawn } = require('child_process');

if (process.argv[2] === 'worker') {
  const parent = process.ppid;
  process.on('SIGTERM', () => {
    const check = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(check);
        process.exit(0);
      }
    }, 5);
  });
  console.log('worker up');
  setInterval(() => {}, 1 << 30);
} else {
  spawn(process.execPath, [__filename, 'worker'], { stdio: 'inherit' });
  setInterval(() => {}, 1 << 30);
}
