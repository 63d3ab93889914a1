"""deploy/k8s/*.yaml parse as YAML and hang together: an Indexed Job whose
completions equal SHAPEGEN_SHARD_COUNT, writing to /data/shards/<index> with
--shard auto; a merge Job over the same claim. (Not run: no cluster here.)"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "interop"))
from common import Checks, need  # noqa: E402

yaml = need("yaml")
checks = Checks()
root = pathlib.Path(sys.argv[1]) / "deploy" / "k8s"
docs = {}
for path in sorted(root.glob("*.yaml")):
    try:
        for doc in yaml.safe_load_all(path.read_text()):
            docs[doc["metadata"]["name"]] = doc
    except yaml.YAMLError as e:
        checks.check(False, f"{path}: {e}")
checks.check(set(docs) == {"shapegen-data", "shapegen-shards", "shapegen-merge"}, f"objects: {sorted(docs)}")
shards, merge = docs["shapegen-shards"], docs["shapegen-merge"]
spec = shards["spec"]
container = spec["template"]["spec"]["containers"][0]
env = {e["name"]: e for e in container["env"]}
checks.check(spec["completionMode"] == "Indexed", "the shards Job is not Indexed")
checks.check(env["SHAPEGEN_SHARD_COUNT"]["value"] == str(spec["completions"]),
             "SHAPEGEN_SHARD_COUNT differs from completions")
command = container["command"]
checks.check(command[command.index("--shard") + 1] == "auto", "shards are not --shard auto")
checks.check(command[command.index("--out") + 1] == "/data/shards/$(JOB_COMPLETION_INDEX)", "shard folder")
for job in (shards, merge):
    claim = job["spec"]["template"]["spec"]["volumes"][0]["persistentVolumeClaim"]["claimName"]
    checks.check(claim == "shapegen-data", f"{job['metadata']['name']}: claim {claim}")
checks.check("merge" in merge["spec"]["template"]["spec"]["containers"][0]["command"][-1], "merge command")
checks.finish()
