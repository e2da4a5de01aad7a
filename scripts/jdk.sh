# Finds a JDK 25 or newer and exports JAVA_HOME and JAVA (the java binary).
#
# Source it from bash:   . scripts/jdk.sh
# Order: $JAVA_HOME if it is 25+, else the newest 25+ JDK under /usr/lib/jvm (Linux) or
# /Library/Java/JavaVirtualMachines (macOS). When none is found it prints one line on stderr and
# exits 1: that ends the script that sourced it, which is the point (nothing here runs without it).

VERGE_MIN_JAVA=25

# Prints the major version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
verge_jdk_major() {
    local home=$1 version=
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -f "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        # No release file: ask the JVM (slower, so only as a fallback).
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}          # 1.8.0 -> 8.0 (old scheme)
    version=${version%%[.+-]*}     # 25.0.3 -> 25
    case $version in
        '' | *[!0-9]*) ;;
        *) echo "$version" ;;
    esac
}

verge_find_jdk() {
    local major
    if [ -n "${JAVA_HOME:-}" ]; then
        major=$(verge_jdk_major "$JAVA_HOME")
        if [ -n "$major" ] && [ "$major" -ge "$VERGE_MIN_JAVA" ]; then
            echo "$JAVA_HOME"
            return
        fi
    fi
    local candidate best= best_major=0
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$candidate" ] || continue
        major=$(verge_jdk_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge "$VERGE_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
            best=$candidate
            best_major=$major
        fi
    done
    [ -n "$best" ] && echo "$best"
}

if VERGE_JDK=$(verge_find_jdk) && [ -n "$VERGE_JDK" ]; then
    export JAVA_HOME=$VERGE_JDK
    export JAVA=$JAVA_HOME/bin/java
    unset VERGE_JDK
else
    echo "verge needs JDK $VERGE_MIN_JAVA or newer: set JAVA_HOME to one (found none in JAVA_HOME=${JAVA_HOME:-<unset>} or /usr/lib/jvm)" >&2
    exit 1
fi
