"""deploy/k8s/: every manifest parses, and together they make a release that cannot race."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from app import COMMANDS

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def manifests() -> dict[str, dict[str, Any]]:
    docs = {}
    for path in sorted(K8S.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text())
        docs[doc["kind"] if doc["kind"] != "CronJob" else doc["metadata"]["name"]] = doc
    return docs


def containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    spec = doc["spec"]
    if doc["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    found: list[dict[str, Any]] = spec["template"]["spec"]["containers"]
    return found


def test_kustomization_lists_every_manifest_in_the_folder() -> None:
    listed = set(manifests()["Kustomization"]["resources"])
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk


def test_the_deployment_probes_liveness_and_readiness_on_different_endpoints() -> None:
    deployment = manifests()["Deployment"]
    (server,) = containers(deployment)
    assert deployment["spec"]["replicas"] >= 2
    assert server["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert server["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert server["command"] == ["python", "app.py", "serve"]


def test_replicas_never_migrate_and_a_job_does_it_once_per_release() -> None:
    docs = manifests()
    assert docs["ConfigMap"]["data"]["TOUGHCLIENT_MIGRATE_ON_START"] == "false"
    job = docs["Job"]
    (migrate,) = containers(job)
    assert migrate["command"] == ["python", "app.py", "migrate"]
    version = docs["Kustomization"]["images"][0]["newTag"]
    assert job["metadata"]["name"].endswith(version.replace(".", "-"))


def test_the_cron_jobs_run_commands_that_exist() -> None:
    docs = manifests()
    for name in ("toughclient-digest", "toughclient-retention"):
        (container,) = containers(docs[name])
        assert container["command"][:2] == ["python", "app.py"]
        assert container["command"][2] in COMMANDS
        assert docs[name]["spec"]["concurrencyPolicy"] == "Forbid"
    (digest,) = containers(docs["toughclient-digest"])
    assert digest["command"] == ["python", "app.py", "digest"]


def test_every_pod_reads_the_config_map_and_the_secret() -> None:
    docs = manifests()
    refs = {"toughclient-config", "toughclient-secrets"}
    for name in ("Deployment", "Job", "toughclient-digest", "toughclient-retention"):
        for container in containers(docs[name]):
            names = {
                (source.get("configMapRef") or source.get("secretRef"))["name"]
                for source in container["envFrom"]
            }
            assert names == refs, name


def test_the_service_points_at_the_deployments_pods() -> None:
    docs = manifests()
    selector = docs["Service"]["spec"]["selector"]
    labels = docs["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert selector.items() <= labels.items()
