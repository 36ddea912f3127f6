#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
# Exits 1 with a message naming the required version when there is none.
# Sourced or run by ./mvn21 and ./smc4j; it changes nothing on the machine.
set -u
required=21

jdk_major() { # $1 = JDK home; prints its major version or nothing
  local home=$1 v=""
  [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}
  printf '%s\n' "${v%%[.+-]*}"
}

if [ -n "${JAVA_HOME:-}" ]; then
  m=$(jdk_major "$JAVA_HOME")
  if [ -n "$m" ] && [ "$m" -ge "$required" ] 2>/dev/null; then
    printf '%s\n' "$JAVA_HOME"
    exit 0
  fi
fi

best="" best_major=0
for home in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -d "$home" ] || continue
  [ -L "$home" ] && continue
  m=$(jdk_major "$home")
  [ -n "$m" ] || continue
  if [ "$m" -ge "$required" ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then
    best=$home best_major=$m
  fi
done
if [ -n "$best" ]; then
  printf '%s\n' "$best"
  exit 0
fi

echo "smc4j needs a JDK $required or newer, and found none (JAVA_HOME=${JAVA_HOME:-unset}; nothing >= $required under /usr/lib/jvm)." >&2
echo "Install one (e.g. a Temurin or OpenJDK $required+ package) or point JAVA_HOME at it." >&2
exit 1
