#!/bin/sh
# Compiler launcher for the header self-containment check (test/CMakeLists.txt): runs the compile
# command it is given with -fsyntax-only (parsing and checking only: no code generation, about a
# third less time), then creates the object file the command names, empty, so that the build tool
# sees the step done and does not run it again until a header changes.
out=
prev=
for arg in "$@"; do
    if [ "$prev" = "-o" ]; then
        out=$arg
    fi
    prev=$arg
done
"$@" -fsyntax-only || exit
if [ -n "$out" ]; then
    : > "$out"
fi
