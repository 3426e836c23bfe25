#!/bin/sh
# The packaged program's launcher, installed by build.sh as bin/NAME in place of jpackage's native one.
#
# It starts the image's own Java runtime (lib/runtime) with what jpackage wrote to lib/app/NAME.cfg: the class path
# (app.classpath), the main class (app.mainclass) and the JVM's options (java-options), where $APPDIR, $ROOTDIR and
# $BINDIR stand for lib/app, the image and bin, and then the arguments it was given. It does what jpackage's launcher
# does for this image, less its search for the package that owns it: that launcher runs `rpm -qf` and `dpkg -S`
# on every start, before the JVM, to find its library, some 0.1 s of each start on a Debian machine (README,
# "Start-up"). `exec` leaves one process, the JVM, which receives the signals (the class server's systemd unit).
set -eu

self=$0
[ -L "$self" ] && self=$(readlink -f "$self")
case $self in */*) BINDIR=${self%/*} ;; *) BINDIR=. ;; esac
BINDIR=$(cd "$BINDIR" && pwd)
ROOTDIR=${BINDIR%/*}
APPDIR=$ROOTDIR/lib/app
name=${self##*/}
cfg=$APPDIR/$name.cfg
[ -r "$cfg" ] || { echo "$name: cannot read $cfg" >&2; exit 1; }

# the value with $APPDIR, $ROOTDIR and $BINDIR replaced, in $expanded (no subshell: a start reads some 40 lines)
expand() {
    rest=$1 expanded=
    while :; do
        case $rest in
            *'$APPDIR'*) expanded=$expanded${rest%%'$APPDIR'*}$APPDIR rest=${rest#*'$APPDIR'} ;;
            *'$ROOTDIR'*) expanded=$expanded${rest%%'$ROOTDIR'*}$ROOTDIR rest=${rest#*'$ROOTDIR'} ;;
            *'$BINDIR'*) expanded=$expanded${rest%%'$BINDIR'*}$BINDIR rest=${rest#*'$BINDIR'} ;;
            *) expanded=$expanded$rest; return ;;
        esac
    done
}

# The arguments given stay first in "$@"; the JVM's options are added after them, then the arguments are moved
# behind: java OPTIONS -cp CLASSPATH MAIN ARGUMENTS.
given=$#
classpath= main=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        java-options=*) expand "${line#java-options=}"; set -- "$@" "$expanded" ;;
        app.classpath=*) expand "${line#app.classpath=}"; classpath=${classpath:+$classpath:}$expanded ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
    esac
done < "$cfg"
[ -n "$main" ] || { echo "$name: no app.mainclass in $cfg" >&2; exit 1; }
set -- "$@" -cp "$classpath" "$main"
while [ "$given" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    given=$((given - 1))
done
exec "$ROOTDIR/lib/runtime/bin/java" "$@"
