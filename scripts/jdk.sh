# Finds a JDK 25 or newer and exports JAVA_HOME and JAVA (the java binary).
#
# Source it from bash:   . scripts/jdk.sh
# Order: $JAVA_HOME if it is 25+, else the newest 25+ JDK under /usr/lib/jvm (Linux) or
# /Library/Java/JavaVirtualMachines (macOS). When none is found it prints one line on stderr and
# exits 1: that ends the script that sourced it, which is the point (nothing here runs without it).

VERGE_MIN_JAVA=25

# Sets verge_major to the major version of the JDK at $1 (e.g. 25), or to nothing if it is not a
# JDK. Pure bash where the release file answers: ./verge sources this at every call, and each
# subshell or sed would cost it milliseconds.
verge_jdk_major() {
    local home=$1 version= line
    verge_major=
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -f "$home/release" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            case $line in
                JAVA_VERSION=\"*\") version=${line#JAVA_VERSION=\"}; version=${version%\"}; break ;;
            esac
        done < "$home/release"
    fi
    if [ -z "$version" ]; then
        # No release file: ask the JVM (slower, so only as a fallback).
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}          # 1.8.0 -> 8.0 (old scheme)
    version=${version%%[.+-]*}     # 25.0.3 -> 25
    case $version in
        '' | *[!0-9]*) ;;
        *) verge_major=$version ;;
    esac
}

# Sets verge_jdk to the JDK to use, or to nothing when there is none.
verge_find_jdk() {
    verge_jdk=
    if [ -n "${JAVA_HOME:-}" ]; then
        verge_jdk_major "$JAVA_HOME"
        if [ -n "$verge_major" ] && [ "$verge_major" -ge "$VERGE_MIN_JAVA" ]; then
            verge_jdk=$JAVA_HOME
            return
        fi
    fi
    local candidate best_major=0
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$candidate" ] || continue
        verge_jdk_major "$candidate"
        if [ -n "$verge_major" ] && [ "$verge_major" -ge "$VERGE_MIN_JAVA" ] && [ "$verge_major" -gt "$best_major" ]; then
            verge_jdk=$candidate
            best_major=$verge_major
        fi
    done
}

verge_find_jdk
if [ -n "$verge_jdk" ]; then
    export JAVA_HOME=$verge_jdk
    export JAVA=$JAVA_HOME/bin/java
    unset verge_jdk verge_major
else
    echo "verge needs JDK $VERGE_MIN_JAVA or newer: set JAVA_HOME to one (found none in JAVA_HOME=${JAVA_HOME:-<unset>} or /usr/lib/jvm)" >&2
    exit 1
fi
