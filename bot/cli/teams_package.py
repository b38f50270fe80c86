"""`python app.py teams-package`: the zip to upload to Teams (sideload or org catalog).

The manifest in manifests/teams/ is a template; the app and bot ids come from
MICROSOFT_APP_ID so the package always matches the running bot. No botbuilder
import here: packaging is plain JSON and zip.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from bot.config import Settings, load_settings

MANIFEST_DIR = Path(__file__).resolve().parents[2] / "manifests" / "teams"
DEFAULT_OUTPUT = "toughclient-teams.zip"
DEFAULT_WEBSITE = "https://example.com/toughclient"
ICONS = ("color.png", "outline.png")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


PLACEHOLDER_NOTE = (
    f"toughclient teams-package: note: the manifest uses placeholder website, privacy and terms "
    f"links ({DEFAULT_WEBSITE}); set yours with --website-url https://your.site"
)


def uses_placeholder(website_url: str) -> bool:
    """True when the links would point at example.com rather than the user's own site."""
    return website_url.strip().rstrip("/") == DEFAULT_WEBSITE


class PackageError(Exception):
    """Something the user must fix before the package can be built; one line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", default=DEFAULT_OUTPUT,
                        help=f"where to write the zip (default: {DEFAULT_OUTPUT})")
    parser.add_argument("--website-url", default=DEFAULT_WEBSITE,
                        help="https URL of your site; /privacy and /terms are added for the "
                             "manifest's privacy and terms links")


def _fill(template: Any, values: dict[str, str]) -> Any:
    if isinstance(template, str):
        for name, value in values.items():
            template = template.replace("{{" + name + "}}", value)
        return template
    if isinstance(template, list):
        return [_fill(item, values) for item in template]
    if isinstance(template, dict):
        return {key: _fill(item, values) for key, item in template.items()}
    return template


def build_manifest(settings: Settings, *, website_url: str = DEFAULT_WEBSITE,
                   manifest_dir: Path = MANIFEST_DIR) -> dict[str, Any]:
    """The manifest with ids and links filled in; PackageError says what is missing."""
    app_id = settings.microsoft_app_id.strip()
    if not app_id:
        raise PackageError(
            "MICROSOFT_APP_ID is not set: register the bot first (see docs/teams.md) and put "
            "its Microsoft App ID in the environment or .env"
        )
    if not GUID.match(app_id):
        raise PackageError(
            f"MICROSOFT_APP_ID={app_id!r} is not a GUID such as "
            "00000000-0000-0000-0000-000000000000; copy it from the Azure Bot's Configuration page"
        )
    website = website_url.strip().rstrip("/")
    if not website.startswith("https://"):
        raise PackageError(f"--website-url must start with https:// (got {website_url!r})")
    template = json.loads((manifest_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest: dict[str, Any] = _fill(
        template, {"MICROSOFT_APP_ID": app_id.lower(), "WEBSITE_URL": website}
    )
    return manifest


def write_package(manifest: dict[str, Any], output: Path, *,
                  manifest_dir: Path = MANIFEST_DIR) -> Path:
    """manifest.json and both icons at the root of the zip, as Teams requires."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for icon in ICONS:
            package.write(manifest_dir / icon, arcname=icon)
    return output


def run(args: argparse.Namespace) -> int:
    try:
        manifest = build_manifest(load_settings(), website_url=args.website_url)
        path = write_package(manifest, Path(args.output))
    except PackageError as err:
        print(f"toughclient teams-package: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"toughclient teams-package: could not write {args.output}: {err.strerror}",
              file=sys.stderr)
        return 1
    if uses_placeholder(args.website_url):
        print(PLACEHOLDER_NOTE, file=sys.stderr)
    print(f"Wrote {path} (app {manifest['id']}). Upload it in Teams: Apps > Manage your apps > "
          "Upload an app.")
    return 0
