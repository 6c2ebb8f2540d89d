// A batch job as many are written: the work runs in ROUNDS; each round a shell script fans it out to WORKERS
// background workers and returns at once, and node waits for every worker's result file before the next round.
// The workers outlive the script that started them: they are orphaned to PID 1, and whatever is PID 1 must reap
// them when they end. node never reaps what it adopts: run as PID 1, every finished worker stays a zombie.
const { execFileSync } = require('child_process');
const fs = require('fs');
const rounds = Number(process.env.ROUNDS || 5);
const workers = Number(process.env.WORKERS || 3);
const workSeconds = Number(process.env.WORK_SECONDS || 1);
const out = fs.mkdtempSync('/tmp/batch-');
let round = 0;

function next() {
  if (round === rounds) {
    console.log(`done: ${rounds} rounds of ${workers} workers`);
    process.exit(Number(process.env.EXIT_CODE || 0));
  }
  round++;
  execFileSync('/bin/sh', ['-c', `for i in $(seq ${workers}); do (sleep ${workSeconds}; echo ok > ${out}/${round}-$i) `
      + `>/dev/null 2>&1 & done; exit 0`]);
  const poll = setInterval(() => {
    if (fs.readdirSync(out).filter(f => f.startsWith(`${round}-`)).length === workers) {
      clearInterval(poll);
      next();
    }
  }, 50);
}

console.log(`batch: ${rounds} rounds of ${workers} workers`);
next();
