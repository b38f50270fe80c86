import pytest

from bot.service import Actor, InvalidInput, Service, UserSettingsView


def test_defaults_until_a_person_changes_them(service: Service, actor: Actor):
    assert service.get_settings(actor) == UserSettingsView("UTC", 0, 9, True)


def test_changes_are_kept_and_untouched_fields_stay(service: Service, actor: Actor):
    service.update_settings(actor, tz="America/New_York", digest_day=4)
    changed = service.update_settings(actor, digest_hour=16, digest_enabled=False)
    assert changed == UserSettingsView("America/New_York", 4, 16, False)
    assert service.get_settings(actor) == changed


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"tz": "Mars/Olympus"}, "Unknown time zone"),
        ({"digest_day": 7}, "0 \\(Monday\\) to 6"),
        ({"digest_hour": 24}, "0 to 23"),
    ],
)
def test_impossible_settings_are_refused(service: Service, actor: Actor, change, words):
    with pytest.raises(InvalidInput, match=words):
        service.update_settings(actor, **change)
    assert service.get_settings(actor).tz == "UTC"
