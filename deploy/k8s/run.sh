#!/usr/bin/env bash
# The shards as an Indexed Job, then the merge once every index succeeded.
# usage: deploy/k8s/run.sh [kubectl options, e.g. -n NAMESPACE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kubectl "$@" apply -f "$here/pvc.yaml"
kubectl "$@" apply -f "$here/shards-job.yaml"
kubectl "$@" wait --for=condition=complete --timeout=24h job/shapegen-shards
kubectl "$@" apply -f "$here/merge-job.yaml"
kubectl "$@" wait --for=condition=complete --timeout=24h job/shapegen-merge
echo "dataset in /data/dataset of volume shapegen-data"
