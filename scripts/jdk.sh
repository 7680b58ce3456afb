# Sourced by the scripts: exports JAVA_HOME pointing at a JDK >= 21 (the machine's default java may be 17).
java_major() { # $1 = JDK home
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "${v:-0}"
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    [ "$(java_major "$d")" -ge 21 ] && best="$d"
  fi
  [ -n "$best" ] || return 1
  echo "$best"
}
JAVA_HOME=$(find_jdk) || { echo "Followthrough needs a JDK 21 or newer; none found under /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2; exit 1; }
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
