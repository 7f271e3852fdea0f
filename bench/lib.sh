# Shell helpers the benchmark scripts share; source it after setting WORK (a scratch folder).

# Prints user+sys CPU seconds of one command.
cpu_of() {
  local out="$WORK/time.txt"
  /usr/bin/time -f "%U %S" -o "$out" "$@" >/dev/null
  awk '{ printf "%.3f\n", $1 + $2 }' "$out"
}

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
