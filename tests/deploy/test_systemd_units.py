"""deploy/systemd/: every timer starts a command the site has, with arguments it accepts."""

import configparser
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
TIMERS = sorted(SYSTEMD.glob("*.timer"))


def unit(path):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path)
    return parser


def command_of(timer):
    """The manage.py command line (a list) that `timer` runs, through neutro-manage@<instance>.service."""
    service = unit(timer)["Timer"]["Unit"]
    assert service.startswith("neutro-manage@")
    instance = service.removeprefix("neutro-manage@").removesuffix(".service")
    settings = dict(
        line.split("=", 1) for line in (SYSTEMD / "commands" / instance).read_text().splitlines() if "=" in line
    )
    return shlex.split(settings["NEUTRO_COMMAND"])


def test_the_periodic_commands_are_all_scheduled():
    assert {command_of(timer)[0] for timer in TIMERS} == {
        "review_due",
        "publish_scheduled",
        "clearsessions",
        "axes_reset_logs",
    }


@pytest.mark.parametrize("timer", TIMERS, ids=[timer.stem for timer in TIMERS])
def test_each_timer_runs_a_command_the_site_has_with_arguments_it_accepts(timer):
    name, *arguments = command_of(timer)
    commands = get_commands()
    assert name in commands
    command = load_command_class(commands[name], name)
    command.create_parser("manage.py", name).parse_args(arguments)
    assert unit(timer)["Timer"]["OnCalendar"]
