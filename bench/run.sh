#!/usr/bin/env bash
# Measures rtproof side by side with Unicorn 2 and the real CPU and writes docs/benchmarks.md from this one
# run: the machine, the exact commands, emulator throughput (JMH), verification time per property,
# `./rtproof verify` wall time, the processor's overhead on `examples`, and verification scaling.
# About 15 minutes on 2 cores. Needs: JDK 17, Maven, Go 1.19 (golang-go), Unicorn 2 (libunicorn2).
#
# Shorter or longer JMH runs (iterations and seconds per iteration, warm-up and measurement alike):
#   JMH_WARMUPS=1 JMH_ITERATIONS=2 JMH_SECONDS=2 bench/run.sh
# The budget per property in the scaling series: SCALING_BUDGET=20 (seconds).
# After a step failed: BENCH_RESUME=STEP bench/run.sh keeps the run's directory and starts at STEP (one of
# throughput, properties, verify, processor, scaling, page), with the build as it is; the page says so.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUN=$ROOT/target/bench-run
JMH_WARMUPS=${JMH_WARMUPS:-2}
JMH_ITERATIONS=${JMH_ITERATIONS:-3}
JMH_SECONDS=${JMH_SECONDS:-3}
SCALING_BUDGET=${SCALING_BUDGET:-20}
REPEAT=3 # runs of `./rtproof verify`
# runs of each javac variant, alternating: the processor's overhead is a difference of two noisy wall times
# (±0.3 s between runs on this 2-core VM), so it takes more runs than one time does
JAVAC_REPEAT=${JAVAC_REPEAT:-9}
RESUME=${BENCH_RESUME:-}
STEPS=(build throughput properties verify processor scaling page)
if [ -z "$RESUME" ]; then
  rm -rf "$RUN"
  mkdir -p "$RUN"
elif [[ ! " ${STEPS[*]:1} " =~ " $RESUME " ]]; then
  echo "bench: BENCH_RESUME=$RESUME: expected one of ${STEPS[*]:1}" >&2
  exit 2
fi
started=$(date +%s)

# Whether step $1 runs: all do, unless resuming at a later one.
runs() {
  [ -z "$RESUME" ] && return 0
  local s
  for s in "${STEPS[@]}"; do
    [ "$s" = "$RESUME" ] && return 0
    [ "$s" = "$1" ] && return 1
  done
}

put() { echo "$1=$2" >>"$RUN/results.txt"; }

# step 'COMMAND': records COMMAND as written (variables unexpanded) in the page's command list, then runs it.
step() {
  printf '```sh\n%s\n```\n' "$1" >>"$RUN/commands.md"
  echo "bench: $1" >&2
  eval "$1"
}

