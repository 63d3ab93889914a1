#!/usr/bin/env bash
# A real Slurm run on this machine: starts munged, slurmctld and slurmd with
# their own state under a temporary folder (one node, this host), submits
# deploy/slurm/submit.sh for a small dataset in 4 shards (array 1-4, so the
# shard index is the task id less SLURM_ARRAY_TASK_MIN) with the merge as a
# dependent job, waits, and checks the merged dataset against one unsharded
# run: `shapegen diff` exit 0 and identical bytes (data.yaml but its path:
# line). Every daemon it started is stopped at the end, also on failure.
# Exit 77 (skipped) only when the daemons cannot start, saying why.
# usage: slurm_merge.sh SHAPEGEN_BINARY SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
SKIP=77

skip() { echo "SKIPPED: $*"; exit $SKIP; }
fail() { echo "FAIL: $*"; exit 1; }

for tool in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$tool" >/dev/null || skip "$tool not found (Debian packages slurm-wlm and munge; scripts/test.sh installs them)"
done
[[ $(id -u) == 0 ]] || skip "slurmd must run as root to start jobs (running as $(id -un))"

tmp=$(mktemp -d /tmp/shapegen-slurm.XXXXXX)
chmod 700 "$tmp"
pids=()
cleanup() {
  # Only the daemons this script started, by their ids.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

logs() { for f in "$tmp"/*.log; do echo "--- $f"; tail -n 15 "$f"; done; }

# munge: its own key and socket.
mkdir -m 711 "$tmp/munge"  # clients need to reach the socket
head -c 1024 /dev/urandom >"$tmp/munge/munge.key"
chmod 400 "$tmp/munge/munge.key"
munged -F -f --socket="$tmp/munge/socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munge/munged.pid" --seed-file="$tmp/munge/seed" --log-file="$tmp/munged.log" \
  >>"$tmp/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [[ -S $tmp/munge/socket ]] && break; sleep 0.1; done
[[ -S $tmp/munge/socket ]] || { logs; skip "munged did not start"; }

# Slurm: one node (this host), free ports, state under $tmp.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
mkdir -p "$tmp/state" "$tmp/spool"
export SLURM_CONF=$tmp/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=shapegen-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/socket
CredType=cred/munge
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out.log" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 100); do
  state=$(sinfo -h -o %T 2>/dev/null | head -n 1)
  [[ $state == idle ]] && break
  sleep 0.2
done
[[ $state == idle ]] || { logs; skip "slurmctld/slurmd did not bring the node up (state '$state'; logs above)"; }
echo "slurm is up: node $host idle, $cpus CPUs"

# The same dataset: one run here, and 4 shards + merge through Slurm.
args=(--preset detection --count 24 --variants 1 --split train=0.6,val=0.2,test=0.2
      --formats coco,yolo,masks,imagefolder,webdataset --output.webdataset_samples=5)
"$bin" generate "${args[@]}" --jobs 2 --out "$tmp/reference" >/dev/null || fail "unsharded run"
submitted=$(SHAPEGEN=$bin CPUS=1 FIRST=1 "$src/deploy/slurm/submit.sh" "$tmp/run" 4 "${args[@]}") ||
  fail "submit.sh: $submitted"
echo "$submitted"
merge_job=$(sed -n 's/^merge: *job \([0-9]*\).*/\1/p' <<<"$submitted")
array_job=$(sed -n 's/^shards: job \([0-9]*\).*/\1/p' <<<"$submitted")
for _ in $(seq 450); do
  [[ -z $(squeue -h -j "$array_job,$merge_job" 2>/dev/null) ]] && break
  sleep 0.2
done
merge_state=$(scontrol show job "$merge_job" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
for f in "$tmp"/run/logs/*.log; do echo "--- $(basename "$f")"; cat "$f"; done
[[ $merge_state == COMPLETED ]] || { logs; fail "merge job $merge_job ended $merge_state"; }
[[ $(ls "$tmp/run/shards") == $'1\n2\n3\n4' ]] || fail "shard folders: $(ls "$tmp/run/shards")"

"$bin" diff "$tmp/reference" "$tmp/run/dataset" || fail "shapegen diff found differences"
diff -r -x data.yaml "$tmp/reference" "$tmp/run/dataset" || fail "merged files differ from the unsharded run"
diff <(grep -v '^path:' "$tmp/reference/data.yaml") <(grep -v '^path:' "$tmp/run/dataset/data.yaml") ||
  fail "data.yaml differs beyond its path: line"
"$bin" verify "$tmp/run/dataset" || fail "verify of the merged dataset"
echo "PASS: 4 Slurm array tasks + dependent merge == one unsharded run"
