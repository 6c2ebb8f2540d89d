# Shared logging and exit codes for zombielab's shell entry points: every step says what it is doing.
# ZL_QUIET=1 (set by --quiet) keeps the steps silent; errors are always said.
# Exit codes (README, "Exit codes"): 1 a cell or test failed, 2 a usage error, 3 the environment is not ready
# (no engine, no base image, a tool missing): the same codes the Java CLI uses.
ZL_EXIT_FAILED=1
ZL_EXIT_USAGE=2
ZL_EXIT_ENVIRONMENT=3
zl_say()  { [ "${ZL_QUIET:-0}" = 1 ] || printf '[zombielab] %s\n' "$*" >&2; }
# A step failed (a build, an install): exit 1.
zl_fail() { printf '[zombielab] ERROR: %s\n' "$*" >&2; exit "$ZL_EXIT_FAILED"; }
# Something the run needs is missing and could not be set up here: exit 3.
zl_fail_env() { printf '[zombielab] ERROR: %s\n' "$*" >&2; exit "$ZL_EXIT_ENVIRONMENT"; }
