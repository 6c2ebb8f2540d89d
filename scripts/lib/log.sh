# Shared logging for zombielab's shell entry points: every step says what it is doing.
zl_say()  { printf '[zombielab] %s\n' "$*" >&2; }
zl_fail() { printf '[zombielab] ERROR: %s\n' "$*" >&2; exit 1; }
