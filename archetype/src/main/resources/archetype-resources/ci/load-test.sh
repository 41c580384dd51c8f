#!/usr/bin/env bash
# CI recipe: compile, run one simulation with Salvo's launcher, compare it with its baseline.
#
#   SALVO=/path/to/salvo-clone/salvo bash ci/load-test.sh [simulation class]
#
# Exit status (salvo run): 0 passed, 1 an SLO was breached, 2 configuration error (one line says which), 3 crashed;
# then (salvo compare, when baselines/<Simulation>/ exists) 1 on a regression beyond the thresholds.
# The database: SALVO_URL / SALVO_USER / SALVO_PASSWORD from your CI's secrets; unset means the embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
simulation=${package}.SampleSimulation
if [ $# -gt 0 ]; then simulation=$1; fi
salvo=$(printenv SALVO || echo salvo)

# the test class path: compiled simulations and every dependency
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test

"$salvo" run --classpath "target/test-classes:$(cat target/classpath.txt)" -D salvo.profiles=profiles "$simulation"

name=$(echo "$simulation" | sed 's/.*[.]//')
if [ -d "baselines/$name" ]; then
  latest=$(ls -d "target/salvo/$name"-* | sort | tail -n 1)
  "$salvo" compare -o target/salvo/compare "baselines/$name" "$latest"
fi
