"""Reading the YAML lists the project ships as data (the glossary's terms, the medical words)."""

import yaml
from django.core.management.base import CommandError


def read_yaml_list(path, expected):
    """The list of mappings in the YAML file at `path`, or a CommandError naming the problem; `expected`
    says what each entry must hold ("terms, each with term, anchor and definition")."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path} does not exist") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise CommandError(f"{path.name} is not a readable YAML file: {error}") from None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise CommandError(f"{path.name} must be a list of {expected}")
    return entries
