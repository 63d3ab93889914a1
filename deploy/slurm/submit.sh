#!/usr/bin/env bash
# A sharded shapegen run on Slurm: a job array of N shards, then the merge as
# a job that waits for all of them (--dependency=afterok). Prints the two job
# ids; the dataset ends up in OUT/dataset, logs in OUT/logs.
#
# usage: deploy/slurm/submit.sh OUT N [generate options...]
#   deploy/slurm/submit.sh /scratch/shapes 64 --preset detection --count 100000000 --formats coco,webdataset
# environment:
#   SHAPEGEN     the shapegen binary, on every node (default: shapegen on PATH)
#   CPUS         CPUs per shard (default 4); a shard runs that many threads
#   FIRST        first array index (default 0): the shards are FIRST .. FIRST+N-1
#   SBATCH_ARGS  more sbatch options for both jobs, e.g. "--partition=cpu --time=4:00:00"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: submit.sh OUT N [generate options...]}
n=${2:?usage: submit.sh OUT N [generate options...]}
shift 2
out=$(mkdir -p "$out/logs" && cd "$out" && pwd)  # absolute: jobs start elsewhere
first=${FIRST:-0}
# shellcheck disable=SC2086  # SBATCH_ARGS is a list of options
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array="$first-$((first + n - 1))" \
  --cpus-per-task="${CPUS:-4}" --output="$out/logs/shard-%A_%a.log" \
  "$here/shard.sbatch" "$out" "$@")
array=${array%%;*}  # --parsable may add ";cluster"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$out/logs/merge-%j.log" "$here/merge.sbatch" "$out")
echo "shards: job $array (array $first-$((first + n - 1)))"
echo "merge:  job ${merge%%;*} (after all shards succeed) -> $out/dataset"
