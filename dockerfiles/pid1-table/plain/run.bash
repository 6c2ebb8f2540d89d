#!/bin/bash
# bash as PID 1, as a user's entrypoint script runs the app.
"$@"
exit $?
