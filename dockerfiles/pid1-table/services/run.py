# python3 as PID 1, running the app with subprocess and exiting with its return code, as users write it.
import subprocess
import sys

raise SystemExit(subprocess.call(sys.argv[1:]))
