"""`python app.py teams-package`: a zip Teams accepts, with ids from the settings."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.cli.teams_package import MANIFEST_DIR, PackageError, build_manifest, write_package
from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "3F2504E0-4F89-41D3-9A0C-0305E82C3301"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _run(tmp_path: Path, *args: str, app_id: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MICROSOFT_")}
    if app_id is not None:
        env["MICROSOFT_APP_ID"] = app_id
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "teams-package", *args],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )


def test_the_command_writes_the_zip_with_manifest_and_icons_at_the_root(tmp_path: Path) -> None:
    done = _run(tmp_path, app_id=APP_ID)
    assert done.returncode == 0, done.stderr
    package = tmp_path / "toughclient-teams.zip"
    with zipfile.ZipFile(package) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        assert _png_size(archive.read("color.png")) == (192, 192)
        assert _png_size(archive.read("outline.png")) == (32, 32)
    app_id = APP_ID.lower()
    assert manifest["id"] == app_id
    assert manifest["bots"][0]["botId"] == app_id
    assert manifest["composeExtensions"][0]["botId"] == app_id
    assert "{{" not in json.dumps(manifest)
    assert "toughclient-teams.zip" in done.stdout


def test_output_goes_where_asked(tmp_path: Path) -> None:
    done = _run(tmp_path, "--output", "out/pkg.zip", app_id=APP_ID)
    assert done.returncode == 0, done.stderr
    assert zipfile.is_zipfile(tmp_path / "out" / "pkg.zip")


def test_without_a_website_the_placeholder_links_are_named_on_stderr(tmp_path: Path) -> None:
    done = _run(tmp_path, app_id=APP_ID)
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(notes) == 1
    assert "placeholder website, privacy and terms links" in notes[0]
    assert "--website-url https://your.site" in notes[0]
    assert "placeholder" not in done.stdout


def test_with_a_website_there_is_no_placeholder_note(tmp_path: Path) -> None:
    done = _run(tmp_path, "--website-url", "https://example.org", app_id=APP_ID)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
    with zipfile.ZipFile(tmp_path / "toughclient-teams.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["developer"]["privacyUrl"] == "https://example.org/privacy"


@pytest.mark.parametrize(("app_id", "says"), [(None, "is not set"), ("my-bot", "is not a GUID")])
def test_a_missing_or_malformed_app_id_is_a_clear_error(
    tmp_path: Path, app_id: str | None, says: str
) -> None:
    done = _run(tmp_path, app_id=app_id)
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "toughclient-teams.zip").exists()


def test_the_manifest_lists_every_command_and_both_extension_commands() -> None:
    manifest = build_manifest(Settings(microsoft_app_id=APP_ID))
    bot = manifest["bots"][0]
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    titles = [c["title"] for c in bot["commandLists"][0]["commands"]]
    assert titles == [
        "check", "no", "log", "incidents", "promises", "digest", "settings", "team", "help"
    ]
    commands = {c["id"]: c for c in manifest["composeExtensions"][0]["commands"]}
    assert commands["coachDraft"]["context"] == ["compose", "commandBox"]
    assert commands["coachReply"]["context"] == ["message"]
    assert all(c["type"] == "action" and c["fetchTask"] for c in commands.values())
    assert manifest["manifestVersion"] == "1.17"
    for command in bot["commandLists"][0]["commands"]:
        assert len(command["title"]) <= 32 and len(command["description"]) <= 128


def test_the_website_must_be_https() -> None:
    with pytest.raises(PackageError, match="https"):
        build_manifest(Settings(microsoft_app_id=APP_ID), website_url="http://example.com")
    manifest = build_manifest(Settings(microsoft_app_id=APP_ID), website_url="https://a.io/")
    assert manifest["developer"]["privacyUrl"] == "https://a.io/privacy"


def test_the_outline_icon_is_white_on_transparent(tmp_path: Path) -> None:
    import zlib

    data = (MANIFEST_DIR / "outline.png").read_bytes()
    assert data[24:26] == b"\x08\x06"  # 8-bit RGBA
    chunks, at = b"", 8
    while at < len(data):
        length = struct.unpack(">I", data[at:at + 4])[0]
        if data[at + 4:at + 8] == b"IDAT":
            chunks += data[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(chunks)
    stride = 1 + 32 * 4
    pixels = [raw[row * stride + 1 + col * 4: row * stride + 5 + col * 4]
              for row in range(32) for col in range(32)]
    opaque = [p for p in pixels if p[3]]
    assert opaque and len(opaque) < len(pixels)
    assert all(p[:3] == b"\xff\xff\xff" for p in opaque)
    write_package(build_manifest(Settings(microsoft_app_id=APP_ID)), tmp_path / "p.zip")
    assert zipfile.is_zipfile(tmp_path / "p.zip")


def test_channels_and_group_chats_are_offered_only_the_shared_commands() -> None:
    """Private lists are answered in personal chat only, so Teams suggests them only there."""
    lists = build_manifest(Settings(microsoft_app_id=APP_ID))["bots"][0]["commandLists"]
    by_scope = {scope: [c["title"] for c in entry["commands"]]
                for entry in lists for scope in entry["scopes"]}
    assert by_scope["personal"] == [
        "check", "no", "log", "incidents", "promises", "digest", "settings", "team", "help"
    ]
    assert by_scope["team"] == by_scope["groupChat"] == ["check", "no", "help"]
