# Shared logging for zombielab's shell entry points: every step says what it is doing.
# ZL_QUIET=1 (set by --quiet) keeps the steps silent; errors are always said.
zl_say()  { [ "${ZL_QUIET:-0}" = 1 ] || printf '[zombielab] %s\n' "$*" >&2; }
zl_fail() { printf '[zombielab] ERROR: %s\n' "$*" >&2; exit 1; }