# Seconds (3 decimals) COMMAND takes, the command's output discarded; its exit code goes to $RUN/last-exit.
seconds() {
  local start end rc=0
  start=$(date +%s%N)
  eval "$1" >"$RUN/last.log" 2>&1 || rc=$?
  end=$(date +%s%N)
  echo "$rc" >"$RUN/last-exit"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- the machine -------------------------------------------------------------------------------------------
if [ -n "$RESUME" ]; then
  put run.resumed "$RESUME at $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1 /proc/loadavg)"
  started=$(( started - $(awk -F= '$1 == "run.seconds" { print $2 }' "$RUN/results.txt" | tail -1) ))
fi
if runs build; then
put machine.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
put machine.cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
put machine.cores "$(nproc)"
put machine.memory "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
put machine.os "$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s), Linux $(uname -r)"
put machine.jvm "$(java -version 2>&1 | sed -n '1p;3p' | paste -sd ';' | sed 's/;/; /')"
put machine.go "$(go version)"
put machine.load_before "$(cut -d' ' -f1 /proc/loadavg)"
put run.commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/benchmarks.md' || echo ' with uncommitted changes')"

# --- build -------------------------------------------------------------------------------------------------
printf 'Class paths: `BENCH_CP` is `benchmarks/target/classes` and the runtime class path Maven wrote to `benchmarks/target/bench-classpath.txt`; `PROCESSOR_CP` the processor jar and its runtime class path; `EXAMPLES_CP` the `dsl` and `emulator` jars.\n\n' >"$RUN/commands.md"
step 'mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt'
fi
BENCH_CP="benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)"
PROCESSOR_CP="processor/target/rtproof-processor-0.1.0-SNAPSHOT.jar:$(cat processor/target/bench-classpath.txt)"
EXAMPLES_CP="dsl/target/rtproof-dsl-0.1.0-SNAPSHOT.jar:emulator/target/rtproof-emulator-0.1.0-SNAPSHOT.jar"
EXAMPLES_SOURCES=$(find examples/src/main/java -name '*.java' | sort)

# --- emulator throughput (JMH) -----------------------------------------------------------------------------
if runs throughput; then
put jmh.settings "1 fork per benchmark, $JMH_WARMUPS × ${JMH_SECONDS} s warm-up and $JMH_ITERATIONS × ${JMH_SECONDS} s measurement iterations"
step 'java -cp "$BENCH_CP" dev.rtproof.benchmarks.Throughput "$RUN/throughput.md" "$RUN/results.txt" $JMH_WARMUPS $JMH_ITERATIONS $JMH_SECONDS' ||
  echo "bench: the throughput step failed; continuing" >&2
fi
put run.seconds $(( $(date +%s) - started ))

# --- verification time per property ------------------------------------------------------------------------
if runs properties; then
step 'java -cp "$BENCH_CP" dev.rtproof.benchmarks.verify.PropertyTimes "$RUN/properties.md" "$RUN/results.txt" 5' ||
  echo "bench: the property-times step failed; continuing" >&2
fi
put run.seconds $(( $(date +%s) - started ))

# --- ./rtproof verify over all examples --------------------------------------------------------------------
if runs verify; then
walls=()
for _ in $(seq $REPEAT); do
  walls+=("$(seconds './rtproof verify')")
done
printf '```sh\n./rtproof verify    # %d times, timed\n```\n' $REPEAT >>"$RUN/commands.md"
put verify.runs "$REPEAT"
put verify.runs_s "$(printf '%s, ' "${walls[@]}" | sed 's/, $//')"
put verify.wall_s "$(median "${walls[@]}")"
put verify.exit "$(cat "$RUN/last-exit")"
fi
put run.seconds $(( $(date +%s) - started ))

# --- processor overhead on examples ------------------------------------------------------------------------
if runs processor; then
plain=() with=() cached=()
javac_examples() { echo "javac --release 17 -d \"\$RUN/classes-$1\" -cp \"\$EXAMPLES_CP\" $2 \$EXAMPLES_SOURCES"; }
PLAIN=$(javac_examples plain '-proc:none')
# The budget examples/pom.xml gives; -Artproof.failOn=never: a verdict must not stop the measurement.
WITH=$(javac_examples with '-processorpath "$PROCESSOR_CP" -Artproof.timeout=60s -Artproof.failOn=never -Artproof.cache=off -Artproof.reportDir="$RUN/report-with"')
CACHED=$(javac_examples cached '-processorpath "$PROCESSOR_CP" -Artproof.timeout=60s -Artproof.failOn=never -Artproof.cache="$RUN/proof-cache" -Artproof.reportDir="$RUN/report-cached"')
eval "$CACHED" >/dev/null 2>&1 || echo "bench: javac with the processor failed (exit $?); timing it anyway" >&2
for _ in $(seq $JAVAC_REPEAT); do
  plain+=("$(seconds "$PLAIN")")
  with+=("$(seconds "$WITH")")
  cached+=("$(seconds "$CACHED")")
done
printf '```sh\n# each %d times, timed; the proof cache filled by one untimed run of the last\n%s\n%s\n%s\n```\n' \
  $JAVAC_REPEAT "$PLAIN" "$WITH" "$CACHED" >>"$RUN/commands.md"
put processor.files "$(echo "$EXAMPLES_SOURCES" | wc -l)"
put processor.runs "$JAVAC_REPEAT"
put processor.plain_s "$(median "${plain[@]}")"
put processor.with_s "$(median "${with[@]}")"
put processor.cached_s "$(median "${cached[@]}")"
put processor.overhead_s "$(awk -v a="$(median "${with[@]}")" -v b="$(median "${plain[@]}")" 'BEGIN { printf "%.1f", a - b }')"
put processor.cached_overhead_s "$(awk -v a="$(median "${cached[@]}")" -v b="$(median "${plain[@]}")" 'BEGIN { printf "%.1f", a - b }')"
put processor.exit "$(cat "$RUN/last-exit")"
fi
put run.seconds $(( $(date +%s) - started ))

# --- scaling -----------------------------------------------------------------------------------------------
if runs scaling; then
put scaling.budget_s "$SCALING_BUDGET"
step 'java -cp "$BENCH_CP" dev.rtproof.benchmarks.verify.Scaling "$RUN/scaling.md" "$RUN/results.txt" 3 $SCALING_BUDGET' ||
  echo "bench: the scaling step failed; continuing" >&2
fi

# --- the page ----------------------------------------------------------------------------------------------
put machine.load_after "$(cut -d' ' -f1 /proc/loadavg)"
put run.minutes "$(( ($(date +%s) - started + 30) / 60 ))"
grep -q '^run.resumed=' "$RUN/results.txt" || put run.resumed "no"
java -cp "$BENCH_CP" dev.rtproof.benchmarks.report.BenchReport docs/benchmarks.md "$RUN"
echo "bench: wrote docs/benchmarks.md (the run's files are in $RUN)" >&2
