'use strict';
// A job service, like the story's: POST /jobs starts a job (its own process group, as Go's Setpgid), DELETE
// /jobs/<id> stops it, by its pid (SIGKILL to the job alone: the story's cmd.Process.Kill()) or by its group
// (SIGTERM to all of it: the story's first fix), as STOP_BY says.
const http = require('http');
const { spawn } = require('child_process');
const readline = require('readline');

const stopBy = process.env.STOP_BY || 'group';
const jobs = new Map();
let next = 1;

http.createServer((req, res) => {
  const [, resource, id] = req.url.split('/');
  if (req.method === 'POST' && resource === 'jobs') {
    const job = spawn('node', [__dirname + '/job.js'], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    const jobId = String(next++);
    jobs.set(jobId, job);
    // Started once its worker says so: a stop before that would race the worker's own start.
    readline.createInterface({ input: job.stdout }).once('line', () => res.writeHead(201).end(jobId));
  } else if (req.method === 'DELETE' && resource === 'jobs' && jobs.has(id)) {
    const job = jobs.get(id);
    jobs.delete(id);
    job.once('exit', () => res.writeHead(204).end());
    if (stopBy === 'pid') {
      job.kill('SIGKILL');
    } else {
      process.kill(-job.pid, 'SIGTERM');
    }
  } else {
    res.writeHead(404).end();
  }
}).listen(8080, () => console.log('job service: listening on 8080, stopping jobs by ' + stopBy));
