// node as PID 1, running the app with child_process.spawn and exiting as it did, as users write it.
const { spawn } = require('child_process');
const os = require('os');
const child = spawn(process.argv[2], process.argv.slice(3), { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code !== null ? code : 128 + os.constants.signals[signal]));
